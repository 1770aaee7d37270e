"""Moderation: hiding messages, reports and their queue, mutes and bans. Every action is
written to the moderation log and broadcast like any other change."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Membership, User
from community.services import notifications, ratelimit
from community.text import multi_line
from rooms import access
from rooms.models import MessageReport, ModerationLog, Room, RoomMessage, RoomSanction

from . import RoomError
from .groups import broadcast_updated, send_or_log
from .posting import find_message


def _reason(reason) -> str:
    """A reason as people type it, without the control characters (a NUL) the database
    refuses."""
    return multi_line(str(reason or "")).strip()


def _require_moderator(user, room) -> None:
    if not access.can_moderate_room(user, room):
        raise RoomError("forbidden", _("Seule la modération peut faire cela."))


def _hide(message: RoomMessage, *, moderator: User, reason: str = "") -> dict:
    now = timezone.now()
    message.hidden_at = now
    message.hidden_by = moderator
    message.save(update_fields=["hidden_at", "hidden_by"])
    notifications.withdraw(
        about_key=f"room:{message.room_id}",
        url=f"{message.room.get_absolute_url()}#msg-{message.seq}",
    )
    MessageReport.objects.filter(message=message, status=MessageReport.Status.OPEN).update(
        status=MessageReport.Status.HANDLED,
        outcome=MessageReport.Outcome.HIDDEN,
        handled_by=moderator,
        handled_at=now,
    )
    ModerationLog.objects.create(
        actor=moderator,
        action=ModerationLog.Action.HIDE,
        room=message.room,
        message=message,
        target_id=message.author_id,
        detail=reason[:500],
    )
    return broadcast_updated(message.room, message)


@transaction.atomic
def hide_message(*, moderator: User, room: Room, seq, reason: str = "") -> dict:
    """A moderator hides a message: everyone's screen updates, reports on it are closed."""
    _require_moderator(moderator, room)
    message = find_message(room, seq, lock=True)
    if message.hidden_at:
        raise RoomError("invalid", _("Ce message est déjà masqué."))
    return _hide(message, moderator=moderator, reason=_reason(reason))


def report_message(*, user: User, room: Room, seq, reason: str = "") -> MessageReport:
    if not access.can_read_room(user, room):
        raise RoomError("forbidden", str(access.room_refusal(user, room)))
    message = find_message(room, seq)
    if message.author_id == user.pk:
        raise RoomError("invalid", _("Vous ne pouvez pas signaler votre propre message."))
    if not ratelimit.allow(f"room-report:{user.pk}", limit=20, window=3600):
        raise RoomError("rate_limited", _("Trop de signalements : réessayez dans une heure."))
    try:
        with transaction.atomic():
            return MessageReport.objects.create(
                message=message, reporter=user, reason=_reason(reason)[:500]
            )
    except IntegrityError:
        raise RoomError("invalid", _("Vous avez déjà signalé ce message.")) from None


def reports_for(user):
    """Open reports this person may handle: all of them for site moderators, those of
    their organisations' rooms for organisation admins."""
    open_reports = MessageReport.objects.filter(status=MessageReport.Status.OPEN).select_related(
        "message__room", "message__author", "reporter"
    )
    if access.is_site_moderator(user):
        return open_reports.order_by("created_at")
    admin_of = Membership.objects.of_user(user).admins().values("organisation_id")
    return open_reports.filter(
        message__room__organisation_id__in=admin_of,
        message__room__kind__in=[Room.Kind.PAGE, Room.Kind.ORGANISATION],
    ).order_by("created_at")


@transaction.atomic
def handle_report(*, moderator: User, report_id, decision: str) -> MessageReport:
    """Hide the reported message or dismiss the report; logged either way."""
    report = (
        MessageReport.objects.select_for_update(of=("self",))
        .select_related("message__room", "message__author")
        .filter(pk=report_id)
        .first()
    )
    if report is None or not reports_for(moderator).filter(pk=report.pk).exists():
        raise RoomError("forbidden", _("Ce signalement n'existe pas ou ne vous concerne pas."))
    if report.status != MessageReport.Status.OPEN:
        raise RoomError("invalid", _("Ce signalement a déjà été traité."))
    message = report.message
    if decision == "hide":
        if message.hidden_at:
            MessageReport.objects.filter(pk=report.pk).update(
                status=MessageReport.Status.HANDLED,
                outcome=MessageReport.Outcome.HIDDEN,
                handled_by=moderator,
                handled_at=timezone.now(),
            )
        else:
            _hide(message, moderator=moderator, reason=report.reason)
    elif decision == "dismiss":
        MessageReport.objects.filter(pk=report.pk).update(
            status=MessageReport.Status.HANDLED,
            outcome=MessageReport.Outcome.DISMISSED,
            handled_by=moderator,
            handled_at=timezone.now(),
        )
        ModerationLog.objects.create(
            actor=moderator,
            action=ModerationLog.Action.DISMISS,
            room=message.room,
            message=message,
            target_id=message.author_id,
            detail=report.reason,
        )
    else:
        raise RoomError("invalid", _("Décision inconnue."))
    report.refresh_from_db()
    return report


@transaction.atomic
def sanction(
    *,
    moderator: User,
    room: Room,
    target: User,
    kind: str,
    until=None,
    reason: str = "",
    hide_messages: bool = False,
) -> RoomSanction:
    """Mute (reads, cannot write) or ban (neither) a person from a room. A ban closes their
    open connections to the room; with `hide_messages`, their messages are hidden too."""
    _require_moderator(moderator, room)
    reason = _reason(reason)
    if kind not in RoomSanction.Kind.values:
        raise RoomError("invalid", _("Mesure inconnue."))
    if target.pk == moderator.pk or access.can_moderate_room(target, room):
        raise RoomError("invalid", _("On ne peut pas sanctionner la modération d'un salon."))
    record, _created = RoomSanction.objects.update_or_create(
        room=room,
        user=target,
        kind=kind,
        defaults={"by": moderator, "until": until, "reason": reason[:300]},
    )
    ModerationLog.objects.create(
        actor=moderator,
        action=kind,
        room=room,
        target=target,
        detail=reason[:500],
    )
    if kind == RoomSanction.Kind.BAN:
        if hide_messages:
            visible = RoomMessage.objects.select_for_update(of=("self",)).filter(
                room=room, author=target, hidden_at__isnull=True, deleted_at__isnull=True
            )
            for message in visible.select_related("author", "room"):
                _hide(message, moderator=moderator, reason=reason)
        event = {"type": "room.kick", "user_id": target.pk}
        transaction.on_commit(lambda: send_or_log(room.pk, event))
    return record


def active_sanctions(room: Room) -> list[RoomSanction]:
    """The room's sanctions still in force, newest first (one query)."""
    return list(
        RoomSanction.objects.filter(room=room)
        .filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))
        .select_related("user", "by")
        .order_by("-created_at", "-pk")
    )


@transaction.atomic
def lift_sanction(*, moderator: User, room: Room, target: User, kind: str) -> None:
    _require_moderator(moderator, room)
    deleted, _n = RoomSanction.objects.filter(room=room, user=target, kind=kind).delete()
    if not deleted:
        raise RoomError("invalid", _("Cette mesure n'existe pas."))
    ModerationLog.objects.create(
        actor=moderator, action=ModerationLog.Action.LIFT, room=room, target=target, detail=kind
    )
