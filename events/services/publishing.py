"""Announcing events from the front end, and what follows any publication of an event.

A federation manager's announcement (every organiser a federation they manage) is
published at once under the calendar; anyone else's proposal enters Wagtail's moderation
workflow, like a practice sheet. Editors do everything in the admin.

Whoever publishes (front end or admin), `after_publication` runs: it compares the time,
place and status with the previous publication (`EventState`); on a change it bumps the
iCalendar SEQUENCE and tells the registered people by email, the updated .ics attached.
"""

from __future__ import annotations

import hashlib
import json

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from community.access import (
    Refusal,
    can_manage_event,
    can_propose_event,
    publishes_at_once,
    require,
)
from community.indexing import indexed_once
from community.models import Notification
from community.pages import route_slugs
from community.services import ServiceError, limits
from community.services.notifications import Email, notify
from community.slugs import unique_slug
from rooms.services.creation import ensure_page_room

from .. import dates, tasks
from ..models import CalendarPage, EventPage, EventState, OccurrenceChange, Registration
from ..recurrence import next_occurrence, occurrences, rule_starts
from . import registrations


class AnnounceRefused(ServiceError):
    """The event cannot be announced or changed now, with a message for the person."""


def fingerprint(event: EventPage) -> str:
    """What calendar apps and registered people care about: time, place, status."""
    changes = sorted(
        (
            c.original_start.isoformat(),
            c.cancelled,
            c.new_start.isoformat() if c.new_start else "",
            c.new_end.isoformat() if c.new_end else "",
        )
        for c in event.occurrence_changes.all()
    )
    data = [
        event.start.isoformat(),
        event.end.isoformat(),
        event.time_zone,
        event.rrule,
        " ".join(event.venue.split()),
        event.online_url,
        event.cancelled,
        changes,
    ]
    return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()


FIELDS = (
    "title",
    "kind",
    "summary",
    "start",
    "end",
    "time_zone",
    "rrule",
    "venue",
    "online_url",
    "region",
    "capacity",
    "registration_deadline",
    "audience",
    "description",
)


def _fill(event: EventPage, *, organisers, themes, details: dict) -> None:
    """Write the values of `FIELDS` that were given, the organisers and the themes."""
    unknown = set(details) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {', '.join(sorted(unknown))}")
    for field, value in details.items():
        # Blank text fields hold "", blank nullable ones (region, capacity, deadline) None.
        if value is None and not event._meta.get_field(field).null:
            value = ""
        setattr(event, field, value)
    if details.get("capacity") in ("", None):
        event.capacity = None
    if not details.get("registration_deadline"):
        event.registration_deadline = None
    if not details.get("region"):
        event.region = None
    event.organisers.set(list(organisers))
    event.themes.set(list(themes or []))


def _follow_the_series(event: EventPage, old_start, old_zone, old_rule) -> None:
    """A series moved to another hour or day keeps its cancelled and moved dates: each
    change is keyed by the date the rule gave, so shift that key by the same wall-clock
    step as the series (14:00 → 15:00 moves "the 5 January at 14:00" to 15:00). A change
    of rule drops the changes that no longer fall on one of its dates."""

    if not event.rrule or not old_rule:
        return
    step = event.start.astimezone(event.zone).replace(tzinfo=None) - old_start.astimezone(
        old_zone
    ).replace(tzinfo=None)
    changes = list(event.occurrence_changes.all())
    if not changes:
        return
    for change in changes:
        local = change.original_start.astimezone(old_zone).replace(tzinfo=None) + step
        change.original_start = local.replace(tzinfo=event.zone)
    if event.rrule != old_rule:
        latest = max(change.original_start for change in changes)
        on_the_rule = set(rule_starts(event, latest))
        changes = [change for change in changes if change.original_start in on_the_rule]
    event.occurrence_changes = changes


