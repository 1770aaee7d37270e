// The rules of an intervision's session panel, without the DOM (tested with node --test,
// tests/js/session.test.mjs); session.js applies them to the page.
//
// - Which state to keep: the server numbers every state of a session by `version` and
//   sends it whole after each change; a frame lost, late or doubled must change nothing,
//   so only a newer state counts. Versions count within one session: a new session (a
//   higher id) starts its own count again.
// - When the panel must be fetched again rather than updated in place (a session starts
//   or closes, its draft sheet appears, the person's role changes).
// - What changed between two states (items created, removed, changed, kept), and what
//   to announce of it: only what others or the server did.
// - Proposals typed here and not acknowledged yet: kept in sessionStorage, resent with the
//   same client_id after every reconnection (the server stores one item per client_id).
// - The time left in the current step.

import { StoredQueue } from "./stored-queue.js";

// One line of text, as the server stores an item's text (community.text.one_line).
export function oneLine(text) {
  return String(text || "").replace(/\s+/g, " ").trim();
}

// Is `incoming` ({id, version, …}) newer than the state held ({id, version}; id null or
// absent when the page shows no session)?
export function isNewer(held, incoming) {
  if (!incoming || !Number.isFinite(Number(incoming.version)) || incoming.id === null
    || incoming.id === undefined) {
    return false;
  }
  if (!held || held.id === null || held.id === undefined) {
    return true;
  }
  const id = Number(incoming.id);
  const heldId = Number(held.id);
  if (id !== heldId) {
    return id > heldId;
  }
  return Number(incoming.version) > Number(held.version || 0);
}

// Must the panel be fetched again to show `state`? `panel` describes what the page shows:
// {session: id|null, running, hasDraft, facilitates, facilitator: user id|null}; `me` is
// the person's own part ({facilitates, supported}) or null. Returns why ("started",
// "closed", "draft", "role", "changed") or null when the panel can be updated in place.
// Another facilitator is a "role" change for everyone: the new one gets the controls, the
// one before loses them, and the others' panels name the right person.
export function structuralChange(panel, state, me) {
  if (state) {
    if (panel.session === null || panel.session === undefined
      || Number(state.id) !== Number(panel.session)) {
      return state.running ? "started" : "changed";
    }
    if (Boolean(state.running) !== Boolean(panel.running)) {
      return state.running ? "started" : "closed";
    }
    if (Boolean(state.has_draft) !== Boolean(panel.hasDraft)) {
      return "draft";
    }
    if (panel.facilitator !== null && panel.facilitator !== undefined
      && state.facilitator !== null && state.facilitator !== undefined
      && Number(state.facilitator) !== Number(panel.facilitator)) {
      return "role";
    }
  }
  if (me && typeof me.facilitates === "boolean" && me.facilitates !== Boolean(panel.facilitates)) {
    return "role";
  }
  return null;
}

// What changed from the items `before` to the items `after` (by id):
// - created: items of `after` only, in the order of `after`;
// - removed: ids of the items of `before` only;
// - changed: items of both whose part, text, support count or kept state differ;
// - keptChanged: items of both kept or no longer kept ({item, kept}).
export function diffItems(before, after) {
  const old = new Map((before || []).map((item) => [Number(item.id), item]));
  const seen = new Set();
  const created = [];
  const changed = [];
  const keptChanged = [];
  for (const item of after || []) {
    const id = Number(item.id);
    seen.add(id);
    const was = old.get(id);
    if (!was) {
      created.push(item);
      continue;
    }
    if (was.part !== item.part || was.text !== item.text
      || Number(was.supports) !== Number(item.supports) || Boolean(was.kept) !== Boolean(item.kept)) {
      changed.push(item);
    }
    if (Boolean(was.kept) !== Boolean(item.kept)) {
      keptChanged.push({ item, kept: Boolean(item.kept) });
    }
  }
  const removed = Array.from(old.keys()).filter((id) => !seen.has(id));
  return { created, removed, changed, keptChanged };
}

function labelOf(state, key) {
  const part = (state.parts || []).find((p) => p.key === key);
  return part ? part.label : key;
}

function stepOf(state, position) {
  return (state.steps || []).find((step) => Number(step.position) === Number(position)) || null;
}

