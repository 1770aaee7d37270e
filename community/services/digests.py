"""Notification emails: "at once" (batched, one email for what came in a few minutes) and
the daily or weekly digest at the person's slot. Run by the tasks of `community/tasks.py`.

Both take only notifications still due (`email_due`: not read, not emailed, not seen as
they happened), group them by the object they are about, newest group first, and mark them
emailed in the same transaction as the sending; should sending fail, they stay due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from community.mailer import deliver
from community.models import Notification, NotificationSettings, User
from community.models.notifications import Channel
from community.public import absolute_url, site_url
from community.services import slots
from community.services.emailing import notification_headers, unsubscribe_url
from community.services.slots import last_slots

# Functions (person, notifications) -> the notifications still theirs to read, which
# other apps register (rooms: no email from a room the person may no longer read).
_visible_filters: list[Callable] = []


def register_visibility(function: Callable) -> None:
    if function not in _visible_filters:
        _visible_filters.append(function)


def _still_visible(person: User, notifications: list[Notification]) -> list[Notification]:
    kept = notifications
    for function in _visible_filters:
        kept = function(person, kept)
    gone = {n.pk for n in notifications} - {n.pk for n in kept}
    if gone:
        Notification.objects.filter(pk__in=gone).update(email_due=False)
    return kept


@dataclass
class Group:
    """The notifications about one object, newest first."""

    key: str
    label: str
    items: list[Notification] = field(default_factory=list)


def grouped(notifications) -> list[Group]:
    """Group by object (a notification about nothing is its own group), keeping the
    order of the newest of each group."""
    groups: dict[str, Group] = {}
    for n in sorted(notifications, key=lambda n: (n.created_at, n.pk), reverse=True):
        key = n.about_key or f"notification:{n.pk}"
        groups.setdefault(key, Group(key=key, label=n.about_label)).items.append(n)
    return list(groups.values())


def _settings(person: User, *, lock: bool = False) -> NotificationSettings:
    found: NotificationSettings | None
    if lock:
        NotificationSettings.objects.get_or_create(user=person)
        found = NotificationSettings.objects.select_for_update().get(user=person)
    else:
        found = NotificationSettings.objects.filter(user=person).first()
    chosen = found or NotificationSettings(user=person)
    chosen.user = person
    return chosen


def _send(person: User, notifications: list[Notification], *, digest: str = "") -> int:
    """One email for these notifications, marked emailed."""
    groups = grouped(notifications)
    kinds = sorted({n.kind for n in notifications})
    zone = slots.zone_of(_settings(person))
    with (
        translation.override(person.preferred_language or settings.LANGUAGE_CODE),
        timezone.override(zone),
    ):
        context = {
            "person": person,
            "site_url": site_url(),
            "groups": groups,
            "count": len(notifications),
            "digest": digest,
            "unsubscribe_url": unsubscribe_url(person, kinds),
            "preferences_url": absolute_url(reverse("community:notification_settings")),
            "centre_url": absolute_url(reverse("community:notifications")),
        }
        subject = render_to_string("community/emails/notifications_subject.txt", context)
        body = render_to_string("community/emails/notifications_body.txt", context)
        html = render_to_string("community/emails/notifications.html", context)
    about = groups[0].key if len(groups) == 1 and not groups[0].key.startswith("notif") else ""
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        email_due=False, emailed_at=timezone.now()
    )
    # Sent here, inside the transaction: this already runs as a background task, and
    # should sending fail, the notifications stay due for the next run.
    return deliver(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body=body,
        html=html,
        to=[person.email],
        headers=notification_headers(person, kinds, about),
    )


def _due(person: User):
    return (
        Notification.objects.select_for_update()
        .filter(user=person, email_due=True, read_at__isnull=True)
        .order_by("-created_at", "-pk")
    )


def send_at_once(*, user_id: int) -> int:
    """The batched email of what this person wants at once. Returns how many it held."""
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        return 0
    with transaction.atomic():
        chosen = _settings(person)
        kinds = chosen.digest_kinds(Channel.INSTANT)
        pending = _still_visible(person, list(_due(person).filter(kind__in=kinds)))
        if not pending:
            return 0
        _send(person, pending)
    return len(pending)


def digest_content(person: User, now: dt.datetime, *, preview: bool = False):
    """What the person's digest holds at `now`: (notifications, "daily"/"weekly"/"",
    the slots it covers). A preview takes everything the next digests would hold."""
    chosen = _settings(person, lock=not preview)
    daily, weekly = last_slots(chosen, now)
    query = Q()
    kinds_daily = chosen.digest_kinds(Channel.DAILY)
    kinds_weekly = chosen.digest_kinds(Channel.WEEKLY)
    slots = {}
    if kinds_daily and (preview or not chosen.last_daily_slot or chosen.last_daily_slot < daily):
        query |= Q(kind__in=kinds_daily) & (Q() if preview else Q(created_at__lte=daily))
        slots["last_daily_slot"] = daily
    if kinds_weekly and (
        preview or not chosen.last_weekly_slot or chosen.last_weekly_slot < weekly
    ):
        query |= Q(kind__in=kinds_weekly) & (Q() if preview else Q(created_at__lte=weekly))
        slots["last_weekly_slot"] = weekly
    if not slots:
        return chosen, [], "", slots
    due = (
        _due(person)
        if not preview
        else Notification.objects.filter(user=person, email_due=True, read_at__isnull=True)
    )
    found = list(due.filter(query))
    if not preview:
        found = _still_visible(person, found)
    kind = "weekly" if any(n.kind in kinds_weekly for n in found) else "daily"
    return chosen, found, kind, slots


def send_due(*, user_id: int, now: dt.datetime) -> int:
    """This person's digest if a slot has passed since the last one sent: what was due
    before that slot, once. A run late (the worker was down) sends it then; a second run
    for the same slot finds it sent. Returns how many notifications it held."""
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        return 0
    with transaction.atomic():
        chosen, found, kind, slots = digest_content(person, now)
        if not slots:
            return 0
        for name, slot in slots.items():
            setattr(chosen, name, slot)
        chosen.save(update_fields=[*slots, "updated_at"])
        if found:
            _send(person, found, digest=kind)
    return len(found)


def send_all_due(*, now: dt.datetime) -> int:
    """Every person's digest due at `now`: those with a notification waiting for one."""
    waiting = (
        Notification.objects.filter(email_due=True, read_at__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    return sum(send_due(user_id=pk, now=now) for pk in sorted(set(waiting)))
