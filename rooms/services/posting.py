"""Posting, editing and deleting messages.

Message numbering: `Room.last_seq` is incremented with an UPDATE (which takes the row's
write lock on PostgreSQL and the database lock on SQLite) in the same transaction as the
INSERT of the message, so numbers have no gaps and two processes never take the same one;
a rolled-back insert gives its number back. The same author and `client_id` twice is one
message: clients may resend safely."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import User
from community.services import notifications, ratelimit
from rooms import access
from rooms.models import Room, RoomMessage

from . import RoomError, limits
from .groups import broadcast_on_commit, broadcast_updated
from .mentions import message_recipients, record_mentions
from .payloads import message_dict, with_organisations
from .reading import advance_marker, remember_last_seq
from .rendering import clean_text, render_markdown


@dataclass
class Posted:
    message: RoomMessage
    created: bool
    payload: dict


def _parse_client_id(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise RoomError("invalid", _("Identifiant de message invalide.")) from None


def _validated_text(body) -> str:
    if not isinstance(body, str):
        raise RoomError("invalid", _("Le message doit être un texte."))
    text = clean_text(body)
    if not text:
        raise RoomError("invalid", _("Le message est vide."))
    limit = limits()["ROOM_MESSAGE_MAX_CHARS"]
    if len(text) > limit:
        raise RoomError(
            "too_long",
            _("Le message est trop long : %(max)s caractères au plus (vous en avez %(n)s).")
            % {"max": limit, "n": len(text)},
        )
    return text


def _check_rate(user) -> None:
    if not ratelimit.allow(
        f"room-post:{user.pk}", limit=limits()["ROOM_MESSAGES_PER_MINUTE"], window=60
    ):
        raise RoomError(
            "rate_limited",
            _("Vous écrivez très vite : attendez une minute avant d'envoyer d'autres messages."),
        )


def _forbidden(rights, user, room) -> RoomError:
    if rights.muted:
        return RoomError(
            "forbidden", _("La modération vous a rendu·e muet·te dans ce salon pour le moment.")
        )
    if rights.read:
        return RoomError("forbidden", _("Ce salon est archivé : on ne peut plus y écrire."))
    return RoomError("forbidden", str(access.room_refusal(user, room)))


def post_message(*, user: User, room: Room, body, client_id, reply_to=None) -> Posted:
    """Store a message, then (after commit) broadcast it. The same author and `client_id`
    again returns the stored message with `created=False` and broadcasts nothing."""
    rights = access.room_rights(user, room)
    if not rights.read:
        raise _forbidden(rights, user, room)
    cid = _parse_client_id(client_id)
    if not rights.write:
        # A resend of what they wrote before being muted still gets its answer.
        if existing := _stored(room, user, cid):
            return existing
        raise _forbidden(rights, user, room)
    text = _validated_text(body)
    no_such_reply = RoomError("invalid", _("Le message auquel vous répondez n'existe pas."))
    reply_seq = None
    if reply_to not in (None, ""):
        try:
            reply_seq = int(reply_to)
        except (TypeError, ValueError, OverflowError):
            raise no_such_reply from None
        if reply_seq < 1:
            raise no_such_reply
    try:
        _check_rate(user)
    except RoomError:
        # A resend after a reconnection is acknowledged, however fast it comes.
        if existing := _stored(room, user, cid):
            return existing
        raise
    html = render_markdown(text)
    # Whom it is for, read before the room's row is locked (people and presence only).
    recipients = message_recipients(text, room, author=user, reply_to=reply_seq)
    try:
        with transaction.atomic():
            seq = _next_seq(room)
            if reply_seq is not None and reply_seq >= seq:
                raise no_such_reply  # rolls the number back
            message = RoomMessage.objects.create(
                room=room,
                seq=seq,
                author=user,
                client_id=cid,
                body_markdown=text,
                html=html,
                reply_to_seq=reply_seq,
            )
            room.last_seq = seq
            advance_marker(user, room, seq)
            record_mentions(message, room, author=user, recipients=recipients)
            anonymous = room.chatham_house
            payload = message_dict(
                with_organisations([message], anonymous=anonymous)[0], anonymous=anonymous
            )
            broadcast_on_commit(room.pk, {"type": "message", "message": payload})
            # The author's own answer says it is theirs (the broadcast cannot, anonymous).
            payload = {**payload, "mine": True}
            transaction.on_commit(lambda: remember_last_seq(room.pk, seq))
    except IntegrityError:
        # The same author and client_id: a resend (the number taken is given back).
        existing = _stored(room, user, cid)
        if existing is None:
            raise
        return existing
    return Posted(message, True, payload)


def _next_seq(room: Room) -> int:
    """Take the room's next number: one UPDATE … RETURNING, which holds the row's write
    lock until the transaction ends (PostgreSQL; SQLite locks the database)."""
    # The table's name comes from the model, quoted: no input reaches the SQL's text.
    table = connection.ops.quote_name(Room._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_seq = last_seq + 1 WHERE id = %s RETURNING last_seq",  # nosec B608
            [room.pk],
        )
        (seq,) = cursor.fetchone()
    return seq


def _stored(room, user, cid) -> Posted | None:
    existing = RoomMessage.objects.filter(room=room, author=user, client_id=cid).first()
    if existing is None:
        return None
    anonymous = room.chatham_house
    payload = message_dict(
        with_organisations([existing], anonymous=anonymous)[0],
        anonymous=anonymous,
        viewer_id=user.pk,
    )
    return Posted(existing, False, payload)


def _own_message(user, room, seq) -> RoomMessage:
    message = find_message(room, seq, lock=True)
    if message.author_id != user.pk:
        raise RoomError("forbidden", _("Vous ne pouvez modifier que vos propres messages."))
    if message.is_gone:
        raise RoomError("invalid", _("Ce message a été supprimé."))
    return message


def find_message(room, seq, *, lock=False) -> RoomMessage:
    try:
        seq = int(seq)
    except (TypeError, ValueError, OverflowError):
        raise RoomError("invalid", _("Ce message n'existe pas.")) from None
    qs = RoomMessage.objects.select_related("author").filter(room=room, seq=seq)
    if lock:
        qs = qs.select_for_update(of=("self",))
    message = qs.first()
    if message is None:
        raise RoomError("invalid", _("Ce message n'existe pas."))
    return message


@transaction.atomic
def edit_message(*, user: User, room: Room, seq, body) -> dict:
    rights = access.room_rights(user, room)
    if not rights.write:
        raise _forbidden(rights, user, room)
    text = _validated_text(body)
    message = _own_message(user, room, seq)
    _check_rate(user)
    message.body_markdown = text
    message.html = render_markdown(text)
    message.edited_at = timezone.now()
    message.save(update_fields=["body_markdown", "html", "edited_at"])
    return broadcast_updated(room, message)


@transaction.atomic
def delete_message(*, user: User, room: Room, seq) -> dict:
    """Authors delete their own messages: the text is erased, the number stays."""
    if not access.can_read_room(user, room):
        raise RoomError("forbidden", str(access.room_refusal(user, room)))
    if room.archived:
        # Read only, as for editing (a muted author may still withdraw their words).
        raise _forbidden(access.RoomRights(read=True), user, room)
    message = _own_message(user, room, seq)
    message.deleted_at = timezone.now()
    message.body_markdown = ""
    message.html = ""
    message.save(update_fields=["deleted_at", "body_markdown", "html"])
    notifications.withdraw(
        about_key=f"room:{room.pk}", url=f"{room.get_absolute_url()}#msg-{message.seq}"
    )
    return broadcast_updated(room, message)
