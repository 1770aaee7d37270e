"""Room pages, their no-JavaScript forms, the JSON history and the report queue.

Thin like the other views: load the room, ask `access.room_rights`, call one function of
`rooms.services`, render or redirect. The WebSocket consumer uses the same access rules and
the same message dict (`payloads.message_dict`).
"""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access as community_access
from community.models import Organisation, User
from community.refusals import show_refusal
from community.services import ServiceError
from rooms.services import creation, listing, mentions, moderation, payloads, posting, reading

from . import access
from .models import ModerationLog, Room, RoomSanction


def _room_or_404(slug):
    return get_object_or_404(Room.objects.select_related("user_a", "user_b", "page"), slug=slug)


def _readable_room(request, slug):
    room = _room_or_404(slug)
    rights = access.room_rights(request.user, room)
    access.require_room_read(request.user, room, rights)
    return room, rights


def _to_message(room, seq):
    return redirect(f"{room.get_absolute_url()}#msg-{seq}")


def _positive_int(value):
    """An int ≥ 0 from a query parameter, None when absent; ValueError when malformed."""
    if value in (None, ""):
        return None
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


# The sections of /salons/, in order.
ROOM_LIST_SECTIONS = [
    ("direct", Room.Kind.DIRECT),
    ("organisations", Room.Kind.ORGANISATION),
    ("themes", Room.Kind.THEME),
    ("followed", Room.Kind.PAGE),
]


@login_required
def room_list(request):
    rooms = listing.listed_rooms(request.user)
    sections = [
        (name, [room for room in rooms if room.kind == kind]) for name, kind in ROOM_LIST_SECTIONS
    ]
    return render(
        request,
        "rooms/list.html",
        {
            "sections": sections,
            "total_unread": sum(r.unread for r in rooms),
            "can_moderate": access.is_site_moderator(request.user),
        },
    )


def _render_room(request, room, rights, *, draft_body="", status=200):
    before = reply_to = None
    try:
        before = _positive_int(request.GET.get("before"))
        reply_to = _positive_int(request.GET.get("reply_to") or request.POST.get("reply_to"))
    except ValueError:
        messages.error(request, _("Adresse mal formée : voici les derniers messages."))
        before = reply_to = None
    room_messages, has_older = reading.history(room=room, before=before)
    if before is None and room_messages:
        reading.mark_read(user=request.user, room=room, seq=room_messages[-1].seq)
    context = {
        "room": room,
        "room_label": room.label_for(request.user),
        "room_messages": room_messages,
        "has_older": has_older,
        "oldest_seq": room_messages[0].seq if room_messages else None,
        "is_older_page": before is not None,
        "can_write": rights.write,
        "can_moderate": rights.moderate,
        # Under the Chatham House rule only the moderators see who wrote.
        "anonymous": room.chatham_house and not rights.moderate,
        "muted": rights.muted,
        "client_id": uuid.uuid4(),
        "reply_to": reply_to if reply_to and reply_to <= room.last_seq else None,
        "draft_body": draft_body,
        "max_chars": settings.RELAIS["ROOM_MESSAGE_MAX_CHARS"],
        "page_url": room.page.get_url(request) if room.page_id else "",
    }
    return render(request, "rooms/room.html", context, status=status)


@login_required
def room_detail(request, slug):
    room, rights = _readable_room(request, slug)
    return _render_room(request, room, rights)


@login_required
@require_POST
def room_post(request, slug):
    """The no-JavaScript way to post: the same service as the WebSocket. The form's
    `client_id` is fresh on each render, so a double submit stores one message."""
    room, rights = _readable_room(request, slug)
    body = request.POST.get("body", "")
    try:
        posted = posting.post_message(
            user=request.user,
            room=room,
            body=body,
            client_id=request.POST.get("client_id"),
            reply_to=request.POST.get("reply_to") or None,
        )
    except ServiceError as error:
        show_refusal(request, error)
        return _render_room(request, room, rights, draft_body=body, status=400)
    return _to_message(room, posted.message.seq)


