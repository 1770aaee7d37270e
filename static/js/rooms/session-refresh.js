// The session panel's methods that fetch the panel again from the room's page, count the
// step's time down and say what changed (part of session.js's SessionPanel).

import { formatRemaining, isNewer, structuralChange } from "./session-state.js";
import { focusPath, focusStill, focusWithin, setText } from "./session-dom.js";

const TICK_MS = 1000;
const ANNOUNCE_BATCH_MS = 600;
const RELOAD_RETRY_MS = 2000;
const RELOAD_TRIES = 3;

export class SessionRefresh {
  // ---- The panel fetched again ---------------------------------------------------------
  async reload() {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = true;
    let fresh = null;
    try {
      const response = await fetch(this.pageUrl, {
        credentials: "same-origin", headers: { Accept: "text/html" },
      });
      if (response.ok) {
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        fresh = page.getElementById("session");
      }
    } catch {
      fresh = null;
    }
    if (fresh) {
      this.replace(fresh);
    } else {
      this.showError(this.t("session_reload_failed"));
    }
    this.reloading = false;
    if (this.reloadAgain) {
      this.reloadAgain = false;
      this.reload();
      return;
    }
    this.catchUp();
    this.flushSoon();
  }

  replace(fresh) {
    const old = this.section;
    const focus = focusWithin(old) ? focusPath(document.activeElement) : null;
    // What is being typed stays.
    const typed = Array.from(old.querySelectorAll('input[type="text"][id]'))
      .filter((input) => input.value)
      .map((input) => [input.id, input.value]);
    old.removeEventListener("submit", this.onSubmit);
    const section = document.importNode(fresh, true);
    old.replaceWith(section);
    this.bind(section);
    for (const [id, value] of typed) {
      const input = document.getElementById(id);
      if (input && section.contains(input) && !input.value) {
        input.value = value;
      }
    }
    if (focus) {
      let target = focus.id ? document.getElementById(focus.id) : null;
      if (!target && focus.holder) {
        const holder = document.getElementById(focus.holder);
        target = holder ? holder.querySelector(focus.selector) : null;
      }
      if (target && section.contains(target) && !target.closest("[hidden]")) {
        target.focus();
      } else {
        focusStill(section.querySelector("#session-title"));
      }
    }
  }

  // The page fetched may be older than the newest state (a frame came meanwhile) or, if
  // the server answered from a stale read, still show the old structure: try again a few
  // times.
  catchUp() {
    const state = this.state;
    if (!state || !isNewer({ id: this.panel.session, version: this.panel.version }, state)) {
      this.reloadTries = 0;
      return;
    }
    if (structuralChange(this.panel, state, this.meKnown ? this.me : null)) {
      this.reloadTries += 1;
      if (this.reloadTries <= RELOAD_TRIES) {
        window.setTimeout(() => this.reload(), RELOAD_RETRY_MS);
      } else {
        this.reloadTries = 0;
        this.showError(this.t("session_reload_failed"));
      }
      return;
    }
    this.reloadTries = 0;
    this.applyInPlace(state);
  }

  // ---- The step's time left --------------------------------------------------------------
  setEndsAt(endsAt) {
    if (endsAt !== this.endsAt) {
      this.endsAt = endsAt;
      this.warned = false;
      this.longStep = false;
    }
    window.clearInterval(this.tick);
    this.tick = 0;
    const timer = this.section.querySelector("#session-timer");
    if (!timer || this.endsAt === null) {
      return;
    }
    const update = () => {
      const left = this.endsAt - Date.now();
      setText(timer, formatRemaining(left) || this.t("time_up"));
      if (left > 60000) {
        this.longStep = true; // a step of a minute or less gets no "one minute left"
      } else if (left > 0 && this.longStep && !this.warned) {
        this.warned = true;
        this.say(this.t("one_minute_left"));
      }
      if (left <= 0) {
        window.clearInterval(this.tick);
        this.tick = 0;
      }
    };
    update();
    if (this.endsAt > Date.now()) {
      this.tick = window.setInterval(update, TICK_MS);
    }
  }

  // ---- Announcements (polite) -----------------------------------------------------------
  say(text) {
    if (!text) {
      return;
    }
    this.announceQueue.push(text);
    this.flushSoon();
  }

  flushSoon() {
    if (this.announceTimer || !this.announceQueue.length) {
      return;
    }
    this.announceTimer = window.setTimeout(() => {
      this.announceTimer = 0;
      if (this.reloading) {
        this.flushSoon(); // said once the new panel (and its live region) is in place
        return;
      }
      const live = this.section.querySelector("#session-live");
      let text = this.announceQueue.join(" ");
      this.announceQueue = [];
      if (!live) {
        return;
      }
      if (live.textContent === text) {
        text += "\u00a0"; // the same words again are still news
      }
      live.textContent = text;
    }, ANNOUNCE_BATCH_MS);
  }
}
