"""iCalendar (RFC 5545) files and feeds, built with the `icalendar` library.

- One VEVENT per event, with a UID that never changes (Wagtail's translation key) and a
  SEQUENCE that the publication of a change in time, place or status bumps
  (`EventState`). A cancelled event stays in the feeds as STATUS:CANCELLED, so calendar
  apps remove it instead of keeping a ghost.
- A series is one VEVENT with DTSTART in its own zone (TZID) and its RRULE; a moved or
  cancelled date is another VEVENT with the same UID and a RECURRENCE-ID (RFC 5545
  3.8.4.4) that overrides that one instance: moved, it has its new DTSTART/DTEND;
  cancelled, it keeps its times with STATUS:CANCELLED, so calendar apps show the date as
  cancelled, as the site does, instead of letting it vanish (an EXDATE would delete the
  instance without a word). Cancelling a date changes the event's fingerprint, so the
  SEQUENCE is bumped and apps take the override over their copy. The zones used get their
  VTIMEZONE, so daylight saving is right in every calendar app.
- The online link appears only in files made for registered people (`with_link`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from community.http import conditional, ical_etag_source
from community.public import absolute_url
from community.text import one_line, plain_text

from .models import EventPage, event_uid
from .recurrence import occurrences

PRODID = "-//Relais//Agenda//FR"


def _local(moment: dt.datetime, event: EventPage) -> dt.datetime:
    return moment.astimezone(event.zone)


def _description(event: EventPage, with_link: bool) -> str:
    parts = []
    if event.summary:
        parts.append(event.summary)
    text = plain_text(event.description)
    if text:
        parts.append(text)
    if event.online_url:
        if with_link:
            parts.append(_("Lien de connexion : %(url)s") % {"url": event.online_url})
        else:
            parts.append(_("En ligne : le lien est donné aux personnes inscrites."))
    parts.append(absolute_url(event.public_path))
    return "\n\n".join(parts)


def _location(event: EventPage, with_link: bool) -> str:
    venue = " ".join(event.venue.split())
    if venue:
        return venue
    if event.online_url:
        return event.online_url if with_link else _("En ligne")
    return ""


def _base_vevent(
    event: EventPage, *, sequence: int, with_link: bool, stamp, cancelled: bool = False
) -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", sequence)
    vevent.add("summary", one_line(event.title))
    vevent.add("description", _description(event, with_link))
    location = _location(event, with_link)
    if location:
        vevent.add("location", location)
    vevent.add("url", absolute_url(event.public_path))
    vevent.add("categories", [str(EventPage.Kind(event.kind).label)])
    vevent.add("status", "CANCELLED" if event.cancelled or cancelled else "CONFIRMED")
    if event.first_published_at:
        vevent.add("created", event.first_published_at.astimezone(dt.UTC))
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(dt.UTC))
    return vevent


def vevents(event: EventPage, *, with_link: bool = False, stamp=None) -> list[Event]:
    """The VEVENTs of one event: the event (or series) and one per moved or cancelled
    date."""
    stamp = stamp or timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    state = getattr(event, "state", None) if hasattr(event, "state") else None
    sequence = state.sequence if state is not None else 0

    main = _base_vevent(event, sequence=sequence, with_link=with_link, stamp=stamp)
    main.add("dtstart", _local(event.start, event))
    main.add("dtend", _local(event.end, event))
    found = [main]
    if not event.is_series:
        return found

    main.add("rrule", vRecur.from_ical(event.rrule.removeprefix("RRULE:")))
    for occurrence in occurrences(event):
        if not occurrence.moved and not occurrence.cancelled:
            continue
        override = _base_vevent(
            event,
            sequence=sequence,
            with_link=with_link,
            stamp=stamp,
            cancelled=occurrence.cancelled,
        )
        assert occurrence.original_start is not None  # every date of a series has one
        override.add("recurrence-id", _local(occurrence.original_start, event))
        override.add("dtstart", _local(occurrence.start, event))
        override.add("dtend", _local(occurrence.end, event))
        found.append(override)
    return found


def calendar(events, *, name: str, with_link: bool = False) -> bytes:
    """A whole VCALENDAR for these events (prefetched with `occurrence_changes` and
    `state`), with the VTIMEZONEs they need."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # One line: an X- property is written as given, and a line break would end it.
    cal.add("x-wr-calname", one_line(str(name)))
    cal.add("x-wr-timezone", settings.RELAIS["DEFAULT_TIME_ZONE"])
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    first = stamp.date()
    for event in events:
        first = min(first, event.start.date())
        for vevent in vevents(event, with_link=with_link, stamp=stamp):
            cal.add_component(vevent)
    # Transitions from a year before the earliest event to ten years ahead: enough for
    # every date we publish, without decades of history in each file.
    cal.add_missing_timezones(
        first_date=first - dt.timedelta(days=366), last_date=stamp.date() + dt.timedelta(days=3660)
    )
    return cal.to_ical()


def event_file(event: EventPage, *, with_link: bool = False) -> bytes:
    return calendar([event], name=event.title, with_link=with_link)


def ics_response(request, content: bytes, filename: str, *, private=False) -> HttpResponse:
    """A calendar file, 304 when the app's copy is current (`community.http`)."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=300"
    return conditional(request, response, etag_source=ical_etag_source(content))
