"""events/dates.py: the calendar's dates written down at each publication, kept fresh, and
read one page at a time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from events import dates
from events.models import EventDate, EventPage, OccurrenceChange
from events.recurrence import HORIZON, occurrences
from events.services import publishing
from tests.events.conftest import brussels, publish_event
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def written(event: EventPage) -> list[tuple]:
    return list(
        EventDate.objects.filter(event=event)
        .order_by("start")
        .values_list("start", "end", "original_start", "cancelled", "moved", "note")
    )


def computed(event: EventPage) -> list[tuple]:
    event = EventPage.objects.prefetch_related("occurrence_changes").get(pk=event.pk)
    return [
        (o.start, o.end, o.original_start, o.cancelled, o.moved, o.note) for o in occurrences(event)
    ]


def next_mondays(count: int) -> list[dt.datetime]:
    today = timezone.localdate()
    monday = today + dt.timedelta(days=7 - today.weekday())
    return [
        brussels(day.year, day.month, day.day, 14).astimezone(dt.UTC)
        for day in (monday + dt.timedelta(weeks=n) for n in range(count))
    ]


@pytest.fixture
def weekly(calendar_page, federation):
    """A federation's weekly series from next Monday (its changes are published at once),
    its third date moved an hour later."""
    first, _second, third = next_mondays(3)
    return publish_event(
        calendar_page,
        organisers=[federation],
        title="Permanence numérique",
        start=first,
        end=first + dt.timedelta(hours=2),
        rrule="FREQ=WEEKLY;COUNT=5",
        changes=[
            OccurrenceChange(
                original_start=third,
                new_start=third + dt.timedelta(hours=1),
                new_end=third + dt.timedelta(hours=3),
                note="Une heure plus tard",
            )
        ],
    )


def test_publication_writes_the_dates_of_a_series_with_its_changes(weekly):
    rows = written(weekly)

    assert rows == computed(weekly)
    assert len(rows) == 5
    assert [row[4] for row in rows] == [False, False, True, False, False]  # moved
    assert rows[2][5] == "Une heure plus tard"
    assert set(EventDate.objects.filter(event=weekly).values_list("horizon", flat=True)) != {None}


def test_a_single_event_has_one_date_and_no_horizon(calendar_page, organisation):
    event = publish_event(calendar_page, organisers=[organisation], title="Atelier RGPD")

    assert written(event) == [(event.start, event.end, None, False, False, "")]
    assert EventDate.objects.get(event=event).horizon is None


def test_cancelling_a_date_and_then_the_event_rewrites_the_dates(weekly, federation):
    admin = MembershipFactory(organisation=federation, admin=True).user
    second = next_mondays(2)[1]

    publishing.cancel_date(user=admin, event=weekly, original_start=second)

    assert [row[3] for row in written(weekly)] == [False, True, False, False, False]
    assert written(weekly) == computed(weekly)

    publishing.cancel_event(user=admin, event=EventPage.objects.get(pk=weekly.pk))

    assert [row[3] for row in written(weekly)] == [True] * 5


def test_moving_a_series_moves_its_dates(weekly, federation):
    admin = MembershipFactory(organisation=federation, admin=True).user
    later = weekly.start + dt.timedelta(days=1)

    outcome = publishing.update(
        user=admin,
        event=weekly,
        organisers=[federation],
        start=later,
        end=later + dt.timedelta(hours=2),
    )

    assert outcome == publishing.PUBLISHED
    rows = written(weekly)
    assert rows == computed(weekly)
    assert rows[0][0] == later


def test_keep_fresh_writes_missing_and_expiring_dates_once_a_day(weekly, calendar_page):
    EventDate.objects.filter(event=weekly).update(horizon=timezone.now())  # a year passed
    bare = publish_event(calendar_page, organisers=weekly.organisers.all(), title="Sans dates")
    EventDate.objects.filter(event=bare).delete()  # as if written before the table existed
    expected = computed(weekly)
    cache.clear()

    assert set(dates.stale_events()) == {weekly.page_ptr.specific, bare}
    dates.keep_fresh()

    assert written(weekly) == expected
    assert EventDate.objects.get(event=weekly, start=expected[0][0]).horizon > (
        timezone.now() + HORIZON - dt.timedelta(minutes=1)
    )
    assert written(bare) == computed(bare)
    assert list(dates.stale_events()) == []

    # Once a day: a second call the same day does not look again.
    EventDate.objects.filter(event=bare).delete()
    dates.keep_fresh()
    assert written(bare) == []


def test_unpublished_events_keep_their_dates_but_are_not_listed(client, weekly, site_settings):
    weekly.unpublish()

    assert len(written(weekly)) == 5
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert response.context["occurrences"] == []
