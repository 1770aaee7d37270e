"""bench/ws.py's summary: latency to the last member, and messages lost, doubled or out of
order, counted from what each member received."""

from __future__ import annotations

import pytest

from bench.ws import summarise


def test_summary_counts_latency_to_the_last_member_and_every_kind_of_fault():
    result = {
        "seconds": 2.0,
        "joined_seconds": 0.5,
        "sent": {"a": ["salon", 10.0], "b": ["salon", 11.0], "c": ["autre", 12.0]},
        "members": [
            # Got a then b, then a again (doubled), in order otherwise.
            {
                "room": "salon",
                "seqs": [1, 2, 1],
                "arrivals": {"a": 10.010, "b": 11.030},
                "frames": 5,
            },
            # Got b before a (out of order).
            {"room": "salon", "seqs": [2, 1], "arrivals": {"a": 10.050, "b": 11.020}, "frames": 4},
            # Never got c (lost).
            {"room": "autre", "seqs": [], "arrivals": {}, "frames": 1},
        ],
    }

    summary = summarise(result)

    assert summary["messages"] == 3
    assert summary["lost"] == 1
    assert summary["doubled"] == 1
    assert summary["out_of_order"] == 2  # 1 after 2 for the first member, 1 after 2 for the second
    assert summary["delivered_per_second"] == 1.0  # a and b reached everyone in their room
    assert summary["p50"] == pytest.approx(30.0, abs=0.01)  # b: the last member at +30 ms
    assert summary["p99"] == pytest.approx(50.0, abs=0.01)  # a: the last member at +50 ms
    assert summary["frames"] == 10
