// An intervision's session beside the room's conversation (section#session, from
// templates/intervisions/_session.html), kept live over the room's WebSocket
// (intervisions/frames.py).
//
// Without this module the panel works with its forms (POST, then back to the room). With
// it, while the socket is connected:
// - its forms send frames instead: session.propose, .support, .keep, .step, .consent,
//   each with a client_id; the sender gets "session.ack" (with its own supports), or an
//   "error" frame with the same client_id, shown in a role="alert" paragraph of the panel;
// - a proposal is never lost: typed while disconnected, it waits in sessionStorage (as
//   messages do, pending.js) and is sent again, with the same client_id, after every
//   "hello" until acknowledged; support, keep, step and consent post the ordinary way
//   while disconnected;
// - every change comes back as {"type": "session", "session": state}, the whole state,
//   numbered: only a newer one counts (session-state.js), applied in place (focus stays
//   where it is); a session that starts or closes, a draft sheet that appears, a change of
//   role: the panel is fetched again from the room's page;
// - the step's time left counts down in #session-timer; changes made by others are said
//   in #session-live (polite);
// - each message gets "Proposer pour la récolte", which opens a small form (a part, the
//   message's text) in the panel.
// Every word comes from <template id="room-strings">.
//
// SessionPanel is one class written in four modules: this one (its state, the frames, the
// person's actions), session-view.js (a newer state applied in place), session-refresh.js
// (the panel fetched again, the timer, announcements) and session-from-message.js
// ("Proposer pour la récolte"); session-dom.js holds their small helpers.

import { el } from "./dom.js";
import {
  announcements, clockOffset, isNewer, onClientClock, ProposalQueue, structuralChange,
} from "./session-state.js";
import { focusWithin, setText } from "./session-dom.js";
import { SessionFromMessage } from "./session-from-message.js";
import { SessionRefresh } from "./session-refresh.js";
import { SessionView } from "./session-view.js";

export class SessionPanel {
  // `section`: section#session; `t`: the translated words; `lang`: for plurals;
  // `send(frame)`: true if it went; `newId()`: a fresh client_id; `storage`, `key`: where
  // proposals wait; `pageUrl`: the room's page, fetched again for a new panel.
  constructor({ section, t, lang, send, newId, storage, key, pageUrl }) {
    this.t = t;
    this.send = send;
    this.newId = newId;
    this.pageUrl = pageUrl;
    this.plural = new Intl.PluralRules(lang || "fr");
    this.queue = new ProposalQueue(storage, key);
    this.ready = false; // a "hello" came on the current socket: frames are heard
    this.live = true; // false once the room's socket is closed for good
    this.state = null; // the newest state received
    this.held = null; // {id, version} of the newest state, shown or received
    this.panel = null; // what the panel's markup shows
    this.me = { facilitates: false, supported: new Set() };
    this.meKnown = false; // `me` came from the server (hello, ack), not from the markup
    this.inFlight = new Map(); // client_id -> {kind, …} of a frame not answered yet
    this.ownKeeps = new Map(); // item id -> kept state this page asked for
    this.ownStep = null; // the step this page asked for
    this.pendingShown = new Map(); // client_id -> the pending <li> of a proposal
    this.announceQueue = [];
    this.announceTimer = 0;
    this.tick = 0;
    this.endsAt = null; // on this browser's clock
    this.clockOffset = 0; // the server's clock minus this browser's (clockOffset)
    this.longStep = false;
    this.warned = false;
    this.reloading = false;
    this.reloadAgain = false;
    this.reloadTries = 0;
    this.fromForm = null;
    this.fromOrigin = null;
    this.fromSeq = null;
    this.onSubmit = this.onSubmit.bind(this);
    this.bind(section);
  }

