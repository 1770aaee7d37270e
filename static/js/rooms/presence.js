// People: who is here (a list after #room-status), who is typing (#room-typing, above
// the form) and who wrote (announced politely in #room-live, a burst once).

import { el } from "./dom.js";

const TYPING_SHOWN_MS = 6000;
const ANNOUNCE_BATCH_MS = 800;

// Who is typing, in words. `names`: one entry per person typing, null for someone a room
// under the Chatham House rule does not name (all of them are "someone": one notice).
export function typingText(names, t) {
  const named = names.filter((name) => name);
  const someone = named.length < names.length;
  if (named.length === 0) {
    return someone ? t("typing_someone") : "";
  }
  if (named.length === 1 && !someone) {
    return t("typing_one", { name: named[0] });
  }
  return t("typing_many", { names: (someone ? [...named, t("anonymous_author")] : named).join(", ") });
}

// The announcement of a burst of new messages. `names`: their authors, null for a
// message that names nobody (Chatham House rule).
export function newMessagesText(names, t) {
  if (names.length === 1) {
    return names[0] ? t("new_message", { name: names[0] }) : t("new_message_anonymous");
  }
  return t("new_messages", { count: names.length });
}

// Who is here, from one snapshot and the changes after it. `apply` returns true when the
// list is known and may have changed.
export class PresenceState {
  constructor() {
    this.here = null; // user id -> name, once the snapshot came
    this.version = 0; // the snapshot's
    this.seen = new Map(); // user id -> version of the last change about them
    this.early = []; // changes that came before the snapshot
  }

  apply(frame) {
    if (Array.isArray(frame.online)) {
      this.here = new Map();
      for (const person of frame.online) {
        this.here.set(String(person.id), person.name);
      }
      this.version = frame.v || 0;
      this.seen.clear();
      const early = this.early;
      this.early = [];
      early.forEach((change) => this.change(change));
      return true;
    }
    if (this.here === null) {
      this.early.push(frame);
      return false;
    }
    return this.change(frame);
  }

  // Changes from two server processes may cross: about each person, only a change newer
  // than the last one applied counts, and none older than the snapshot.
  change(frame) {
    const version = Number(frame.v) || 0;
    if (version <= this.version) {
      return false;
    }
    const newer = (id) => version > (this.seen.get(id) || 0);
    let changed = false;
    for (const id of (frame.left || []).map(String)) {
      if (newer(id)) {
        this.seen.set(id, version);
        changed = this.here.delete(id) || changed;
      }
    }
    for (const person of frame.joined || []) {
      const id = String(person.id);
      if (newer(id)) {
        this.seen.set(id, version);
        this.here.set(id, person.name);
        changed = true;
      }
    }
    return changed;
  }

  // Everyone here, once each, by name.
  people() {
    return Array.from(this.here || [], ([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

export class Presence {
  constructor({ t, me, status, live }) {
    this.t = t;
    this.me = me;
    this.status = status;
    this.live = live;
    this.box = null;
    this.title = null;
    this.list = null;
    this.state = new PresenceState();
    this.typers = new Map(); // user id -> {name, timer}
    this.announceTimer = 0;
    this.announceQueue = [];
  }

  // ---- Who is here ----------------------------------------------------------------------
  // A connection gets who is here once ({online, v}), then only changes ({joined, left,
  // v}); a change may arrive before the snapshot, so changes wait for it and only those
  // newer than it apply (see PresenceState).
  apply(frame) {
    if (this.state.apply(frame)) {
      this.show(this.state.people());
    }
  }

  show(people) {
    if (!this.box) {
      this.title = el("h2", { id: "room-presence-title", className: "room-presence__title" });
      this.list = el("ul", { className: "room-presence__list", "aria-labelledby": "room-presence-title" });
      this.box = el("div", { className: "room-presence", id: "room-presence" }, [this.title, this.list]);
      this.status.after(this.box);
    }
    this.box.hidden = false;
    this.title.textContent = this.t("online", { count: people.length });
    this.list.replaceChildren(...people.map((person) => el("li", {
      className: "room-presence__person" + (String(person.id) === this.me ? " room-presence__person--me" : ""),
      "data-user": person.id,
      text: person.name,
    })));
  }

  // The connection went: who is here is unknown until the next one's snapshot.
  unknown() {
    this.state = new PresenceState();
    if (this.box) {
      this.box.hidden = true;
    }
  }

  // ---- Who is typing --------------------------------------------------------------------
  // Under the Chatham House rule the frame names nobody ({id: null}): everyone typing is
  // one "someone" (id "").
  typing(user) {
    const anonymous = user.id === null || user.id === undefined;
    const id = anonymous ? "" : String(user.id);
    if (id && id === this.me) {
      return;
    }
    const known = this.typers.get(id);
    if (known) {
      window.clearTimeout(known.timer);
    }
    const timer = window.setTimeout(() => {
      this.typers.delete(id);
      this.renderTyping();
    }, TYPING_SHOWN_MS);
    this.typers.set(id, { name: anonymous ? null : user.name, timer });
    this.renderTyping();
  }

  // Their message arrived: they no longer type it ("": a message that names nobody, so
  // "someone" stops typing; if another person still types, their next notice says so).
  wrote(authorId) {
    const known = this.typers.get(authorId);
    if (known) {
      window.clearTimeout(known.timer);
      this.typers.delete(authorId);
      this.renderTyping();
    }
  }

  renderTyping() {
    const box = document.getElementById("room-typing");
    if (!box) {
      return;
    }
    box.textContent = typingText(Array.from(this.typers.values(), (typer) => typer.name), this.t);
  }

  // ---- Who wrote ------------------------------------------------------------------------
  // `name`: the author's, or null when the message names nobody.
  announce(name) {
    if (!this.live) {
      return;
    }
    this.announceQueue.push(name);
    if (this.announceTimer) {
      return;
    }
    // A burst (a sync after reconnecting) is announced once, briefly.
    this.announceTimer = window.setTimeout(() => {
      const names = this.announceQueue;
      this.announceQueue = [];
      this.announceTimer = 0;
      this.live.textContent = newMessagesText(names, this.t);
    }, ANNOUNCE_BATCH_MS);
  }
}
