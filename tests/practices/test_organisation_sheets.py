"""An organisation's profile lists its live practice sheets, in a fixed number of queries."""

from __future__ import annotations

import pytest

from tests.factories import OrganisationFactory
from tests.practices import fixtures_listing
from tests.practices.fixtures_listing import days_ago, make_sheet

pytestmark = pytest.mark.django_db

catalogue = fixtures_listing.catalogue
sheet_index = fixtures_listing.sheet_index


def test_organisation_page_lists_its_live_sheets_newest_first(client, sheet_index, catalogue):
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    tools = list(catalogue.values())[:3]
    make_sheet(
        sheet_index,
        title="Ancienne fiche",
        tools=tools,
        organisation=organisation,
        published_at=days_ago(30),
    )
    newest = make_sheet(
        sheet_index,
        title="Nouvelle fiche",
        tools=tools,
        organisation=organisation,
        published_at=days_ago(2),
    )
    make_sheet(sheet_index, title="Brouillon", tools=tools, organisation=organisation, live=False)
    make_sheet(
        sheet_index, title="Fiche d'une autre", tools=tools, organisation=OrganisationFactory()
    )

    response = client.get(organisation.get_absolute_url())

    assert [sheet.title for sheet in response.context["sheets"]] == [
        "Nouvelle fiche",
        "Ancienne fiche",
    ]
    assert f'<a href="{newest.url}">Nouvelle fiche</a>' in response.content.decode()


@pytest.mark.parametrize("size", [1, 6])
def test_organisation_page_query_count_independent_of_sheets(
    client, sheet_index, catalogue, size, django_assert_num_queries
):
    organisation = OrganisationFactory()
    tools = list(catalogue.values())[:3]
    for n in range(size):
        make_sheet(sheet_index, title=f"Fiche {n}", tools=tools, organisation=organisation)
    client.get(organisation.get_absolute_url())  # warm the site-root-paths cache

    # 8 for the profile and its sheets, +1 for its upcoming events.
    with django_assert_num_queries(9):
        client.get(organisation.get_absolute_url())
