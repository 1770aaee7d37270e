"""My registrations in /moi/: upcoming events I am registered or waiting for, and the
address of my private calendar feed."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from .models import CalendarToken, EventPage, Registration
from .recurrence import next_occurrence


def my_events_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    registrations = list(
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLIST],
            event__live=True,
        )
        .select_related("event")
        .prefetch_related("event__occurrence_changes")
    )
    now = timezone.now()
    rows = []
    for registration in registrations:
        occurrence = next_occurrence(registration.event, now)
        if occurrence is not None:
            rows.append({"registration": registration, "occurrence": occurrence})
    rows.sort(key=lambda row: row["occurrence"].start)
    token = CalendarToken.objects.filter(user=user).first()
    return {
        "template": "events/dashboard_section.html",
        "event_rows": rows,
        "calendar_token": token,
    }


def followed_event_pages(user):
    """Events whose room a person follows on /salons/: those they are registered for."""
    return Registration.objects.filter(
        user=user, status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLIST]
    ).values("event_id")


def ended_event_pages():
    """Events whose room leaves /salons/: cancelled ones, and single dates that are over
    (a series stays while it may have dates to come)."""
    return EventPage.objects.filter(Q(cancelled=True) | Q(rrule="", end__lt=timezone.now())).values(
        "pk"
    )
