// The live room: progressive enhancement of a room page (section#room).
//
// Without these modules the page shows the history and posts by its form. With them, the
// page talks to /ws/salons/<slug>/ with the protocol of DESIGN.md ("The room protocol"):
// - connection.js: the socket, its state in #room-status, reconnection with back-off;
// - store.js: which numbers the page holds; after any gap in the numbers, on "hello" and
//   on a "tail" frame announcing a number not yet held, {"type": "sync", "after": n}
//   asks for what was missed; a number already shown is never shown twice;
// - pending.js and composer.js: a message typed here shows at once as pending, is kept
//   in sessionStorage until the server echoes it back with its seq, and is resent with
//   the same client_id after every reconnection (the server stores one per client_id);
// - render.js: messages built from the server's own <template> of a message;
// - history.js: older history, and messages read again after a reconnection;
// - presence.js, reading.js, mentions.js: who is here and typing, read markers, "@…";
// - session.js (with session-state.js): an intervision's session panel (section#session)
//   beside the conversation, on the same socket ("session" frames).
// Under the Chatham House rule messages and typing notices name nobody (author.anonymous,
// user.id null): a message is this person's own if the server says so (`mine`) or if
// this tab sent its client_id (render.js, isMine).
// This module wires them together and dispatches the server's frames.
// Every word comes from <template id="room-strings">, translated on the server.

import { Composer } from "./composer.js";
import { Connection } from "./connection.js";
import { uuid } from "./dom.js";
import { History } from "./history.js";
import { PendingQueue } from "./pending.js";
import { Presence } from "./presence.js";
import { Reading } from "./reading.js";
import { authorIdOf, isAnonymous, Renderer } from "./render.js";
import { SessionPanel } from "./session.js";
import { MessageStore, toSeq } from "./store.js";
import { stringsFrom } from "./strings.js";

function sessionStore() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // refused (privacy settings): pending messages live in memory only
  }
}

