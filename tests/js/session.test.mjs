// The rules of an intervision's session panel (static/js/rooms/session-state.js): which
// state to keep, when the panel is fetched again, what changed and what to say of it,
// the proposals waiting for their acknowledgement, the time left.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  announcements, clockOffset, diffItems, endsAtOf, formatRemaining, isNewer, oneLine,
  onClientClock, ProposalQueue, structuralChange,
} from "../../static/js/rooms/session-state.js";

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

const KEY = "relais:room:test:proposals";

const PARTS = [
  { key: "why", label: "Pourquoi se lancer" },
  { key: "tips", label: "Conseils" },
];
const STEPS = [
  { position: 1, title: "Le cas", guidance: "Racontez.", minutes: 10 },
  { position: 2, title: "Questions", guidance: "Posez-en.", minutes: 15 },
  { position: 3, title: "Conseils", guidance: "", minutes: 5 },
];

function state(fields) {
  return {
    id: 4, version: 10, running: true, current_step: 1, step_started_at: "2025-03-01T10:00:00+00:00",
    steps: STEPS, parts: PARTS, items: [], consents: [], has_draft: false, ...fields,
  };
}

const item = (id, fields) => ({ id, part: "why", text: "Texte " + id, supports: 0, kept: false, ...fields });

describe("isNewer", () => {
  it("keeps only a higher version of the same session", () => {
    const held = { id: 4, version: 10 };
    assert.equal(isNewer(held, { id: 4, version: 11 }), true);
    assert.equal(isNewer(held, { id: 4, version: 10 }), false, "doubled");
    assert.equal(isNewer(held, { id: 4, version: 9 }), false, "late");
  });

  it("takes any state of a later session, none of an earlier one", () => {
    assert.equal(isNewer({ id: 4, version: 57 }, { id: 5, version: 2 }), true);
    assert.equal(isNewer({ id: 5, version: 2 }, { id: 4, version: 57 }), false);
  });

  it("takes the first state when the page shows no session", () => {
    assert.equal(isNewer({ id: null, version: 0 }, { id: 1, version: 2 }), true);
    assert.equal(isNewer(null, { id: 1, version: 2 }), true);
  });

  it("refuses what is no state", () => {
    assert.equal(isNewer({ id: 1, version: 1 }, null), false);
    assert.equal(isNewer({ id: 1, version: 1 }, { id: 1 }), false);
    assert.equal(isNewer(null, { id: null, version: 3 }), false);
  });
});

describe("structuralChange", () => {
  const panel = { session: 4, running: true, hasDraft: false, facilitates: false };

  it("updates in place while the same session runs", () => {
    assert.equal(structuralChange(panel, state({ current_step: 2 }), { facilitates: false }), null);
  });

  it("fetches the panel when a session starts, closes or becomes a draft", () => {
    assert.equal(structuralChange({ ...panel, session: null, running: false }, state()), "started");
    assert.equal(structuralChange(panel, state({ id: 5 })), "started");
    assert.equal(structuralChange(panel, state({ running: false })), "closed");
    assert.equal(structuralChange({ ...panel, running: false }, state({ running: false, has_draft: true })), "draft");
    assert.equal(structuralChange({ ...panel, session: 3, running: false }, state({ running: false })), "changed");
  });

  it("fetches the panel when the person starts or stops facilitating", () => {
    assert.equal(structuralChange(panel, null, { facilitates: true }), "role");
    const drawn = { ...panel, facilitator: 7 };
    assert.equal(structuralChange(drawn, state({ facilitator: 9 }), { facilitates: false }), "role");
    assert.equal(structuralChange(drawn, state({ facilitator: 7 }), { facilitates: false }), null);
    assert.equal(structuralChange(panel, state({ facilitator: 9 }), { facilitates: false }), null);
    assert.equal(structuralChange(panel, null, { facilitates: false }), null);
    assert.equal(structuralChange(panel, null, null), null);
  });
});

describe("diffItems", () => {
  it("tells created, removed, changed and kept items apart", () => {
    const before = [item(1), item(2, { supports: 1 }), item(3), item(4, { kept: true })];
    const after = [item(1), item(2, { supports: 2 }), item(4, { kept: false }), item(5), item(6)];
    assert.deepEqual(diffItems(before, after), {
      created: [item(5), item(6)],
      removed: [3],
      changed: [item(2, { supports: 2 }), item(4, { kept: false })],
      keptChanged: [{ item: item(4, { kept: false }), kept: false }],
    });
  });

  it("finds nothing between equal lists, and everything from nothing", () => {
    assert.deepEqual(diffItems([item(1)], [item(1)]), { created: [], removed: [], changed: [], keptChanged: [] });
    assert.deepEqual(diffItems(undefined, [item(1)]).created, [item(1)]);
  });
});

