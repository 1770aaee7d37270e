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

export class PendingQueue {
  // `storage`: sessionStorage or a stand-in ({getItem, setItem, removeItem}), or null.
  constructor(storage, key) {
    this.storage = storage;
    this.key = key;
    this.items = new Map(); // client_id -> {client_id, body, reply_to, failed}, in order
    this.own = new Set(); // every client_id queued on this page, confirmed or not
  }

  // Did this page send (or restore) the message with this client_id?
  isOwn(clientId) {
    return this.own.has(clientId);
  }

  get size() {
    return this.items.size;
  }

  values() {
    return Array.from(this.items.values());
  }

  has(clientId) {
    return this.items.has(clientId);
  }

  get(clientId) {
    return this.items.get(clientId) || null;
  }

  // The items saved by an earlier page of this tab (unreadable ones are dropped).
  restore() {
    let saved;
    try {
      saved = JSON.parse((this.storage && this.storage.getItem(this.key)) || "[]");
    } catch {
      saved = [];
    }
    const restored = [];
    for (const item of Array.isArray(saved) ? saved : []) {
      if (item && typeof item.client_id === "string" && typeof item.body === "string") {
        restored.push(this.add({
          client_id: item.client_id, body: item.body, reply_to: item.reply_to || null,
          failed: Boolean(item.failed),
        }));
      }
    }
    return restored;
  }

  // Queue a message; one client_id is queued once (the item already queued is returned).
  add({ client_id, body, reply_to = null, failed = false }) {
    const known = this.items.get(client_id);
    if (known) {
      return known;
    }
    const item = { client_id, body, reply_to, failed };
    this.items.set(client_id, item);
    this.own.add(client_id);
    this.save();
    return item;
  }

  // The server stored it (or refused it, and it is given back): out of the queue.
  remove(clientId) {
    const item = this.items.get(clientId) || null;
    if (item) {
      this.items.delete(clientId);
      this.save();
    }
    return item;
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

  save() {
    if (!this.storage) {
      return;
    }
    try {
      const items = this.values().map(({ client_id, body, reply_to, failed }) => ({
        client_id, body, reply_to, failed,
      }));
      if (items.length) {
        this.storage.setItem(this.key, JSON.stringify(items));
      } else {
        this.storage.removeItem(this.key);
      }
    } catch {
      // Storage full or refused: the messages still live in memory.
    }
  }
}
