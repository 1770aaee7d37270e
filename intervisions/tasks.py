"""The intervisions' background work: the follow-up six weeks after a session (queued when
it closes; `manage.py send_intervision_followups` from cron is the safety net)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django_tasks import default_task_backend, task

from .followup import FOLLOW_UP_AFTER, send_followups
from .models import Session


@task()
def follow_up() -> int:
    return send_followups()


def schedule_followup(session: Session) -> bool:
    if session.closed_at is None or not default_task_backend.supports_defer:
        return False
    when = session.closed_at + FOLLOW_UP_AFTER + dt.timedelta(minutes=1)
    transaction.on_commit(lambda: follow_up.using(run_after=when).enqueue())
    return True