describe("announcements", () => {
  it("says nothing of the first state", () => {
    assert.deepEqual(announcements(null, state({ items: [item(1)] })), []);
  });

  it("says new items by part, once per part, items kept, and a new step", () => {
    const before = state({ items: [item(1)] });
    const after = state({
      version: 12, current_step: 2,
      items: [item(1, { kept: true }), item(2, { part: "tips" }), item(3, { part: "tips" })],
    });
    assert.deepEqual(announcements(before, after), [
      { key: "announce_step", params: { n: 2, title: "Questions" } },
      { key: "announce_item_new", params: { part: "Conseils" } },
      { key: "announce_item_kept", params: { part: "Pourquoi se lancer", text: "Texte 1" } },
    ]);
  });

  it("does not say what this page did itself", () => {
    const before = state({ items: [item(1)] });
    const after = state({ version: 12, current_step: 3, items: [item(1, { kept: true }), item(2)] });
    const own = { items: new Set([2]), keeps: new Map([[1, true]]), step: 3 };
    assert.deepEqual(announcements(before, after, own), []);
  });

  it("does not say an item left out, nor support counts", () => {
    const before = state({ items: [item(1, { kept: true, supports: 1 })] });
    const after = state({ version: 11, items: [item(1, { kept: false, supports: 4 })] });
    assert.deepEqual(announcements(before, after), []);
  });

  it("says only that the session is closed when it closes", () => {
    const before = state({ items: [item(1)] });
    const after = state({ version: 13, running: false, has_draft: true, items: [item(1), item(2)] });
    assert.deepEqual(announcements(before, after), [{ key: "session_closed", params: {} }]);
  });

  it("says a new session starts", () => {
    const before = state({ running: false });
    assert.deepEqual(announcements(before, state({ id: 5, version: 2 })), [{ key: "session_started", params: {} }]);
    assert.deepEqual(announcements({ id: null, items: [] }, state({ id: 5, version: 2 })), [{ key: "session_started", params: {} }]);
  });
});

describe("time left", () => {
  it("ends the current step after its minutes", () => {
    assert.equal(endsAtOf(state({ current_step: 2 })), Date.parse("2025-03-01T10:15:00Z"));
    assert.equal(endsAtOf(state({ running: false })), null);
    assert.equal(endsAtOf(state({ current_step: 9 })), null);
    assert.equal(endsAtOf(state({ step_started_at: "not a date" })), null);
  });

  it("counts on the server's clock, whatever this computer's clock says", () => {
    const server = Date.parse("2025-03-01T10:05:00Z");
    // This computer is three minutes behind: the step (ending 10:15 on the server's
    // clock) ends at 10:12 on its own, still ten minutes from now.
    const offset = clockOffset("2025-03-01T10:05:00.000+00:00", server - 180000);
    assert.equal(offset, 180000);
    const end = onClientClock(endsAtOf(state({ current_step: 2 })), offset);
    assert.equal(formatRemaining(end - (server - 180000)), "10:00");
    // Jitter of a second or less keeps the measure; more replaces it; nothing known keeps it.
    assert.equal(clockOffset("2025-03-01T10:05:00.800Z", server - 180000, offset), offset);
    assert.equal(clockOffset("2025-03-01T10:05:02Z", server - 180000, offset), 182000);
    assert.equal(clockOffset(undefined, server, offset), offset);
    assert.equal(clockOffset("not a date", server), 0);
    assert.equal(clockOffset("2025-03-01T10:05:00.400Z", server), 0);
    assert.equal(onClientClock(null, offset), null);
  });

  it("writes mm:ss, rounded up, and nothing once over", () => {
    assert.equal(formatRemaining(90000), "01:30");
    assert.equal(formatRemaining(59001), "01:00");
    assert.equal(formatRemaining(1), "00:01");
    assert.equal(formatRemaining(3600000), "60:00");
    assert.equal(formatRemaining(0), null);
    assert.equal(formatRemaining(-5000), null);
    assert.equal(formatRemaining(NaN), null);
  });
});