@login_required
@require_POST
def room_message_action(request, slug, seq, action):
    room, _rights = _readable_room(request, slug)
    user = request.user
    try:
        if action == "edit":
            posting.edit_message(user=user, room=room, seq=seq, body=request.POST.get("body"))
            done = _("Votre message est modifié.")
        elif action == "delete":
            posting.delete_message(user=user, room=room, seq=seq)
            done = _("Votre message est supprimé.")
        elif action == "hide":
            moderation.hide_message(
                moderator=user, room=room, seq=seq, reason=request.POST.get("reason", "")
            )
            done = _("Le message est masqué.")
        else:
            moderation.report_message(
                user=user, room=room, seq=seq, reason=request.POST.get("reason", "")
            )
            done = _("Merci : la modération va examiner ce message.")
    except ServiceError as error:
        show_refusal(request, error)
    else:
        messages.success(request, done)
    return _to_message(room, seq)


@login_required
@require_POST
def room_sanction(request, slug, user_id):
    room, _rights = _readable_room(request, slug)
    target = get_object_or_404(User, pk=user_id)
    kind = request.POST.get("kind", "")
    try:
        if kind in ("unmute", "unban"):
            moderation.lift_sanction(
                moderator=request.user, room=room, target=target, kind=kind[2:]
            )
            done = _("La mesure envers %(name)s est levée.") % {"name": target}
        else:
            moderation.sanction(
                moderator=request.user,
                room=room,
                target=target,
                kind=kind,
                until=timezone.now() + timedelta(hours=24) if kind == "mute" else None,
                reason=request.POST.get("reason", ""),
                hide_messages=bool(request.POST.get("hide_messages")),
            )
            done = (
                _("%(name)s ne peut plus écrire ici pendant 24 heures.")
                if kind == "mute"
                else _("%(name)s est exclu·e de ce salon.")
            ) % {"name": target}
    except ServiceError as error:
        show_refusal(request, error)
    else:
        messages.success(request, done)
    return redirect(reverse("rooms:room_moderate", args=[room.slug]))


@login_required
def room_moderation(request, slug):
    """A room's moderation page: its sanctions in force, each with a "lift" button, its
    moderation log, and, for `?personne=<id>` (the link in a message's menu), the one form
    to mute or ban that person."""
    room = _room_or_404(slug)
    community_access.require(
        access.can_moderate_room(request.user, room), community_access.Refusal.MODERATE_ROOM
    )
    target = None
    person = request.GET.get("personne", "")
    if person:
        found = re.fullmatch(r"[0-9]{1,18}", person)
        target = User.objects.filter(pk=int(person)).first() if found else None
        if target is None or target.pk == request.user.pk:
            messages.error(
                request, _("Cette personne n'existe pas ou ne peut pas être sanctionnée.")
            )
            target = None
    sanctions = moderation.active_sanctions(room)
    log = list(
        ModerationLog.objects.filter(room=room)
        .select_related("actor", "target")
        .order_by("-at", "-pk")[:30]
    )
    return render(
        request,
        "rooms/room_moderation.html",
        {
            "room": room,
            "room_label": room.label_for(request.user),
            "sanctions": sanctions,
            "log": log,
            "target": target,
            "target_sanctions": {s.kind for s in sanctions if target and s.user_id == target.pk},
        },
    )


def _json_error(message, status):
    return JsonResponse({"error": message}, status=status)


def _json_readable_room(request, slug):
    """(room, None) when the person may read the room, else (None, the JSON refusal): the
    JSON endpoints' counterpart of `_readable_room`."""
    if not request.user.is_authenticated:
        return None, _json_error(_("Connectez-vous pour lire ce salon."), 401)
    room = Room.objects.filter(slug=slug).first()
    if room is None:
        return None, _json_error(_("Ce salon n'existe pas."), 404)
    if not access.can_read_room(request.user, room):
        return None, _json_error(access.room_refusal(request.user, room), 403)
    return room, None


