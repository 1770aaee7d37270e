"""Background work of the community app. Tasks take plain values, never model objects."""

from django.utils import timezone
from django_tasks import task

from community.mailer import deliver
from community.services import digests


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    html: str = "",
    headers: dict | None = None,
    attachments: list | None = None,
) -> int:
    """`attachments`: [filename, text content, MIME type] triples (plain values, so the
    task's arguments stay JSON)."""
    return deliver(
        subject=subject, body=body, to=to, html=html, headers=headers, attachments=attachments
    )


@task()
def send_notification_email(*, user_id: int) -> int:
    """One email with every notification this person wants "at once" and has not read."""
    return digests.send_at_once(user_id=user_id)


@task()
def send_digest(*, user_id: int) -> int:
    """This person's digest if one is due (queued for their slot when a notification for
    a digest arrives; a run late or twice sends what is due once)."""
    return digests.send_due(user_id=user_id, now=timezone.now())


@task()
def send_due_digests() -> int:
    """Every digest due now (`manage.py send_digests`, from cron, is the same): the safety
    net for a queued task lost with its worker. A digest already sent is not sent again."""
    return digests.send_all_due(now=timezone.now())
