"""The reminder the day before: queued 24 hours ahead by a deferring task backend
(django-tasks-db in production), sent once per confirmed person, never twice, and not
for a date that was moved or cancelled since."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks import default_task_backend, task_backends
from django_tasks_db.models import DBTaskResult

from events.models import EventPage, OccurrenceChange, Registration, ReminderSent
from events.services import reminders
from events.tasks import schedule_reminder, send_event_reminder
from tests.events.conftest import future, publish_event

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASK_PATH = "events.tasks.send_event_reminder"


def queued() -> list[tuple[dt.datetime, dict]]:
    return [
        (task.run_after, task.args_kwargs["kwargs"])
        for task in DBTaskResult.objects.filter(task_path=TASK_PATH).order_by("run_after")
    ]


@pytest.fixture
def database_tasks(settings):
    """Tasks go to django-tasks-db's table, as in production. django_tasks forgets its
    cached backends when TASKS changes (setting_changed), so the new one is used."""
    settings.TASKS = DATABASE
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"
    assert default_task_backend.supports_defer is True
    return settings


def run_reminder(kwargs, capture) -> int:
    """What the worker does with a queued reminder: call the task with its arguments.
    Emails are then sent by the immediate backend, once the task's transaction commits."""
    with capture(execute=True):
        return send_event_reminder.call(**kwargs)


def confirmed_and_waiting(event, make_people):
    confirmed_a, confirmed_b, waiting, gone = make_people(4)
    Registration.objects.create(event=event, user=confirmed_a, status="confirmed")
    Registration.objects.create(event=event, user=confirmed_b, status="confirmed")
    Registration.objects.create(event=event, user=waiting, status="waitlist")
    Registration.objects.create(event=event, user=gone, status="cancelled")
    return confirmed_a, confirmed_b


def test_immediate_backend_schedules_nothing(
    calendar_page, federation, django_capture_on_commit_callbacks
):
    assert default_task_backend.supports_defer is False
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(calendar_page, organisers=[federation], start=future(days=3))

    assert schedule_reminder(event) is False
    assert DBTaskResult.objects.count() == 0


