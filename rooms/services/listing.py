"""Which rooms a person sees, with what they have not read yet (/salons/, /moi/)."""

from __future__ import annotations

from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    PositiveIntegerField,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from rooms import access
from rooms.models import ReadMarker, Room


def rooms_for(user):
    """The rooms a person may read, each with `taking_part` and `unread`, in one query.

    A person takes part in their conversations, their organisations' rooms and any room
    they have opened or written in (it has their read marker). Unread messages count only
    there: a new account is not told of "8 unread" in rooms it never joined."""
    marker = ReadMarker.objects.filter(room=OuterRef("pk"), user=user)
    return (
        access.readable_rooms(user)
        .for_listing()
        .annotate(
            read_seq=Coalesce(Subquery(marker.values("last_read_seq")[:1]), Value(0)),
            taking_part=Exists(marker) | Q(kind__in=[Room.Kind.DIRECT, Room.Kind.ORGANISATION]),
        )
        .annotate(
            unread=Case(
                When(taking_part=True, then=F("last_seq") - F("read_seq")),
                default=Value(0),
                output_field=PositiveIntegerField(),
            )
        )
    )


# The apps that own pages (sheets, events) tell the room list which pages a person follows
# (registered for the event, bookmarked the sheet) and which pages are over (a past or
# cancelled event): `community` knows neither app. Each hook returns a queryset of page
# ids, used as a subquery, so the list stays one query.
_followed_pages: list = []


_ended_pages: list = []


def register_page_rooms(*, followed=None, ended=None) -> None:
    """`followed(user)` and `ended()` each return a queryset of page ids (`values("pk")`)."""
    if followed:
        _followed_pages.append(followed)
    if ended:
        _ended_pages.append(ended)


def listed_rooms(user) -> list[Room]:
    """The rooms of /salons/, in one query: conversations, organisations' rooms, thematic
    rooms and the rooms of the sheets and events the person follows (has opened, written
    in, bookmarked, registered for), without those of past or cancelled events. Rooms
    with unread messages first, then by title."""
    follows = Q(taking_part=True)
    for followed in _followed_pages:
        follows |= Q(page_id__in=followed(user))
    shown = ~Q(kind=Room.Kind.PAGE) | follows
    qs = rooms_for(user).filter(shown)
    for ended in _ended_pages:
        qs = qs.exclude(kind=Room.Kind.PAGE, page_id__in=ended())
    listed = list(qs.order_by("title", "pk"))
    for room in listed:
        room.label = room.label_for(user)
    listed.sort(key=lambda r: (r.unread == 0, r.label.casefold()))
    return listed


def unread_rooms(user, limit: int = 20):
    return list(rooms_for(user).filter(unread__gt=0).order_by("-unread", "title")[:limit])
