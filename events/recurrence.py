"""Dates of events: single dates and RRULE series, with cancelled and moved dates.

A series is expanded in its own time zone (the wall-clock time stays, the UTC offset
follows daylight saving), then each date is compared in UTC with the changes stored for
it. Nothing here queries the database beyond what the caller prefetched
(`occurrence_changes`), so listing many events costs a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr
from django.utils import timezone
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .models import EventPage, OccurrenceChange

ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
# How far an open-ended series is expanded, and how many dates at most.
HORIZON = dt.timedelta(days=2 * 366)
MAX_DATES = 500


# Sensible dates for the network's calendar: nothing before this year, nothing more than
# this many years ahead, no single date longer than this.
FIRST_YEAR = 2000
YEARS_AHEAD = 5
MAX_DURATION = dt.timedelta(days=31)


def wall_clock(day: dt.date, time: dt.time, zone) -> dt.datetime:
    """The aware moment of a wall-clock time in a zone, or ValueError when that time does
    not exist there (the hour skipped when clocks go forward). A time that happens twice
    (the hour repeated when clocks go back) is its first occurrence, still in summer time:
    `fold=0`, said here rather than left to a default."""
    moment = dt.datetime.combine(day, time.replace(fold=0), tzinfo=zone)
    if not exists(moment):
        raise ValueError("non-existent local time")
    return moment


def exists(moment: dt.datetime) -> bool:
    """Whether an aware wall-clock time exists in its zone (a round trip through UTC
    gives the same wall-clock time back)."""
    back = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None, fold=0) == moment.replace(tzinfo=None, fold=0)


def after_the_gap(moment: dt.datetime) -> dt.datetime:
    """A time that does not exist, read as it would be after the clocks went forward
    (02:30 → 03:30 on the spring change in Brussels): what to suggest instead."""
    return moment.astimezone(dt.UTC).astimezone(moment.tzinfo)


def date_bounds(now=None) -> tuple[dt.date, dt.date]:
    today = timezone.localdate(now or timezone.now())
    return dt.date(FIRST_YEAR, 1, 1), dt.date(today.year + YEARS_AHEAD, 12, 31)


def out_of_bounds(day: dt.date, now=None) -> str | None:
    """The message for a date outside the calendar's years, None for a sensible one."""
    first, last = date_bounds(now)
    if first <= day <= last:
        return None
    return _("Choisissez une date entre %(first)s et %(last)s.") % {
        "first": first.year,
        "last": last.year,
    }


@dataclass(frozen=True)
class Occurrence:
    event: EventPage
    start: dt.datetime
    end: dt.datetime
    # The date the rule gives (the RECURRENCE-ID), None for a single event.
    original_start: dt.datetime | None = None
    cancelled: bool = False
    moved: bool = False
    note: str = ""

    @property
    def key(self) -> str:
        """Identifies the date in addresses and forms, even once moved."""
        return (self.original_start or self.start).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_rule(rule: str, start: dt.datetime, zone):
    """The dateutil rule of a series, its first date at `start` in `zone`. Raises
    ValueError on anything that is not a plain RRULE we accept."""
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "\n" in text or "DTSTART" in text.upper():
        raise ValueError("not a single RRULE")
    parsed = rrulestr(text, dtstart=start.astimezone(zone))
    if parsed._freq not in ALLOWED_FREQUENCIES:
        raise ValueError("frequency")
    return parsed


def rule_starts(event: EventPage, until: dt.datetime) -> list[dt.datetime]:
    """The dates the rule gives, up to `until` (and the horizon), in UTC."""
    if not event.rrule:
        return [event.start]
    try:
        rule = parse_rule(event.rrule, event.start, event.zone)
    except (ValueError, TypeError):
        return [event.start]
    limit = min(until, timezone.now() + HORIZON)
    starts: list[dt.datetime] = []
    for start in rule:
        if start > limit or len(starts) >= MAX_DATES:
            break
        starts.append(start.astimezone(dt.UTC))
    return starts


def _changes(event: EventPage) -> dict[dt.datetime, OccurrenceChange]:
    return {
        change.original_start.astimezone(dt.UTC): change
        for change in event.occurrence_changes.all()
    }


