"""/moi/ lists the sheets I bookmarked that are still online, at a fixed cost."""

from __future__ import annotations

import pytest

from practices.models import Bookmark
from tests.factories import UserFactory
from tests.practices import fixtures_listing
from tests.practices.fixtures_listing import make_sheet

pytestmark = pytest.mark.django_db

# The reading side's fixtures (tests/practices/fixtures_listing.py), made visible here.
catalogue = fixtures_listing.catalogue
sheet_index = fixtures_listing.sheet_index


@pytest.mark.parametrize("size", [1, 5])
def test_my_space_lists_my_live_bookmarks(
    client, sheet_index, catalogue, size, django_assert_num_queries
):
    me = UserFactory()
    tools = list(catalogue.values())[:3]
    mine = [make_sheet(sheet_index, title=f"Fiche gardée {n}", tools=tools) for n in range(size)]
    offline = make_sheet(sheet_index, title="Fiche retirée", tools=tools)
    others = make_sheet(sheet_index, title="Fiche d'une autre personne", tools=tools)
    for sheet in [*mine, offline]:
        Bookmark.objects.create(user=me, sheet=sheet)
    Bookmark.objects.create(user=UserFactory(), sheet=others)
    offline.unpublish()
    client.force_login(me)
    client.get("/moi/")  # warm the site-root-paths cache

    # /moi/ for someone in no organisation; the bookmarks are one query, whatever their number.
    with django_assert_num_queries(14):
        response = client.get("/moi/")

    html = response.content.decode()
    section = html[html.index('id="mes-favoris"') :]
    for sheet in mine:
        assert f'href="/pratiques/{sheet.slug}/"' in section
    assert "Fiche retirée" not in html
    assert "Fiche d&#x27;une autre personne" not in html


def test_no_bookmark_no_section(client):
    client.force_login(UserFactory())

    response = client.get("/moi/")

    assert 'id="mes-favoris"' not in response.content.decode()
