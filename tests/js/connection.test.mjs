// When the room client tries again, and when it stops (static/js/rooms/connection.js).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { backoffDelay, isFinalClose } from "../../static/js/rooms/connection.js";

describe("reconnection", () => {
  it("waits at most an exponential delay, capped at 15 s", () => {
    const top = () => 0.999999;
    assert.ok(backoffDelay(0, top) < 500);
    assert.ok(backoffDelay(3, top) < 4000 && backoffDelay(3, top) > 3999);
    assert.ok(backoffDelay(10, top) <= 15000 && backoffDelay(10, top) > 14999);
  });

  it("spreads clients anywhere below the ceiling (full jitter)", () => {
    assert.equal(backoffDelay(4, () => 0), 0);
    assert.equal(backoffDelay(4, () => 0.5), 4000);
  });

  it("stops for good only after a refusal that trying again cannot help", () => {
    for (const code of [4401, 4403, 4404]) {
      assert.equal(isFinalClose(code), true, String(code));
    }
    for (const code of [1000, 1001, 1006, 1011, 4429]) {
      assert.equal(isFinalClose(code), false, String(code));
    }
  });
});