describe("ProposalQueue", () => {
  it("resends, in the order typed, what is not acknowledged", () => {
    const queue = new ProposalQueue(null, KEY);
    queue.add({ client_id: "a", part: "why", text: "un" });
    queue.add({ client_id: "b", part: "tips", text: "deux", from_message: 7 });
    queue.add({ client_id: "c", part: "why", text: "trois" });
    assert.deepEqual(queue.toResend().map((p) => p.client_id), ["a", "b", "c"]);
    assert.equal(queue.ack("b").text, "deux");
    assert.deepEqual(queue.toResend().map((p) => p.client_id), ["a", "c"]);
    assert.equal(queue.ack("b"), null, "a second acknowledgement finds nothing");
    assert.equal(queue.remove("a").text, "un");
    assert.deepEqual(queue.toResend().map((p) => p.client_id), ["c"]);
  });

  it("holds one entry per client_id", () => {
    const queue = new ProposalQueue(null, KEY);
    const first = queue.add({ client_id: "a", part: "why", text: "un" });
    assert.equal(queue.add({ client_id: "a", part: "why", text: "un" }), first);
    assert.equal(queue.size, 1);
  });

  it("sends a proposal with its client_id, and its message if any", () => {
    const queue = new ProposalQueue(null, KEY);
    assert.deepEqual(ProposalQueue.frame(queue.add({ client_id: "a", part: "why", text: "un" })), {
      type: "session.propose", part: "why", text: "un", client_id: "a",
    });
    assert.deepEqual(ProposalQueue.frame(queue.add({ client_id: "b", part: "tips", text: "deux", from_message: "12" })), {
      type: "session.propose", part: "tips", text: "deux", client_id: "b", from_message: 12,
    });
  });

  it("keeps the queue in storage, and restores it on the next page", () => {
    const storage = new MemoryStorage();
    const queue = new ProposalQueue(storage, KEY);
    queue.add({ client_id: "a", part: "why", text: "un" });
    queue.add({ client_id: "b", part: "tips", text: "deux", from_message: 3 });
    const next = new ProposalQueue(storage, KEY);
    assert.deepEqual(next.restore(), [
      { client_id: "a", part: "why", text: "un", from_message: null },
      { client_id: "b", part: "tips", text: "deux", from_message: 3 },
    ]);
    next.ack("a");
    next.remove("b");
    assert.equal(storage.getItem(KEY), null, "an empty queue leaves nothing behind");
  });

  it("drops what it cannot read, and works when storage refuses", () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, "not json");
    assert.deepEqual(new ProposalQueue(storage, KEY).restore(), []);
    storage.setItem(KEY, JSON.stringify([{ client_id: "x", text: "no part" }, null, { client_id: "ok", part: "why", text: "y" }]));
    assert.deepEqual(new ProposalQueue(storage, KEY).restore().map((p) => p.client_id), ["ok"]);
    const refusing = {
      getItem() { throw new Error("denied"); },
      setItem() { throw new Error("full"); },
      removeItem() { throw new Error("denied"); },
    };
    const queue = new ProposalQueue(refusing, KEY);
    assert.deepEqual(queue.restore(), []);
    queue.add({ client_id: "a", part: "why", text: "un" });
    assert.equal(queue.toResend().length, 1);
  });

  it("recognises its own items in a state, before or after the acknowledgement, once each", () => {
    const queue = new ProposalQueue(null, KEY);
    queue.add({ client_id: "a", part: "why", text: "  Un   texte\n" });
    queue.add({ client_id: "b", part: "why", text: "Un texte" });
    queue.add({ client_id: "c", part: "tips", text: "Autre" });
    assert.equal(queue.claim({ id: 1, part: "why", text: "Un texte" }).client_id, "a", "on its way");
    assert.equal(queue.has("a"), true, "still resent until acknowledged");
    queue.ack("b");
    assert.equal(queue.claim({ id: 2, part: "why", text: "Un texte" }).client_id, "b", "just acknowledged");
    assert.equal(queue.claim({ id: 3, part: "why", text: "Un texte" }), null, "someone else's, same words");
    assert.equal(queue.claim({ id: 4, part: "why", text: "Autre" }), null, "another part");
    queue.ack("a");
    assert.equal(queue.claim({ id: 5, part: "why", text: "Un texte" }), null, "a counts once");
  });

  it("writes a text on one line, as the server stores it", () => {
    assert.equal(oneLine(" Atelier\n\tCRM  "), "Atelier CRM");
    assert.equal(oneLine(null), "");
  });
});
