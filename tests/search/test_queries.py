"""/recherche/ costs a fixed number of queries whatever the number of results: the same
count with three matching sheets and with nine, on every path (every kind, one kind and
its filters, a typo, nothing found, completion)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from tests.factories import ThemeFactory
from tests.practices.fixtures_listing import build_index, make_sheet, make_tool
from tests.search.conftest import build_search_site, postgresql
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db


def build(extra: int) -> int:
    """The search site, plus `extra` sheets about a "ressourcerie"."""
    build_search_site()
    library = build_index()
    tools = [make_tool(f"Outil {n}") for n in range(3)]
    theme = ThemeFactory(name="Réemploi", slug="reemploi")
    for n in range(extra):
        make_sheet(
            library,
            title=f"Ressourcerie {n}",
            tools=tools,
            summary="Une ressourcerie de quartier.",
            themes=[theme],
        )
    return extra + 1  # and the Ateliers Récup, "une ressourcerie"


_site = built_once_per_module(build, params=[3, 9])


@pytest.fixture
def site(_site, db, site_settings):
    return _site.copy()


# (address, queries). Every page also reads the site and its navigation and footer
# settings (3); a visitor's session and user cost none. On PostgreSQL the search runs in a
# transaction of its own that first sets its planner's settings (`search.matching
# .planned`: 1, and inside the test's transaction a savepoint and its release, 2).
PAGE = 3
PLANNED = 3 if connection.vendor == "postgresql" else 0
PATHS = [
    # private sections, counts of every kind, a page of results, the rows of its two
    # kinds (sheets with their organisation and region; the organisation)
    ("/recherche/?q=ressourcerie", PLANNED + 5 + PAGE),
    # the chosen theme read by the form, private sections, counts of every kind, the
    # kind's count with its filter, a page, its rows; each of the three filters' options
    # (a count, the taxonomy's rows)
    ("/recherche/?q=ressourcerie&type=sheet&theme=reemploi", PLANNED + 12 + PAGE),
    # private sections, counts of every kind (none), the typo-tolerant counts, a page,
    # the rows of its kind (titles are where typos are looked for: sheets' titles only)
    pytest.param("/recherche/?q=ressourcrie", PLANNED + 5 + PAGE, marks=postgresql),
    # private sections, counts (none), each word alone, the typo-tolerant counts (none),
    # then the miss counted (one update: the first request wrote its row)
    pytest.param("/recherche/?q=ressourcerie+zorglub", PLANNED + 5 + PAGE, marks=postgresql),
    # private sections, the completions of every kind: no page around them
    ("/recherche/suggestions/?q=ressourc", PLANNED + 2),
]


@pytest.mark.parametrize(("address", "queries"), PATHS)
def test_a_search_costs_the_same_queries_whatever_the_number_of_results(
    site, django_assert_num_queries, address, queries
):
    client = Client()
    client.get(address)  # content types and site root paths, cached once per process

    with django_assert_num_queries(queries):
        response = client.get(address)

    assert response.status_code == 200


def test_the_results_grow_with_the_sheets(site):
    response = Client().get("/recherche/?q=ressourcerie")

    assert response.context["total"] == site
    assert len(response.context["results"]) == site
