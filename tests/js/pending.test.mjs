// Messages typed on a room page and not confirmed yet: the resend queue, one entry per
// client_id, kept across a reload (static/js/rooms/pending.js).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { PendingQueue } from "../../static/js/rooms/pending.js";

class MemoryStorage {
  constructor() {
    this.data = new Map();
  }
  getItem(key) {
    return this.data.has(key) ? this.data.get(key) : null;
  }
  setItem(key, value) {
    this.data.set(key, String(value));
  }
  removeItem(key) {
    this.data.delete(key);
  }
}

const KEY = "relais:room:test:pending";

describe("PendingQueue", () => {
  it("resends, in the order typed, what is neither confirmed nor failed", () => {
    const queue = new PendingQueue(null, KEY);
    queue.add({ client_id: "a", body: "un" });
    queue.add({ client_id: "b", body: "deux", reply_to: 1 });
    queue.add({ client_id: "c", body: "trois" });
    queue.fail("b");
    assert.deepEqual(queue.toResend().map((item) => item.client_id), ["a", "c"]);
    queue.remove("a");
    assert.deepEqual(queue.toResend().map((item) => item.client_id), ["c"]);
    queue.retry("b");
    assert.deepEqual(queue.toResend().map((item) => item.client_id), ["b", "c"]);
  });

  it("holds one entry per client_id", () => {
    const queue = new PendingQueue(null, KEY);
    const first = queue.add({ client_id: "a", body: "un" });
    const again = queue.add({ client_id: "a", body: "un" });
    assert.equal(again, first);
    assert.equal(queue.size, 1);
  });

  it("lets an echo, or a second echo, of a message confirm it once", () => {
    const queue = new PendingQueue(null, KEY);
    queue.add({ client_id: "a", body: "un" });
    assert.equal(queue.remove("a").body, "un");
    assert.equal(queue.remove("a"), null, "the resent copy's echo finds nothing left");
    assert.equal(queue.remove("not-mine"), null, "someone else's message");
    assert.equal(queue.size, 0);
  });

  it("sends a message with its client_id and reply", () => {
    const queue = new PendingQueue(null, KEY);
    const item = queue.add({ client_id: "a", body: "un", reply_to: 4 });
    assert.deepEqual(PendingQueue.frame(item), {
      type: "send", body: "un", client_id: "a", reply_to: 4,
    });
  });

  it("keeps the queue in storage, and restores it on the next page", () => {
    const storage = new MemoryStorage();
    const queue = new PendingQueue(storage, KEY);
    queue.add({ client_id: "a", body: "un" });
    queue.add({ client_id: "b", body: "deux", reply_to: 3 });
    queue.fail("b");
    const next = new PendingQueue(storage, KEY);
    const restored = next.restore();
    assert.deepEqual(restored, [
      { client_id: "a", body: "un", reply_to: null, failed: false },
      { client_id: "b", body: "deux", reply_to: 3, failed: true },
    ]);
    next.remove("a");
    next.remove("b");
    assert.equal(storage.getItem(KEY), null, "an empty queue leaves nothing behind");
  });

  it("drops what it cannot read", () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, "not json");
    assert.deepEqual(new PendingQueue(storage, KEY).restore(), []);
    storage.setItem(KEY, JSON.stringify([{ client_id: 1, body: "x" }, null, { client_id: "ok", body: "y" }]));
    assert.deepEqual(new PendingQueue(storage, KEY).restore().map((item) => item.client_id), ["ok"]);
  });

  it("keeps working in memory when storage refuses", () => {
    const refusing = {
      getItem() { throw new Error("denied"); },
      setItem() { throw new Error("full"); },
      removeItem() { throw new Error("denied"); },
    };
    const queue = new PendingQueue(refusing, KEY);
    assert.deepEqual(queue.restore(), []);
    queue.add({ client_id: "a", body: "un" });
    assert.equal(queue.toResend().length, 1);
  });

  it("remembers every client_id it was given, confirmed or not, restored or typed", () => {
    const storage = new MemoryStorage();
    new PendingQueue(storage, KEY).add({ client_id: "old", body: "avant" });
    const queue = new PendingQueue(storage, KEY);
    queue.restore();
    queue.add({ client_id: "new", body: "après" });
    queue.remove("new");
    assert.equal(queue.isOwn("old"), true);
    assert.equal(queue.isOwn("new"), true, "confirmed, still this tab's");
    assert.equal(queue.isOwn("someone-else"), false);
  });
});
