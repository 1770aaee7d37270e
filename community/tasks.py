"""Background work of the community app. Tasks take plain values, never model objects."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    *, subject: str, body: str, to: list[str], html: str = "", attachments: list | None = None
) -> int:
    """`attachments`: [filename, text content, MIME type] triples (plain values, so the
    task's arguments stay JSON)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send()


@task()
def send_mention_digest(*, user_id: int) -> int:
    """One email with every @mention still waiting for this person (see
    `community.services.rooms.send_mention_digest`)."""
    # Imported here: the rooms service imports this module (through notifications).
    from community.services.rooms import send_mention_digest as send

    return send(user_id=user_id)
