"""What an event's page shows beyond its own fields: its next dates, places left, this
person's registration and what they may do, organisers, themes, related sheets and the
schema.org JSON-LD. `EventPage.get_context` calls `event_context`."""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import Truncator

from community import access
from community.public import absolute_url
from community.text import plain_text

from .models import EventPage, Registration
from .recurrence import next_occurrence, occurrences
from .services import registrations

UPCOMING_DATES = 12


def json_ld(event: EventPage, occurrence, request) -> dict:
    """schema.org Event of the next date (or the first one)."""
    start = occurrence.start if occurrence else event.start
    end = occurrence.end if occurrence else event.end
    if event.venue and event.online_url:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif event.online_url:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    location = []
    if event.venue:
        location.append(
            {
                "@type": "Place",
                "name": " ".join(event.venue.split()),
                "address": " ".join(event.venue.split()),
            }
        )
    if event.online_url:
        location.append({"@type": "VirtualLocation", "url": absolute_url(event.get_url(request))})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or Truncator(plain_text(event.description)).chars(500),
        "startDate": start.astimezone(event.zone).isoformat(),
        "endDate": end.astimezone(event.zone).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else (
            "https://schema.org/EventRescheduled"
            if occurrence and occurrence.moved
            else "https://schema.org/EventScheduled"
        ),
        "eventAttendanceMode": mode,
        "location": location[0] if len(location) == 1 else location,
        "organizer": [
            {"@type": "Organization", "name": o.name, "url": absolute_url(o.get_absolute_url())}
            for o in event.organisers.all()
        ],
        "url": absolute_url(event.get_url(request)),
        "isAccessibleForFree": True,
    }
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data


def event_context(request, event: EventPage) -> dict:
    user = request.user
    now = timezone.now()
    dates = occurrences(event, after=now)
    upcoming = dates[:UPCOMING_DATES]
    following = next_occurrence(event, now)
    confirmed = registrations.confirmed_count(event)
    mine = None
    position = None
    if user.is_authenticated:
        mine = (
            Registration.objects.filter(event=event, user=user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if mine is not None:
            position = registrations.waitlist_position(mine)
    manage = access.can_manage_event(user, event)
    confirmed_mine = mine is not None and mine.status == Registration.Status.CONFIRMED
    return {
        "event": event,
        "upcoming_dates": upcoming,
        "more_dates": max(len(dates) - UPCOMING_DATES, 0),
        "next_date": following,
        "past": following is None,
        "confirmed_count": confirmed,
        "places_left": (max(event.capacity - confirmed, 0) if event.capacity else None),
        "registration": mine,
        "waitlist_position": position,
        "registration_open": event.registration_open(now),
        "in_audience": access.in_event_audience(user, event) if user.is_authenticated else None,
        "can_manage": manage,
        "show_link": bool(event.online_url) and (confirmed_mine or manage),
        "organisers": list(event.organisers.all()),
        "themes": list(event.themes.all()),
        "related_sheets": list(event.related_sheets.live().select_related("organisation")),
        "json_ld": json_ld(event, following, request),
    }
