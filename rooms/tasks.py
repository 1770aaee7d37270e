"""Background work of the rooms. Tasks take plain values, never model objects."""

from django_tasks import task

from community.services import digests


@task()
def send_mention_digest(*, user_id: int) -> int:
    """Queued by releases before the notification centre (issue 13), which now emails
    mentions (`community.tasks.send_notification_email`): a task still in the queue at
    deploy sends what that person has due at once, and never fails on import."""
    return digests.send_at_once(user_id=user_id)
