"""Emails to people, each in their own language, sent by a background task after commit."""

from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from community.models import Notification
from community.public import site_url
from community.tasks import send_email

# Set by `emails_held`: the demo seed goes through the services, but its people are
# invented and its requests, approvals and registrations are not news to anyone.
_held = ContextVar("emails_held", default=False)


@contextmanager
def emails_held():
    """`email_people` queues nothing for the duration (nor after commit)."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def email_people(people, template: str, context: dict, attachments=None) -> None:
    """Render `templates/<template>_subject.txt` and `_body.txt` for each person in their
    preferred language and queue one email each, once the current transaction commits.

    `attachments`: [filename, text, MIME type] triples, or a function of the person
    returning them (rendered in that person's language). Nothing while `emails_held`."""
    if _held.get():
        return
    base = site_url()
    for person in people:
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            ctx = {**context, "person": person, "site_url": base}
            subject = render_to_string(f"{template}_subject.txt", ctx).strip()
            body = render_to_string(f"{template}_body.txt", ctx)
            files = attachments(person) if callable(attachments) else attachments
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
        transaction.on_commit(
            functools.partial(
                send_email.enqueue,
                subject=subject,
                body=body,
                to=[person.email],
                **({"attachments": files} if files else {}),
            )
        )


def notify(people, *, message: str, url: str = "") -> None:
    """In-app notifications, listed in /moi/."""
    Notification.objects.bulk_create(
        [Notification(user=person, message=message[:300], url=url[:300]) for person in people]
    )