@transaction.atomic
@indexed_once()
def announce(*, user, organisers, themes=(), **details) -> tuple[EventPage, bool]:
    """Create the event: `details` are values of `FIELDS` (title, start, end…; the
    announce form's `event_values()`). Returns (event, published)."""
    require(can_propose_event(user), Refusal.PROPOSE_EVENT)
    limits.check("event", user=user)
    calendar = CalendarPage.objects.first()
    if calendar is None:
        raise AnnounceRefused(_("L'agenda n'existe pas encore. Prévenez l'équipe éditoriale."))
    at_once = publishes_at_once(user, organisers)
    workflow = None if at_once else calendar.get_workflow()
    if not at_once and workflow is None:
        raise AnnounceRefused(
            _(
                "Aucun processus de relecture n'est configuré pour l'agenda. Prévenez "
                "l'équipe éditoriale."
            )
        )
    event = EventPage(
        owner=user,
        proposed_by=user,
        live=False,
        slug=unique_slug(
            details["title"],
            taken=calendar.get_children(),
            fallback="evenement",
            length=60,
            reserved=route_slugs(CalendarPage),
        ),
    )
    _fill(event, organisers=organisers, themes=themes, details=details)
    calendar.add_child(instance=event)
    log(instance=event, action="wagtail.create", user=user)
    revision = event.save_revision(user=user, log_action=True)
    if at_once:
        # Relais' own rules (`publishes_at_once`, `can_manage_event`) decided: members
        # hold no Wagtail page permission.
        revision.publish(user=user, skip_permission_checks=True)
        event.refresh_from_db()
    else:
        assert workflow is not None  # refused above otherwise
        workflow.start(event, user)
    return event, at_once


# What `update` did: published at once, sent to the editors, or nothing (no change).
PUBLISHED, SUBMITTED, UNCHANGED = "published", "submitted", "unchanged"


@transaction.atomic
@indexed_once()
def update(*, user, event: EventPage, organisers, themes=(), **details) -> str:
    """An organiser changes the event in the front end (`details` as for `announce`;
    fields left out keep their value). Published at once when they
    could have announced it; otherwise the change goes to the editors. Saved without a
    change, nothing happens: no new version, nothing for the editors to review. Returns
    PUBLISHED, SUBMITTED or UNCHANGED."""
    require(can_manage_event(user, event), Refusal.MANAGE_EVENT)
    draft = event.get_latest_revision_as_object()
    before = (draft.start, draft.zone, draft.rrule)
    stored = draft.serializable_data()
    _fill(draft, organisers=organisers, themes=themes, details=details)
    _follow_the_series(draft, *before)
    if draft.serializable_data() == stored:
        return UNCHANGED
    revision = draft.save_revision(user=user, log_action=True)
    if publishes_at_once(user, organisers):
        revision.publish(user=user, skip_permission_checks=True)
        return PUBLISHED
    workflow = event.get_workflow()
    if workflow is None:
        raise AnnounceRefused(
            _(
                "Aucun processus de relecture n'est configuré pour l'agenda. "
                "Prévenez l'équipe éditoriale."
            )
        )
    if not event.workflow_in_progress:
        workflow.start(event, user)
    # Otherwise the editors already review this event: they see the newest version.
    return SUBMITTED


@transaction.atomic
@indexed_once()
def cancel_event(*, user, event: EventPage) -> None:
    """Cancel the whole event (it stays in the feeds as cancelled); registered people are
    told by `after_publication`."""
    require(can_manage_event(user, event), Refusal.MANAGE_EVENT)
    live = _live_version(event)
    live.cancelled = True
    live.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)


@transaction.atomic
@indexed_once()
def cancel_date(*, user, event: EventPage, original_start) -> None:
    """Cancel one date of a series."""

    require(can_manage_event(user, event), Refusal.MANAGE_EVENT)
    live = _live_version(event)
    changes = [c for c in live.occurrence_changes.all() if c.original_start != original_start]
    changes.append(OccurrenceChange(original_start=original_start, cancelled=True))
    live.occurrence_changes = changes
    live.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)


def _live_version(event: EventPage) -> EventPage:
    """What is online, to cancel from: never the latest draft, which may hold changes the
    editors have not reviewed. While such changes wait, cancelling is refused (publishing
    now would end their review)."""
    live = EventPage.objects.get(pk=event.pk)
    if live.has_unpublished_changes or live.workflow_in_progress:
        raise AnnounceRefused(
            _(
                "Une modification de cet évènement attend la relecture de l'équipe "
                "éditoriale : demandez-lui d'annuler, ou attendez sa décision."
            )
        )
    return live


