// Which numbered messages the page holds, and what is missing (no DOM here: the numbers
// only, so that the rules are tested with node --test, tests/js/store.test.mjs).
//
// Every message of a room has a number (seq), 1, 2, 3… without holes. The page shows
// each number once, in order. `lastSeq` is the number up to which nothing is missing;
// a number further on reveals a gap, and a "sync" asks the server for what lies after
// `lastSeq`. Only one sync is on its way for the same gap.

// A message number from a frame, or null if it is not one.
export function toSeq(value) {
  const seq = Number(value);
  return Number.isInteger(seq) && seq >= 1 ? seq : null;
}

// The messages of a history answer ({messages: […]}, or a bare list), oldest first.
export function messagesOf(data) {
  if (Array.isArray(data)) {
    return data;
  }
  return (data && (data.messages || data.results)) || [];
}

export function sortedBySeq(messages) {
  return messages.slice().sort((a, b) => Number(a.seq) - Number(b.seq));
}

export class MessageStore {
  // `seqs`: the numbers the page was given; `lastSeq`: the room's last number when the
  // page shows none (every number up to it was shown or never sent).
  constructor(seqs = [], lastSeq = 0) {
    this.held = new Set();
    this.lastSeq = 0;
    for (const seq of seqs) {
      this.held.add(seq);
      this.lastSeq = Math.max(this.lastSeq, seq);
    }
    if (this.lastSeq === 0) {
      this.lastSeq = lastSeq || 0;
    }
    // The last sync asked on this connection: {after, upTo}; its answer brings every
    // message after `after` up to (at least) `upTo`.
    this.syncAsked = null;
  }

  has(seq) {
    return this.held.has(seq);
  }

  first() {
    return this.held.size ? Math.min(...this.held) : null;
  }

  // Hold `seq`; the held number it goes right after (null: it goes first). A number
  // already held is refused (undefined): a message is never shown twice.
  add(seq) {
    if (this.held.has(seq)) {
      return undefined;
    }
    let after = null;
    for (const held of this.held) {
      if (held < seq && (after === null || held > after)) {
        after = held;
      }
    }
    this.held.add(seq);
    return after;
  }

  // Does a message numbered `seq` leave numbers missing before it?
  isGap(seq) {
    return seq > this.lastSeq + 1;
  }

  // Move `lastSeq` over every number now held without a hole.
  advance() {
    while (this.held.has(this.lastSeq + 1)) {
      this.lastSeq += 1;
    }
    return this.lastSeq;
  }

  // A new connection: nothing is on its way any more.
  newConnection() {
    this.syncAsked = null;
  }

  // Should a sync go, so that everything up to `upTo` arrives? The number to send as
  // `after`, or null when the sync already asked covers it.
  syncFor(upTo) {
    const asked = this.syncAsked;
    if (asked && asked.after === this.lastSeq && upTo <= asked.upTo) {
      return null;
    }
    return this.lastSeq;
  }

  syncSent(after, upTo) {
    this.syncAsked = { after, upTo };
  }
}
