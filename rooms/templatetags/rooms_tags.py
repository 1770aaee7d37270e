"""`{% room_discussion page %}`: the "discuss" block of a page's room (sheets, events).

Usage in a page template::

    {% load rooms_tags %}
    {% room_discussion page %}

Renders `rooms/_discussion.html`: the room's title and message count, its last
three messages for people who may read it, a link to join. A fixed number of queries: the
room, the person's access (ban check), the messages and their authors' organisations. A
live page published before rooms existed gets its room on first view.
"""

from types import SimpleNamespace

from django import template
from django.utils import timezone

from rooms import access
from rooms.models import Room
from rooms.services import creation, reading

register = template.Library()


def discussion_for(page, user, count: int = 3) -> dict:
    if page.pk is None:  # the admin's preview of a page never saved
        room = None
    else:
        room = Room.objects.filter(kind=Room.Kind.PAGE, page_id=page.pk).first()
    if room is None and page.pk and getattr(page, "live", False):
        room = creation.ensure_page_room(page)
    signed_in = bool(user and user.is_authenticated)
    can_read = room is not None and signed_in and access.can_read_room(user, room)
    return {
        "room": room,
        "url": room.get_absolute_url() if room else "",
        "count": room.last_seq if room else 0,
        "signed_in": signed_in,
        "can_read": can_read,
        # A signed-in person the room refuses (an intervision's group, say) is told why
        # here, rather than sent to a page that refuses them.
        "refusal": access.room_refusal(user, room) if room and signed_in and not can_read else "",
        "messages": reading.recent_messages(room, count) if room and can_read else [],
    }


@register.inclusion_tag("rooms/_discussion.html", takes_context=True)
def room_discussion(context, page):
    request = context.get("request")
    return {
        "discussion": discussion_for(page, getattr(request, "user", None)),
        "request": request,
    }


# Stand-in numbers of the message prototypes (`message_prototype`): static/js/rooms/render.js
# replaces them, in every attribute and text of a copy, with the message's own.
PROTOTYPE_SEQ = 999999999
PROTOTYPE_AUTHOR = 999999998
PROTOTYPE_REPLY = 999999997
PROTOTYPE_NAME = "{name}"


@register.simple_tag(takes_context=True)
def message_prototype(context, kind: str) -> SimpleNamespace:
    """A stand-in message for `_message.html`, so that the room page can hold, in a
    `<template>`, the markup of a message that arrives live: "mine" (written by the person
    viewing), "other" (by someone else), "hidden" or "deleted" (whose body the script takes
    when a message goes). Only the server's template knows what a message looks like."""
    request = context.get("request")
    mine = kind == "mine" and request is not None and request.user.is_authenticated
    now = timezone.now()
    return SimpleNamespace(
        seq=PROTOTYPE_SEQ,
        author_id=request.user.pk if mine else PROTOTYPE_AUTHOR,
        author=SimpleNamespace(name=PROTOTYPE_NAME),
        author_org="{org}",
        created_at=now,
        edited_at=now,
        reply_to_seq=PROTOTYPE_REPLY,
        hidden_at=now if kind == "hidden" else None,
        deleted_at=now if kind == "deleted" else None,
        is_gone=kind in ("hidden", "deleted"),
        html="",
        body_markdown="",
    )