function start(section, stringsTemplate) {
  const slug = section.dataset.room;
  const me = section.dataset.me || "";
  const list = document.getElementById("room-messages");
  const status = document.getElementById("room-status");
  if (!list || !status) {
    return;
  }
  const { t, url } = stringsFrom(stringsTemplate);
  const lang = stringsTemplate.dataset.lang || document.documentElement.lang || "fr";
  const queue = new PendingQueue(sessionStore(), "relais:room:" + slug + ":pending");
  const renderer = new Renderer({
    t, me, lang,
    timeZone: stringsTemplate.dataset.timeZone || undefined,
    isOwn: (clientId) => queue.isOwn(clientId),
  });
  const shownLis = Array.from(list.querySelectorAll(":scope > li[data-seq]"));
  const store = new MessageStore(
    shownLis.map((li) => Number(li.dataset.seq)), Number(section.dataset.lastSeq) || 0,
  );

  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  const connection = new Connection(scheme + "//" + window.location.host + section.dataset.wsPath, {
    onState(state, params) {
      section.dataset.state = state;
      const text = t(state, params);
      if (status.textContent !== text) {
        status.textContent = text;
      }
    },
    onSocket() {
      store.newConnection();
      if (session) {
        session.lost();
      }
    },
    onHello,
    onFrame,
    onLost() {
      presence.unknown();
      if (session) {
        session.lost();
      }
    },
    onClosedForGood() {
      composer.closedForGood();
      if (session) {
        session.closedForGood();
      }
    },
  });
  const send = (frame) => connection.send(frame);

  const presence = new Presence({ t, me, status, live: document.getElementById("room-live") });
  const reading = new Reading(send);
  const composer = new Composer({
    section, list, renderer, t, send,
    queue,
    newId: uuid,
    scrollToBottom,
  });
  const sessionSection = document.getElementById("session");
  const session = sessionSection ? new SessionPanel({
    section: sessionSection, t, lang, send,
    newId: uuid,
    storage: sessionStore(),
    key: "relais:room:" + slug + ":proposals",
    pageUrl: window.location.pathname,
  }) : null;
  const history = new History({
    section, list, store, t,
    url: section.dataset.historyUrl,
    place: (message) => enhanceMessage(place(message)),
    refresh(seq, message) {
      const li = shown(seq);
      if (li && !makeMine(li, message) && renderer.differs(li, message)) {
        update(li, message);
      }
    },
    showError: (text) => composer.showError(text),
  });

  // ---- Messages on the page -------------------------------------------------------------
  function shown(seq) {
    return document.getElementById("msg-" + seq);
  }

  // Build a message not held yet and put it in its place by number (pending messages,
  // without a number, stay last).
  function place(message) {
    const li = renderer.build(message);
    const after = store.add(Number(message.seq));
    const before = after === null ? null : shown(after);
    if (before) {
      before.after(li);
    } else {
      list.prepend(li);
    }
    return li;
  }

  function update(li, message) {
    renderer.update(li, message);
    if (li.classList.contains("msg--gone")) {
      reading.forget(Number(li.dataset.seq));
    }
  }

  // A message shown as someone else's that the server now says is this person's (sent
  // from another tab, under the Chatham House rule): built again with its author's
  // actions. Never the other way: a copy that names nobody does not take them away.
  function makeMine(li, message) {
    if (message.mine !== true || li.classList.contains("msg--mine") || li.contains(document.activeElement)
      || !renderer.prototype("mine")) {
      return false;
    }
    const fresh = renderer.build(message);
    li.replaceWith(fresh);
    enhanceMessage(fresh);
    return true;
  }

  // Actions on a message (reply, edit, delete) go through the socket when connected.
  function enhanceMessage(li) {
    const seq = Number(li.dataset.seq);
    const replyLink = li.querySelector('.msg-actions a.msg-action[href*="reply_to="]');
    if (replyLink && composer.form) {
      // A button, since it no longer leads anywhere: it sets the reply in the form.
      const button = document.createElement("button");
      button.type = "button";
      button.className = "msg-action link-button";
      button.append(...replyLink.childNodes);
      button.addEventListener("click", () => composer.replyTo(seq));
      replyLink.replaceWith(button);
    }
    const editForm = li.querySelector("details.msg-edit form");
    if (editForm) {
      editForm.addEventListener("submit", (event) => {
        const body = editForm.querySelector("textarea").value;
        if (!body.trim() || !send({ type: "edit", seq, body })) {
          return; // not connected: the form posts the ordinary way
        }
        event.preventDefault();
        const details = editForm.closest("details");
        details.open = false;
        details.querySelector("summary").focus();
      });
    }
    const deleteUrl = url("delete", seq);
    for (const actionForm of li.querySelectorAll(".msg-actions > form")) {
      if (deleteUrl && actionForm.getAttribute("action") === deleteUrl) {
        actionForm.addEventListener("submit", (event) => {
          if (send({ type: "delete", seq })) {
            event.preventDefault();
          }
        });
      }
    }
    reading.observe(li);
    if (session) {
      session.decorate(li);
    }
    return li;
  }

  function isNearBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  function scrollToBottom() {
    list.scrollTop = list.scrollHeight;
  }

  // ---- Frames from the server -----------------------------------------------------------
  function askSync(upTo) {
    const after = store.syncFor(upTo);
    if (after !== null && send({ type: "sync", after })) {
      store.syncSent(after, upTo);
    }
  }

  function onHello(frame, reconnected) {
    askSync(typeof frame.last_seq === "number" ? frame.last_seq : Infinity);
    if (reconnected) {
      history.refreshLoaded();
    }
    composer.resend();
    reading.newConnection();
    if (session) {
      session.hello(frame, reconnected);
    }
  }

  function onFrame(frame) {
    switch (frame.type) {
      case "message":
        if (frame.message) {
          onMessage(frame.message);
        }
        break;
      case "updated":
        if (frame.message) {
          const li = shown(Number(frame.message.seq));
          if (li) {
            update(li, frame.message); // not on the page (older than loaded): nothing to do
          }
        }
        break;
      case "tail":
        // The room's last number: if we do not hold it, the end of a burst went missing
        // (no later number would ever reveal it).
        if (typeof frame.last_seq === "number" && frame.last_seq > store.lastSeq) {
          askSync(frame.last_seq);
        }
        break;
      case "presence":
        presence.apply(frame);
        break;
      case "typing":
        if (frame.user) {
          presence.typing(frame.user);
        }
        break;
      case "error":
        if (session && session.owns(frame.client_id)) {
          session.onError(frame);
        } else {
          composer.onError(frame);
        }
        break;
      case "session":
        if (session && frame.session) {
          session.receive(frame.session, { announce: true, now: frame.now });
        }
        break;
      case "session.ack":
        if (session) {
          session.ack(frame);
        }
        break;
      default:
        break;
    }
  }

  function onMessage(message) {
    const seq = toSeq(message.seq);
    if (seq === null) {
      return;
    }
    if (message.client_id) {
      composer.remove(message.client_id);
    }
    const authorId = authorIdOf(message);
    const mine = renderer.isMine(message);
    if (!mine) {
      presence.wrote(authorId); // "" for a message that names nobody: "someone" wrote
    }
    if (store.has(seq)) {
      const li = shown(seq);
      if (li) {
        makeMine(li, message);
      }
    } else {
      const follow = isNearBottom() || mine;
      enhanceMessage(place(message));
      const empty = section.querySelector(".room-empty");
      if (empty) {
        empty.remove();
      }
      if (follow) {
        scrollToBottom();
      }
      if (!mine && !message.deleted && !message.hidden) {
        presence.announce(isAnonymous(message) ? null : renderer.authorName(message));
      }
    }
    if (store.isGap(seq)) {
      askSync(seq); // a gap: ask for what lies between
    }
    store.advance();
  }

  // ---- Start ----------------------------------------------------------------------------
  section.classList.add("room--live");
  // The list scrolls on its own: it must be reachable by keyboard and have a name.
  list.setAttribute("tabindex", "0");
  list.setAttribute("aria-label", t("messages"));
  shownLis.forEach(enhanceMessage);
  history.enhance();
  composer.enhance();
  composer.restore();
  if (!window.location.hash.startsWith("#msg-")) {
    scrollToBottom();
  }
  connection.start();
}

const room = document.getElementById("room");
const stringsTemplate = document.getElementById("room-strings");
if (room && stringsTemplate && "WebSocket" in window) {
  start(room, stringsTemplate);
}