def occurrences(
    event: EventPage, *, after: dt.datetime | None = None, before: dt.datetime | None = None
) -> list[Occurrence]:
    """Every date of the event overlapping [after, before), cancelled ones included,
    in order of (new) start."""
    duration = event.end - event.start
    changes = _changes(event) if event.is_series else {}
    latest_move = max((c.original_start for c in changes.values() if c.new_start), default=None)
    # A date moved forward from before the window may land in it: expand far enough.
    until = before or (timezone.now() + HORIZON)
    if latest_move and latest_move > until:
        until = latest_move
    found = []
    for original in rule_starts(event, until):
        change = changes.get(original) if event.is_series else None
        start, end = original, original + duration
        cancelled = event.cancelled
        moved = False
        note = ""
        if change is not None:
            note = change.note
            if change.cancelled:
                cancelled = True
            elif change.new_start and change.new_end:
                start, end, moved = change.new_start, change.new_end, True
        occurrence = Occurrence(
            event=event,
            start=start,
            end=end,
            original_start=original if event.is_series else None,
            cancelled=cancelled,
            moved=moved,
            note=note,
        )
        if after is not None and occurrence.end <= after:
            continue
        if before is not None and occurrence.start >= before:
            continue
        found.append(occurrence)
    found.sort(key=lambda o: o.start)
    return found


def next_occurrence(event: EventPage, now: dt.datetime | None = None) -> Occurrence | None:
    now = now or timezone.now()
    for occurrence in occurrences(event, after=now):
        if not occurrence.cancelled:
            return occurrence
    return None


def event_errors(values: dict) -> list[tuple[str | None, str]]:
    """(field, message) for each rule an event breaks; shared by the admin form and the
    announce form. `values` holds start, end, time_zone, rrule, venue, online_url,
    capacity and registration_deadline (missing ones are skipped)."""
    errors: list[tuple[str | None, str]] = []
    start, end = values.get("start"), values.get("end")
    for field in ("start", "end", "registration_deadline"):
        moment = values.get(field)
        message = out_of_bounds(moment.date()) if moment else None
        if message:
            errors.append((field, message))
    if any(field != "registration_deadline" for field, _message in errors):
        return errors  # nothing else to say about a date in the year 9999
    if start and end and end <= start:
        errors.append(("end", _("La fin doit suivre le début.")))
    elif start and end and end - start > MAX_DURATION:
        errors.append(
            (
                "end",
                _(
                    "Un évènement dure au plus %(days)s jours. Pour des dates régulières, "
                    "utilisez la répétition."
                )
                % {"days": MAX_DURATION.days},
            )
        )
    zone_name = values.get("time_zone") or "Europe/Brussels"
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        errors.append(("time_zone", _("Fuseau horaire inconnu.")))
        zone = None
    rule = (values.get("rrule") or "").strip()
    if rule and start and zone is not None:
        try:
            parsed = parse_rule(rule, start, zone)
            first = next(iter(parsed), None)
        except (ValueError, TypeError, OverflowError):
            errors.append(
                (
                    "rrule",
                    _(
                        "Cette règle de récurrence n'est pas valide. Exemple : "
                        "FREQ=MONTHLY;BYDAY=1TU;COUNT=6 (le premier mardi du mois, six fois)."
                    ),
                )
            )
        else:
            if first is None:
                errors.append(("rrule", _("Cette règle ne donne aucune date.")))
    if "venue" in values or "online_url" in values:
        if not (values.get("venue") or "").strip() and not values.get("online_url"):
            errors.append((None, _("Indiquez une adresse, un lien de connexion, ou les deux.")))
    capacity = values.get("capacity")
    if capacity is not None and capacity < 1:
        errors.append(("capacity", _("Au moins une place, ou laissez vide.")))
    deadline = values.get("registration_deadline")
    if deadline and end and not rule and deadline > end:
        errors.append(
            ("registration_deadline", _("Les inscriptions ne peuvent pas fermer après la fin."))
        )
    return errors
