"""The diagnostic's background work: the reminder to take it again, queued for six months
after the answers (`manage.py send_diagnostic_reminders` from cron is the safety net)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django_tasks import default_task_backend, task

from .models import Diagnostic
from .services import RETAKE_AFTER, send_retake_reminders


@task()
def remind_retake() -> int:
    """Every reminder due now (never twice for a diagnostic)."""
    return send_retake_reminders()


def schedule_retake_reminder(diagnostic: Diagnostic) -> bool:
    """Queue the reminder for six months after `diagnostic`'s latest answers; not with a
    backend that cannot defer a task."""
    if diagnostic.scored_at is None or not default_task_backend.supports_defer:
        return False
    when = diagnostic.scored_at + RETAKE_AFTER + dt.timedelta(minutes=1)
    transaction.on_commit(lambda: remind_retake.using(run_after=when).enqueue())
    return True
