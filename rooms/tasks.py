"""Background work of the rooms. Tasks take plain values, never model objects."""

import datetime as dt

from django.db import transaction
from django_tasks import default_task_backend, task

from community.services import digests
from rooms.models import RetentionCut
from rooms.services import confidence


@task()
def send_mention_digest(*, user_id: int) -> int:
    """Queued by releases before the notification centre (issue 13), which now emails
    mentions (`community.tasks.send_notification_email`): a task still in the queue at
    deploy sends what that person has due at once, and never fails on import."""
    return digests.send_at_once(user_id=user_id)


@task()
def erase_expired_messages() -> int:
    """Erase the messages whose room's retention has run out (`confidence.erase_due`)."""
    return confidence.erase_due()


def schedule_erasure(cut: RetentionCut | None) -> bool:
    """Queue the erasure for the moment `cut` falls due (a minute after); not with a
    backend that cannot defer a task (`manage.py erase_expired_messages` from cron is the
    safety net)."""
    if cut is None or not default_task_backend.supports_defer:
        return False
    when = cut.due_at + dt.timedelta(minutes=1)
    transaction.on_commit(lambda: erase_expired_messages.using(run_after=when).enqueue())
    return True