  // ---- The panel's markup -----------------------------------------------------------------
  bind(section) {
    this.section = section;
    const data = section.dataset;
    this.panel = {
      session: data.session ? Number(data.session) : null,
      version: Number(data.version) || 0,
      running: data.running === "1",
      hasDraft: data.hasDraft === "1",
      facilitates: data.facilitates === "1",
      facilitator: data.facilitator ? Number(data.facilitator) : null,
    };
    const shown = { id: this.panel.session, version: this.panel.version };
    if (isNewer(this.held, shown)) {
      this.held = shown;
    }
    this.me.facilitates = this.panel.facilitates; // as of this markup (it may have changed)
    if (!this.meKnown) {
      this.me.supported = new Set(
        Array.from(section.querySelectorAll('.harvest-item__support[aria-pressed="true"]'))
          .map((button) => Number(button.closest("li[data-item]").dataset.item)),
      );
    }
    this.errorBox = el("p", { id: "session-error", className: "room-error session-error", role: "alert" });
    const title = section.querySelector("#session-title");
    if (title) {
      title.after(this.errorBox);
    } else {
      section.prepend(this.errorBox);
    }
    section.addEventListener("submit", this.onSubmit);
    this.bindStepButtons();
    this.fromForm = null;
    this.pendingShown.clear();
    for (const item of this.queue.values()) {
      this.showPending(item);
    }
    const endsAt = Date.parse(data.endsAt || "");
    this.clockOffset = clockOffset(data.now, Date.now(), this.clockOffset);
    const running = this.panel.running && !Number.isNaN(endsAt);
    this.setEndsAt(running ? onClientClock(endsAt, this.clockOffset) : null);
    this.decorateMessages();
  }

  // What the markup shows, as a state (for the announcements of the first state received).
  shownState() {
    const items = Array.from(this.section.querySelectorAll("li.harvest-item[data-item]"))
      .filter((li) => li.dataset.item)
      .map((li) => {
        const part = li.closest("[data-part]");
        const text = li.querySelector(".harvest-item__text");
        return {
          id: Number(li.dataset.item),
          part: part ? part.dataset.part : "",
          text: text ? text.textContent.trim() : "",
          supports: Number(li.dataset.supports) || 0,
          kept: li.classList.contains("is-kept"),
        };
      });
    return {
      id: this.panel.session,
      version: this.panel.version,
      running: this.panel.running,
      current_step: Number(this.section.dataset.step) || 0,
      items,
      parts: [],
      steps: [],
    };
  }

  canPropose() {
    return this.live && this.panel.running
      && Boolean(this.section.querySelector('form[data-session-action="propose"]'));
  }

  partSection(part) {
    return Array.from(this.section.querySelectorAll(".harvest-part[data-part]"))
      .find((node) => node.dataset.part === part) || null;
  }

  proposeInput(part) {
    const node = this.partSection(part);
    return node ? node.querySelector('form[data-session-action="propose"] input[name="text"]') : null;
  }

  partLabel(part) {
    const fromState = this.state && (this.state.parts || []).find((p) => p.key === part);
    if (fromState) {
      return fromState.label;
    }
    const node = this.partSection(part);
    return (node && node.dataset.label) || part;
  }

  // ---- Frames from the server ------------------------------------------------------------
  hello(frame, reconnected) {
    this.ready = true;
    if (frame.session) {
      this.receive(frame.session, { announce: reconnected, now: frame.session_now });
    }
    if (frame.session_me) {
      this.applyMe(frame.session_me);
    }
    this.resend();
  }

  // The socket went, or a new one opens: nothing sent on the old one will be answered.
  lost() {
    this.ready = false;
    this.inFlight.clear();
  }

  // The room's socket will not come back: the forms post the ordinary way; proposals
  // waiting go back to their fields.
  closedForGood() {
    this.lost();
    this.live = false;
    for (const item of this.queue.values()) {
      this.queue.remove(item.client_id);
      this.removePending(item.client_id);
      this.giveBack(item);
    }
    this.closeFromMessage(false);
    this.decorateMessages();
  }

  // {"type": "session", "session": state, "now": the server's clock}, or the state of a
  // "hello" (with its "session_now").
  receive(state, { announce, now }) {
    if (!state || !isNewer(this.held, state)) {
      return; // late, doubled, or already shown
    }
    this.clockOffset = clockOffset(now, Date.now(), this.clockOffset);
    const before = this.state || this.shownState();
    this.state = state;
    this.held = { id: Number(state.id), version: Number(state.version) };
    const own = this.ownChanges(before, state);
    const reason = structuralChange(this.panel, state, null);
    if (announce) {
      for (const { key, params } of announcements(before, state, own)) {
        this.say(this.t(key, params));
      }
      if (reason === "draft" && state.has_draft) {
        this.say(this.t("session_draft"));
      }
    }
    this.forgetOwn(state);
    if (reason) {
      this.reload();
    } else {
      this.applyInPlace(state);
    }
  }

