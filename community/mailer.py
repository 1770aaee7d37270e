"""Sending one email: the plain-text body, an HTML alternative, headers, attachments."""

from django.core.mail import EmailMultiAlternatives


def deliver(
    *,
    subject: str,
    body: str,
    to: list[str],
    html: str = "",
    headers: dict | None = None,
    attachments: list | None = None,
) -> int:
    """`attachments`: [filename, text content, MIME type] triples."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send()
