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

import { el, hiddenText } from "./dom.js";
import {
  announcements, endsAtOf, formatRemaining, isNewer, oneLine, ProposalQueue, structuralChange,
} from "./session-state.js";

const TICK_MS = 1000;
const ANNOUNCE_BATCH_MS = 600;
const FROM_MESSAGE_MAX = 300;
const HIDDEN_TEXT_MAX = 60; // the template's truncatechars:60
const RELOAD_RETRY_MS = 2000;
const RELOAD_TRIES = 3;

// As Django's truncatechars.
function truncate(text, max) {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

function setText(node, text) {
  if (node && node.textContent !== text) {
    node.textContent = text;
  }
}

// Where the focus is, so as to find the same control in a panel fetched again.
function focusPath(active) {
  if (active.id) {
    return { id: active.id };
  }
  const holder = active.parentElement ? active.parentElement.closest("[id]") : null;
  let selector = active.tagName.toLowerCase();
  for (const name of active.classList) {
    selector += "." + CSS.escape(name);
  }
  if (active.getAttribute("name")) {
    selector += '[name="' + CSS.escape(active.getAttribute("name")) + '"]';
  }
  return { holder: holder ? holder.id : null, selector };
}

function focusWithin(node) {
  return Boolean(node) && node.contains(document.activeElement);
}

// Focus something that is not focusable by itself (a heading, a message).
function focusStill(node) {
  if (!node) {
    return;
  }
  if (!node.hasAttribute("tabindex")) {
    node.setAttribute("tabindex", "-1");
  }
  node.focus();
}

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
    this.endsAt = null;
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
    };
    const shown = { id: this.panel.session, version: this.panel.version };
    if (isNewer(this.held, shown)) {
      this.held = shown;
    }
    if (!this.meKnown) {
      this.me.facilitates = this.panel.facilitates;
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
    this.setEndsAt(this.panel.running && !Number.isNaN(endsAt) ? endsAt : null);
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
      this.receive(frame.session, { announce: reconnected });
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

  // {"type": "session", "session": state}, or the state of a "hello".
  receive(state, { announce }) {
    if (!state || !isNewer(this.held, state)) {
      return; // late, doubled, or already shown
    }
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

  // ---- A newer state, in place ---------------------------------------------------------
  applyInPlace(state) {
    this.section.dataset.version = String(state.version);
    this.section.dataset.step = String(state.current_step);
    this.panel.version = Number(state.version);
    this.applyStep(state);
    if (!this.applyItems(state)) {
      this.reload(); // no prototype of an item: the panel comes whole
      return;
    }
    this.applyConsents(state);
    this.setEndsAt(endsAtOf(state));
  }

  applyStep(state) {
    const { section, t } = this;
    const steps = state.steps || [];
    const current = Number(state.current_step);
    const step = steps.find((s) => Number(s.position) === current);
    const now = section.querySelector(".session-step__now");
    const title = now ? now.querySelector(".session-step__title") : null;
    if (step && title) {
      const lead = t("step_of", { n: current, total: steps.length }) + " : ";
      const first = now.firstChild;
      if (first && first.nodeType === Node.TEXT_NODE) {
        if (first.nodeValue !== lead) {
          first.nodeValue = lead;
        }
      } else {
        now.prepend(lead);
      }
      setText(title, step.title);
      setText(section.querySelector(".session-step__guidance"), step.guidance || "");
    }
    section.querySelectorAll(".session-steps > li").forEach((li, index) => {
      const isCurrent = index + 1 === current;
      li.classList.toggle("is-current", isCurrent);
      if (isCurrent) {
        li.setAttribute("aria-current", "step");
      } else {
        li.removeAttribute("aria-current");
      }
    });
    this.showStepButtons(current, steps.length);
  }

  // The facilitator's "previous" and "next" buttons: made here when the page had none
  // (first or last step), put in or taken out as the step moves.
  bindStepButtons() {
    const form = this.section.querySelector('form[data-session-action="step"]');
    this.stepForm = form;
    if (!form) {
      return;
    }
    const make = (kind) => el("button", {
      type: "submit", name: "step", "data-step-button": kind,
      className: kind === "prev" ? "button button--secondary" : "button",
      text: this.t(kind === "prev" ? "step_prev" : "step_next"),
    });
    this.stepButtons = {
      prev: form.querySelector('[data-step-button="prev"]') || make("prev"),
      next: form.querySelector('[data-step-button="next"]') || make("next"),
    };
  }

  showStepButtons(current, total) {
    const form = this.stepForm;
    if (!form) {
      return;
    }
    const { prev, next } = this.stepButtons;
    const focused = document.activeElement;
    const place = (button, shown, value) => {
      button.value = String(value);
      if (shown && !button.isConnected) {
        if (button === prev && next.isConnected) {
          next.before(prev);
        } else {
          form.append(button);
        }
      }
      if (!shown && button.isConnected) {
        button.remove();
      }
    };
    place(prev, current > 1, current - 1);
    place(next, current < total, current + 1);
    if ((focused === prev || focused === next) && !focused.isConnected) {
      const other = focused === prev ? next : prev;
      if (other.isConnected) {
        other.focus();
      } else {
        focusStill(this.section.querySelector(".session-step__now"));
      }
    }
  }

  // Each part's items: new ones from the prototype, the others updated, the gone removed.
  // False when an item cannot be made here.
  applyItems(state) {
    const byPart = new Map();
    for (const item of state.items || []) {
      if (!byPart.has(item.part)) {
        byPart.set(item.part, []);
      }
      byPart.get(item.part).push(item);
    }
    for (const part of this.section.querySelectorAll(".harvest-part[data-part]")) {
      const list = part.querySelector(".harvest-items");
      if (!list) {
        continue;
      }
      const items = byPart.get(part.dataset.part) || [];
      const ids = new Set(items.map((item) => String(item.id)));
      for (const li of list.querySelectorAll(":scope > li[data-item]")) {
        if (!ids.has(li.dataset.item)) {
          const hadFocus = focusWithin(li);
          li.remove();
          if (hadFocus) {
            focusStill(part.querySelector("h4"));
          }
        }
      }
      for (const item of items) {
        let li = list.querySelector(':scope > li[data-item="' + Number(item.id) + '"]');
        if (!li) {
          li = this.buildItem(item);
          if (!li) {
            return false;
          }
          this.insertItem(list, li, Number(item.id));
        }
        this.updateItem(li, item);
      }
      setText(part.querySelector(".harvest-part__count"),
        this.t("kept_count", { kept: items.filter((item) => item.kept).length }));
    }
    return true;
  }

  buildItem(item) {
    const prototype = this.section.querySelector("#harvest-item-prototype");
    const source = prototype ? prototype.content.querySelector("li.harvest-item") : null;
    if (!source) {
      return null;
    }
    const li = document.importNode(source, true);
    li.id = "harvest-item-" + Number(item.id);
    li.dataset.item = String(Number(item.id));
    li.dataset.supports = ""; // filled by updateItem
    for (const input of li.querySelectorAll('input[name="item"]')) {
      input.value = String(Number(item.id));
    }
    return li;
  }

  // By number, as the server orders them; before the proposals still on their way.
  insertItem(list, li, id) {
    for (const other of list.children) {
      if ((other.dataset.item && Number(other.dataset.item) > id)
        || other.classList.contains("harvest-item--pending")) {
        other.before(li);
        return;
      }
    }
    list.append(li);
  }

  updateItem(li, item) {
    const text = li.querySelector(".harvest-item__text");
    if (text && text.textContent !== item.text) {
      text.textContent = item.text;
    }
    for (const hidden of li.querySelectorAll("button .visually-hidden")) {
      setText(hidden, " : " + truncate(item.text, HIDDEN_TEXT_MAX));
    }
    if (li.dataset.supports !== String(item.supports)) {
      li.dataset.supports = String(item.supports);
      setText(li.querySelector(".harvest-item__supports"), this.supportsText(Number(item.supports)));
    }
    this.showKept(li, Boolean(item.kept));
    this.showItemSupported(li);
  }

  supportsText(n) {
    return this.t(this.plural.select(n) === "one" ? "support_one" : "support_many", { n });
  }

  showKept(li, kept) {
    li.classList.toggle("is-kept", kept);
    const meta = li.querySelector(".harvest-item__meta");
    const marker = li.querySelector(".harvest-item__kept");
    if (kept && !marker && meta) {
      meta.append(" · ", el("strong", { className: "harvest-item__kept", text: this.t("kept_marker") }));
    } else if (!kept && marker) {
      const before = marker.previousSibling;
      if (before && before.nodeType === Node.TEXT_NODE && before.nodeValue.trim() === "·") {
        before.remove();
      }
      marker.remove();
    }
    const button = li.querySelector(".harvest-item__keep");
    if (button) {
      button.setAttribute("aria-pressed", String(kept));
      const on = button.form && button.form.querySelector('input[name="on"]');
      if (on) {
        on.value = kept ? "0" : "1";
      }
    }
  }

  showItemSupported(li) {
    const button = li.querySelector(".harvest-item__support");
    if (!button) {
      return;
    }
    const supported = this.me.supported.has(Number(li.dataset.item));
    if (button.getAttribute("aria-pressed") !== String(supported)) {
      button.setAttribute("aria-pressed", String(supported));
    }
    const on = button.form && button.form.querySelector('input[name="on"]');
    if (on) {
      on.value = supported ? "0" : "1";
    }
  }

  showSupported() {
    for (const li of this.section.querySelectorAll("li.harvest-item[data-item]")) {
      if (li.dataset.item) {
        this.showItemSupported(li);
      }
    }
  }

  applyConsents(state) {
    const consents = state.consents || [];
    const list = this.section.querySelector(".session-consent__list");
    if (list) {
      setText(list, consents.length
        ? this.t("consents_some") + " " + consents.map((c) => c.name).join(", ")
        : this.t("consents_none"));
    }
    const ids = new Set(consents.map((c) => String(c.id)));
    for (const form of this.section.querySelectorAll('form[data-session-action="consent"]')) {
      const organisation = form.querySelector('input[name="organisation"]');
      const on = form.querySelector('input[name="on"]');
      const button = form.querySelector("button");
      if (!organisation || !on || !button) {
        continue;
      }
      const consented = ids.has(organisation.value);
      button.setAttribute("aria-pressed", String(consented));
      on.value = consented ? "0" : "1";
    }
  }

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

  // ---- "Proposer pour la récolte" on each message ----------------------------------------
  decorateMessages() {
    for (const li of document.querySelectorAll("#room-messages > li.msg")) {
      this.decorate(li);
    }
  }

  // Add (or take away) the message's button, as the session runs or not.
  decorate(li) {
    const actions = li.querySelector(".msg-actions");
    const existing = li.querySelector(".msg-propose");
    const wanted = this.canPropose() && actions && li.dataset.seq && !li.classList.contains("msg--gone");
    if (!wanted) {
      if (existing) {
        const hadFocus = focusWithin(existing);
        existing.remove();
        if (hadFocus) {
          focusStill(li);
        }
      }
      return;
    }
    if (existing) {
      return;
    }
    const seq = Number(li.dataset.seq);
    const button = el("button", { type: "button", className: "link-button msg-propose" }, [
      this.t("propose_from_message"), hiddenText(this.t("propose_from_message_context", { seq })),
    ]);
    button.addEventListener("click", () => this.openFromMessage(li, button));
    actions.append(button);
  }

  buildFromForm() {
    const { t } = this;
    const harvest = this.section.querySelector("#harvest");
    const parts = Array.from(this.section.querySelectorAll(".harvest-part[data-part]"))
      .filter((part) => part.querySelector('form[data-session-action="propose"]'));
    if (!harvest || !parts.length) {
      return null;
    }
    const select = el("select", { id: "harvest-from-part", name: "part" }, parts.map((part) => el("option", {
      value: part.dataset.part, text: part.dataset.label || this.partLabel(part.dataset.part),
    })));
    const input = el("input", {
      type: "text", id: "harvest-from-text", name: "text", required: true, autocomplete: "off",
    });
    const cancel = el("button", { type: "button", className: "link-button", text: t("cancel") });
    const legend = el("legend");
    const form = el("form", {
      className: "harvest-propose harvest-from-message", "data-session-action": "from-message", hidden: true,
    }, [
      el("fieldset", {}, [
        legend,
        el("label", { for: "harvest-from-part", text: t("from_message_part") }), select,
        el("label", { for: "harvest-from-text", text: t("from_message_text") }),
        el("span", { className: "harvest-propose__row" }, [
          input, el("button", { type: "submit", className: "button button--small", text: t("propose") }),
        ]),
        cancel,
      ]),
    ]);
    const limit = () => {
      const field = this.proposeInput(select.value);
      input.maxLength = field && field.maxLength > 0 ? field.maxLength : FROM_MESSAGE_MAX;
    };
    select.addEventListener("change", limit);
    limit();
    cancel.addEventListener("click", () => this.closeFromMessage(true));
    form.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.closeFromMessage(true);
      }
    });
    const help = harvest.querySelector(":scope > .help") || harvest.querySelector("h3");
    if (help) {
      help.after(form);
    } else {
      harvest.prepend(form);
    }
    this.fromForm = { form, legend, select, input };
    return this.fromForm;
  }

  // The message's text in a small form of the panel: a part to choose, the text to
  // shorten; focus on the part.
  openFromMessage(li, button) {
    if (!this.canPropose()) {
      return;
    }
    const parts = this.fromForm || this.buildFromForm();
    if (!parts) {
      return;
    }
    const body = li.querySelector(".msg-body");
    this.fromSeq = Number(li.dataset.seq);
    this.fromOrigin = button;
    parts.legend.textContent = this.t("from_message_legend", { seq: this.fromSeq });
    parts.input.value = truncate(oneLine(body ? body.textContent : ""), FROM_MESSAGE_MAX);
    parts.form.hidden = false;
    this.clearError();
    parts.select.focus();
  }

  closeFromMessage(refocus) {
    if (!this.fromForm || this.fromForm.form.hidden) {
      return;
    }
    this.fromForm.form.hidden = true;
    this.fromForm.input.value = "";
    if (refocus) {
      if (this.fromOrigin && this.fromOrigin.isConnected) {
        this.fromOrigin.focus();
      } else {
        focusStill(this.section.querySelector("#session-title"));
      }
    }
  }

  submitFromMessage(form) {
    const parts = this.fromForm;
    if (!parts || parts.form !== form) {
      return;
    }
    const { select, input } = parts;
    const text = oneLine(input.value);
    if (!text) {
      input.focus();
      return;
    }
    const length = Array.from(text).length;
    if (input.maxLength > 0 && length > input.maxLength) {
      this.showError(this.t("too_long_part", {
        part: this.partLabel(select.value), max: input.maxLength, n: length,
      }));
      input.focus();
      return;
    }
    if (!this.live) {
      return;
    }
    this.propose({ part: select.value, text, from_message: this.fromSeq });
    this.closeFromMessage(true);
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
