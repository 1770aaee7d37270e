"""Any parameter of /recherche/, any value, no server error: the kind's filters too (a
value that is not understood is said and ignored)."""

from __future__ import annotations

import pytest
from django.test import Client

from search.kinds import KINDS
from tests.search.conftest import build_search_site
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_site = built_once_per_module(build_search_site)


@pytest.fixture
def site(_site, db):
    return _site.copy()


HOSTILE = [
    "-1",
    "9" * 30,
    "1.5",
    "%00",
    "%FF",
    "%F0%9F%98%80",
    "x" * 5000,
    "%3Cscript%3E",
    "%5B%5D",
    "'%22%5C:*%26%7C!()",  # '"\:*&|!() : the operators of PostgreSQL's tsquery
]
# The worst few, for the kinds' own filters.
WORST = ["9" * 30, "%00", "%FF", "%5B%5D"]


@pytest.mark.parametrize("kind", [None, *KINDS], ids=lambda kind: kind.key if kind else "all")
def test_hostile_values_never_make_a_500(site, kind):
    client = Client(raise_request_exception=False)
    if kind is None:
        names, given, values = ["q", "type", "page"], "", HOSTILE
    else:
        names, given, values = [flt.name for flt in kind.filters], f"&type={kind.key}", WORST
    failures = []
    for value in values:
        queries = [f"{name}={value}" for name in names]
        queries.append("&".join(f"{name}={value}" for name in names))
        for query in queries:
            if not query.startswith("q="):
                query += "&q=nextcloud"
            status = client.get("/recherche/", QUERY_STRING=query + given).status_code
            if status >= 500:
                failures.append((query[:60], status))
        status = client.get("/recherche/suggestions/", QUERY_STRING=f"q={value}").status_code
        if status >= 500:
            failures.append(("suggestions", value[:60], status))
    assert failures == []


def test_values_that_are_not_understood_are_said_and_ignored(client, site):
    response = client.get(
        "/recherche/", {"q": "nextcloud", "type": "sheet", "theme": "zzz", "page": "0"}
    )

    assert response.status_code == 200
    assert response.context["filter_errors"] == [
        ("Page", "Assurez-vous que cette valeur est supérieure ou égale à 1."),
        (
            "Thème",
            "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles.",
        ),
    ]
    assert response.context["total"] == 2


def test_an_unknown_kind_is_said_and_every_kind_is_shown(client, site):
    response = client.get("/recherche/", {"q": "nextcloud", "type": "zzz", "theme": "gestion"})

    assert response.context["kind"] is None
    assert [label for label, _message in response.context["filter_errors"]] == ["Type de résultat"]
    assert response.context["total"] == 4


def test_a_page_beyond_the_last_shows_the_last(client, site):
    response = client.get("/recherche/", {"q": "nextcloud", "page": "99"})

    assert response.context["page_obj"].number == 1
    assert response.context["filter_errors"] == [
        ("Page", "La page 99 n'existe pas : voici la page 1.")
    ]


def test_a_null_character_in_the_query_is_refused_politely(client, site):
    response = client.get("/recherche/", {"q": "next\x00cloud"})

    assert response.status_code == 200
    assert response.context["query"] == ""
    assert [label for label, _message in response.context["filter_errors"]] == [
        "Rechercher sur Relais"
    ]


def test_a_query_without_a_word_asks_for_one(client, site):
    response = client.get("/recherche/", {"q": "!!! ???"})

    assert response.context["searched"] is False
    assert "Saisissez au moins un mot : des lettres ou des chiffres." in response.content.decode()


def test_only_reading_is_allowed(client, site):
    assert client.post("/recherche/", {"q": "nextcloud"}).status_code == 405
