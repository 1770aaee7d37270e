// History from the server's JSON endpoint (data-history-url): older messages on scroll
// to the top or with the "Messages plus anciens" button, and, after a reconnection, the
// messages already shown read again, so that an edit, deletion or hide made while the
// page was away is applied too ("sync" only brings newer messages).

import { el } from "./dom.js";
import { messagesOf, sortedBySeq, toSeq } from "./store.js";

// Messages read again per request after a reconnection (the server allows up to 200).
const REFRESH_PAGE = 200;

async function getJSON(url) {
  const response = await fetch(url, {
    credentials: "same-origin", headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(String(response.status));
  }
  return response.json();
}

export class History {
  // `place(message)`: show a message not on the page yet; `refresh(seq, message)`: show a
  // message held again if it changed; `store`: the numbers held; `showError(text)`.
  constructor({ section, list, url, store, t, place, refresh, showError }) {
    this.section = section;
    this.list = list;
    this.url = url;
    this.store = store;
    this.t = t;
    this.place = place;
    this.refresh = refresh;
    this.showError = showError;
    this.hasOlder = false;
    this.loading = false;
    this.box = null;
    this.button = null;
  }

  address(query) {
    return this.url + (this.url.includes("?") ? "&" : "?") + query;
  }

  enhance() {
    const { section, list, t } = this;
    this.box = section.querySelector(".room-older");
    const first = this.store.first();
    this.hasOlder = Boolean(this.box) || (first !== null && first > 1);
    if (!this.hasOlder) {
      return;
    }
    if (!this.box) {
      this.box = el("p", { className: "room-older" });
      list.before(this.box);
    }
    this.button = el("button", { type: "button", className: "button button--small button--quiet", text: t("older") });
    this.button.addEventListener("click", () => this.loadOlder(true));
    this.box.replaceChildren(this.button);
    list.addEventListener("scroll", () => {
      if (list.scrollTop < 60 && this.hasOlder && !this.loading) {
        this.loadOlder(false);
      }
    }, { passive: true });
  }

  async loadOlder(fromButton) {
    const { list, t, button, box } = this;
    const before = this.store.first();
    if (!this.hasOlder || this.loading || before === null) {
      return;
    }
    this.loading = true;
    list.setAttribute("aria-busy", "true");
    button.disabled = true;
    button.textContent = t("older_loading");
    try {
      const data = await getJSON(this.address("before=" + before));
      const messages = sortedBySeq(messagesOf(data));
      const fromBottom = list.scrollHeight - list.scrollTop;
      for (const message of messages) {
        const seq = toSeq(message.seq);
        if (seq !== null && !this.store.has(seq)) {
          this.place(message);
        }
      }
      list.scrollTop = list.scrollHeight - fromBottom; // keep what the reader was looking at
      const oldest = this.store.first();
      const more = data && typeof data.has_more === "boolean" ? data.has_more : null;
      this.hasOlder = more !== null ? more && messages.length > 0 : messages.length > 0 && oldest > 1;
      button.disabled = false;
      button.textContent = t("older");
      if (!this.hasOlder) {
        box.replaceChildren(el("span", { className: "room-older__end", text: t("older_none") }));
        box.setAttribute("tabindex", "-1");
        if (fromButton) {
          box.focus();
        }
      } else if (fromButton) {
        button.focus();
      }
    } catch {
      button.disabled = false;
      button.textContent = t("older");
      this.showError(t("older_failed"));
    } finally {
      this.loading = false;
      list.removeAttribute("aria-busy");
    }
  }

  // Read again every message shown, up to the last one held without a gap.
  async refreshLoaded() {
    const first = this.store.first();
    if (first === null) {
      return;
    }
    let cursor = first - 1;
    const last = this.store.lastSeq;
    try {
      while (cursor < last) {
        const data = await getJSON(this.address("after=" + cursor + "&limit=" + REFRESH_PAGE));
        const messages = messagesOf(data);
        if (!messages.length) {
          return;
        }
        for (const message of messages) {
          const seq = Number(message.seq);
          if (seq <= last && this.store.has(seq)) {
            this.refresh(seq, message);
          }
          cursor = Math.max(cursor, seq);
        }
        if (!(data && data.has_more)) {
          return;
        }
      }
    } catch {
      // Nothing lost: the next reconnection reads them again.
    }
  }
}
