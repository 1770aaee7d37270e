"""What happens for people: in-app notifications and emails, each in the person's own
language, sent by a background task after commit.

`notify` is the one way to tell people something happened: it honours each person's
channel for that kind (`community.models.notifications`): at once by email, in a daily or
weekly digest (`digests.py`), in the app only, or never. `email_people` stays for what is
no notification (a registration's confirmation, an answer to one's own request)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from community.models import Notification, NotificationSettings, User
from community.models.notifications import DIGESTS, Channel
from community.public import absolute_url, site_url
from community.services.emailing import notification_headers, unsubscribe_url
from community.services.slots import next_slot
from community.tasks import send_digest, send_email, send_notification_email

# Set by `emails_held`: the demo seed goes through the services, but its people are
# invented and its requests, approvals and registrations are not news to anyone.
_held = ContextVar("emails_held", default=False)


@contextmanager
def emails_held():
    """`email_people` and `notify` queue no email for the duration (nor after commit)."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def emails_are_held() -> bool:
    return _held.get()


# --- emails ------------------------------------------------------------------------------


def _queue(person, subject, body, *, html="", headers=None, attachments=None) -> None:
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    transaction.on_commit(
        functools.partial(
            send_email.enqueue,
            subject=subject,
            body=body,
            to=[person.email],
            **({"html": html} if html else {}),
            **({"headers": headers} if headers else {}),
            **({"attachments": attachments} if attachments else {}),
        )
    )


def email_people(people, template: str, context: dict, attachments=None, *, kinds=()) -> None:
    """Render `templates/<template>_subject.txt` and `_body.txt` for each person in their
    preferred language and queue one email each, once the current transaction commits.

    `attachments`: [filename, text, MIME type] triples, or a function of the person
    returning them (rendered in that person's language). `kinds`: the notification kinds
    the email is about (then it carries the unsubscribe link and headers). Nothing while
    `emails_held`."""
    if _held.get():
        return
    base = site_url()
    about_key = context.get("about_key", "")
    for person in people:
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            ctx = {**context, "person": person, "site_url": base}
            if kinds:
                ctx["unsubscribe_url"] = unsubscribe_url(person, kinds)
                ctx["preferences_url"] = absolute_url(reverse("community:notification_settings"))
            subject = render_to_string(f"{template}_subject.txt", ctx).strip()
            body = str(render_to_string(f"{template}_body.txt", ctx))
            if kinds:  # after the signature, below the "-- " line mail clients know
                body = (
                    body.rstrip("\n")
                    + "\n"
                    + render_to_string("community/emails/notification_footer.txt", ctx)
                )
            files = attachments(person) if callable(attachments) else attachments
        headers = notification_headers(person, kinds, about_key) if kinds else None
        _queue(person, subject, body, headers=headers, attachments=files)


# --- notifications ---------------------------------------------------------------------


def settings_of(people: Iterable[User]) -> dict[int, NotificationSettings]:
    """Each person's choices, in one query; the defaults for those who made none."""
    people = list(people)
    found = {
        s.user_id: s for s in NotificationSettings.objects.filter(user__in=[p.pk for p in people])
    }
    chosen = {}
    for person in people:
        chosen[person.pk] = found.get(person.pk) or NotificationSettings(user_id=person.pk)
        chosen[person.pk].user = person  # their time zone, without a query each
    return chosen


def settings_for(person: User) -> NotificationSettings:
    return NotificationSettings.objects.filter(user=person).first() or NotificationSettings(
        user=person
    )


@dataclass
class Email:
    """The email a notification may come with, sent at once to those who want this kind by
    email at once: `templates/<template>_subject.txt` and `_body.txt`."""

    template: str
    context: dict = field(default_factory=dict)
    attachments: Callable | list | None = None


def notify(
    people: Iterable[User],
    *,
    kind: str,
    message: str | Callable[[User], str],
    url: str = "",
    about: tuple[str, str] = ("", ""),
    email: Email | None = None,
    seen_by: Iterable[int] = (),
    excerpt: str = "",
    emailed: bool = False,
) -> list[Notification]:
    """Tell people something happened, each as they chose for this `kind`.

    `message`: a text, or a function of the person (called in their language). `about`:
    (key, label) of the object it is about ("room:12", "« Atelier »"), for grouping and
    threading. `email`: the email sent at once to those who chose "at once" (without one,
    those get a short email batched over `NOTIFICATION_EMAIL_DELAY` seconds); those who
    chose a digest find it there. `seen_by`: the ids of people who saw it happen (in the
    room), who get no email for it. `excerpt`: a short quote (a message's first words).
    `emailed`: the caller has emailed everyone already (a confirmation with its calendar
    file), so no email follows."""
    people = list({p.pk: p for p in people}.values())
    if not people:
        return []
    chosen = settings_of(people)
    seen = set(seen_by)
    held = _held.get()
    rows: list[Notification] = []
    at_once: list[User] = []
    batched: list[User] = []
    digests: list[User] = []
    for person in people:
        channel = chosen[person.pk].channel(kind)
        if channel == Channel.NEVER:
            continue
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            text = message(person) if callable(message) else message
        wants_email = channel != Channel.APP and person.pk not in seen and not held
        wants_email = wants_email and not emailed
        row = Notification(
            user=person,
            kind=kind,
            message=str(text)[:300],
            url=url[:300],
            excerpt=excerpt[:300],
            about_key=about[0][:40],
            about_label=str(about[1])[:200],
            email_due=wants_email and not (channel == Channel.INSTANT and email),
        )
        rows.append(row)
        if wants_email and channel == Channel.INSTANT:
            (at_once if email else batched).append(person)
            if email:
                row.emailed_at = timezone.now()
        elif wants_email and channel in DIGESTS:
            digests.append(person)
    Notification.objects.bulk_create(rows)
    flagged = [(row.user_id, row.about_key) for row in rows if row.about_key]
    if flagged:
        transaction.on_commit(functools.partial(_flag_unread, flagged))
    if email and at_once:
        context = {**email.context, "about_key": about[0]}
        email_people(at_once, email.template, context, email.attachments, kinds=[kind])
    if batched or digests:
        transaction.on_commit(
            functools.partial(
                schedule, batched=[p.pk for p in batched], digests=[p.pk for p in digests]
            )
        )
    return rows