@transaction.atomic
def after_publication(event: EventPage) -> None:
    """Runs on every publication of an event (page_published). Atomic of its own: Wagtail
    publishes outside a transaction (the admin, `publish_scheduled`), and the state's row
    lock needs one."""
    event = (
        EventPage.objects.prefetch_related("occurrence_changes", "organisers")
        .select_related("state")
        .get(pk=event.pk)
    )
    dates.refresh(event)
    current = fingerprint(event)
    state, created = EventState.objects.select_for_update().get_or_create(
        event=event, defaults={"fingerprint": current}
    )
    changed = not created and state.fingerprint != current
    if changed:
        state.sequence += 1
        state.fingerprint = current
        state.changed_at = timezone.now()
        state.save()
        event.state = state
        _tell_registered(event, cancelled_dates=_dates_cancelled_only(event))
    if not event.cancelled:
        registrations.promote_after_change(event)
    if created or changed:
        # A date that did not move keeps the reminder already queued for it.
        tasks.schedule_reminder(event)
    # Its discussion room, owned by the first organiser (whose admins moderate it).
    organisers = list(event.organisers.all())
    ensure_page_room(event, organisation=organisers[0] if organisers else None)


def _previous_publication(event: EventPage) -> EventPage | None:
    """The event as it was published before this publication: the revision of the latest
    publish log entry (Wagtail sends `page_published` before logging the current one)."""

    entry = (
        PageLogEntry.objects.filter(
            page_id=event.pk, action="wagtail.publish", revision__isnull=False
        )
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


def _dates_cancelled_only(event: EventPage) -> list:
    """The dates this publication cancelled, when cancelling them is all it changed (the
    people registered are then told which dates, not that "something changed")."""
    before = _previous_publication(event)
    if before is None:
        return []

    def kept(page):
        return [
            page.start,
            page.end,
            page.time_zone,
            page.rrule,
            " ".join(page.venue.split()),
            page.online_url,
            page.cancelled,
            sorted(
                (c.original_start, c.new_start, c.new_end)
                for c in page.occurrence_changes.all()
                if not c.cancelled
            ),
        ]

    def cancelled(page):
        return {c.original_start for c in page.occurrence_changes.all() if c.cancelled}

    if kept(before) != kept(event) or not cancelled(before) < cancelled(event):
        return []
    new = cancelled(event) - cancelled(before)
    return [o for o in occurrences(event) if o.cancelled and o.original_start in new]


def _tell_registered(event: EventPage, *, cancelled_dates=()) -> None:
    people = [
        r.user
        for r in Registration.objects.filter(
            event=event,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLIST],
        ).select_related("user")
        if r.user.is_active
    ]
    about = (f"page:{event.pk}", event.title)
    if event.cancelled:
        notify(
            people,
            kind=Notification.Kind.EVENT,
            message=lambda person: _("« %(title)s » est annulé.") % {"title": event.title},
            url=event.public_path,
            about=about,
            email=Email("events/emails/cancelled", {"event": event}),
        )
        return
    confirmed = {
        r.user_id
        for r in Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    }
    ics = registrations.ics_attachment(event)
    template = "events/emails/date_cancelled" if cancelled_dates else "events/emails/changed"
    context = {
        "event": event,
        "occurrence": next_occurrence(event),
        "cancelled_dates": list(cancelled_dates),
    }

    def message(person):
        if cancelled_dates:
            return _("Une date de « %(title)s » est annulée.") % {"title": event.title}
        return _("« %(title)s » change : nouvelle date, heure ou lieu.") % {"title": event.title}

    # The file carries the online link: only for people with a place.
    for group, email in [
        (
            [p for p in people if p.pk in confirmed],
            Email(template, {**context, "with_ics": True}, attachments=ics),
        ),
        ([p for p in people if p.pk not in confirmed], Email(template, context)),
    ]:
        notify(
            group,
            kind=Notification.Kind.EVENT,
            message=message,
            url=event.public_path,
            about=about,
            email=email,
        )
