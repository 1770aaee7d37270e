"""The library /pratiques/ on many sheets: pagination, and a query count that does not grow
with the number of sheets. Apart from tests/practices/test_listing.py, whose tests share one
small library built once (tests/shared.py): each class here builds its own sheets, once for
its tests (tests/shared.py again)."""

from __future__ import annotations

import pytest

from practices.listing import PAGE_SIZE
from practices.models import Adoption, Useful
from tests.factories import (
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)
from tests.practices import fixtures_listing
from tests.practices.fixtures_listing import days_ago, make_sheet
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db

# Measured, then pinned: they must not move with the number of sheets (3 or 30).
# Steady state (site settings already exist: see the `site_settings` fixture, requested
# after `sheet_index`, which replaces the default site's root page).
LIST_QUERIES_ANONYMOUS = 20
LIST_QUERIES_FILTERED_SIGNED_IN = 27


def _titles(response) -> list[str]:
    return [sheet.title for sheet in response.context["sheets"]]


# --- Pagination and links -----------------------------------------------------------------


def build_many_sheets():
    """One page and one sheet more: /pratiques/ with `PAGE_SIZE + 1` live sheets."""
    sheet_index = fixtures_listing.build_index()
    tools = list(fixtures_listing.build_catalogue().values())[:3]
    return [
        make_sheet(sheet_index, title=f"Fiche {n:02d}", tools=tools, published_at=days_ago(n))
        for n in range(1, PAGE_SIZE + 2)
    ]


# Both pagination tests read the same sheets: built once for the class (tests/shared.py).
_many_sheets = built_once_per_class(build_many_sheets)


@pytest.fixture
def many_sheets(_many_sheets, db):
    return _many_sheets.copy()


class TestPagination:
    def test_library_paginated(self, client, many_sheets):
        first = client.get("/pratiques/")
        second = client.get("/pratiques/", {"page": "2"})

        assert _titles(first) == [f"Fiche {n:02d}" for n in range(1, PAGE_SIZE + 1)]
        assert _titles(second) == [f"Fiche {PAGE_SIZE + 1:02d}"]
        assert 'rel="next"' in first.content.decode()
        assert "Page 2 sur 2" in second.content.decode()

    @pytest.mark.parametrize(
        ("page", "message"),
        [
            ("0", "« 0 » n'est pas un numéro de page : voici la première."),
            ("-1", "« -1 » n'est pas un numéro de page : voici la première."),
            ("²", "« ² » n'est pas un numéro de page : voici la première."),
            ("3", "La page 3 n'existe pas : voici la page 2."),
        ],
    )
    def test_a_page_that_is_no_page_number_shows_the_first(
        self, client, many_sheets, page, message
    ):
        response = client.get("/pratiques/", {"page": page})

        assert response.status_code == 200
        assert [str(m) for _label, m in response.context["filter_errors"]] == [message]
        shown = 2 if page == "3" else 1
        assert response.context["sheets_page"].number == shown

    def test_library_pagination_keeps_filters(self, client, many_sheets):
        response = client.get("/pratiques/", {"keyword": "patience", "sort": "useful", "page": "1"})

        assert response.context["query"] == "keyword=patience&sort=useful"
        assert 'href="?keyword=patience&amp;sort=useful&amp;page=2"' in response.content.decode()


# --- Query count --------------------------------------------------------------------------


def _populate(count: int) -> int:
    """`count` sheets, each with an organisation, a region, two sectors, two themes, three
    tools, three keywords, "useful" marks and an adoption: all a card shows, in /pratiques/
    with the four tools of the catalogue. Returns `count`."""
    sheet_index = fixtures_listing.build_index()
    catalogue = fixtures_listing.build_catalogue()
    regions = [RegionFactory(name=f"Région {n}") for n in range(3)]
    sectors = [SectorFactory(name=f"Secteur {n}") for n in range(4)]
    themes = [ThemeFactory(name=f"Thème {n}") for n in range(4)]
    tools = list(catalogue.values())
    user = UserFactory()
    for n in range(count):
        organisation = OrganisationFactory(name=f"Org {n:02d}")
        sheet = make_sheet(
            sheet_index,
            title=f"Fiche numérique {n:02d}",
            organisation=organisation,
            region=regions[n % 3],
            sectors=sectors[n % 3 : n % 3 + 2],
            themes=themes[n % 3 : n % 3 + 2],
            tools=tools[n % 2 : n % 2 + 3],
            keywords=(f"Mot {n}", "Patience", "Écoute"),
            dimensions=("processes",),
        )
        Useful.objects.create(user=user, sheet=sheet)
        Adoption.objects.create(sheet=sheet, organisation=organisation, outcome="worked")
    return count


# One population of each size (3, then 30 sheets), built once for both tests of the class
# (tests/shared.py): each test runs once per size, as a `parametrize` would.
_population = built_once_per_class(_populate, params=[3, 30])


@pytest.fixture
def count(_population, db) -> int:
    """The number of sheets in /pratiques/: 3, then 30."""
    return _population.copy()


class TestQueryCount:
    def test_library_query_count_anonymous_independent_of_size(
        self, client, count, site_settings, django_assert_num_queries
    ):
        with django_assert_num_queries(LIST_QUERIES_ANONYMOUS):
            response = client.get("/pratiques/")

        assert len(response.context["sheets"]) == min(count, PAGE_SIZE)

    def test_library_query_count_all_filters_signed_in_independent_of_size(
        self, client, count, site_settings, django_assert_num_queries
    ):
        client.force_login(UserFactory())
        params = {
            "q": "fiche numeriques",
            "theme": "theme-1",
            "sector": "secteur-1",
            "region": "region-1",
            "tool": "odoo",
            "dimension": "processes",
            "keyword": "patience",
            "sort": "useful",
        }

        with django_assert_num_queries(LIST_QUERIES_FILTERED_SIGNED_IN):
            response = client.get("/pratiques/", params)

        assert response.context["filter_errors"] == []
        assert response.context["result_count"] == (1 if count == 3 else 10)