  // {"type": "session.ack", "client_id", "me"}: the frame went through.
  ack(frame) {
    const clientId = typeof frame.client_id === "string" ? frame.client_id : null;
    if (clientId) {
      if (this.queue.ack(clientId)) {
        this.removePending(clientId); // the state shows the item (or soon will)
      }
      this.inFlight.delete(clientId);
    }
    if (frame.me) {
      this.applyMe(frame.me);
    }
  }

  // Is this client_id one of a session frame of this page?
  owns(clientId) {
    return Boolean(clientId) && (this.queue.has(clientId) || this.inFlight.has(clientId));
  }

  // An "error" frame about one of our frames: say it; undo what was shown in advance; a
  // refused proposal goes back to its field.
  onError(frame) {
    const clientId = frame.client_id;
    this.showError(frame.detail || this.t("error_invalid"));
    const proposal = this.queue.remove(clientId);
    if (proposal) {
      this.removePending(clientId);
      this.giveBack(proposal);
      return;
    }
    const entry = this.inFlight.get(clientId);
    this.inFlight.delete(clientId);
    if (!entry) {
      return;
    }
    if (entry.kind === "support") {
      this.setSupported(entry.item, entry.previous);
      this.showSupported();
    } else if (entry.kind === "keep") {
      this.ownKeeps.delete(entry.item);
    } else if (entry.kind === "step") {
      this.ownStep = null;
    }
  }

  // The person's own part: the items they support, whether they facilitate.
  applyMe(me) {
    if (Array.isArray(me.supported)) {
      this.me.supported = new Set(me.supported.map(Number));
      // Supports sent after the frame this answers are still on their way: keep them.
      for (const entry of this.inFlight.values()) {
        if (entry.kind === "support") {
          this.setSupported(entry.item, entry.on);
        }
      }
      this.meKnown = true;
      this.showSupported();
    }
    if (typeof me.facilitates === "boolean") {
      this.me.facilitates = me.facilitates;
      if (structuralChange(this.panel, null, this.me) === "role") {
        this.reload(); // the facilitator's controls come or go
      }
    }
  }

  setSupported(item, on) {
    if (on) {
      this.me.supported.add(Number(item));
    } else {
      this.me.supported.delete(Number(item));
    }
  }

  // The items of a new state that this page proposed (not announced), and those whose
  // pending copy can go.
  ownChanges(before, after) {
    const known = new Set((before.items || []).map((item) => Number(item.id)));
    const items = new Set();
    if (Number(before.id) === Number(after.id)) {
      for (const item of after.items || []) {
        if (!known.has(Number(item.id))) {
          const proposal = this.queue.claim(item);
          if (proposal) {
            items.add(Number(item.id));
            this.removePending(proposal.client_id);
          }
        }
      }
    }
    return { items, keeps: this.ownKeeps, step: this.ownStep };
  }

  // What this page asked for and the state now shows needs no more watching.
  forgetOwn(state) {
    const kept = new Map((state.items || []).map((item) => [Number(item.id), Boolean(item.kept)]));
    for (const [id, on] of this.ownKeeps) {
      if (!kept.has(id) || kept.get(id) === on) {
        this.ownKeeps.delete(id);
      }
    }
    if (this.ownStep !== null && Number(state.current_step) === this.ownStep) {
      this.ownStep = null;
    }
  }

  // ---- The person's actions --------------------------------------------------------------
  onSubmit(event) {
    const form = event.target;
    const action = form instanceof HTMLFormElement ? form.dataset.sessionAction : "";
    if (action === "from-message") {
      event.preventDefault(); // made here, it has nowhere to post
      this.submitFromMessage(form);
      return;
    }
    if (!this.live) {
      return; // the form posts the ordinary way
    }
    if (action === "propose") {
      event.preventDefault();
      this.submitProposal(form);
    } else if (["support", "keep", "step", "consent"].includes(action)) {
      this.submitAction(event, form, action);
    }
  }

