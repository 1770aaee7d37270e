"""Who may prepare, facilitate and take part in an intervision (the room's own rules,
`rooms/access.py`, decide who reads and writes in it; its roster is the group)."""

from __future__ import annotations

from community.access import can_manage_event, is_active
from community.models import Membership
from events.models import Registration


def can_prepare(user, event) -> bool:
    """The organisers' admins set up the intervision (as they manage the event)."""
    return can_manage_event(user, event)


def may_facilitate(person, event) -> bool:
    """Who can be chosen to facilitate: a registered person or a member of an organiser."""
    if not is_active(person):
        return False
    return (
        Registration.objects.filter(
            event=event, user=person, status=Registration.Status.CONFIRMED
        ).exists()
        or Membership.objects.of_user(person)
        .active()
        .filter(organisation__in=event.organisers.all())
        .exists()
    )


def can_facilitate(user, intervision) -> bool:
    """The facilitator moves the steps, keeps items and closes the session; the
    organisers' admins may stand in."""
    if not is_active(user):
        return False
    return user.pk == intervision.facilitator_id or can_manage_event(user, intervision.event)
