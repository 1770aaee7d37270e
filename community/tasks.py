"""Background work of the community app. Tasks take plain values, never model objects."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(*, subject: str, body: str, to: list[str], html: str = "") -> int:
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
