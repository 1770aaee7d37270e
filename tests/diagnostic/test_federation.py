"""The federation's dashboard: what its members do, per organisation and per month, its
CSV, the period, who may see it, and the diagnostics' distribution hidden below five
organisations. Its query count is pinned in test_federation_queries.py."""

from __future__ import annotations

import csv
import io
from html import unescape

import pytest
from django.test import Client

from tests.diagnostic.federation_fixtures import build_federation
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_four = built_once_per_module(lambda: build_federation(size=4, diagnosed=4))


@pytest.fixture
def four(_four):
    return _four.copy()


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_dashboard_counts_each_members_activity(four):
    url = f"/organisations/{four['federation'].slug}/tableau-de-bord/"
    response = as_user(four["manager"]).get(url)
    dashboard = response.context["dashboard"]
    assert [
        (r.organisation.name, r.sheets, r.adoptions, r.own_events, r.other_events, r.messages)
        for r in dashboard.members
    ] == [
        ("Jardin 00", 1, 1, 1, 1, 1),
        ("Jardin 01", 0, 1, 1, 1, 1),
        ("Jardin 02", 0, 1, 1, 1, 1),
        ("Jardin 03", 0, 1, 1, 1, 1),
    ]
    assert [a.organisation.name for a in dashboard.pending] == ["Jardin en attente"]
    assert [(b.label, b.value) for b in dashboard.rooms["bars"]] == [("Numérique et jardins", 4)]


def test_four_diagnosed_members_show_no_diagnostic_figure(four):
    response = as_user(four["manager"]).get(
        f"/organisations/{four['federation'].slug}/tableau-de-bord/"
    )
    html = unescape(response.content.decode())
    assert response.context["dashboard"].axes == []
    assert response.context["dashboard"].gaps == []
    assert "Moins de 5 organisations membres ont fait leur diagnostic" in html
    assert "Organisations au niveau 2 ou moins" not in html


def test_the_period_leaves_out_what_is_older(four):
    url = f"/organisations/{four['federation'].slug}/tableau-de-bord/"
    client = as_user(four["manager"])
    year = client.get(url, {"periode": "365"}).context["dashboard"]
    quarter = client.get(url, {"periode": "90"}).context["dashboard"]
    assert (year.totals()["sheets"], quarter.totals()["sheets"]) == (1, 0)
    # A value that is no period falls back to the last 12 months, in words on the form.
    odd = client.get(url, {"periode": "<script>"})
    assert odd.status_code == 200
    assert odd.context["dashboard"].totals()["sheets"] == 1


def test_the_csv_holds_the_table_per_organisation(four):
    response = as_user(four["manager"]).get(
        f"/organisations/{four['federation'].slug}/tableau-de-bord.csv", {"periode": "tout"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        [
            "Organisation",
            "Fiches publiées",
            "Fiches adoptées",
            "Inscriptions à nos évènements",
            "Inscriptions à d'autres évènements",
            "Messages dans les salons publics",
        ],
        ["Jardin 00", "1", "1", "1", "1", "1"],
        ["Jardin 01", "0", "1", "1", "1", "1"],
        ["Jardin 02", "0", "1", "1", "1", "1"],
        ["Jardin 03", "0", "1", "1", "1", "1"],
    ]


def test_only_the_federations_admins_see_its_dashboard(four):
    member = four["members"][0].memberships.get(role="member").user
    url = f"/organisations/{four['federation'].slug}/tableau-de-bord/"
    refused = as_user(member).get(url)
    assert refused.status_code == 403
    assert "Le tableau de bord d'une fédération est réservé" in unescape(refused.content.decode())
    own = as_user(member).get(f"/organisations/{four['members'][0].slug}/tableau-de-bord/")
    assert own.status_code == 403  # an EES has no federation dashboard
    assert Client().get(url)["Location"].startswith("/accounts/login/")
    assert (
        as_user(four["manager"]).get("/organisations/nulle-part/tableau-de-bord/").status_code
        == 404
    )


def test_a_name_a_spreadsheet_would_run_is_quoted_in_the_csv(four):
    member = four["members"][1]
    member.name = '=HYPERLINK("http://x.example")'
    member.save()
    response = as_user(four["manager"]).get(
        f"/organisations/{four['federation'].slug}/tableau-de-bord.csv"
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == [
        '\'=HYPERLINK("http://x.example")',
        "Jardin 00",
        "Jardin 02",
        "Jardin 03",
    ]
