"""The result page with eight peers costs what it costs with two (see
test_result_queries.py, whose rows are built once for that module)."""

from __future__ import annotations

import pytest

from tests.diagnostic.test_result_queries import build, result_page
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_many = built_once_per_module(lambda: build(8))


def test_the_result_page_costs_the_same_queries_with_eight_peers(_many, django_assert_num_queries):
    response = result_page(_many.copy(), django_assert_num_queries)
    backups = next(p for p in response.context["weak_points"] if p.question.key == "sauvegardes")
    assert [peer.organisation.name for peer in backups.peers] == ["Pair 0", "Pair 2", "Pair 4"]
    assert backups.unnamed_peers == 4
