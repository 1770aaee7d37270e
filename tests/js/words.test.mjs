// Pure helpers of the room client: translated words with their blanks filled in, the
// "@…" being typed (static/js/rooms/strings.js, mentions.js, render.js).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { typedMention } from "../../static/js/rooms/mentions.js";
import { authorIdOf, isAnonymous, isGone, isMine, replySeqOf } from "../../static/js/rooms/render.js";
import { fill } from "../../static/js/rooms/strings.js";

describe("room client helpers", () => {
  it("fills every blank of a translated text", () => {
    assert.equal(fill("{name} écrit…", { name: "Anna" }), "Anna écrit…");
    assert.equal(fill("{count} sur {count}", { count: 2 }), "2 sur 2");
    assert.equal(fill("Vous", undefined), "Vous");
  });

  it("finds the mention being typed before the caret", () => {
    assert.deepEqual(typedMention("Bonjour @Cam", 12), { start: 8, text: "Cam" });
    assert.deepEqual(typedMention("@", 1), { start: 0, text: "" });
    assert.equal(typedMention("anna@example.org", 16), null, "an address is no mention");
    assert.equal(typedMention("@[Anna Lambert] merci", 21), null);
  });

  it("reads a message's state as the server's template does", () => {
    assert.equal(isGone({ deleted: true }), true);
    assert.equal(isGone({ hidden: true }), true);
    assert.equal(isGone({}), false);
    assert.equal(replySeqOf({ reply_to: 3 }), 3);
    assert.equal(replySeqOf({ reply_to: { seq: 4 } }), 4);
    assert.equal(replySeqOf({ reply_to: null }), null);
    assert.equal(authorIdOf({ author: { id: 7 } }), "7");
    assert.equal(authorIdOf({ author: { id: null, name: "Compte supprimé" } }), "");
  });

  it("knows a message is the viewer's own, even when it names nobody", () => {
    const own = new Set(["c1"]);
    const isOwn = (clientId) => own.has(clientId);
    const anonymous = { id: null, name: "", organisation: "", anonymous: true };
    assert.equal(isAnonymous({ author: anonymous }), true);
    assert.equal(isAnonymous({ author: { id: 7, name: "Anna" } }), false);
    assert.equal(isAnonymous({ author: null }), false);
    assert.equal(isMine({ author: anonymous, mine: true, client_id: "x" }, "7", isOwn), true, "the server says so");
    assert.equal(isMine({ author: anonymous, mine: false, client_id: "c1" }, "7", isOwn), true, "sent from this tab");
    assert.equal(isMine({ author: anonymous, mine: false, client_id: "x" }, "7", isOwn), false);
    assert.equal(isMine({ author: { id: 7 }, client_id: "x" }, "7", isOwn), true, "by its author's id");
    assert.equal(isMine({ author: { id: 8 }, client_id: "x" }, "7", isOwn), false);
    assert.equal(isMine({ author: { id: null } }, "", isOwn), false, "signed out: nothing is mine");
  });
});
