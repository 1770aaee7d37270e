// People: who is here (a list after #room-status), who is typing (#room-typing, above
// the form) and who wrote (announced politely in #room-live, a burst once).

import { el } from "./dom.js";

const TYPING_SHOWN_MS = 6000;
const ANNOUNCE_BATCH_MS = 800;

// The people of a presence frame, each once (a person may have several tabs open).
export function distinctPeople(online) {
  const seen = new Set();
  return online.filter((person) => {
    const id = String(person.id);
    if (seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
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
    this.typers = new Map(); // user id -> {name, timer}
    this.announceTimer = 0;
    this.announceQueue = [];
  }

  // ---- Who is here ----------------------------------------------------------------------
  show(online) {
    if (!this.box) {
      this.title = el("h2", { id: "room-presence-title", className: "room-presence__title" });
      this.list = el("ul", { className: "room-presence__list", "aria-labelledby": "room-presence-title" });
      this.box = el("div", { className: "room-presence", id: "room-presence" }, [this.title, this.list]);
      this.status.after(this.box);
    }
    this.box.hidden = false;
    const people = distinctPeople(online);
    this.title.textContent = this.t("online", { count: people.length });
    this.list.replaceChildren(...people.map((person) => el("li", {
      className: "room-presence__person" + (String(person.id) === this.me ? " room-presence__person--me" : ""),
      "data-user": person.id,
      text: person.name,
    })));
  }

  // The connection went: who is here is unknown until the next one.
  unknown() {
    if (this.box) {
      this.box.hidden = true;
    }
  }

  // ---- Who is typing --------------------------------------------------------------------
  typing(user) {
    const id = String(user.id);
    if (id === this.me) {
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
    this.typers.set(id, { name: user.name, timer });
    this.renderTyping();
  }

  // Their message arrived: they no longer type it.
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
    const t = this.t;
    const names = Array.from(this.typers.values(), (typer) => typer.name);
    box.textContent = names.length === 0 ? ""
      : names.length === 1 ? t("typing_one", { name: names[0] })
        : t("typing_many", { names: names.join(", ") });
  }

  // ---- Who wrote ------------------------------------------------------------------------
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
      this.live.textContent = names.length === 1
        ? this.t("new_message", { name: names[0] })
        : this.t("new_messages", { count: names.length });
    }, ANNOUNCE_BATCH_MS);
  }
}