def test_publishing_queues_one_reminder_24_hours_ahead(
    database_tasks, calendar_page, federation, django_capture_on_commit_callbacks
):
    start = future(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(calendar_page, organisers=[federation], start=start)

    assert queued() == [
        (start - dt.timedelta(hours=24), {"event_id": event.pk, "start": start.isoformat()})
    ]


def test_cancelled_event_schedules_nothing(
    database_tasks, calendar_page, federation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(
            calendar_page, organisers=[federation], start=future(days=3), cancelled=True
        )

    assert schedule_reminder(event) is False
    assert queued() == []


def test_reminder_sent_once_to_confirmed_people_only(
    database_tasks,
    calendar_page,
    federation,
    make_people,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    start = future(hours=20)
    before = dt.datetime.now(dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(
            calendar_page, organisers=[federation], title="Atelier vélo", start=start
        )
    after = dt.datetime.now(dt.UTC)
    ((run_after, kwargs),) = queued()
    assert before <= run_after <= after  # less than a day ahead: as soon as possible
    assert kwargs == {"event_id": event.pk, "start": start.isoformat()}
    first, second = confirmed_and_waiting(event, make_people)
    database_tasks.TASKS = IMMEDIATE  # the worker's emails go out at once here

    assert run_reminder(kwargs, django_capture_on_commit_callbacks) == 2

    assert sorted((m.to[0], m.subject) for m in mailoutbox) == sorted(
        [
            (first.email, "[Relais] Demain : Atelier vélo"),
            (second.email, "[Relais] Demain : Atelier vélo"),
        ]
    )
    assert "Petit rappel : « Atelier vélo », c'est demain." in mailoutbox[0].body
    assert ReminderSent.objects.count() == 2

    assert run_reminder(kwargs, django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == 2
    assert ReminderSent.objects.count() == 2


def test_series_reminder_queues_the_next_date(
    database_tasks, calendar_page, federation, django_capture_on_commit_callbacks
):
    start = future(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(
            calendar_page, organisers=[federation], start=start, rrule="FREQ=WEEKLY;COUNT=3"
        )
    ((_run_after, kwargs),) = queued()

    with django_capture_on_commit_callbacks(execute=True):
        send_event_reminder.call(**kwargs)

    # The next date, not the one that has just begun (which would be re-queued forever).
    following = start + dt.timedelta(days=7)
    assert queued()[1:] == [
        (following - dt.timedelta(hours=24), {"event_id": event.pk, "start": following.isoformat()})
    ]


def test_date_in_progress_gets_no_reminder(
    database_tasks, calendar_page, federation, django_capture_on_commit_callbacks
):
    """Published while its first date is under way: the reminder is for the next date."""
    start = future(minutes=-30)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(
            calendar_page, organisers=[federation], start=start, rrule="FREQ=WEEKLY;COUNT=2"
        )

    following = start + dt.timedelta(days=7)
    assert queued() == [
        (following - dt.timedelta(hours=24), {"event_id": event.pk, "start": following.isoformat()})
    ]


@pytest.mark.parametrize("change", ["moved", "cancelled"])
def test_reminder_for_a_date_changed_since_sends_nothing(
    database_tasks,
    calendar_page,
    federation,
    make_people,
    mailoutbox,
    django_capture_on_commit_callbacks,
    change,
):
    start = future(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(
            calendar_page, organisers=[federation], start=start, rrule="FREQ=WEEKLY;COUNT=3"
        )
    ((_run_after, old),) = queued()
    confirmed_and_waiting(event, make_people)
    page = EventPage.objects.get(pk=event.pk)
    if change == "moved":
        page.occurrence_changes = [
            OccurrenceChange(
                original_start=start,
                new_start=start + dt.timedelta(days=2),
                new_end=start + dt.timedelta(days=2, hours=2),
            )
        ]
    else:
        page.occurrence_changes = [OccurrenceChange(original_start=start, cancelled=True)]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    database_tasks.TASKS = IMMEDIATE
    mailoutbox.clear()

    assert run_reminder(old, django_capture_on_commit_callbacks) == 0

    assert [m.subject for m in mailoutbox] == []
    assert ReminderSent.objects.count() == 0


def test_reminder_of_moved_date_queued_for_its_new_time(
    database_tasks, calendar_page, federation, django_capture_on_commit_callbacks
):
    start = future(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(calendar_page, organisers=[federation], start=start)
    page = EventPage.objects.get(pk=event.pk)
    page.start, page.end = start + dt.timedelta(days=1), start + dt.timedelta(days=1, hours=2)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    moved = start + dt.timedelta(days=1)
    assert queued()[-1] == (
        moved - dt.timedelta(hours=24),
        {"event_id": event.pk, "start": moved.isoformat()},
    )


def test_reminder_of_cancelled_event_sends_nothing(
    database_tasks,
    calendar_page,
    federation,
    make_people,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    start = future(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_event(calendar_page, organisers=[federation], start=start)
    ((_run_after, kwargs),) = queued()
    confirmed_and_waiting(event, make_people)
    page = EventPage.objects.get(pk=event.pk)
    page.cancelled = True
    page.save_revision().publish()
    database_tasks.TASKS = IMMEDIATE
    mailoutbox.clear()

    assert run_reminder(kwargs, django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_due_lists_dates_of_the_next_24_hours(calendar_page, federation):
    soon = publish_event(
        calendar_page, organisers=[federation], title="Bientôt", start=future(hours=5)
    )
    publish_event(calendar_page, organisers=[federation], title="Plus tard", start=future(hours=30))
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Annulé",
        start=future(hours=6),
        cancelled=True,
    )

    assert [(event.pk, start) for event, start in reminders.due()] == [(soon.pk, soon.start)]


def test_command_sends_due_reminders_once(
    calendar_page, federation, make_people, mailoutbox, django_capture_on_commit_callbacks
):
    """`manage.py send_event_reminders` (immediate backend, development or cron): the dates
    of the next 24 hours get their reminder, once; later dates none."""

    soon = publish_event(calendar_page, organisers=[federation], start=future(hours=20))
    later = publish_event(
        calendar_page, organisers=[federation], title="Plus tard", start=future(days=3)
    )
    confirmed_a, confirmed_b = confirmed_and_waiting(soon, make_people)
    (other,) = make_people(1, prefix="Plus tard")
    Registration.objects.create(event=later, user=other, status="confirmed")

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert out.getvalue().strip() == "2 reminder(s) sent."
    assert sorted(m.to[0] for m in mailoutbox) == sorted([confirmed_a.email, confirmed_b.email])
    assert all(m.subject.startswith("[Relais] Demain :") for m in mailoutbox)

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert out.getvalue().strip() == "0 reminder(s) sent."
    assert len(mailoutbox) == 2
