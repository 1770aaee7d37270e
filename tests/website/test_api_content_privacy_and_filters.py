"""What /api/v2/ never gives: a member's name or address, an event's online link, a draft
or a private page, in any answer, nor by asking for a private field, filtering or sorting
by one, or searching; and what it filters and orders by, refusing with a 400 a value its
field cannot hold.

Every test here reads one small network built once for the module (tests/shared.py,
tests/website/fixtures_api.py)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from community.models import User
from events.models import EventPage, Registration
from practices.models import PracticeSheetPage
from tests.website import fixtures_api
from tests.website.fixtures_api import (
    EVENT,
    HIDDEN_TITLES,
    MEMBERS,
    ONLINE_URL,
    PROGRAMME,
    SHEET,
    STORY,
    TYPES,
    get,
)

pytestmark = pytest.mark.django_db


# The network's fixtures (tests/website/fixtures_api.py), made visible here: built once
# for this module.
network_rows = fixtures_api.network_rows
network = fixtures_api.network


# --- Never a member, a private link, a draft or a private page ---------------------------------


def _all_answers(client, network) -> list[tuple[str, bytes]]:
    """Every answer the API gives on this network: each list (every type, every field,
    every page of results), each page's detail, the images, a find and a few searches."""
    urls = ["/api/v2/pages/?fields=*&limit=20", "/api/v2/images/?fields=*"]
    urls += [f"/api/v2/pages/?type={t}&fields=*" for t in TYPES]
    urls += [f"/api/v2/pages/?type={t}&fields=*&search=cloud" for t in TYPES]
    listed = get(client, "/api/v2/pages/", limit=20)
    assert listed["meta"]["total_count"] <= 20
    urls += [f"/api/v2/pages/{item['id']}/" for item in listed["items"]]
    urls += [f"/api/v2/pages/{pk}/?fields=*" for ids in network["ids"].values() for pk in ids]
    urls += [
        f"/api/v2/images/{network['image']}/",
        "/api/v2/pages/find/?html_path=/agenda/intervision-1/",
    ]
    answers = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        answers.append((url, response.content))
    return answers


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "registered member"])
def test_api_never_shows_members_online_links_or_hidden_pages(network, signed_in):
    client = Client()
    if signed_in:
        # Even the member registered to the events, who sees the link on the event's page.
        client.force_login(User.objects.get(email=MEMBERS["registrant"][1]))
    never = [
        *(part for name, email in MEMBERS.values() for part in (*name.split(), email)),
        ONLINE_URL,
        "salle-secrete",
        *HIDDEN_TITLES,
    ]

    # They are there to be found: on the sheets, the events, the tools.
    sheets = PracticeSheetPage.objects.live()
    assert sheets.filter(authors__email=MEMBERS["author"][1]).count() == 2
    assert (
        EventPage.objects.live().filter(online_url=ONLINE_URL, proposed_by__isnull=False).count()
        == 2
    )
    assert Registration.objects.filter(user__email=MEMBERS["registrant"][1]).count() == 2
    answers = _all_answers(client, network)
    assert any(b"Les Ateliers R" in content for _url, content in answers)

    found = [
        (url, word)
        for url, content in answers
        for word in never
        if word.encode() in content or json.dumps(word).strip('"').encode() in content
    ]

    assert found == []


def test_api_never_serves_hidden_pages_by_id(client, network):
    statuses = [client.get(f"/api/v2/pages/{pk}/").status_code for pk in network["hidden_ids"]]

    assert statuses == [404] * len(network["hidden_ids"])


@pytest.mark.parametrize(
    ("page_type", "fields"),
    [
        (SHEET, "authors"),
        (SHEET, "_,authors"),
        (SHEET, "authors(email)"),
        (SHEET, "organisation(contact_email)"),
        (SHEET, "sheet_tools(proposed_by)"),
        (SHEET, "useful_marks"),
        (SHEET, "adoptions"),
        (EVENT, "online_url"),
        (EVENT, "_,online_url"),
        (EVENT, "proposed_by"),
        (EVENT, "registrations"),
        (EVENT, "organisers(contact_email)"),
        (STORY, "owner"),
        (STORY, "latest_revision"),
    ],
)
def test_api_asking_for_a_private_field_is_a_400(client, network, page_type, fields):
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": fields})

    assert response.status_code == 400
    assert "unknown fields" in response.json()["message"]


@pytest.mark.parametrize(
    ("page_type", "query"),
    [
        (EVENT, {"online_url": ONLINE_URL}),
        (EVENT, {"order": "online_url"}),
        (EVENT, {"proposed_by": "1"}),
        (SHEET, {"authors": "1"}),
        (SHEET, {"order": "authors"}),
        (SHEET, {"themes": "1"}),
        (STORY, {"body": "x"}),
        (PROGRAMME, {"legal_forms": "cooperative"}),
        (PROGRAMME, {"description": "x"}),
    ],
)
def test_api_filters_and_sorts_by_plain_public_columns_only(client, network, page_type, query):
    response = client.get("/api/v2/pages/", {"type": page_type, **query})

    assert response.status_code == 400


def test_api_search_finds_nothing_by_a_members_name_or_the_online_link(client, network):
    def total(page_type, words):
        return get(client, "/api/v2/pages/", type=page_type, search=words)["meta"]["total_count"]

    assert total(SHEET, "cloud") == total(EVENT, "intervision") == 2
    assert [total(SHEET, "Quenouille"), total(SHEET, "Fontaneau")] == [0, 0]
    assert [total(EVENT, "Vasseur"), total(EVENT, "Brisebois"), total(EVENT, "7f3k9q")] == [0] * 3


# --- Filters, order, odd values -----------------------------------------------------------------


def test_api_filters_and_orders_by_public_columns(client, network):
    coaching = get(client, "/api/v2/pages/", type=PROGRAMME, kind="coaching")
    funding = get(client, "/api/v2/pages/", type=PROGRAMME, kind="funding")
    by_start = get(client, "/api/v2/pages/", type=EVENT, order="-start", fields="start")
    online = get(client, "/api/v2/pages/", type=EVENT, cancelled="false")

    assert coaching["meta"]["total_count"] == 2
    assert funding["meta"]["total_count"] == 0  # the unpublished programme
    assert [item["title"] for item in by_start["items"]] == [
        "Intervision numérique 2",
        "Intervision numérique 1",
    ]
    assert online["meta"]["total_count"] == 2


@pytest.mark.parametrize(
    ("page_type", "query"),
    [
        (PROGRAMME, {"deadline": "2026-13-45"}),
        (PROGRAMME, {"opens_on": "9" * 30}),
        (PROGRAMME, {"open_all_year": "maybe"}),
        (EVENT, {"start": "soon"}),
        (EVENT, {"registration_deadline": "9999-99"}),
        (EVENT, {"capacity": "1e309"}),
        (SHEET, {"first_published_at": "yesterday"}),
        (STORY, {"id": "x"}),
    ],
)
def test_api_a_value_its_field_cannot_hold_is_a_400(client, network, page_type, query):
    response = client.get("/api/v2/pages/", {"type": page_type, **query})

    assert response.status_code == 400
    assert "message" in response.json()
