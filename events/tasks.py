"""Background work of the calendar, and its queueing. Tasks take plain values, never model
objects."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import EventPage
from .services import reminders


@task()
def send_event_reminder(*, event_id: int, start: str) -> int:
    event = (
        EventPage.objects.live().prefetch_related("occurrence_changes").filter(pk=event_id).first()
    )
    if event is None:
        return 0
    sent = reminders.send(event, dt.datetime.fromisoformat(start))
    # The next date of a series gets its own reminder.
    schedule_reminder(event, now=dt.datetime.fromisoformat(start) + dt.timedelta(minutes=1))
    return sent


def schedule_reminder(event: EventPage, *, now: dt.datetime | None = None) -> bool:
    """Queue the reminder of the event's next date, to run `reminders.AHEAD` before it.
    Returns whether one was queued: not with a backend that cannot defer a task."""
    now = now or timezone.now()
    occurrence = reminders.next_to_remind(event, now)
    if occurrence is None or not default_task_backend.supports_defer:
        return False
    run_after = max(occurrence.start - reminders.AHEAD, now)
    start = occurrence.start.astimezone(dt.UTC).isoformat()
    transaction.on_commit(
        lambda: send_event_reminder.using(run_after=run_after).enqueue(
            event_id=event.pk, start=start
        )
    )
    return True
