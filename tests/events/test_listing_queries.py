"""Query counts of the calendar that do not grow with it: /agenda/'s list (for a visitor,
and signed in with every filter), its month grid, and an event's page."""

from __future__ import annotations

import datetime as dt

import pytest

from events.models import OccurrenceChange, Registration
from events.services import registrations
from tests.events.conftest import brussels, build_calendar_site, future, publish_event
from tests.factories import RegionFactory, ThemeFactory, UserFactory
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db


# --- Query counts ------------------------------------------------------------------------------

# Measured, then pinned: the same with 2 and 12 events (steady state, after a warm-up request).
# The list reads one page of dates, and counts them for the pagination (events/dates.py).
LIST_QUERIES = 15
LIST_QUERIES_SIGNED_IN_FILTERED = 20
MONTH_QUERIES = 14
EVENT_PAGE_QUERIES = 25


def month_ahead() -> dt.date:
    """The first day of a month that is entirely ahead."""
    return (dt.date.today().replace(day=1) + dt.timedelta(days=40)).replace(day=1)


def populate(calendar_page, organisers, count, theme, region):
    """`count` events in `month_ahead()`, every other one a weekly series of three dates
    with its second date cancelled."""
    first = month_ahead()
    events = []
    for n in range(count):
        events.append(
            publish_event(
                calendar_page,
                organisers=organisers,
                title=f"Évènement {n:02d}",
                kind="intervision",
                start=brussels(first.year, first.month, 3 + n, 10),
                rrule="FREQ=WEEKLY;COUNT=3" if n % 2 else "",
                changes=[
                    OccurrenceChange(
                        original_start=brussels(first.year, first.month, 10 + n, 10), cancelled=True
                    )
                ]
                if n % 2
                else [],
                capacity=10,
                themes=[theme],
                region=region,
            )
        )
    return events


def build_bigger(count: int) -> dict:
    """/agenda/ with `populate`'s `count` events, organised by a federation and an
    organisation, three people registered to each."""
    site = build_calendar_site()
    theme = ThemeFactory(name="Numérique")
    region = RegionFactory(name="Bruxelles")
    events = populate(
        site["calendar_page"], [site["federation"], site["organisation"]], count, theme, region
    )
    people = [UserFactory() for _ in range(count)]
    for event in events:
        for person in people[:3]:
            Registration.objects.create(event=event, user=person, status="confirmed")
    return {"count": count, "events": events, "people": people, "federation": site["federation"]}


# One calendar of each size (2, then 12 events), built once for the class's tests
# (tests/shared.py): each test runs once per size, as a `parametrize` would.
_bigger = built_once_per_class(build_bigger, params=[2, 12])


@pytest.fixture
def bigger(_bigger, db, site_settings) -> dict:
    return _bigger.copy()


@pytest.fixture
def count(bigger) -> int:
    """The number of events in `bigger`: 2, then 12."""
    return bigger["count"]


class TestQueryCountsOnTwoThenTwelveEvents:
    def test_list_query_count_independent_of_length(
        self, client, bigger, count, django_assert_num_queries
    ):
        client.get("/agenda/")  # warm-up: Wagtail's site root paths and the like

        with django_assert_num_queries(LIST_QUERIES):
            response = client.get("/agenda/")

        # Every event once, the series twice more, but their cancelled date once too.
        assert len(response.context["occurrences"]) == min(count + 2 * (count // 2), 20)

    def test_list_query_count_signed_in_with_filters(
        self, client, bigger, count, django_assert_num_queries
    ):
        events, people, federation = bigger["events"], bigger["people"], bigger["federation"]
        client.force_login(people[0])
        query = {
            "kind": "intervision",
            "organiser": federation.slug,
            "theme": "numerique",
            "region": "bruxelles",
            "mode": "onsite",
        }
        client.get("/agenda/", query)

        with django_assert_num_queries(LIST_QUERIES_SIGNED_IN_FILTERED):
            response = client.get("/agenda/", query)

        assert {o.event.title for o in response.context["occurrences"]} == {e.title for e in events}

    def test_month_grid_query_count_independent_of_length(
        self, client, bigger, count, django_assert_num_queries
    ):
        query = {"view": "month", "month": month_ahead().strftime("%Y-%m")}
        client.get("/agenda/", query)

        with django_assert_num_queries(MONTH_QUERIES):
            response = client.get("/agenda/", query)

        assert len({o.event.pk for o in response.context["month_occurrences"]}) == count


@pytest.mark.parametrize("count", [2, 12])
def test_event_page_query_count_independent_of_size(
    client, calendar_page, federation, organisation, site_settings, count, django_assert_num_queries
):
    """A series of `count` dates with `count` changed dates, `count` people registered,
    `count` themes, signed in as one of them."""
    event = publish_event(
        calendar_page,
        organisers=[federation, organisation],
        title="Série",
        start=future(days=1),
        rrule=f"FREQ=WEEKLY;COUNT={count * 2}",
        changes=[
            OccurrenceChange(original_start=future(days=1 + 7 * n), cancelled=True)
            for n in range(1, count + 1)
        ],
        themes=[ThemeFactory(name=f"Thème {n}") for n in range(count)],
        capacity=100,
    )
    people = [UserFactory() for _ in range(count)]
    for person in people:
        registrations.register(user=person, event=event)
    client.force_login(people[0])
    client.get(event.public_path)

    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        response = client.get(event.public_path)

    assert response.context["confirmed_count"] == count
    assert len(response.context["themes"]) == count
