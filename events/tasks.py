"""Background work of the calendar. Tasks take plain values, never model objects."""

import datetime as dt

from django_tasks import task


@task()
def send_event_reminder(*, event_id: int, start: str) -> int:
    from .models import EventPage
    from .services import reminders

    event = (
        EventPage.objects.live().prefetch_related("occurrence_changes").filter(pk=event_id).first()
    )
    if event is None:
        return 0
    sent = reminders.send(event, dt.datetime.fromisoformat(start))
    # The next date of a series gets its own reminder.
    reminders.schedule(event, now=dt.datetime.fromisoformat(start) + dt.timedelta(minutes=1))
    return sent
