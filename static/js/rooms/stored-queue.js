// What a tab has sent and the server has not acknowledged yet, kept in sessionStorage so
// that a reload loses nothing (no DOM here: tested with node --test). One item per
// client_id, in the order it was added. The room's messages (pending.js) and an
// intervision's proposals (session-state.js) are two such queues; each says how an item
// is read back from storage (`fromStored`, null for an unreadable one) and what of it is
// stored (`toStored`).

export class StoredQueue {
  // `storage`: sessionStorage or a stand-in ({getItem, setItem, removeItem}), or null.
  constructor(storage, key) {
    this.storage = storage;
    this.key = key;
    this.items = new Map(); // client_id -> item, in order
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
    for (const stored of Array.isArray(saved) ? saved : []) {
      const item = stored && typeof stored.client_id === "string" ? this.fromStored(stored) : null;
      if (item) {
        restored.push(this.add(item));
      }
    }
    return restored;
  }

  // Queue an item; one client_id is queued once (the item already queued is returned).
  put(item) {
    const known = this.items.get(item.client_id);
    if (known) {
      return known;
    }
    this.items.set(item.client_id, item);
    this.save();
    return item;
  }

  // Out of the queue (acknowledged, or refused and given back).
  remove(clientId) {
    const item = this.items.get(clientId) || null;
    if (item) {
      this.items.delete(clientId);
      this.save();
    }
    return item;
  }

  save() {
    if (!this.storage) {
      return;
    }
    try {
      const items = this.values().map((item) => this.toStored(item));
      if (items.length) {
        this.storage.setItem(this.key, JSON.stringify(items));
      } else {
        this.storage.removeItem(this.key);
      }
    } catch {
      // Storage full or refused: the items still live in memory.
    }
  }
}
