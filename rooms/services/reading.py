"""Read markers and history: how far a person has read, and messages page by page."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import User
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
    return with_organisations(rows), more


def recent_messages(room: Room, count: int = 3) -> list[RoomMessage]:
    return history(room=room, limit=count)[0]
