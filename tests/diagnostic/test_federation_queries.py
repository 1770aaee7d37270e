"""The federation's dashboard costs the same queries with five members as with nine, and
shows the diagnostics' distribution from five diagnosed members up."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.diagnostic.federation_fixtures import build_federation
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

DASHBOARD_QUERIES = 24

_sized = built_once_per_module(
    lambda size: build_federation(size=size, diagnosed=size), params=[5, 9]
)


def test_the_dashboard_costs_the_same_queries_whatever_the_number_of_members(
    _sized, django_assert_num_queries
):
    built = _sized.copy()
    client = Client()
    client.force_login(built["manager"])
    url = f"/organisations/{built['federation'].slug}/tableau-de-bord/"
    client.get(url)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(url)
    dashboard = response.context["dashboard"]
    size = len(built["members"])
    assert dashboard.diagnosed == size
    # Every member answered 1 on backups and 3 elsewhere: one shared gap, the same for all.
    assert [(g.question.key, g.organisations) for g in dashboard.gaps] == [("sauvegardes", size)]
    assert [axis["label"] for axis in dashboard.axes] == [
        "Infrastructure",
        "Organisation",
        "Processus",
        "Stratégie",
    ]
    infrastructure = {b.label: b.value for b in dashboard.axes[0]["bars"]}
    assert infrastructure == {"0–24": 0, "25–49": 0, "50–74": size, "75–100": 0}
