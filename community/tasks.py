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