def room_history(request, slug):
    """`?before=<seq>`, `?after=<seq>`, `&limit=`: messages as the WebSocket sends them."""
    room, refusal = _json_readable_room(request, slug)
    if refusal:
        return refusal
    try:
        before = _positive_int(request.GET.get("before"))
        after = _positive_int(request.GET.get("after"))
        limit = _positive_int(request.GET.get("limit"))
    except ValueError:
        return _json_error(
            _("Les paramètres before, after et limit sont des nombres entiers."), 400
        )
    if before is not None and after is not None:
        return _json_error(_("Choisissez before ou after, pas les deux."), 400)
    batch, more = reading.history(room=room, before=before, after=after, limit=limit or None)
    return JsonResponse(
        {
            "room": room.slug,
            "last_seq": room.last_seq,
            "messages": [
                payloads.message_dict(m, anonymous=room.chatham_house, viewer_id=request.user.pk)
                for m in batch
            ],
            "has_more": more,
        }
    )


def room_members(request, slug):
    """`?q=cam`: the room's members whose name starts so, for the composer's completion of
    mentions (JSON, at most 8)."""
    room, refusal = _json_readable_room(request, slug)
    if refusal:
        return refusal
    people = mentions.mention_suggestions(
        user=request.user, room=room, prefix=request.GET.get("q", "")[:80]
    )
    return JsonResponse({"people": people})


@login_required
def moderation_queue(request):
    user = request.user
    community_access.require(
        access.can_see_report_queue(user), community_access.Refusal.REPORT_QUEUE
    )
    site_moderator = access.is_site_moderator(user)
    reports = list(moderation.reports_for(user)[:100])
    payloads.with_organisations([r.message for r in reports])
    log = (
        list(ModerationLog.objects.select_related("actor", "target", "room", "message")[:30])
        if site_moderator
        else []
    )
    sanctions = (
        list(RoomSanction.objects.select_related("room", "user", "by").order_by("-created_at")[:30])
        if site_moderator
        else []
    )
    return render(
        request,
        "rooms/moderation.html",
        {"reports": reports, "log": log, "sanctions": sanctions},
    )


@login_required
@require_POST
def handle_report(request, report_id):
    decision = request.POST.get("decision", "")
    try:
        moderation.handle_report(moderator=request.user, report_id=report_id, decision=decision)
    except ServiceError as error:
        show_refusal(request, error)
    else:
        messages.success(
            request,
            _("Le message est masqué.") if decision == "hide" else _("Le signalement est classé."),
        )
    return redirect("rooms:room_moderation")


@login_required
@require_POST
def start_conversation(request, pk):
    other = get_object_or_404(User, pk=pk, is_active=True)
    try:
        room = creation.start_direct_conversation(user=request.user, other=other)
    except ServiceError as error:
        show_refusal(request, error)
        return redirect(other)
    return redirect(f"{reverse('rooms:room', args=[room.slug])}#room-form")


@login_required
def organisation_room(request, slug):
    """The private room of an organisation (and, for a federation, of its members' people),
    opened the first time one of them comes in."""
    organisation = get_object_or_404(Organisation, slug=slug)
    community_access.require(
        access.can_enter_organisation_room(request.user, organisation),
        community_access.Refusal.ROOM_ORGANISATION,
    )
    room = creation.organisation_room(organisation)
    access.require_room_read(request.user, room)
    return redirect(reverse("rooms:room", args=[room.slug]))


def dashboard_section(request):
    """/moi/: the rooms with unread messages (one query)."""
    return {
        "template": "rooms/dashboard_section.html",
        "rooms": [
            (room, room.label_for(request.user))
            for room in listing.unread_rooms(request.user, limit=10)
        ],
    }