// What to say (in the polite live region) about the change from `before` to `after`, as
// [{key, params}] for the translated words: new items, items kept, a new step, the end of
// the session. `own` tells what this page did itself, not announced: {items: Set of item
// ids it proposed, keeps: Map item id -> kept state it asked for, step: the step it asked
// for, or null}. Nothing when there is no `before` (the first state the page gets).
export function announcements(before, after, own = {}) {
  if (!before || !after) {
    return [];
  }
  if (Number(before.id) !== Number(after.id)) {
    return after.running ? [{ key: "session_started", params: {} }] : [];
  }
  if (before.running && !after.running) {
    return [{ key: "session_closed", params: {} }];
  }
  const ownItems = own.items || new Set();
  const ownKeeps = own.keeps || new Map();
  const said = [];
  const add = (key, params) => {
    if (!said.some((entry) => entry.key === key && JSON.stringify(entry.params) === JSON.stringify(params))) {
      said.push({ key, params });
    }
  };
  if (after.running && Number(before.current_step) !== Number(after.current_step)
    && Number(own.step) !== Number(after.current_step)) {
    const step = stepOf(after, after.current_step);
    add("announce_step", { n: after.current_step, title: step ? step.title : "" });
  }
  const diff = diffItems(before.items, after.items);
  for (const item of diff.created) {
    if (!ownItems.has(Number(item.id))) {
      add("announce_item_new", { part: labelOf(after, item.part) });
    }
  }
  for (const { item, kept } of diff.keptChanged) {
    if (kept && ownKeeps.get(Number(item.id)) !== true) {
      add("announce_item_kept", { part: labelOf(after, item.part), text: item.text });
    }
  }
  return said;
}

// When the current step of `state` ends (milliseconds since the epoch), or null.
export function endsAtOf(state) {
  if (!state || !state.running) {
    return null;
  }
  const step = stepOf(state, state.current_step);
  const start = Date.parse(state.step_started_at);
  if (!step || Number.isNaN(start)) {
    return null;
  }
  return start + Number(step.minutes) * 60000;
}

// The server's clock minus this browser's, in milliseconds, from `serverNow` (an ISO date
// the server sent beside the state) and `clientNow` (Date.now() when it came). The step's
// end is on the server's clock: a computer whose clock is wrong would show a wrong time
// left. A new measure differing by a second or less from `previous` keeps `previous`, so
// that the network's jitter does not move the end at every frame.
export function clockOffset(serverNow, clientNow, previous = 0) {
  const server = Date.parse(serverNow || "");
  if (Number.isNaN(server)) {
    return previous;
  }
  const offset = server - clientNow;
  return Math.abs(offset - previous) > 1000 ? offset : previous;
}

// `endsAt` (milliseconds on the server's clock, or null) on this browser's clock.
export function onClientClock(endsAt, offset) {
  return endsAt === null ? null : endsAt - offset;
}

// "mm:ss" for the time left (rounded up to the second: "00:01" until it is over), or null
// once it is over.
export function formatRemaining(ms) {
  const seconds = Math.ceil(Number(ms) / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return null;
  }
  const pad = (n) => String(n).padStart(2, "0");
  return pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60);
}

// How many acknowledged proposals stay known, to recognise one's own item in a state that
// comes after the acknowledgement.
const ACKED_KEPT = 20;

// Proposals typed here that the server has not acknowledged yet.
export class ProposalQueue extends StoredQueue {
  constructor(storage, key) {
    super(storage, key); // items: client_id -> {client_id, part, text, from_message}
    this.acked = []; // the last proposals acknowledged, not yet seen in a state
  }

  fromStored(item) {
    return typeof item.part === "string" && typeof item.text === "string" ? item : null;
  }

  toStored({ client_id, part, text, from_message }) {
    return { client_id, part, text, from_message };
  }

  // Queue a proposal; one client_id is queued once (the item already queued is returned).
  add({ client_id, part, text, from_message = null }) {
    if (this.items.has(client_id)) {
      return this.items.get(client_id);
    }
    const seq = Number(from_message);
    return this.put({
      client_id, part, text, from_message: Number.isInteger(seq) && seq > 0 ? seq : null,
    });
  }

  // The server acknowledged it: out of the queue (remembered a while, see `claim`).
  ack(clientId) {
    const item = this.remove(clientId);
    if (item) {
      this.acked.push(item);
      this.acked.splice(0, Math.max(0, this.acked.length - ACKED_KEPT));
    }
    return item;
  }

  // Is this new item of a state one of ours (same part and text as a proposal on its way
  // or just acknowledged)? Each proposal accounts for one item at most. Returns the
  // proposal, or null.
  claim(item) {
    const text = oneLine(item.text);
    const matches = (proposal) => !proposal.claimed && proposal.part === item.part
      && oneLine(proposal.text) === text;
    const index = this.acked.findIndex(matches);
    if (index >= 0) {
      return this.acked.splice(index, 1)[0];
    }
    const waiting = this.values().find(matches);
    if (waiting) {
      waiting.claimed = true; // still resent until acknowledged: the ack is the proof
      return waiting;
    }
    return null;
  }

  // What goes (again) once connected, in the order it was typed.
  toResend() {
    return this.values();
  }

  // The frame that sends a proposal.
  static frame(item) {
    const frame = { type: "session.propose", part: item.part, text: item.text, client_id: item.client_id };
    if (item.from_message) {
      frame.from_message = item.from_message;
    }
    return frame;
  }
}
