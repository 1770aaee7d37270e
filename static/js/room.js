// The live room: progressive enhancement of a room page (section#room).
//
// Without this module the page shows the history and posts by its form. With it, the page
// talks to /ws/salons/<slug>/ with the protocol of DESIGN.md ("The room protocol"):
// - the connection state is shown in #room-status; a lost connection is retried with
//   exponential back-off and full jitter (capped), at once when the network comes back;
// - a message typed here is shown at once as pending ("envoi…"), kept in sessionStorage
//   until the server echoes it back with its seq, and resent with the same client_id after
//   every reconnection (the server stores one message per client_id);
// - on "hello", after any gap in the numbers and on a "tail" frame announcing a number not
//   yet held, {"type": "sync", "after": lastSeq} asks for what was missed; a number
//   already shown is never shown twice;
// - older history loads on scroll to the top, or with the "Messages plus anciens" button;
// - read markers, typing, presence; new messages from others are announced in #room-live.
// Only message.html (sanitised by the server) is inserted as HTML; all else is text.
// Every word comes from <template id="room-strings">, translated on the server.

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 15000;
const TYPING_EVERY_MS = 3000;
const TYPING_SHOWN_MS = 6000;
const ANNOUNCE_BATCH_MS = 800;
const READ_DELAY_MS = 400;
// Messages read again per request after a reconnection (the server allows up to 200).
const REFRESH_PAGE = 200;
const SEQ_SLOT = "999999999";
// Closing codes after which trying again cannot help (DESIGN.md: close codes).
const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404]);

const room = document.getElementById("room");
const stringsTemplate = document.getElementById("room-strings");
if (room && stringsTemplate && "WebSocket" in window) {
  start(room, stringsTemplate);
}

