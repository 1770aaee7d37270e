"""The home page: the next dates of the calendar and the latest sheets, at a fixed cost."""

from __future__ import annotations

import pytest

from tests.events import conftest as events_fixtures
from tests.events.conftest import future, publish_event
from tests.practices import fixtures_listing
from tests.practices.conftest import home_page  # noqa: F401
from tests.practices.fixtures_listing import make_sheet

pytestmark = pytest.mark.django_db

calendar_page = events_fixtures.calendar_page
catalogue = fixtures_listing.catalogue
sheet_index = fixtures_listing.sheet_index

# Site settings, the organisations blocks, the calendar (events, organisers, changes), the
# sheets and the stories (one query, translations included): measured, then pinned; the
# same with 1 and 5 events and sheets.
HOME_QUERIES = 16


@pytest.mark.parametrize("size", [1, 5])
def test_home_shows_next_dates_and_latest_sheets(
    client,
    calendar_page,
    sheet_index,
    catalogue,
    federation,
    size,
    django_assert_num_queries,  # noqa: F811
):
    for n in range(size):
        publish_event(
            calendar_page, organisers=[federation], title=f"Atelier {n}", start=future(days=3 + n)
        )
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Atelier annulé",
        start=future(days=1),
        cancelled=True,
    )
    publish_event(
        calendar_page, organisers=[federation], title="Atelier passé", start=future(days=-3)
    )
    tools = list(catalogue.values())[:3]
    for n in range(size):
        make_sheet(sheet_index, title=f"Fiche {n}", tools=tools)
    client.get("/")  # warm the site-root-paths cache

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/")

    html = response.content.decode()
    dates = html[html.index('id="next-dates-title"') :]
    shown = [f"Atelier {n}" for n in range(size) if f">Atelier {n}<" in dates]
    assert shown == [f"Atelier {n}" for n in range(min(size, 4))]
    assert "Atelier annulé" not in html
    assert "Atelier passé" not in html
    sheets = html[html.index('id="latest-sheets-title"') :]
    assert [f"Fiche {n}" for n in range(size) if f">Fiche {n}<" in sheets] == [
        f"Fiche {n}" for n in range(size)
    ][-3:]