def schedule(*, batched: list[int], digests: list[int]) -> None:
    """Queue the emails still to send. "At once" is batched: with a task backend that can
    defer (the database one in production), one task per person runs
    `NOTIFICATION_EMAIL_DELAY` seconds after the first notification and takes every one
    that came meanwhile; a digest runs at the person's next slot. Backends that cannot
    defer (the immediate one, in tests) send "at once" now and leave the digests to
    `send_due_digests` (`manage.py send_digests`)."""
    backend = send_notification_email.get_backend()
    delay = settings.NOTIFICATION_EMAIL_DELAY
    for pk in batched:
        if not (backend.supports_defer and delay):
            send_notification_email.enqueue(user_id=pk)
        elif _first(f"notification-email:{pk}", delay):
            when = timezone.now() + timedelta(seconds=delay)
            send_notification_email.using(run_after=when).enqueue(user_id=pk)
    if not backend.supports_defer:
        return
    chosen = settings_of(User.objects.filter(pk__in=digests))
    for pk, person_settings in chosen.items():
        slot = next_slot(person_settings, timezone.now())
        if slot and _first(f"digest:{pk}:{slot.isoformat()}", 8 * 86400):
            send_digest.using(run_after=slot).enqueue(user_id=pk)


UNREAD_FLAG = "notifications-unread:{}:{}"
UNREAD_FLAG_SECONDS = 7 * 86400


def _flag_unread(flagged: list[tuple[int, str]]) -> None:
    try:
        cache.set_many(
            {UNREAD_FLAG.format(pk, about): 1 for pk, about in flagged}, UNREAD_FLAG_SECONDS
        )
    except Exception:  # noqa: BLE001 - the flag is a shortcut; without it we ask the database  # nosec B110
        pass


def may_have_unread(user_id: int, about_key: str) -> bool:
    """False only when this person surely has no unread notification about this object
    (no flag set by `notify` in the last week). The cache down: True."""
    try:
        return cache.get(UNREAD_FLAG.format(user_id, about_key)) is not None
    except Exception:  # noqa: BLE001 - ask the database
        return True


def _first(key: str, timeout: int) -> bool:
    """True once per key and window (the cache down: True, a second run finds nothing)."""
    try:
        return bool(cache.add(key, 1, timeout=timeout))
    except Exception:
        return True


# --- reading ---------------------------------------------------------------------------


def mark_read(user: User, *, ids: Iterable[int] | None = None, about_key: str = "") -> int:
    """Mark a person's notifications read: some (`ids`), those about one object, or all.
    Read ones are not emailed any more."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    if about_key:
        unread = unread.filter(about_key=about_key)
    return unread.update(read_at=timezone.now(), email_due=False)


# --- preferences -----------------------------------------------------------------------


def save_preferences(
    *, user: User, channels: dict[str, str], digest_weekday: int, digest_hour: int
) -> NotificationSettings:
    """Store a person's channels (what differs from the defaults) and digest slot. What was
    waiting for an email of a kind now "in the app only" or "never" is not emailed."""
    with transaction.atomic():
        chosen, _created = NotificationSettings.objects.select_for_update().get_or_create(user=user)
        chosen.user = user
        defaults = NotificationSettings(user=user).all_channels()
        chosen.channels = {k: v for k, v in channels.items() if v != defaults.get(k)}
        chosen.digest_weekday = digest_weekday
        chosen.digest_hour = digest_hour
        chosen.save()
        silent = [k for k, v in chosen.all_channels().items() if v in (Channel.APP, Channel.NEVER)]
        Notification.objects.filter(user=user, email_due=True, kind__in=silent).update(
            email_due=False
        )
    return chosen


def unsubscribe(*, user_id: int, kinds: list[str]) -> User | None:
    """The one-click unsubscribe of an email: its kinds become "in the app only"."""
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        return None
    chosen = settings_for(person)
    channels = chosen.all_channels()
    for kind in kinds:
        if kind in channels and channels[kind] != Channel.NEVER:
            channels[kind] = Channel.APP
    save_preferences(
        user=person,
        channels=channels,
        digest_weekday=chosen.digest_weekday,
        digest_hour=chosen.digest_hour,
    )
    return person


def withdraw(*, about_key: str, url: str) -> int:
    """Notifications of something that is gone (a message deleted or hidden): removed,
    so neither the centre nor an email shows its text."""
    count, _ = Notification.objects.filter(about_key=about_key, url=url).delete()
    return count


def settle(*, url: str) -> int:
    """Something was handled (a request decided or withdrawn): its notifications are read
    for everyone told of it, and emailed to no one any more."""
    return Notification.objects.filter(url=url, read_at__isnull=True).update(
        read_at=timezone.now(), email_due=False
    )
