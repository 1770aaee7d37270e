// The session panel's methods that apply a newer state in place: the step, its buttons,
// the harvest's items and the consents (part of session.js's SessionPanel).

import { el } from "./dom.js";
import { endsAtOf, onClientClock } from "./session-state.js";
import { focusStill, focusWithin, setText, truncate } from "./session-dom.js";

const HIDDEN_TEXT_MAX = 60; // the template's truncatechars:60

export class SessionView {
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
    this.setEndsAt(onClientClock(endsAtOf(state), this.clockOffset));
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
}
