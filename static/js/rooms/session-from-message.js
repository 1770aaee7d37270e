// The session panel's "Proposer pour la récolte" on each message: a small form (a part,
// the message's text) opened in the panel (part of session.js's SessionPanel).

import { el, hiddenText } from "./dom.js";
import { oneLine } from "./session-state.js";
import { focusStill, focusWithin, truncate } from "./session-dom.js";

const FROM_MESSAGE_MAX = 300;

export class SessionFromMessage {
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
}
