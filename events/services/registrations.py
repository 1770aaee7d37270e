"""Registering for an event, cancelling, and the waiting list.

Every change locks the event's row first (`select_for_update`), so two clicks at the
same moment are served one after the other: the count of confirmed places is read and
written inside the lock, and nobody is confirmed beyond the capacity. The unique
constraint (event, user) makes a double registration impossible even without the lock.
A freed place goes to the first person of the waiting list, who is told by email.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.access import Refusal, can_register, require
from community.models import Notification
from community.services import ServiceError, limits
from community.services.notifications import email_people, notify

from ..ical import event_file
from ..models import EventPage, Registration
from ..recurrence import next_occurrence

Status = Registration.Status


class RegistrationError(ServiceError):
    """Refused, with a message for the person."""


def ics_attachment(event: EventPage):
    """The event's .ics, link included: it is only sent to registered people."""
    return [[f"{event.slug}.ics", event_file(event, with_link=True).decode(), "text/calendar"]]


def _locked(event: EventPage) -> EventPage:
    return (
        EventPage.objects.select_for_update(of=("self",))
        .prefetch_related("occurrence_changes", "organisers")
        .select_related("state")
        .get(pk=event.pk)
    )


def confirmed_count(event: EventPage) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def _tell(person, event: EventPage, template: str, *, with_ics: bool) -> None:
    email_people(
        [person],
        f"events/emails/{template}",
        {"event": event, "occurrence": next_occurrence(event), "with_ics": with_ics},
        # Made only when the email is (not while the demo seed holds them).
        attachments=(lambda _person: ics_attachment(event)) if with_ics else None,
    )


@transaction.atomic
def register(*, user, event: EventPage) -> Registration:
    """Confirm a place, or a place on the waiting list when the event is full. Registering
    twice changes nothing."""
    require(can_register(user, event), Refusal.REGISTER)
    event = _locked(event)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status != Status.CANCELLED:
        return registration
    limits.check("registration", user=user)  # each one emails a confirmation
    if not event.registration_open():
        raise RegistrationError(_("Les inscriptions à cet évènement sont closes."))
    full = event.capacity is not None and confirmed_count(event) >= event.capacity
    status = Status.WAITLIST if full else Status.CONFIRMED
    if registration is None:
        registration = Registration.objects.create(event=event, user=user, status=status)
    else:
        registration.status = status
        registration.queued_at = timezone.now()
        registration.save(update_fields=["status", "queued_at", "updated_at"])
    if status == Status.CONFIRMED:
        _tell(user, event, "registered", with_ics=True)
    else:
        _tell(user, event, "waitlisted", with_ics=False)
    return registration


@transaction.atomic
def cancel(*, user, event: EventPage) -> Registration | None:
    """Give up one's place (or one's spot on the waiting list). A freed place goes to the
    waiting list at once."""
    event = _locked(event)
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, user=user)
        .exclude(status=Status.CANCELLED)
        .first()
    )
    if registration is None:
        return None
    was_confirmed = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if was_confirmed:
        promote(event)
    return registration


def promote(event: EventPage) -> list[Registration]:
    """Fill the free places from the waiting list, first come first served. Call inside a
    transaction holding the event's lock (register, cancel, publication of a change)."""
    if event.cancelled:
        return []
    waiting = (
        Registration.objects.filter(event=event, status=Status.WAITLIST)
        .select_related("user")
        .order_by("queued_at", "pk")
    )
    if event.capacity is not None:
        free = event.capacity - confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    if not promoted:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(
        status=Status.CONFIRMED, updated_at=timezone.now()
    )
    for registration in promoted:
        registration.status = Status.CONFIRMED
        _tell(registration.user, event, "promoted", with_ics=True)
    notify(
        [r.user for r in promoted],
        kind=Notification.Kind.EVENT,
        message=lambda person: _("Une place s'est libérée : vous êtes inscrit·e à « %(title)s ».")
        % {"title": event.title},
        url=event.public_path,
        about=(f"page:{event.pk}", event.title),
        emailed=True,
    )
    return promoted


@transaction.atomic
def promote_after_change(event: EventPage) -> list[Registration]:
    """After an edit (more places, perhaps), under the event's lock."""
    return promote(_locked(event))


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != Status.WAITLIST:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=Status.WAITLIST,
            queued_at__lt=registration.queued_at,
        ).count()
        + 1
    )
