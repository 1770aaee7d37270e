"""Reading a sheet: a query count that does not grow with reactions or related sheets.

Apart from tests/practices/test_sheet_page.py, whose tests read the sheet without changing
it: each test here adds its own reactions and related sheets to the same sheet, built once
for the module (tests/shared.py) and rolled back after each test."""

from __future__ import annotations

import pytest

from practices.models import Adoption, Bookmark, Useful
from tests.factories import OrganisationFactory, ThemeFactory, UserFactory
from tests.practices import test_sheet_page
from tests.practices.fixtures_listing import make_sheet
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

# The adopting organisation and its member, as in tests/practices/test_sheet_page.py.
adopter_org = test_sheet_page.adopter_org
adopter = test_sheet_page.adopter

# Measured, then pinned: they must not move with the number of adoptions, "useful" marks
# or related sheets. Steady state (site settings exist).
# Rooms added the sheet's discussion block: +1 for a visitor (the sheet's room), +3 for a
# member (the room, their ban check, its last messages; the authors' organisations are one
# more query once the room has messages, whatever their number).
# Asking the authors (issue 15): +1 for a member (their questions about the sheet and, for
# its authors and its organisation's members, those waiting for an answer), none for a
# visitor.
SHEET_QUERIES_ANONYMOUS = 27
SHEET_QUERIES_MEMBER = 35

# The sheet of tests/practices/test_sheet_page.py, in /pratiques/ with the catalogue's
# four tools: built once for the module's tests (tests/shared.py).
_sheet_rows = built_once_per_module(test_sheet_page.build_sheet)


@pytest.fixture
def sheet_rows(_sheet_rows, db):
    return _sheet_rows.copy()


@pytest.fixture
def sheet_index(sheet_rows):
    return sheet_rows["sheet_index"]


@pytest.fixture
def catalogue(sheet_rows):
    return sheet_rows["catalogue"]


@pytest.fixture
def sheet(sheet_rows):
    return sheet_rows["sheet"]


# --- Query count --------------------------------------------------------------------------


def _crowd(sheet_index, catalogue, sheet, count: int) -> None:
    """`count` adoptions, "useful" marks, bookmarks and related sheets on `sheet`."""
    tools = list(catalogue.values())[:3]
    related = []
    for n in range(count):
        organisation = OrganisationFactory(name=f"Adoptante {n:02d}")
        Adoption.objects.create(sheet=sheet, organisation=organisation, outcome="worked")
        user = UserFactory()
        Useful.objects.create(user=user, sheet=sheet)
        Bookmark.objects.create(user=user, sheet=sheet)
        related.append(
            make_sheet(
                sheet_index,
                title=f"Voisine {n:02d}",
                organisation=organisation,
                tools=tools,
                themes=[ThemeFactory(name=f"Thème {n % 3}")],
            )
        )
    page = sheet.specific_class.objects.get(pk=sheet.pk)
    page.related_sheets.set(related)
    page.save_revision().publish()


@pytest.mark.parametrize("count", [1, 8])
def test_sheet_query_count_anonymous_independent_of_reactions(
    client, sheet_index, catalogue, sheet, site_settings, count, django_assert_num_queries
):
    _crowd(sheet_index, catalogue, sheet, count)

    with django_assert_num_queries(SHEET_QUERIES_ANONYMOUS):
        response = client.get("/pratiques/dossier-de-soins/")

    assert f"Adoptée par {count} organisation" in response.content.decode()


@pytest.mark.parametrize("count", [1, 8])
def test_sheet_query_count_member_independent_of_reactions(
    client,
    sheet_index,
    catalogue,
    sheet,
    site_settings,
    adopter,
    adopter_org,
    count,
    django_assert_num_queries,
):
    _crowd(sheet_index, catalogue, sheet, count)
    Adoption.objects.create(sheet=sheet, organisation=adopter_org, outcome="partly")
    client.force_login(adopter)

    with django_assert_num_queries(SHEET_QUERIES_MEMBER):
        response = client.get("/pratiques/dossier-de-soins/")

    assert f"Adoptée par {count + 1} organisations" in response.content.decode()
