"""The calendar's dates, kept in the database (`EventDate`).

`recurrence.occurrences` computes the dates of one event (a series expanded in its time
zone, with its cancelled and moved dates). Listing the calendar used to do that for every
live event in the window, then sort and paginate in Python: at 5,000 events the calendar
cost a second of CPU and the home page half of one. Here the dates are written down once
per publication, and the listings read one page of them from an index.

- `refresh(event)` writes the dates of one event; `after_publication` calls it on every
  publication (front end, admin, scheduled publishing), so the dates follow each change of
  time, rule, cancellation or moved date.
- A series is written up to `recurrence.HORIZON` (two years) ahead. `refresh_stale()` writes
  again the series whose dates end within the calendar's window, and any event without
  dates (one made before this table existed, or written in bulk): the listings call
  `keep_fresh()`, which runs it at most once a day per cache (the cache decides who runs
  it; if the cache is down, nobody does until it is back: the dates are still a year ahead).
- Unpublished events keep their rows; the listings only read the dates of live events.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models import EventDate, EventPage
from .recurrence import HORIZON, Occurrence, occurrences

# The longest look-ahead of a listing (events/listing.py WINDOW), with a day to spare.
LOOK_AHEAD = dt.timedelta(days=367)
CHECKED_KEY = "events:dates-checked:{day}"


def refresh(event: EventPage) -> None:
    """Write the dates of `event` again (prefetch `occurrence_changes` to save a query)."""
    EventDate.objects.filter(event_id=event.pk).delete()
    EventDate.objects.bulk_create(rows_of(event))


# What an `Occurrence` and an `EventDate` row hold alike.
DATE_FIELDS = ("start", "end", "original_start", "cancelled", "moved", "note")


def _date_fields(source) -> dict:
    return {name: getattr(source, name) for name in DATE_FIELDS}


def rows_of(event: EventPage) -> list[EventDate]:
    """The `EventDate` rows of `event`, not saved."""
    horizon = timezone.now() + HORIZON if event.is_series else None
    return [
        EventDate(event_id=event.pk, horizon=horizon, **_date_fields(occurrence))
        for occurrence in occurrences(event)
    ]


def stale_events(now: dt.datetime | None = None):
    """Events without dates, and series whose dates stop before the listings' look-ahead."""
    now = now or timezone.now()
    dates = EventDate.objects.filter(event=OuterRef("pk"))
    return EventPage.objects.filter(
        ~Exists(dates) | (~Q(rrule="") & ~Exists(dates.filter(horizon__gte=now + LOOK_AHEAD)))
    )


def refresh_stale(now: dt.datetime | None = None) -> int:
    """Write the dates of `stale_events()` again; how many events that was."""
    count = 0
    for event in stale_events(now).prefetch_related("occurrence_changes").iterator(chunk_size=200):
        refresh(event)
        count += 1
    return count


def keep_fresh() -> None:
    """`refresh_stale()`, at most once a day for all the processes sharing the cache."""
    if cache.add(CHECKED_KEY.format(day=timezone.now().date().isoformat()), True, 2 * 86400):
        refresh_stale()


def as_occurrences(rows, events) -> list[Occurrence]:
    """`Occurrence`s of `rows` (EventDate), with their event taken from `events` (a
    queryset of the events to show, with what listing them needs); a row whose event
    is not in it is left out."""
    rows = list(rows)
    by_pk = {event.pk: event for event in events.filter(pk__in={row.event_id for row in rows})}
    return [
        Occurrence(event=by_pk[row.event_id], **_date_fields(row))
        for row in rows
        if row.event_id in by_pk
    ]
