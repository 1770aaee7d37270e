// The form: Enter sends (Shift+Enter goes to the line), the message shows at once as
// pending ("envoi…") and waits in the queue (pending.js) until the server echoes it
// back; replies, typing notices, error messages. Without JavaScript, or once the room
// closed for good, the form posts the ordinary way.

import { el } from "./dom.js";
import { enhanceMentions } from "./mentions.js";
import { PendingQueue } from "./pending.js";

const TYPING_EVERY_MS = 3000;
const CLIENT_ERRORS = ["rate_limited", "too_long", "forbidden", "invalid"];

export class Composer {
  // `send(frame)`: true if it went; `newId()`: a fresh client_id; `scrollToBottom()`.
  constructor({ section, list, queue, renderer, t, send, newId, scrollToBottom }) {
    this.section = section;
    this.list = list;
    this.queue = queue;
    this.renderer = renderer;
    this.t = t;
    this.send = send;
    this.newId = newId;
    this.scrollToBottom = scrollToBottom;
    this.form = document.getElementById("room-form");
    this.textarea = document.getElementById("room-body");
    this.replyInput = this.form ? this.form.querySelector('input[name="reply_to"]') : null;
    this.errorBox = null;
    this.lastTypingSent = 0;
    this.shown = new Map(); // client_id -> the pending <li>
    this.onSubmit = this.onSubmit.bind(this);
  }

  enhance() {
    const { form, textarea, t } = this;
    if (!form || !textarea) {
      return;
    }
    this.errorBox = el("p", { id: "room-error", className: "room-error", role: "alert" });
    form.querySelector('button[type="submit"]').before(this.errorBox);
    const help = document.getElementById("room-body-help");
    if (help) {
      help.append(" " + t("enter_hint"));
    }
    // The reply bar of the no-JS page (?reply_to=) gets a button that cancels in place.
    if (this.replyInput && this.replyInput.value) {
      this.setReply(Number(this.replyInput.value));
    }
    form.addEventListener("submit", this.onSubmit);
    enhanceMentions({ section: this.section, textarea, t });
    textarea.addEventListener("keydown", (event) => {
      if (event.defaultPrevented) {
        return; // taken by the mention list
      }
      if (event.key !== "Enter" || event.shiftKey || event.altKey || event.isComposing) {
        return;
      }
      event.preventDefault();
      if (textarea.value.trim()) {
        form.requestSubmit();
      }
    });
    textarea.addEventListener("input", () => {
      const now = Date.now();
      if (textarea.value.trim() && now - this.lastTypingSent >= TYPING_EVERY_MS
        && this.send({ type: "typing" })) {
        this.lastTypingSent = now;
      }
    });
    form.before(el("p", { id: "room-typing", className: "room-typing" }));
  }

  onSubmit(event) {
    event.preventDefault();
    const { textarea, replyInput } = this;
    const body = textarea.value;
    if (!body.trim()) {
      textarea.focus();
      return;
    }
    const replyTo = replyInput && replyInput.value ? Number(replyInput.value) : null;
    const item = this.add({ client_id: this.newId(), body, reply_to: replyTo, failed: false });
    textarea.value = "";
    this.setReply(null);
    this.clearError();
    textarea.focus();
    this.scrollToBottom();
    this.sendItem(item); // if the socket is down, the resend after "hello" takes it
    this.lastTypingSent = 0;
  }

  // ---- Pending messages ---------------------------------------------------------------
  // What an earlier page of this tab had not seen confirmed.
  restore() {
    for (const item of this.queue.restore()) {
      this.show(item);
    }
  }

  add(fields) {
    const item = this.queue.add(fields);
    this.show(item);
    return item;
  }

  show(item) {
    if (this.shown.has(item.client_id)) {
      return; // one client_id, one pending message on the page
    }
    const li = this.renderer.buildPending(item);
    this.shown.set(item.client_id, li);
    this.list.append(li);
    if (item.failed) {
      this.showFailed(item);
    }
  }

  sendItem(item) {
    return this.send(PendingQueue.frame(item));
  }

  // On every "hello": send again, in order, what the server has not confirmed; the same
  // client_id makes the resend harmless if the first copy did arrive.
  resend() {
    for (const item of this.queue.toResend()) {
      this.sendItem(item);
    }
  }

  // The server stored the message with this client_id, or its author discarded it or
  // takes it back to change it: it is no longer pending.
  remove(clientId) {
    const item = this.queue.remove(clientId);
    const li = this.shown.get(clientId);
    this.shown.delete(clientId);
    if (li) {
      const hadFocus = li.contains(document.activeElement);
      li.remove();
      if (hadFocus && this.textarea) {
        this.textarea.focus();
      }
    }
    return item;
  }

  fail(item) {
    this.queue.fail(item.client_id);
    this.showFailed(item);
  }

  showFailed(item) {
    const li = this.shown.get(item.client_id);
    if (!li) {
      return;
    }
    this.renderer.showFailed(li, {
      onRetry: () => {
        this.queue.retry(item.client_id);
        this.renderer.showSending(li);
        this.clearError();
        this.sendItem(item);
        if (this.textarea) {
          this.textarea.focus();
        }
      },
      onDiscard: () => this.remove(item.client_id),
    });
  }

  // The room closed for good: what waits can no longer go through the socket; the form
  // posts the ordinary way again.
  closedForGood() {
    for (const item of this.queue.values()) {
      this.fail(item);
    }
    if (this.form) {
      this.form.removeEventListener("submit", this.onSubmit);
    }
  }

  // An error frame: say it; a message that cannot go as it is goes back to its author.
  onError(frame) {
    const { t, textarea } = this;
    const code = frame.code || "invalid";
    this.showError(CLIENT_ERRORS.includes(code) ? t("error_" + code) : frame.detail || t("error_invalid"));
    const item = frame.client_id ? this.queue.get(frame.client_id) : null;
    if (!item) {
      return;
    }
    if ((code === "too_long" || code === "invalid") && textarea && !textarea.value.trim()) {
      textarea.value = item.body;
      this.remove(item.client_id);
      textarea.focus();
    } else {
      this.fail(item);
    }
  }

  // ---- Errors and replies -------------------------------------------------------------
  showError(text) {
    if (this.errorBox) {
      this.errorBox.textContent = text;
    }
  }

  clearError() {
    if (this.errorBox) {
      this.errorBox.textContent = "";
    }
  }

  setReply(seq) {
    const { form, replyInput, textarea, t } = this;
    if (!form || !replyInput) {
      return;
    }
    replyInput.value = seq ? String(seq) : "";
    let bar = form.querySelector(".room-form__reply");
    if (bar) {
      bar.remove();
    }
    if (seq) {
      const cancel = el("button", { type: "button", className: "link-button", text: t("cancel_reply") });
      cancel.addEventListener("click", () => {
        this.setReply(null);
        textarea.focus();
      });
      bar = el("p", { className: "room-form__reply" }, [
        el("a", { href: "#msg-" + seq, text: t("replying_to", { seq }) }), " · ", cancel,
      ]);
      form.querySelector('label[for="room-body"]').before(bar);
    }
  }

  // A reply button on a message: it sets the reply in the form.
  replyTo(seq) {
    this.setReply(seq);
    this.textarea.focus();
  }
}
