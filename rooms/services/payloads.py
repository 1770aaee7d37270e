"""Messages, people and rooms as the protocol, the history endpoint and the client see
them (plain dicts, built once and sent as is)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from community.models import Membership
from rooms.models import Room, RoomMessage


def author_organisations(user_ids) -> dict[int, str]:
    """The organisation shown next to each author's name (their first by name), in one
    query."""
    found: dict[int, str] = {}
    rows = (
        Membership.objects.active()
        .filter(user_id__in=set(user_ids))
        .order_by("organisation__name")
        .values_list("user_id", "organisation__name")
    )
    for user_id, name in rows:
        found.setdefault(user_id, name)
    return found


def with_organisations(messages: list[RoomMessage]) -> list[RoomMessage]:
    """Set `author_org` on each message (one query for the whole list)."""
    orgs = author_organisations(m.author_id for m in messages if m.author_id)
    for m in messages:
        # Not a field: read by `message_dict` and the message template.
        m.author_org = orgs.get(m.author_id or 0, "")  # type: ignore[attr-defined]
    return messages


def message_dict(message: RoomMessage) -> dict:
    """A message as the protocol, the history endpoint and the client see it. Deleted and
    hidden messages keep their number but lose their text."""
    author = message.author
    gone = message.is_gone
    return {
        "seq": message.seq,
        "client_id": str(message.client_id),
        "author": {
            "id": message.author_id,
            "name": str(author) if author else _("Compte supprimé"),
            "organisation": getattr(message, "author_org", ""),
        },
        "html": "" if gone else message.html,
        "body": "" if gone else message.body_markdown,
        # Milliseconds at most: the page puts it in <time datetime>, which refuses more.
        "created_at": message.created_at.isoformat(timespec="milliseconds"),
        "reply_to": message.reply_to_seq,
        "edited": bool(message.edited_at) and not gone,
        "deleted": gone,
        "hidden": bool(message.hidden_at),
    }


def person_dict(user) -> dict:
    return {"id": user.pk, "name": str(user)}


def room_dict(room: Room, user) -> dict:
    return {
        "slug": room.slug,
        "title": room.label_for(user),
        "kind": room.kind,
        "archived": room.archived,
    }
