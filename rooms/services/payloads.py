"""Messages, people and rooms as the protocol, the history endpoint and the client see
them (plain dicts, built once and sent as is)."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import gettext as _

from community.models import Membership
from rooms.models import Room, RoomMessage

# The organisation shown next to an author's name, kept in the cache (Redis in production)
# so that posting a message reads no membership; `rooms/signals.py` forgets a person's
# entry when their memberships or an organisation of theirs change.
AUTHOR_ORG_SECONDS = 600


def author_org_key(user_id: int) -> str:
    return f"room-author-org:{user_id}"


def author_organisations(user_ids) -> dict[int, str]:
    """The organisation shown next to each author's name (their first by name): from the
    cache, the others in one query."""
    ids = set(user_ids)
    try:
        cached = cache.get_many([author_org_key(pk) for pk in ids])
    except Exception:  # the cache is down: read them all
        cached = {}
    found = {pk: cached[author_org_key(pk)] for pk in ids if author_org_key(pk) in cached}
    missing = ids - set(found)
    if missing:
        read: dict[int, str] = {}
        rows = (
            Membership.objects.active()
            .filter(user_id__in=missing)
            .order_by("organisation__name")
            .values_list("user_id", "organisation__name")
        )
        for user_id, name in rows:
            read.setdefault(user_id, name)
        read.update({pk: "" for pk in missing - set(read)})
        found.update(read)
        try:
            cache.set_many(
                {author_org_key(pk): name for pk, name in read.items()}, AUTHOR_ORG_SECONDS
            )
        except Exception:  # noqa: BLE001 - read again next time  # nosec B110
            pass
    return {pk: name for pk, name in found.items() if name}


def forget_author_organisations(user_ids) -> None:
    try:
        cache.delete_many([author_org_key(pk) for pk in set(user_ids)])
    except Exception:  # noqa: BLE001 - the entries expire on their own  # nosec B110
        pass


def with_organisations(messages: list[RoomMessage], *, anonymous=False) -> list[RoomMessage]:
    """Set `author_org` on each message (one query for the whole list; none for a room
    under the Chatham House rule, whose messages show no organisation)."""
    if anonymous:
        for m in messages:
            m.author_org = ""  # type: ignore[attr-defined]
        return messages
    orgs = author_organisations(m.author_id for m in messages if m.author_id)
    for m in messages:
        # Not a field: read by `message_dict` and the message template.
        m.author_org = orgs.get(m.author_id or 0, "")  # type: ignore[attr-defined]
    return messages


def message_dict(message: RoomMessage, *, anonymous: bool = False, viewer_id=None) -> dict:
    """A message as the protocol, the history endpoint and the client see it. Deleted and
    hidden messages keep their number but lose their text.

    `anonymous` (a room under the Chatham House rule): no author at all, neither name nor
    id nor organisation (an id would name them through the presence list); `mine` tells
    the one person it is sent to (`viewer_id`) that the message is theirs."""
    author = message.author
    gone = message.is_gone
    if anonymous:
        shown_author: dict = {"id": None, "name": "", "organisation": "", "anonymous": True}
    else:
        shown_author = {
            "id": message.author_id,
            "name": str(author) if author else _("Ancien·ne membre"),
            "organisation": getattr(message, "author_org", ""),
        }
    return {
        "seq": message.seq,
        "client_id": str(message.client_id),
        "author": shown_author,
        "mine": viewer_id is not None and message.author_id == viewer_id,
        "html": "" if gone else message.html,
        "body": "" if gone else message.body_markdown,
        # Milliseconds at most: the page puts it in <time datetime>, which refuses more.
        "created_at": message.created_at.isoformat(timespec="milliseconds"),
        "reply_to": message.reply_to_seq,
        "edited": bool(message.edited_at) and not gone,
        "deleted": gone,
        "hidden": bool(message.hidden_at),
        "expired": message.expired,
    }


def person_dict(user) -> dict:
    return {"id": user.pk, "name": str(user)}


def room_dict(room: Room, user) -> dict:
    return {
        "slug": room.slug,
        "title": room.label_for(user),
        "kind": room.kind,
        "archived": room.archived,
        "chatham_house": room.chatham_house,
    }
