// Who is here, from one snapshot and the changes after it (static/js/rooms/presence.js):
// changes that come before the snapshot wait for it, and about each person only a change
// newer than the last one applied counts, so crossed frames of two server processes
// leave the right list.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { newMessagesText, PresenceState, typingText } from "../../static/js/rooms/presence.js";
import { fill } from "../../static/js/rooms/strings.js";

const WORDS = {
  typing_one: "{name} écrit…",
  typing_many: "{names} écrivent…",
  typing_someone: "Quelqu'un écrit…",
  anonymous_author: "Participant·e",
  new_message: "Nouveau message de {name}",
  new_message_anonymous: "Nouveau message",
  new_messages: "{count} nouveaux messages",
};
const t = (key, params) => fill(WORDS[key], params);

const names = (state) => state.people().map((person) => person.name);
const anna = { id: 1, name: "Anna" };
const bruno = { id: 2, name: "Bruno" };
const chloe = { id: 3, name: "Chloé" };

describe("PresenceState", () => {
  it("lists each person of the snapshot once, by name", () => {
    const state = new PresenceState();
    assert.equal(state.apply({ v: 4, online: [bruno, anna, { id: "1", name: "Anna" }] }), true);
    assert.deepEqual(names(state), ["Anna", "Bruno"]);
  });

  it("applies who came and went after the snapshot", () => {
    const state = new PresenceState();
    state.apply({ v: 4, online: [anna] });
    assert.equal(state.apply({ v: 5, joined: [bruno], left: [] }), true);
    assert.equal(state.apply({ v: 6, joined: [chloe], left: [1] }), true);
    assert.deepEqual(names(state), ["Bruno", "Chloé"]);
  });

  it("keeps changes that come before the snapshot, and drops those it already holds", () => {
    const state = new PresenceState();
    assert.equal(state.apply({ v: 3, joined: [bruno], left: [] }), false, "no list yet");
    assert.equal(state.apply({ v: 5, joined: [], left: [2] }), false);
    state.apply({ v: 4, online: [anna, bruno] }); // v3 is in it, v5 came after
    assert.deepEqual(names(state), ["Anna"]);
  });

  it("ignores a change older than the last one about the same person", () => {
    const state = new PresenceState();
    state.apply({ v: 1, online: [anna] });
    state.apply({ v: 3, joined: [], left: [2] }); // Bruno left (v3) ...
    assert.equal(state.apply({ v: 2, joined: [bruno], left: [] }), false); // ... after joining (v2)
    assert.deepEqual(names(state), ["Anna"]);
    state.apply({ v: 4, joined: [chloe], left: [] });
    assert.deepEqual(names(state), ["Anna", "Chloé"]);
  });

  it("starts again from the next snapshot", () => {
    const state = new PresenceState();
    state.apply({ v: 9, online: [anna, bruno] });
    state.apply({ v: 2, online: [chloe] }); // a new connection, the cache emptied meanwhile
    assert.equal(state.apply({ v: 3, joined: [anna], left: [] }), true);
    assert.deepEqual(names(state), ["Anna", "Chloé"]);
  });
});

describe("typing and new messages, in words", () => {
  it("names who types, and nobody under the Chatham House rule", () => {
    assert.equal(typingText([], t), "");
    assert.equal(typingText(["Anna"], t), "Anna écrit…");
    assert.equal(typingText(["Anna", "Bruno"], t), "Anna, Bruno écrivent…");
    assert.equal(typingText([null], t), "Quelqu'un écrit…");
    assert.equal(typingText(["Anna", null], t), "Anna, Participant·e écrivent…");
  });

  it("announces a message by its author's name, or without one", () => {
    assert.equal(newMessagesText(["Anna"], t), "Nouveau message de Anna");
    assert.equal(newMessagesText([null], t), "Nouveau message");
    assert.equal(newMessagesText([null, "Anna", null], t), "3 nouveaux messages");
  });
});
