// Messages on the page. A message that arrives live is a copy of a <template> the server
// rendered from the same _message.html as the history
// (templates/rooms/_message_prototypes.html): the markup lives there once.
// This module fills a copy with the message's number, author, time and text; only
// message.html, sanitised by the server, goes in as HTML.

import { el, hiddenText, removeWithSpace } from "./dom.js";

// The stand-ins of the prototypes (rooms/templatetags/rooms_tags.py).
const SLOT_SEQ = "999999999";
const SLOT_AUTHOR = "999999998";
const SLOT_REPLY = "999999997";
const SLOT_NAME = "{name}";

export function isGone(message) {
  return Boolean(message.deleted || message.hidden);
}

export function replySeqOf(message) {
  const reply = message.reply_to;
  if (reply && typeof reply === "object") {
    return reply.seq || null;
  }
  return reply || null;
}

export function organisationOf(author) {
  const org = author && author.organisation;
  if (!org) {
    return "";
  }
  return typeof org === "object" ? org.name || "" : String(org);
}

// The id of the message's author, as the page writes it ("" for a deleted account, and
// for anyone in a room under the Chatham House rule).
export function authorIdOf(message) {
  const author = message.author;
  return author && author.id !== null && author.id !== undefined ? String(author.id) : "";
}

// A room under the Chatham House rule names nobody: {"id": null, "anonymous": true}.
export function isAnonymous(message) {
  return Boolean(message.author && message.author.anonymous);
}

// Is the message the viewer's own? The server says so (`mine`: in the answers sent to its
// author alone), or its author is the viewer (`me`, "" when signed out), or this tab sent
// it (`isOwn(client_id)`): the copy everyone gets of a message under the Chatham House
// rule names nobody, its author included.
export function isMine(message, me, isOwn) {
  if (message.mine === true) {
    return true;
  }
  if (me && authorIdOf(message) === me) {
    return true;
  }
  return Boolean(message.client_id && isOwn && isOwn(String(message.client_id)));
}

// Replace each stand-in in the attributes and texts of `root` and everything in it.
function fillSlots(root, slots) {
  const replace = (text) => {
    let result = text;
    for (const [slot, value] of slots) {
      result = result.split(slot).join(value);
    }
    return result;
  };
  for (const node of [root, ...root.querySelectorAll("*")]) {
    for (const attribute of Array.from(node.attributes)) {
      const value = replace(attribute.value);
      if (value !== attribute.value) {
        node.setAttribute(attribute.name, value);
      }
    }
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = replace(node.nodeValue);
    if (value !== node.nodeValue) {
      node.nodeValue = value;
    }
  }
}

export class Renderer {
  // `t`: the translated words; `me`: the viewer's id ("" when signed out); `lang` and
  // `timeZone`: how to write times, as the server does; `isOwn(client_id)`: did this tab
  // send the message with this client_id?
  constructor({ t, me, lang, timeZone, isOwn }) {
    this.t = t;
    this.me = me;
    this.isOwn = isOwn || (() => false);
    const locale = lang === "en" ? "en-GB" : lang;
    this.dateFormat = new Intl.DateTimeFormat(locale, {
      day: "numeric", month: "long", year: "numeric", timeZone,
    });
    this.timeFormat = new Intl.DateTimeFormat(locale, {
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone,
    });
  }

  prototype(kind) {
    const template = document.getElementById("room-message-" + kind);
    return template ? template.content.querySelector("li.msg") : null;
  }

  formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      return "";
    }
    return this.dateFormat.format(date) + ", " + this.timeFormat.format(date);
  }

  // The Markdown source, if the server sends it; otherwise the text of the HTML.
  sourceOf(message) {
    if (typeof message.body === "string") {
      return message.body;
    }
    const scratch = document.createElement("template");
    scratch.innerHTML = message.html || "";
    return (scratch.content.textContent || "").trim();
  }

  isMine(message) {
    return isMine(message, this.me, this.isOwn);
  }

  // Who wrote it, as the page says it.
  authorName(message) {
    if (isAnonymous(message)) {
      return this.t("anonymous_author");
    }
    return message.author ? message.author.name : this.t("deleted_account");
  }

  // The .msg-body of a message, as _message.html writes it.
  buildBody(message) {
    if (isGone(message)) {
      const gone = this.prototype(message.hidden ? "hidden" : "deleted");
      const body = gone.querySelector(".msg-body").cloneNode(true);
      const text = body.querySelector(".msg-gone");
      if (message.expired && !message.hidden && text) {
        text.textContent = this.t("expired"); // erased when the room's retention ran out
      }
      return body;
    }
    const body = this.prototype("other").querySelector(".msg-body").cloneNode(true);
    body.innerHTML = message.html || ""; // sanitised by the server (allow-list)
    return body;
  }

  // A message <li>, as _message.html writes it.
  build(message) {
    const seq = Number(message.seq);
    const authorId = authorIdOf(message);
    const mine = this.isMine(message) && Boolean(this.prototype("mine"));
    const gone = isGone(message);
    const name = this.authorName(message);
    const replySeq = replySeqOf(message);
    const li = this.prototype(mine ? "mine" : "other").cloneNode(true);
    fillSlots(li, [
      [SLOT_SEQ, String(seq)], [SLOT_AUTHOR, authorId], [SLOT_REPLY, String(replySeq || "")],
      [SLOT_NAME, name],
    ]);
    li.querySelector(".msg-author").textContent = name;
    const org = isAnonymous(message) ? "" : organisationOf(message.author);
    const orgNode = li.querySelector(".msg-org");
    if (org) {
      orgNode.textContent = org;
    } else {
      removeWithSpace(orgNode);
    }
    const time = li.querySelector(".msg-meta time");
    time.setAttribute("datetime", message.created_at);
    time.textContent = this.formatTime(message.created_at);
    if (!message.edited || gone) {
      removeWithSpace(li.querySelector(".msg-edited"));
    }
    if (!replySeq) {
      li.querySelector(".msg-reply").remove();
    }
    const sanction = li.querySelector(".msg-sanction");
    if (sanction && !authorId) {
      sanction.remove(); // a deleted account: nobody to take a measure against
    }
    li.querySelector(".msg-body").replaceWith(this.buildBody(message));
    if (gone) {
      li.classList.add("msg--gone");
      const actions = li.querySelector(".msg-actions");
      if (actions) {
        actions.remove();
      }
    } else {
      const source = li.querySelector("details.msg-edit textarea");
      if (source) {
        source.textContent = this.sourceOf(message);
      }
    }
    return li;
  }

  // Would the message, built again, look different from `li`?
  differs(li, message) {
    const current = li.querySelector(".msg-body");
    const fresh = this.buildBody(message);
    const gone = isGone(message);
    const editedShown = Boolean(li.querySelector(".msg-edited"));
    return !(
      current && current.innerHTML === fresh.innerHTML
      && li.classList.contains("msg--gone") === gone
      && editedShown === Boolean(message.edited && !gone)
    );
  }

  // Show an edit, a deletion or a hide on a message already on the page.
  update(li, message) {
    const gone = isGone(message);
    const hadFocus = li.contains(document.activeElement) ? document.activeElement : null;
    li.querySelector(".msg-body").replaceWith(this.buildBody(message));
    const meta = li.querySelector(".msg-meta");
    const edited = meta.querySelector(".msg-edited");
    if (message.edited && !gone && !edited) {
      const mark = this.prototype("other").querySelector(".msg-edited").cloneNode(true);
      meta.append(" ", mark);
    } else if (gone && edited) {
      removeWithSpace(edited);
    }
    li.classList.toggle("msg--gone", gone);
    if (gone) {
      const actions = li.querySelector(".msg-actions");
      if (actions) {
        actions.remove();
      }
    } else {
      const source = li.querySelector("details.msg-edit textarea");
      if (source && document.activeElement !== source) {
        source.value = this.sourceOf(message);
      }
    }
    if (hadFocus && !li.contains(hadFocus)) {
      // The focused control went away with the message's actions: stay in the message.
      li.setAttribute("tabindex", "-1");
      li.focus();
    }
  }

  // A message typed here, not confirmed yet (the page's own: no template of the server).
  buildPending(item) {
    const t = this.t;
    const li = el("li", { className: "msg msg--mine msg--pending", "data-client-id": item.client_id }, [
      el("p", { className: "msg-meta" }, [
        el("span", { className: "msg-author", text: t("you") }),
        " ",
        el("span", { className: "msg-state", text: t("sending") }),
      ]),
    ]);
    if (item.reply_to) {
      li.append(el("p", { className: "msg-reply" }, [
        el("a", { href: "#msg-" + item.reply_to, text: t("reply_link", { seq: item.reply_to }) }),
      ]));
    }
    li.append(el("div", { className: "msg-body msg-body--source" }, [el("p", { text: item.body })]));
    return li;
  }

  // A pending message the server refused: "non envoyé", with Retry and Discard.
  showFailed(li, { onRetry, onDiscard }) {
    const t = this.t;
    li.classList.add("msg--failed");
    li.querySelector(".msg-state").textContent = t("failed");
    if (li.querySelector(".msg-actions")) {
      return;
    }
    const context = t("pending_context");
    const retry = el("button", { type: "button", className: "link-button" }, [t("retry"), hiddenText(context)]);
    const discard = el("button", { type: "button", className: "link-button" }, [t("discard"), hiddenText(context)]);
    retry.addEventListener("click", onRetry);
    discard.addEventListener("click", onDiscard);
    li.append(el("div", { className: "msg-actions" }, [retry, " ", discard]));
  }

  showSending(li) {
    li.classList.remove("msg--failed");
    li.querySelector(".msg-state").textContent = this.t("sending");
    const actions = li.querySelector(".msg-actions");
    if (actions) {
      actions.remove();
    }
  }
}