function start(section, template) {
  // ---- Configuration from the page ------------------------------------------------------
  const slug = section.dataset.room;
  const wsPath = section.dataset.wsPath;
  const historyUrl = section.dataset.historyUrl;
  const me = section.dataset.me || "";
  const canWrite = section.dataset.canWrite === "1";
  const canModerate = section.dataset.canModerate === "1";
  // Messages are content, in the network's language: marked as such when the interface
  // speaks another one (empty otherwise), like the messages the server renders.
  const contentLang = section.dataset.contentLang || "";
  const lang = template.dataset.lang || document.documentElement.lang || "fr";
  const timeZone = template.dataset.timeZone || undefined;

  const list = document.getElementById("room-messages");
  const status = document.getElementById("room-status");
  const live = document.getElementById("room-live");
  const form = document.getElementById("room-form");
  const textarea = document.getElementById("room-body");
  const replyInput = form ? form.querySelector('input[name="reply_to"]') : null;
  if (!list || !status) {
    return;
  }
  const storageKey = "relais:room:" + slug + ":pending";

  // ---- State ----------------------------------------------------------------------------
  let socket = null;
  let attempt = 0;
  let everConnected = false;
  let retryTimer = 0;
  let closedForGood = false;
  let lastSeq = 0; // every number up to this one is on the page (or was never sent)
  // The last sync sent on this connection: {after, upTo}; its answer brings every
  // message after `after` up to (at least) `upTo`.
  let syncAsked = null;
  let hasOlder = false;
  let loadingOlder = false;
  let lastTypingSent = 0;
  let readSent = 0;
  let readTimer = 0;
  let announceTimer = 0;
  let announceQueue = [];
  const pending = new Map(); // client_id -> {client_id, body, reply_to, failed, li}
  const typers = new Map(); // user id -> {name, timer}
  const visibleSeqs = new Set();

  // ---- Strings --------------------------------------------------------------------------
  function t(key, params) {
    const node = template.content.querySelector('[data-key="' + key + '"]');
    let text = node ? node.textContent.trim() : key;
    if (params) {
      for (const [name, value] of Object.entries(params)) {
        text = text.split("{" + name + "}").join(String(value));
      }
    }
    return text;
  }

  function url(kind, id) {
    const pattern = template.dataset["url" + kind[0].toUpperCase() + kind.slice(1)];
    return pattern ? pattern.replace(SEQ_SLOT, String(id)) : "";
  }

  // ---- Small DOM helpers -----------------------------------------------------------------
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === "className") {
        node.className = value;
      } else if (name === "text") {
        node.textContent = value;
      } else {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child);
      }
    }
    return node;
  }

  function hiddenText(text) {
    return el("span", { className: "visually-hidden", text: " " + text });
  }

  function csrfToken() {
    const input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  function csrfInput() {
    return el("input", { type: "hidden", name: "csrfmiddlewaretoken", value: csrfToken() });
  }

  const dateFormat = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
    day: "numeric", month: "long", year: "numeric", timeZone,
  });
  const timeFormat = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone,
  });

  function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      return "";
    }
    return dateFormat.format(date) + ", " + timeFormat.format(date);
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join("-");
  }

  // ---- Connection state -----------------------------------------------------------------
  function setStatus(state, params) {
    section.dataset.state = state;
    const text = t(state, params);
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  function socketUrl() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + wsPath;
  }

  function connect() {
    window.clearTimeout(retryTimer);
    retryTimer = 0;
    if (closedForGood || socket) {
      return;
    }
    if (navigator.onLine === false) {
      setStatus("offline");
      return; // the "online" event calls connect() again
    }
    if (attempt === 0) {
      // Retries keep the "reconnecting" words: one announcement per attempt is enough.
      setStatus("connecting");
    }
    let ws;
    try {
      ws = new WebSocket(socketUrl());
    } catch (error) {
      scheduleReconnect();
      return;
    }
    socket = ws;
    syncAsked = null;
    ws.addEventListener("message", (event) => {
      if (socket !== ws) {
        return;
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      handleFrame(frame);
    });
    ws.addEventListener("close", (event) => {
      if (socket !== ws) {
        return;
      }
      socket = null;
      if (presenceBox) {
        presenceBox.hidden = true; // who is here is unknown until the next connection
      }
      if (FINAL_CLOSE_CODES.has(event.code)) {
        closeForGood(event.code);
      } else {
        scheduleReconnect();
      }
    });
  }

  function scheduleReconnect() {
    if (closedForGood) {
      return;
    }
    // Full jitter: anywhere between 0 and the capped exponential delay, so that a
    // restarted server is not hit by every client at the same instant.
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
    const delay = Math.random() * ceiling;
    attempt += 1;
    if (navigator.onLine === false) {
      setStatus("offline");
      return;
    }
    setStatus("reconnecting", { seconds: Math.max(1, Math.ceil(delay / 1000)) });
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(connect, delay);
  }

  function closeForGood(code) {
    closedForGood = true;
    setStatus("closed_" + code);
    // Whatever waits here can no longer go through the socket: mark it failed, and let
    // the form post the ordinary way again.
    for (const item of pending.values()) {
      markFailed(item);
    }
    if (form) {
      form.removeEventListener("submit", onSubmit);
    }
  }

  function isOpen() {
    return socket !== null && socket.readyState === WebSocket.OPEN;
  }

  function send(frame) {
    if (!isOpen()) {
      return false;
    }
    socket.send(JSON.stringify(frame));
    return true;
  }

  window.addEventListener("online", () => {
    if (!socket && !closedForGood) {
      connect();
    }
  });
  window.addEventListener("offline", () => {
    if (!closedForGood) {
      setStatus("offline");
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") {
      return;
    }
    if (!socket && retryTimer && !closedForGood) {
      connect(); // back in front of someone: no need to wait for the timer
    }
    scheduleRead();
  });

  // ---- Frames from the server -----------------------------------------------------------
  function handleFrame(frame) {
    switch (frame.type) {
      case "hello":
        onHello(frame);
        break;
      case "message":
        if (frame.message) {
          onMessage(frame.message);
        }
        break;
      case "updated":
        if (frame.message) {
          onUpdated(frame.message);
        }
        break;
      case "tail":
        // The room's last number: if we do not hold it, the end of a burst went missing
        // (no later number would ever reveal it).
        if (typeof frame.last_seq === "number" && frame.last_seq > lastSeq) {
          askSync(frame.last_seq);
        }
        break;
      case "presence":
        renderPresence(frame.online || []);
        break;
      case "typing":
        if (frame.user) {
          onTyping(frame.user);
        }
        break;
      case "error":
        onError(frame);
        break;
      default:
        break;
    }
  }

  function onHello(frame) {
    const reconnected = everConnected;
    everConnected = true;
    attempt = 0;
    setStatus("connected");
    askSync(typeof frame.last_seq === "number" ? frame.last_seq : Infinity);
    if (reconnected) {
      refreshLoaded();
    }
    // Resend, in order, what the server has not confirmed; the same client_id makes the
    // resend harmless if the first copy did arrive.
    for (const item of pending.values()) {
      if (!item.failed) {
        sendPending(item);
      }
    }
    readSent = 0; // a new connection: tell the server again where we are
    scheduleRead();
  }

  function askSync(upTo) {
    if (syncAsked && syncAsked.after === lastSeq && upTo <= syncAsked.upTo) {
      return; // what is missing is already on its way
    }
    if (send({ type: "sync", after: lastSeq })) {
      syncAsked = { after: lastSeq, upTo };
    }
  }

  function advanceLastSeq() {
    while (document.getElementById("msg-" + (lastSeq + 1))) {
      lastSeq += 1;
    }
  }

  function onMessage(message) {
    const seq = Number(message.seq);
    if (!Number.isInteger(seq) || seq < 1) {
      return;
    }
    if (message.client_id && pending.has(message.client_id)) {
      removePending(pending.get(message.client_id));
    }
    const authorId = message.author ? String(message.author.id) : "";
    if (typers.delete(authorId)) {
      renderTyping();
    }
    if (!document.getElementById("msg-" + seq)) {
      const follow = isNearBottom() || authorId === me;
      const li = buildMessage(message);
      insertBySeq(li);
      enhanceMessage(li);
      observe(li);
      const empty = section.querySelector(".room-empty");
      if (empty) {
        empty.remove();
      }
      if (follow) {
        scrollToBottom();
      }
      if (authorId !== me && !message.deleted && !message.hidden) {
        announce(message.author ? message.author.name : t("deleted_account"));
      }
    }
    if (seq > lastSeq + 1) {
      askSync(seq); // a gap: ask for what lies between
    }
    advanceLastSeq();
  }

  // `sync` brings what is newer; edits, deletions and hides made while this page was
  // away concern messages it already shows: read those again from the history endpoint
  // and change the ones that differ.
  async function refreshLoaded() {
    const first = firstSeq();
    if (first === null) {
      return;
    }
    let cursor = first - 1;
    const last = lastSeq;
    const separator = historyUrl.includes("?") ? "&" : "?";
    try {
      while (cursor < last) {
        const response = await fetch(
          historyUrl + separator + "after=" + cursor + "&limit=" + REFRESH_PAGE,
          { credentials: "same-origin", headers: { Accept: "application/json" } },
        );
        if (!response.ok) {
          return;
        }
        const data = await response.json();
        const messages = messagesOf(data);
        if (!messages.length) {
          return;
        }
        for (const message of messages) {
          const seq = Number(message.seq);
          const li = document.getElementById("msg-" + seq);
          if (li && seq <= last) {
            reconcile(li, message);
          }
          cursor = Math.max(cursor, seq);
        }
        if (!(data && data.has_more)) {
          return;
        }
      }
    } catch (error) {
      // Nothing lost: the next reconnection reads them again.
    }
  }

  function reconcile(li, message) {
    const current = li.querySelector(".msg-body");
    const fresh = buildBody(message);
    const gone = isGone(message);
    const editedShown = Boolean(li.querySelector(".msg-edited"));
    if (
      current && current.innerHTML === fresh.innerHTML &&
      li.classList.contains("msg--gone") === gone && editedShown === Boolean(message.edited && !gone)
    ) {
      return;
    }
    applyUpdate(li, message);
  }

  function onUpdated(message) {
    const li = document.getElementById("msg-" + Number(message.seq));
    if (!li) {
      return; // not on the page (older than what is loaded): nothing to update
    }
    applyUpdate(li, message);
  }

  function onTyping(user) {
    const id = String(user.id);
    if (id === me) {
      return;
    }
    const known = typers.get(id);
    if (known) {
      window.clearTimeout(known.timer);
    }
    const timer = window.setTimeout(() => {
      typers.delete(id);
      renderTyping();
    }, TYPING_SHOWN_MS);
    typers.set(id, { name: user.name, timer });
    renderTyping();
  }

  function onError(frame) {
    const code = frame.code || "invalid";
    const known = ["rate_limited", "too_long", "forbidden", "invalid"].includes(code);
    showError(known ? t("error_" + code) : frame.detail || t("error_invalid"));
    const item = frame.client_id ? pending.get(frame.client_id) : null;
    if (!item) {
      return;
    }
    if ((code === "too_long" || code === "invalid") && textarea && !textarea.value.trim()) {
      // The text cannot go as it is: give it back to its author to change.
      textarea.value = item.body;
      removePending(item);
      textarea.focus();
    } else {
      markFailed(item);
    }
  }

  // ---- Building messages (the same structure as _message.html) ------------------------
  function goneText(message) {
    return message.hidden ? t("gone_hidden") : t("gone_deleted");
  }

  function isGone(message) {
    return Boolean(message.deleted || message.hidden);
  }

  function replySeqOf(message) {
    const reply = message.reply_to;
    if (reply && typeof reply === "object") {
      return reply.seq || null;
    }
    return reply || null;
  }

  function organisationOf(author) {
    const org = author && author.organisation;
    if (!org) {
      return "";
    }
    return typeof org === "object" ? org.name || "" : String(org);
  }

  function sourceOf(message) {
    // The Markdown source, if the server sends it; otherwise the text of the HTML.
    if (typeof message.body === "string") {
      return message.body;
    }
    const scratch = document.createElement("template");
    scratch.innerHTML = message.html || "";
    return (scratch.content.textContent || "").trim();
  }

  function buildBody(message) {
    const body = el("div", { className: "msg-body" });
    if (isGone(message)) {
      body.append(el("p", { className: "msg-gone", text: goneText(message) }));
    } else {
      body.innerHTML = message.html || ""; // sanitised by the server (allow-list)
      if (contentLang) {
        body.lang = contentLang;
      }
    }
    return body;
  }

  function buildMessage(message) {
    const seq = Number(message.seq);
    const author = message.author;
    const authorId = author ? String(author.id) : "";
    const gone = isGone(message);
    const li = el("li", {
      className: "msg" + (gone ? " msg--gone" : "") + (authorId && authorId === me ? " msg--mine" : ""),
      id: "msg-" + seq,
      "data-seq": seq,
      "data-author": authorId,
    });
    const meta = el("p", { className: "msg-meta" }, [
      el("span", { className: "msg-author", text: author ? author.name : t("deleted_account") }),
    ]);
    const org = organisationOf(author);
    if (org) {
      meta.append(" ", el("span", { className: "msg-org", text: org }));
    }
    meta.append(" ", el("time", { datetime: message.created_at, text: formatTime(message.created_at) }));
    if (message.edited && !gone) {
      meta.append(" ", el("span", { className: "msg-edited", text: t("edited") }));
    }
    li.append(meta);
    const replySeq = replySeqOf(message);
    if (replySeq) {
      li.append(el("p", { className: "msg-reply" }, [
        el("a", { href: "#msg-" + replySeq, text: t("reply_link", { seq: replySeq }) }),
      ]));
    }
    li.append(buildBody(message));
    if (me && !gone) {
      li.append(buildActions(message, seq, authorId));
    }
    return li;
  }

  function buildActions(message, seq, authorId) {
    const actions = el("div", { className: "msg-actions" });
    const maxChars = textarea ? textarea.getAttribute("maxlength") : null;
    if (canWrite) {
      actions.append(el("a", { className: "msg-action", href: "?reply_to=" + seq + "#room-form" }, [
        t("reply"), hiddenText(t("reply_context", { seq })),
      ]));
    }
    if (authorId && authorId === me) {
      actions.append(
        el("details", { className: "msg-edit" }, [
          el("summary", { text: t("edit") }),
          el("form", { method: "post", action: url("edit", seq) }, [
            csrfInput(),
            el("label", { for: "edit-" + seq, text: t("edit_label") }),
            el("textarea", { name: "body", id: "edit-" + seq, rows: 3, maxlength: maxChars, required: true }, [
              sourceOf(message),
            ]),
            el("button", { type: "submit", className: "button button--small", text: t("save") }),
          ]),
        ]),
        el("form", { method: "post", action: url("delete", seq), className: "inline-form" }, [
          csrfInput(),
          el("button", { type: "submit", className: "link-button" }, [
            t("delete"), hiddenText(t("message_context", { seq })),
          ]),
        ]),
      );
    } else {
      actions.append(el("details", { className: "msg-report" }, [
        el("summary", { text: t("report") }),
        el("form", { method: "post", action: url("report", seq) }, [
          csrfInput(),
          el("label", { for: "report-" + seq, text: t("report_label") }),
          el("textarea", { name: "reason", id: "report-" + seq, rows: 2, maxlength: 500 }),
          el("button", { type: "submit", className: "button button--small", text: t("report_send") }),
        ]),
      ]));
    }
    if (canModerate) {
      actions.append(el("form", { method: "post", action: url("hide", seq), className: "inline-form" }, [
        csrfInput(),
        el("button", { type: "submit", className: "link-button" }, [
          t("hide"), hiddenText(t("message_context", { seq })),
        ]),
      ]));
      if (authorId && authorId !== me) {
        const name = message.author ? message.author.name : "";
        // One sanction form per person, on the room's moderation page.
        actions.append(el("a", {
          className: "msg-action msg-sanction", href: url("sanction", authorId),
          text: t("sanction_label", { name }),
        }));
      }
    }
    return actions;
  }

  function applyUpdate(li, message) {
    const gone = isGone(message);
    const hadFocus = li.contains(document.activeElement) ? document.activeElement : null;
    li.querySelector(".msg-body").replaceWith(buildBody(message));
    const meta = li.querySelector(".msg-meta");
    const edited = meta.querySelector(".msg-edited");
    if (message.edited && !gone && !edited) {
      meta.append(" ", el("span", { className: "msg-edited", text: t("edited") }));
    } else if (gone && edited) {
      edited.previousSibling && edited.previousSibling.nodeType === Node.TEXT_NODE && edited.previousSibling.remove();
      edited.remove();
    }
    li.classList.toggle("msg--gone", gone);
    if (gone) {
      const actions = li.querySelector(".msg-actions");
      if (actions) {
        actions.remove();
      }
      visibleSeqs.delete(Number(li.dataset.seq));
    } else {
      const source = li.querySelector("details.msg-edit textarea");
      if (source && document.activeElement !== source) {
        source.value = sourceOf(message);
      }
    }
    if (hadFocus && !li.contains(hadFocus)) {
      // The focused control went away with the message's actions: stay in the message.
      li.setAttribute("tabindex", "-1");
      li.focus();
    }
  }

  // ---- Placing messages -----------------------------------------------------------------
  function insertBySeq(li) {
    const seq = Number(li.dataset.seq);
    // Usually the newest: walk back from the end, past pending messages (always last).
    let node = list.lastElementChild;
    while (node) {
      if (node.dataset.seq && Number(node.dataset.seq) < seq) {
        node.after(li);
        return;
      }
      node = node.previousElementSibling;
    }
    list.prepend(li);
  }

  function isNearBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  function scrollToBottom() {
    list.scrollTop = list.scrollHeight;
  }

  // ---- Pending messages (sent here, not yet confirmed) ----------------------------------
  function savePending() {
    try {
      const items = Array.from(pending.values(), ({ client_id, body, reply_to, failed }) => ({
        client_id, body, reply_to, failed,
      }));
      if (items.length) {
        sessionStorage.setItem(storageKey, JSON.stringify(items));
      } else {
        sessionStorage.removeItem(storageKey);
      }
    } catch (error) {
      // Storage full or refused: the messages still live in memory.
    }
  }

  function restorePending() {
    let items = [];
    try {
      items = JSON.parse(sessionStorage.getItem(storageKey) || "[]");
    } catch (error) {
      items = [];
    }
    for (const item of Array.isArray(items) ? items : []) {
      if (item && typeof item.client_id === "string" && typeof item.body === "string") {
        addPending({ client_id: item.client_id, body: item.body, reply_to: item.reply_to || null, failed: Boolean(item.failed) });
      }
    }
  }

  function addPending(item) {
    item.li = buildPending(item);
    pending.set(item.client_id, item);
    list.append(item.li);
    if (item.failed) {
      markFailed(item);
    }
    savePending();
    return item;
  }

  function buildPending(item) {
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

  function sendPending(item) {
    return send({ type: "send", body: item.body, client_id: item.client_id, reply_to: item.reply_to });
  }

  function removePending(item) {
    pending.delete(item.client_id);
    const hadFocus = item.li.contains(document.activeElement);
    item.li.remove();
    savePending();
    if (hadFocus && textarea) {
      textarea.focus();
    }
  }

  function markFailed(item) {
    item.failed = true;
    const li = item.li;
    li.classList.add("msg--failed");
    li.querySelector(".msg-state").textContent = t("failed");
    if (!li.querySelector(".msg-actions")) {
      const context = t("pending_context");
      const retry = el("button", { type: "button", className: "link-button" }, [t("retry"), hiddenText(context)]);
      const discard = el("button", { type: "button", className: "link-button" }, [t("discard"), hiddenText(context)]);
      retry.addEventListener("click", () => {
        item.failed = false;
        li.classList.remove("msg--failed");
        li.querySelector(".msg-state").textContent = t("sending");
        li.querySelector(".msg-actions").remove();
        savePending();
        clearError();
        sendPending(item);
        if (textarea) {
          textarea.focus();
        }
      });
      discard.addEventListener("click", () => removePending(item));
      li.append(el("div", { className: "msg-actions" }, [retry, " ", discard]));
    }
    savePending();
  }

  // ---- The form -------------------------------------------------------------------------
  let errorBox = null;
  function showError(text) {
    if (!errorBox) {
      return;
    }
    errorBox.textContent = text;
  }

  function clearError() {
    if (errorBox) {
      errorBox.textContent = "";
    }
  }

  function setReply(seq) {
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
        setReply(null);
        textarea.focus();
      });
      bar = el("p", { className: "room-form__reply" }, [
        el("a", { href: "#msg-" + seq, text: t("replying_to", { seq }) }), " · ", cancel,
      ]);
      form.querySelector('label[for="room-body"]').before(bar);
    }
  }

  function onSubmit(event) {
    event.preventDefault();
    const body = textarea.value;
    if (!body.trim()) {
      textarea.focus();
      return;
    }
    const replyTo = replyInput && replyInput.value ? Number(replyInput.value) : null;
    const item = addPending({ client_id: uuid(), body, reply_to: replyTo, failed: false });
    textarea.value = "";
    setReply(null);
    clearError();
    textarea.focus();
    scrollToBottom();
    sendPending(item); // if the socket is down, the resend after "hello" takes it
    lastTypingSent = 0;
  }

  function enhanceForm() {
    if (!form || !textarea) {
      return;
    }
    errorBox = el("p", { id: "room-error", className: "room-error", role: "alert" });
    form.querySelector('button[type="submit"]').before(errorBox);
    const help = document.getElementById("room-body-help");
    if (help) {
      help.append(" " + t("enter_hint"));
    }
    // The reply bar of the no-JS page (?reply_to=) gets a button that cancels in place.
    if (replyInput && replyInput.value) {
      setReply(Number(replyInput.value));
    }
    form.addEventListener("submit", onSubmit);
    enhanceMentions();
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
      if (textarea.value.trim() && now - lastTypingSent >= TYPING_EVERY_MS && send({ type: "typing" })) {
        lastTypingSent = now;
      }
    });
    const typing = el("p", { id: "room-typing", className: "room-typing" });
    form.before(typing);
  }

  // ---- Mentions: completion while typing "@…" -------------------------------------------
  // The textarea keeps the focus (aria-autocomplete="list", aria-activedescendant): arrows
  // move through the list of the room's members, Enter or Tab inserts "@[Full Name] ",
  // Escape closes; the number of suggestions is announced politely. Without JavaScript,
  // or without choosing, "@Camille" typed by hand works too (the server matches it).
  function enhanceMentions() {
    const membersUrl = section.dataset.membersUrl;
    if (!membersUrl) {
      return;
    }
    const list = el("ul", {
      id: "mention-list", role: "listbox", className: "mention-list", hidden: true,
      "aria-label": t("mention_list"),
    });
    const status = el("p", { className: "visually-hidden", role: "status", "aria-live": "polite" });
    textarea.after(list, status);
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", "mention-list");
    let people = [];
    let active = -1;
    let start = -1;
    let timer = null;
    let asked = 0;

    function typedMention() {
      const caret = textarea.selectionStart;
      const match = /(^|[\s(])@([^\s@[\]]{0,40})$/u.exec(textarea.value.slice(0, caret));
      return match ? { start: caret - match[2].length - 1, text: match[2] } : null;
    }
    function close() {
      people = [];
      active = -1;
      list.hidden = true;
      list.replaceChildren();
      textarea.removeAttribute("aria-activedescendant");
    }
    function setActive(index) {
      active = index;
      list.querySelectorAll('[role="option"]').forEach((option, i) => {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      textarea.setAttribute("aria-activedescendant", "mention-option-" + index);
    }
    function choose(index) {
      const person = people[index];
      const caret = textarea.selectionStart;
      const inserted = "@[" + person.name + "] ";
      textarea.value = textarea.value.slice(0, start) + inserted + textarea.value.slice(caret);
      const position = start + inserted.length;
      textarea.setSelectionRange(position, position);
      close();
      status.textContent = t("mention_inserted", { name: person.name });
      textarea.focus();
    }
    function show(found) {
      people = found.slice(0, 8);
      if (!people.length) {
        close();
        status.textContent = "";
        return;
      }
      list.replaceChildren(...people.map((person, index) => {
        const option = el("li", {
          id: "mention-option-" + index, role: "option", "aria-selected": "false", text: person.name,
        });
        option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus
        option.addEventListener("click", () => choose(index));
        return option;
      }));
      list.hidden = false;
      setActive(0);
      status.textContent = people.length === 1
        ? t("mention_one", { name: people[0].name })
        : t("mention_many", { count: people.length });
    }
    async function lookUp(query) {
      const ticket = ++asked;
      try {
        const response = await fetch(membersUrl + "?q=" + encodeURIComponent(query.text), {
          credentials: "same-origin", headers: { Accept: "application/json" },
        });
        if (!response.ok || ticket !== asked) {
          return;
        }
        const data = await response.json();
        if (ticket === asked) {
          start = query.start;
          show(Array.isArray(data.people) ? data.people : []);
        }
      } catch (error) {
        close(); // no suggestions offline: typing "@Name" by hand still works
      }
    }
    textarea.addEventListener("input", () => {
      const query = typedMention();
      window.clearTimeout(timer);
      if (!query) {
        asked += 1;
        close();
        return;
      }
      timer = window.setTimeout(() => lookUp(query), 150);
    });
    textarea.addEventListener("keydown", (event) => {
      if (list.hidden || !people.length) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((active + step + people.length) % people.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0 && !event.shiftKey) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    textarea.addEventListener("blur", () => window.setTimeout(close, 150));
  }

  // ---- Actions on a message (reply, edit, delete) ---------------------------------------
  function enhanceMessage(li) {
    const seq = Number(li.dataset.seq);
    const replyLink = li.querySelector('.msg-actions a.msg-action[href*="reply_to="]');
    if (replyLink && form) {
      // A button, since it no longer leads anywhere: it sets the reply in the form.
      const button = el("button", { type: "button", className: "msg-action link-button" });
      button.append(...replyLink.childNodes);
      button.addEventListener("click", () => {
        setReply(seq);
        textarea.focus();
      });
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
  }

  // ---- Typing and presence --------------------------------------------------------------
  function renderTyping() {
    const box = document.getElementById("room-typing");
    if (!box) {
      return;
    }
    const names = Array.from(typers.values(), (typer) => typer.name);
    box.textContent = names.length === 0 ? ""
      : names.length === 1 ? t("typing_one", { name: names[0] })
        : t("typing_many", { names: names.join(", ") });
  }

  let presenceBox = null;
  let presenceList = null;
  let presenceTitle = null;
  function renderPresence(online) {
    if (!presenceBox) {
      presenceTitle = el("h2", { id: "room-presence-title", className: "room-presence__title" });
      presenceList = el("ul", { className: "room-presence__list", "aria-labelledby": "room-presence-title" });
      presenceBox = el("div", { className: "room-presence", id: "room-presence" }, [presenceTitle, presenceList]);
      status.after(presenceBox);
    }
    presenceBox.hidden = false;
    const seen = new Set();
    const people = online.filter((person) => {
      const id = String(person.id);
      if (seen.has(id)) {
        return false;
      }
      seen.add(id);
      return true;
    });
    presenceTitle.textContent = t("online", { count: people.length });
    presenceList.replaceChildren(...people.map((person) => el("li", {
      className: "room-presence__person" + (String(person.id) === me ? " room-presence__person--me" : ""),
      "data-user": person.id,
      text: person.name,
    })));
  }

  // ---- Announcements --------------------------------------------------------------------
  function announce(name) {
    if (!live) {
      return;
    }
    announceQueue.push(name);
    if (announceTimer) {
      return;
    }
    // A burst (a sync after reconnecting) is announced once, briefly.
    announceTimer = window.setTimeout(() => {
      const names = announceQueue;
      announceQueue = [];
      announceTimer = 0;
      live.textContent = names.length === 1
        ? t("new_message", { name: names[0] })
        : t("new_messages", { count: names.length });
    }, ANNOUNCE_BATCH_MS);
  }

  // ---- Read markers ---------------------------------------------------------------------
  const observer = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const seq = Number(entry.target.dataset.seq);
        if (entry.isIntersecting) {
          visibleSeqs.add(seq);
        } else {
          visibleSeqs.delete(seq);
        }
      }
      scheduleRead();
    })
    : null;

  function observe(li) {
    if (observer && li.dataset.seq) {
      observer.observe(li);
    }
  }

  function scheduleRead() {
    if (readTimer || document.visibilityState !== "visible") {
      return;
    }
    readTimer = window.setTimeout(() => {
      readTimer = 0;
      if (document.visibilityState !== "visible" || visibleSeqs.size === 0) {
        return;
      }
      const seq = Math.max(...visibleSeqs);
      if (seq > readSent && send({ type: "read", seq })) {
        readSent = seq;
      }
    }, READ_DELAY_MS);
  }

  // ---- Older history --------------------------------------------------------------------
  let olderBox = null;
  let olderButton = null;

  function firstSeq() {
    const first = list.querySelector(":scope > li[data-seq]");
    return first ? Number(first.dataset.seq) : null;
  }

  function enhanceOlder() {
    olderBox = section.querySelector(".room-older");
    const first = firstSeq();
    hasOlder = Boolean(olderBox) || (first !== null && first > 1);
    if (!hasOlder) {
      return;
    }
    if (!olderBox) {
      olderBox = el("p", { className: "room-older" });
      list.before(olderBox);
    }
    olderButton = el("button", { type: "button", className: "button button--small button--quiet", text: t("older") });
    olderButton.addEventListener("click", () => loadOlder(true));
    olderBox.replaceChildren(olderButton);
    list.addEventListener("scroll", () => {
      if (list.scrollTop < 60 && hasOlder && !loadingOlder) {
        loadOlder(false);
      }
    }, { passive: true });
  }

  function messagesOf(data) {
    if (Array.isArray(data)) {
      return data;
    }
    return (data && (data.messages || data.results)) || [];
  }

  async function loadOlder(fromButton) {
    const before = firstSeq();
    if (!hasOlder || loadingOlder || before === null) {
      return;
    }
    loadingOlder = true;
    list.setAttribute("aria-busy", "true");
    olderButton.disabled = true;
    olderButton.textContent = t("older_loading");
    try {
      const separator = historyUrl.includes("?") ? "&" : "?";
      const response = await fetch(historyUrl + separator + "before=" + before, {
        credentials: "same-origin", headers: { Accept: "application/json" },
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const data = await response.json();
      const messages = messagesOf(data).slice().sort((a, b) => a.seq - b.seq);
      const fromBottom = list.scrollHeight - list.scrollTop;
      for (const message of messages) {
        if (!document.getElementById("msg-" + Number(message.seq))) {
          const li = buildMessage(message);
          insertBySeq(li);
          enhanceMessage(li);
          observe(li);
        }
      }
      list.scrollTop = list.scrollHeight - fromBottom; // keep what the reader was looking at
      const oldest = firstSeq();
      const more = data && typeof data.has_more === "boolean" ? data.has_more : null;
      hasOlder = more !== null ? more && messages.length > 0 : messages.length > 0 && oldest > 1;
      olderButton.disabled = false;
      olderButton.textContent = t("older");
      if (!hasOlder) {
        olderBox.replaceChildren(el("span", { className: "room-older__end", text: t("older_none") }));
        olderBox.setAttribute("tabindex", "-1");
        if (fromButton) {
          olderBox.focus();
        }
      } else if (fromButton) {
        olderButton.focus();
      }
    } catch (error) {
      olderButton.disabled = false;
      olderButton.textContent = t("older");
      showError(t("older_failed"));
    } finally {
      loadingOlder = false;
      list.removeAttribute("aria-busy");
    }
  }

  // ---- Start ----------------------------------------------------------------------------
  section.classList.add("room--live");
  // The list scrolls on its own: it must be reachable by keyboard and have a name.
  list.setAttribute("tabindex", "0");
  list.setAttribute("aria-label", t("messages"));
  for (const li of list.querySelectorAll(":scope > li[data-seq]")) {
    enhanceMessage(li);
    observe(li);
    lastSeq = Math.max(lastSeq, Number(li.dataset.seq));
  }
  if (lastSeq === 0) {
    lastSeq = Number(section.dataset.lastSeq) || 0;
  }
  enhanceOlder();
  enhanceForm();
  restorePending();
  if (!window.location.hash.startsWith("#msg-")) {
    scrollToBottom();
  }
  connect();
}
