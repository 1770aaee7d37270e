// Messages typed here that the server has not confirmed yet (no DOM here: tested with
// node --test, tests/js/pending.test.mjs).
//
// Each has a client_id chosen here; the server stores one message per client_id, so
// sending it again after a reconnection is harmless. The queue lives in sessionStorage
// too: a reload of the page loses nothing. A message the server echoes back (with its
// client_id) leaves the queue; one it refused for good is "failed" until its author
// retries or discards it.
//
// The queue also remembers, for the page's life, every client_id it was given (typed
// here or restored): under the Chatham House rule the copy of a message everyone gets
// names nobody, and its client_id is how this tab knows the message is its own.

import { StoredQueue } from "./stored-queue.js";

export class PendingQueue extends StoredQueue {
  constructor(storage, key) {
    super(storage, key); // items: client_id -> {client_id, body, reply_to, failed}
    this.own = new Set(); // every client_id queued on this page, confirmed or not
  }

  // Did this page send (or restore) the message with this client_id?
  isOwn(clientId) {
    return this.own.has(clientId);
  }

  fromStored(item) {
    if (typeof item.body !== "string") {
      return null;
    }
    return {
      client_id: item.client_id, body: item.body, reply_to: item.reply_to || null,
      failed: Boolean(item.failed),
    };
  }

  toStored({ client_id, body, reply_to, failed }) {
    return { client_id, body, reply_to, failed };
  }

  // Queue a message; one client_id is queued once (the item already queued is returned).
  add({ client_id, body, reply_to = null, failed = false }) {
    this.own.add(client_id);
    return this.put({ client_id, body, reply_to, failed });
  }

  fail(clientId) {
    const item = this.items.get(clientId);
    if (item) {
      item.failed = true;
      this.save();
    }
    return item || null;
  }

  retry(clientId) {
    const item = this.items.get(clientId);
    if (item) {
      item.failed = false;
      this.save();
    }
    return item || null;
  }

  // What goes (again) once connected, in the order it was typed.
  toResend() {
    return this.values().filter((item) => !item.failed);
  }

  // The frame that sends an item.
  static frame(item) {
    return { type: "send", body: item.body, client_id: item.client_id, reply_to: item.reply_to };
  }
}
