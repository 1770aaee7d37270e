"""The scores table's last row ("Ensemble") shows the change since the previous
diagnostic, as each axis's row does."""

from __future__ import annotations

from types import SimpleNamespace

from diagnostic.reading import overall_row


def test_the_overall_row_has_its_change_like_the_axes():
    before = SimpleNamespace(scores={"overall": 43, "strategy": 40})
    assert overall_row(SimpleNamespace(overall=59), before) == {
        "overall_before": 43,
        "overall_change": 16,
    }
    assert overall_row(SimpleNamespace(overall=30), before)["overall_change"] == -13
    assert overall_row(SimpleNamespace(overall=None), before)["overall_change"] is None
    assert overall_row(SimpleNamespace(overall=59), None) == {
        "overall_before": None,
        "overall_change": None,
    }
