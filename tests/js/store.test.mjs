// The numbers a room page holds: gap detection, ordering by number, no number twice,
// one sync per gap (static/js/rooms/store.js).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { MessageStore, messagesOf, sortedBySeq, toSeq } from "../../static/js/rooms/store.js";

describe("MessageStore", () => {
  it("starts from the numbers the page shows, or the room's last number", () => {
    assert.equal(new MessageStore([3, 4, 5]).lastSeq, 5);
    assert.equal(new MessageStore([], 12).lastSeq, 12);
    assert.equal(new MessageStore([]).lastSeq, 0);
    assert.equal(new MessageStore([4, 2, 3]).first(), 2);
    assert.equal(new MessageStore([]).first(), null);
  });

  it("sees a gap when a number skips the next one", () => {
    const store = new MessageStore([1, 2]);
    assert.equal(store.isGap(3), false);
    assert.equal(store.isGap(5), true);
    assert.equal(store.isGap(2), false, "a number already passed is no gap");
  });

  it("advances over the numbers held without a hole, and stops at the first hole", () => {
    const store = new MessageStore([1, 2]);
    store.add(5);
    store.add(4);
    assert.equal(store.advance(), 2, "3 is still missing");
    store.add(3);
    assert.equal(store.advance(), 5);
    assert.equal(store.isGap(6), false);
  });

  it("places a number right after the largest one held below it", () => {
    const store = new MessageStore([2, 5, 9]);
    assert.equal(store.add(7), 5);
    assert.equal(store.add(10), 9);
    assert.equal(store.add(1), null, "older than everything: goes first");
    assert.equal(store.add(3), 2);
    assert.equal(store.add(8), 7);
  });

  it("never holds a number twice", () => {
    const store = new MessageStore([1]);
    assert.equal(store.add(2), 1);
    assert.equal(store.add(2), undefined);
    assert.equal(store.add(1), undefined);
    assert.equal(store.has(2), true);
    assert.equal(store.has(3), false);
  });

  it("asks one sync per gap, and again once the gap moved or a later number is missing", () => {
    const store = new MessageStore([1, 2]);
    assert.equal(store.syncFor(5), 2);
    store.syncSent(2, 5);
    assert.equal(store.syncFor(5), null, "already on its way");
    assert.equal(store.syncFor(4), null, "covered by the sync on its way");
    assert.equal(store.syncFor(7), 2, "a later number: ask again");
    store.add(3);
    store.advance();
    assert.equal(store.syncFor(5), 3, "part of it came: ask for the rest");
  });

  it("forgets the sync on its way when a new connection starts", () => {
    const store = new MessageStore([1]);
    store.syncSent(1, 4);
    assert.equal(store.syncFor(4), null);
    store.newConnection();
    assert.equal(store.syncFor(4), 1);
  });

  it("orders a burst received out of order as the page shows it", () => {
    const store = new MessageStore([1]);
    const page = [1];
    for (const seq of [4, 2, 6, 3, 5, 4, 2]) {
      const after = store.add(seq);
      if (after === undefined) {
        continue;
      }
      page.splice(after === null ? 0 : page.indexOf(after) + 1, 0, seq);
    }
    assert.deepEqual(page, [1, 2, 3, 4, 5, 6]);
    assert.equal(store.advance(), 6);
  });
});

describe("message numbers and history answers", () => {
  it("accepts only whole numbers from 1", () => {
    assert.equal(toSeq(3), 3);
    assert.equal(toSeq("7"), 7);
    for (const bad of [0, -1, 1.5, "x", null, undefined, NaN]) {
      assert.equal(toSeq(bad), null, String(bad));
    }
  });

  it("reads the messages of an answer, oldest first", () => {
    assert.deepEqual(messagesOf({ messages: [{ seq: 1 }] }), [{ seq: 1 }]);
    assert.deepEqual(messagesOf([{ seq: 2 }]), [{ seq: 2 }]);
    assert.deepEqual(messagesOf(null), []);
    const answer = [{ seq: 3 }, { seq: 1 }, { seq: 2 }];
    assert.deepEqual(sortedBySeq(answer).map((m) => m.seq), [1, 2, 3]);
    assert.deepEqual(answer.map((m) => m.seq), [3, 1, 2], "the answer itself is left as it is");
  });
});
