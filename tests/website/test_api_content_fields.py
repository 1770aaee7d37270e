"""What /api/v2/ gives federations of each type: stories, programmes, sheets and events,
listed and in detail, with exactly their useful fields and only what is live and public
among their relations.

Every test here reads one small network built once for the module (tests/shared.py,
tests/website/fixtures_api.py); the query counts of the lists, at two sizes, are in
tests/website/test_api.py."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tests.programmes.conftest import days
from tests.website import fixtures_api
from tests.website.fixtures_api import EVENT, PROGRAMME, SHEET, STORY, TYPES, get, listed

pytestmark = pytest.mark.django_db


# The network's fixtures (tests/website/fixtures_api.py), made visible here: built once
# for this module.
network_rows = fixtures_api.network_rows
network = fixtures_api.network


# --- The fields of each type ------------------------------------------------------------------

LISTED_META = [
    "type",
    "detail_url",
    "html_url",
    "slug",
    "show_in_menus",
    "seo_title",
    "search_description",
    "first_published_at",
    "alias_of",
    "locale",
]
FIELDS = {
    STORY: [
        "lead",
        "hero_image",
        "hero_alt",
        "authors",
        "themes",
        "sectors",
        "regions",
        "programmes",
        "related_stories",
        "related_sheets",
    ],
    PROGRAMME: [
        "summary",
        "kind",
        "provider",
        "regions",
        "legal_forms",
        "organisation_kinds",
        "sizes",
        "themes",
        "dimensions",
        "amount",
        "open_all_year",
        "opens_on",
        "deadline",
        "call_status",
        "description",
        "how_to_apply",
        "official_url",
    ],
    SHEET: [
        "summary",
        "organisation",
        "sectors",
        "region",
        "organisation_size",
        "duration",
        "budget",
        "funding",
        "funded_by",
        "themes",
        "dimensions",
        "why",
        "difficulties",
        "tips",
        "phases",
        "sheet_tools",
        "keywords",
        "results",
        "social_impact",
        "related_sheets",
    ],
    EVENT: [
        "kind",
        "summary",
        "organisers",
        "start",
        "end",
        "time_zone",
        "rrule",
        "upcoming_dates",
        "venue",
        "is_online",
        "region",
        "capacity",
        "registration_deadline",
        "audience",
        "description",
        "themes",
        "related_sheets",
        "cancelled",
    ],
}


@pytest.mark.parametrize("page_type", TYPES)
def test_api_lists_each_type_with_exactly_its_useful_fields(client, network, page_type):
    item, _second = listed(client, page_type)

    assert list(item) == ["id", "meta", "title", *FIELDS[page_type]]
    assert list(item["meta"]) == LISTED_META
    assert item["meta"]["type"] == page_type


@pytest.mark.parametrize("page_type", TYPES)
def test_api_detail_of_each_type_has_the_same_fields_and_a_story_its_body(
    client, network, page_type
):
    item = get(client, f"/api/v2/pages/{network['ids'][page_type][0]}/")

    body = ["body"] if page_type == STORY else []
    fields = FIELDS[page_type]
    expected = [*fields[:3], *body, *fields[3:]] if body else fields
    assert list(item) == ["id", "meta", "title", *expected]
    assert item["meta"]["parent"]["title"] in ("Récits", "Soutiens", "Fiches pratiques", "Agenda")


TERM = [{"slug": "outils-collaboratifs", "name": "Outils collaboratifs"}]
SECTOR = [{"slug": "aide-a-domicile", "name": "Aide à domicile"}]
REGION = {"slug": "wallonie", "name": "Wallonie"}


def test_api_story_fields(client, network):
    story, second = listed(client, STORY)

    assert story["title"] == "Un cloud pour l'équipe, deux ans après 1"
    assert story["lead"] == "Un cloud pour l'équipe, deux ans après 1 : ce qui a changé."
    assert story["authors"] == [{"name": "Camille Plume", "role": "journaliste"}]
    assert (story["themes"], story["sectors"], story["regions"]) == (TERM, SECTOR, [REGION])
    assert story["hero_image"]["id"] == network["image"]
    assert story["hero_image"]["download_url"].startswith("http://localhost/")
    assert story["hero_alt"] == "Trois personnes autour d'un écran"
    assert [p["title"] for p in story["programmes"]] == ["Chèque coaching numérique 1"]
    assert story["programmes"][0]["html_url"] == (
        "http://localhost/soutiens/cheque-coaching-numerique-1/"
    )
    assert [p["title"] for p in story["related_sheets"]] == ["Un cloud pour l'équipe 1"]
    # Only what is live and public: not a draft or a private story, an unpublished
    # programme, an image in a restricted collection.
    assert story["related_stories"] == []
    assert [p["title"] for p in second["related_stories"]] == [story["title"]]
    assert second["hero_image"] is None


def test_api_story_body_by_its_detail_address_only(client, network):
    pk = network["ids"][STORY][0]

    in_list = client.get("/api/v2/pages/", {"type": STORY, "fields": "body"})
    detail = get(client, f"/api/v2/pages/{pk}/")

    assert in_list.status_code == 400
    assert [block["type"] for block in detail["body"]] == ["heading", "paragraph"]


def test_api_programme_fields(client, network):
    programme, _second = listed(client, PROGRAMME)

    assert {key: programme[key] for key in FIELDS[PROGRAMME]} == {
        "summary": "Chèque coaching numérique 1 en bref",
        "kind": "coaching",
        "provider": "Agence fictive",
        "regions": [REGION],
        "legal_forms": ["cooperative", "association"],
        "organisation_kinds": ["ees"],
        "sizes": ["1-9"],
        "themes": TERM,
        "dimensions": ["processes"],
        "amount": "jusqu'à 15 000 €",
        "open_all_year": False,
        "opens_on": days(-10).isoformat(),
        "deadline": days(20).isoformat(),
        "call_status": "closing",
        "description": "<p>Ce que le soutien finance.</p>",
        "how_to_apply": "<p>Un dossier en ligne.</p>",
        "official_url": "https://aides.example/",
    }


def test_api_sheet_fields(client, network):
    sheet, second = listed(client, SHEET)

    assert sheet["organisation"] == {
        "name": "Les Ateliers Récup",
        "slug": "les-ateliers-recup",
        "url": "http://localhost/organisations/les-ateliers-recup/",
    }
    assert (sheet["themes"], sheet["sectors"], sheet["region"]) == (TERM, SECTOR, REGION)
    assert sheet["dimensions"] == ["processes", "strategy"]
    assert sheet["funded_by"]["title"] == "Chèque coaching numérique 1"
    assert second["funded_by"] is None  # an unpublished programme
    assert sheet["difficulties"][0] == {"title": "Difficulté 1", "text": "Texte de difficulté 1."}
    assert [len(sheet[part]) for part in ("difficulties", "tips", "phases")] == [3, 3, 3]
    assert sheet["keywords"] == ["Écoute", "Patience", "Formation"]
    assert sheet["sheet_tools"][0] == {
        "name": "Nextcloud",
        "slug": "nextcloud",
        "category": "collaboration",
        "licence": "free_software",
        "website": "https://nextcloud.com/",
        "url": "http://localhost/outils/nextcloud/",
        "usage": "Nous avons utilisé Nextcloud au quotidien.",
    }
    # A tool out of the catalogue: no page, no link.
    assert (sheet["sheet_tools"][2]["url"], sheet["sheet_tools"][2]["website"]) == (None, "")
    assert sheet["related_sheets"] == []  # a draft only
    assert [p["title"] for p in second["related_sheets"]] == ["Un cloud pour l'équipe 1"]
    assert (sheet["organisation_size"], sheet["duration"], sheet["budget"]) == (
        "1-9",
        "8 mois",
        "12 000 €",
    )


def test_api_event_fields(client, network):
    event, _second = listed(client, EVENT)

    assert [o["name"] for o in event["organisers"]] == [
        "Fédération des Coopératives",
        "Les Ateliers Récup",
    ]
    assert event["organisers"][0]["url"] == (
        "http://localhost/organisations/federation-des-cooperatives/"
    )
    assert (event["summary"], event["kind"], event["rrule"]) == (
        "Trois rencontres entre pairs.",
        "workshop",
        "FREQ=WEEKLY;COUNT=3",
    )
    assert event["is_online"] is True
    assert (event["themes"], event["region"], event["capacity"]) == (TERM, REGION, 12)
    assert (event["venue"], event["time_zone"]) == (
        "Rue de la Loi 1, 1000 Bruxelles",
        "Europe/Brussels",
    )
    assert event["registration_deadline"] is not None
    starts = [dt.datetime.fromisoformat(d["start"]) for d in event["upcoming_dates"]]
    assert starts[0] == dt.datetime.fromisoformat(event["start"])
    assert [(b.date() - a.date()).days for a, b in itertools.pairwise(starts)] == [7, 7]
    assert {(d["cancelled"], d["moved"]) for d in event["upcoming_dates"]} == {(False, False)}
    assert [p["title"] for p in event["related_sheets"]] == ["Un cloud pour l'équipe 1"]
