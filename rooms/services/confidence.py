"""A room's confidence: the Chatham House rule and the retention of its messages.

- Under the Chatham House rule (`Room.chatham_house`) what is said may be used, never
  attributed: `payloads.message_dict(anonymous=True)` sends no author in any frame, the
  pages show "Participant·e" to all but the moderators, typing says "someone", and
  notifications (so their emails) say "Quelqu'un". Once promised, the rule is never
  lifted: people spoke trusting it.
- A retention (`Room.retention_days`) erases a session's messages that many days after it
  ends: `cut_retention` records a `RetentionCut` (every message numbered up to now), and
  `erase_due` (the deferred task `rooms.tasks.erase_expired_messages`, and
  `manage.py erase_expired_messages` for cron) erases the text, the author and everything
  that quotes them (mentions, reports, notifications) once it is due. The numbers stay,
  so clients lose nothing of the sequence.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Notification
from community.services import ServiceError
from rooms.models import Mention, MessageReport, RetentionCut, Room, RoomMember, RoomMessage

from .groups import broadcast_updated, recheck_access_on_commit

MAX_RETENTION_DAYS = 3650


@transaction.atomic
def set_confidence(*, room: Room, chatham_house: bool, retention_days: int | None) -> Room:
    """Promise the Chatham House rule (never taken back once a message was written under
    it) and set how long a session's messages are kept (None: kept)."""
    room = Room.objects.select_for_update().get(pk=room.pk)
    if room.chatham_house and not chatham_house and room.last_seq > 0:
        raise ServiceError(
            _(
                "La règle de Chatham House a été promise aux participant·es de ce salon : "
                "elle ne peut plus être levée."
            )
        )
    if retention_days is not None and not 1 <= retention_days <= MAX_RETENTION_DAYS:
        raise ServiceError(
            _("La durée de conservation va de 1 à %(max)s jours.") % {"max": MAX_RETENTION_DAYS}
        )
    room.chatham_house = chatham_house
    room.retention_days = retention_days
    room.save(update_fields=["chatham_house", "retention_days"])
    return room


@transaction.atomic
def set_roster(*, room: Room, user_ids) -> None:
    """Limit the room to these people (besides its moderators and owners): whoever leaves
    the roster loses the room at once (their open sockets close)."""
    wanted = set(user_ids)
    current = set(RoomMember.objects.filter(room=room).values_list("user_id", flat=True))
    RoomMember.objects.filter(room=room, user_id__in=current - wanted).delete()
    RoomMember.objects.bulk_create(
        [RoomMember(room=room, user_id=pk) for pk in wanted - current], ignore_conflicts=True
    )
    if not room.roster_only:
        Room.objects.filter(pk=room.pk).update(roster_only=True)
        room.roster_only = True
        recheck_access_on_commit(
            # Everyone who had a marker here may have been reading it.
            list(room.read_markers.exclude(user_id__in=wanted).values_list("user_id", flat=True))
        )
    recheck_access_on_commit(current - wanted)


def cut_retention(*, room: Room, ended_at: dt.datetime) -> RetentionCut | None:
    """A session of the room ended: its messages (all those numbered so far) are to be
    erased `retention_days` after `ended_at`. None when the room keeps its messages."""
    room = Room.objects.get(pk=room.pk)
    if room.retention_days is None or room.last_seq == 0:
        return None
    return RetentionCut.objects.create(
        room=room,
        upto_seq=room.last_seq,
        due_at=ended_at + dt.timedelta(days=room.retention_days),
    )


def erase_due(*, now: dt.datetime | None = None) -> int:
    """Erase every message whose retention has run out; the number of messages erased."""
    now = now or timezone.now()
    erased = 0
    for cut_id in RetentionCut.objects.filter(due_at__lte=now, done_at=None).values_list(
        "pk", flat=True
    ):
        erased += _carry_out(cut_id, now)
    return erased


@transaction.atomic
def _carry_out(cut_id: int, now: dt.datetime) -> int:
    cut = RetentionCut.objects.select_for_update().filter(pk=cut_id, done_at=None).first()
    if cut is None:
        return 0  # carried out meanwhile by another worker
    room = cut.room
    messages = list(
        RoomMessage.objects.select_for_update()
        .filter(room=room, seq__lte=cut.upto_seq, expired=False)
        .order_by("seq")
    )
    for message in messages:
        message.room = room  # read once, not once per message
    erase_messages(messages, now=now, expired=True)
    cut.done_at = now
    cut.save(update_fields=["done_at"])
    return len(messages)


def erase_messages(messages: list[RoomMessage], *, now: dt.datetime, expired: bool) -> None:
    """Erase these messages (locked by the caller, `room` selected): their text and author
    go, with everything that quotes them (mentions, reports, notifications); the numbers
    stay. `expired`: a retention erased them (else their author deleted their account,
    `website.account_deletion`). Each room's clients get an `updated` frame per message."""
    urls = [f"{m.room.get_absolute_url()}#msg-{m.seq}" for m in messages]
    Notification.objects.filter(url__in=urls).delete()
    MessageReport.objects.filter(message__in=messages).delete()
    Mention.objects.filter(message__in=messages).delete()
    for message in messages:
        message.body_markdown = ""
        message.html = ""
        message.author = None
        message.deleted_at = message.deleted_at or now
        message.expired = message.expired or expired
    RoomMessage.objects.bulk_update(
        messages, ["body_markdown", "html", "author", "deleted_at", "expired"]
    )
    for message in messages:
        broadcast_updated(message.room, message)
