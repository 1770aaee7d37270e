"""The reminder the day before each date of an event.

When an event is published (or changed), `events.tasks.schedule_reminder` queues one task
for the date `next_to_remind` gives,
to run 24 hours before it (the database backend's worker runs it at that time in
production). The task sends the reminder to the confirmed people who have not had it
for that date, then queues the next date of a series. A task whose date was moved or
cancelled since finds nothing to do, and a task run twice sends nothing twice
(`ReminderSent`). Backends that cannot defer a task (the immediate one, in development)
schedule nothing: `python manage.py send_event_reminders` does the same work on demand.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from community.services.notifications import email_people

from ..models import EventPage, Registration, ReminderSent
from ..recurrence import Occurrence, occurrences
from .registrations import ics_attachment

AHEAD = dt.timedelta(hours=24)


def next_to_remind(event: EventPage, now: dt.datetime) -> Occurrence | None:
    """The date whose reminder is to be queued next, if any."""
    if event.cancelled:
        return None
    # The next date that has not started yet: `next_occurrence` also gives the date in
    # progress, which the task (called with now = its date + 1 minute) would queue again
    # and again.
    return next(
        (o for o in occurrences(event, after=now) if not o.cancelled and o.start > now), None
    )


def send(event: EventPage, start: dt.datetime) -> int:
    """Remind the confirmed people of the date starting at `start`, if the event still
    has that date and it is not cancelled. Returns how many were reminded."""
    dates = [
        o
        for o in occurrences(event, after=start - dt.timedelta(seconds=1), before=start + AHEAD)
        if o.start == start and not o.cancelled
    ]
    if not dates or event.cancelled or not event.live:
        return 0
    occurrence = dates[0]
    sent = 0
    registrations = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED
    ).select_related("user")
    for registration in registrations:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    registration=registration, occurrence_start=occurrence.start
                )
                # The .ics the email speaks of, online link included (a confirmed place).
                email_people(
                    [registration.user],
                    "events/emails/reminder",
                    {"event": event, "occurrence": occurrence, "with_ics": True},
                    attachments=ics_attachment(event),
                )
        except IntegrityError:  # already reminded for this date
            continue
        sent += 1
    return sent


def due(now=None) -> list[tuple[EventPage, dt.datetime]]:
    """Dates starting within the next 24 hours, for the on-demand command."""
    now = now or timezone.now()
    found = []
    events = EventPage.objects.live().filter(cancelled=False).prefetch_related("occurrence_changes")
    for event in events:
        for occurrence in occurrences(event, after=now, before=now + AHEAD):
            if not occurrence.cancelled and occurrence.start > now:
                found.append((event, occurrence.start))
    return found
