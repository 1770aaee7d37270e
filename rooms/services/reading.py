"""Read markers and history: how far a person has read, and messages page by page."""

from __future__ import annotations

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Notification, User
from community.services import notifications
from rooms import access
from rooms.models import ReadMarker, Room, RoomMessage

from . import RoomError, limits
from .payloads import with_organisations


def advance_marker(user, room, seq: int) -> None:
    """Move a read marker forward only (an old tab never marks newer messages unread)."""
    if ReadMarker.objects.filter(room=room, user=user, last_read_seq__lt=seq).update(
        last_read_seq=seq, updated_at=timezone.now()
    ):
        return
    try:
        with transaction.atomic():
            ReadMarker.objects.get_or_create(room=room, user=user, defaults={"last_read_seq": seq})
    except IntegrityError:
        pass


def mark_read(*, user: User, room: Room, seq) -> int:
    """Record that a person has read a room up to `seq` (clamped to the room's last)."""
    try:
        seq = int(seq)
    except (TypeError, ValueError, OverflowError):
        raise RoomError("invalid", _("Numéro de message invalide.")) from None
    last = Room.objects.filter(pk=room.pk).values_list("last_seq", flat=True).first() or 0
    seq = max(0, min(seq, last))
    if seq and access.can_read_room(user, room):
        advance_marker(user, room, seq)
        _read_notifications(user, room, seq)
    return seq


def readable_notifications(person: User, found: list) -> list:
    """The notifications among `found` that are not about a room the person may no longer
    read (left the organisation, banned…): no email carries such a room's words. Registered
    with `community.services.digests.register_visibility`."""
    room_ids = {
        int(n.about_key[5:])
        for n in found
        if n.about_key.startswith("room:") and n.about_key[5:].isdigit()
    }
    if not room_ids:
        return found
    readable = set(
        access.readable_rooms(person).filter(pk__in=room_ids).values_list("pk", flat=True)
    )
    return [
        n
        for n in found
        if not n.about_key.startswith("room:")
        or (n.about_key[5:].isdigit() and int(n.about_key[5:]) in readable)
    ]


def _read_notifications(user: User, room: Room, seq: int) -> None:
    """The person's notifications of this room's messages up to `seq` are read: no email
    for what they have seen. Marking read is the busiest call of a room (every member, at
    every message), so the database is asked only when `notify` has flagged that this
    person has notifications about this room (a key in the cache for a week; it is not
    deleted when they are read, so a notification arriving meanwhile is never missed)."""
    about = f"room:{room.pk}"
    if not notifications.may_have_unread(user.pk, about):
        return
    unread = Notification.objects.filter(
        user=user, read_at__isnull=True, about_key=about
    ).values_list("pk", "url")
    seen = []
    for pk, url in unread:
        number = url.rpartition("#msg-")[2]
        if not number.isdigit() or int(number) <= seq:
            seen.append(pk)
    if seen:
        notifications.mark_read(user, ids=seen)


# The room's last number as the sockets' tail checks read it: in the cache (Redis in
# production), set by each post once committed, read again from the database when missing,
# so idle sockets ask the database nothing (issue 11, row W4). The lifetime bounds how long
# a value set out of order by two posts committing at once can hide the newer number.
LAST_SEQ_SECONDS = 60


def _last_seq_key(room_id: int) -> str:
    return f"room-last-seq:{room_id}"


def remember_last_seq(room_id: int, seq: int) -> None:
    try:
        cache.set(_last_seq_key(room_id), seq, LAST_SEQ_SECONDS)
    except Exception:  # noqa: BLE001 - read from the database until the cache answers  # nosec B110
        pass


def last_seq(room_id: int) -> int:
    """The room's last message number, from the cache when it holds it."""
    try:
        known = cache.get(_last_seq_key(room_id))
    except Exception:  # the cache is down: ask the database
        known = None
    if known is not None:
        return known
    seq = Room.objects.filter(pk=room_id).values_list("last_seq", flat=True).first() or 0
    remember_last_seq(room_id, seq)
    return seq


def history(*, room: Room, before=None, after=None, limit=None) -> tuple[list[RoomMessage], bool]:
    """Messages of a room in order: after `after`, before `before`, or the newest; with
    whether more exist in that direction. Two queries whatever the limit."""
    page_size = limits()["ROOM_HISTORY_PAGE_SIZE"]
    limit = page_size if limit is None else max(1, min(int(limit), 4 * page_size))
    qs = RoomMessage.objects.filter(room=room).select_related("author")
    if after is not None:
        rows = list(qs.filter(seq__gt=after).order_by("seq")[: limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
    else:
        if before is not None:
            qs = qs.filter(seq__lt=before)
        rows = list(qs.order_by("-seq")[: limit + 1])
        more = len(rows) > limit
        rows = rows[:limit][::-1]
    return with_organisations(rows, anonymous=room.chatham_house), more


def recent_messages(room: Room, count: int = 3) -> list[RoomMessage]:
    return history(room=room, limit=count)[0]