  submitProposal(form) {
    const input = form.querySelector('input[name="text"]');
    const part = form.querySelector('input[name="part"]');
    if (!input || !part) {
      return;
    }
    if (!input.value.trim()) {
      input.focus();
      return;
    }
    this.propose({ part: part.value, text: input.value, from_message: null });
    input.value = "";
    input.focus();
  }

  // Queued first (sessionStorage), shown as pending, then sent if connected; the resend
  // after the next "hello" takes it otherwise.
  propose(fields) {
    const item = this.queue.add({ client_id: this.newId(), ...fields });
    this.clearError();
    this.showPending(item);
    if (this.ready) {
      this.send(ProposalQueue.frame(item));
    }
    return item;
  }

  // On every "hello": what the server has not acknowledged, in the order typed (the same
  // client_id makes a resend harmless).
  resend() {
    if (!this.live) {
      return;
    }
    for (const item of this.queue.toResend()) {
      this.send(ProposalQueue.frame(item));
    }
  }

  submitAction(event, form, action) {
    if (!this.ready) {
      return; // not connected: the form posts the ordinary way
    }
    const value = (name) => {
      const input = form.querySelector('input[name="' + name + '"]');
      return input ? input.value : "";
    };
    const on = value("on") === "1";
    const item = Number(value("item"));
    let frame;
    let entry;
    if (action === "support") {
      frame = { type: "session.support", item, on };
      entry = { kind: "support", item, on, previous: this.me.supported.has(item) };
    } else if (action === "keep") {
      frame = { type: "session.keep", item, on };
      entry = { kind: "keep", item, on };
    } else if (action === "consent") {
      frame = { type: "session.consent", organisation: Number(value("organisation")), on };
      entry = { kind: "consent" };
    } else {
      const button = event.submitter && event.submitter.name === "step"
        ? event.submitter : form.querySelector('button[name="step"]');
      const step = Number(button ? button.value : NaN);
      if (!Number.isInteger(step)) {
        return;
      }
      frame = { type: "session.step", step };
      entry = { kind: "step", step };
    }
    const clientId = this.newId();
    frame.client_id = clientId;
    if (!this.send(frame)) {
      return; // the socket just went: the form posts
    }
    event.preventDefault();
    this.clearError();
    this.inFlight.set(clientId, entry);
    if (entry.kind === "support") {
      // Shown at once; the acknowledgement says what the server holds.
      this.setSupported(item, on);
      this.showSupported();
    } else if (entry.kind === "keep") {
      this.ownKeeps.set(item, on);
    } else if (entry.kind === "step") {
      this.ownStep = entry.step;
    }
  }

  showPending(item) {
    if (this.pendingShown.has(item.client_id) || item.claimed) {
      return;
    }
    const part = this.partSection(item.part);
    const list = part ? part.querySelector(".harvest-items") : null;
    if (!list) {
      return;
    }
    const li = el("li", { className: "harvest-item harvest-item--pending", "data-client-id": item.client_id }, [
      el("p", { className: "harvest-item__text", text: item.text }),
      el("p", { className: "harvest-item__meta", text: this.t("sending") }),
    ]);
    list.append(li);
    this.pendingShown.set(item.client_id, li);
  }

  removePending(clientId) {
    const li = this.pendingShown.get(clientId);
    if (li) {
      li.remove();
      this.pendingShown.delete(clientId);
    }
  }

  // A proposal the server refused goes back to its field, if that field is empty.
  giveBack(item) {
    const input = this.proposeInput(item.part);
    if (input && !input.value.trim()) {
      input.value = item.text;
      const active = document.activeElement;
      if (!active || active === document.body || focusWithin(this.section)) {
        input.focus();
      }
    }
  }

  showError(text) {
    setText(this.errorBox, text);
  }

  clearError() {
    setText(this.errorBox, "");
  }
}

// The panel's methods are written in four modules, each a part of this one class.
for (const part of [SessionView, SessionRefresh, SessionFromMessage]) {
  for (const name of Object.getOwnPropertyNames(part.prototype)) {
    if (name !== "constructor") {
      SessionPanel.prototype[name] = part.prototype[name];
    }
  }
}
