"""Who may read, write in and moderate a room, in one place. The room pages, the WebSocket
consumer, the history endpoint and the rooms services all ask here; the words of a refusal
are `community.access.Refusal`'s, like every other 403 of the site.

- Every room needs a signed-in, active person: messages carry people's names, which
  visitors see nowhere else on Relais either (see `community.access.can_see_member_names`).
- Thematic rooms and page rooms (sheets, events): every member reads and writes.
- An organisation's room: its active members; a federation's room also the active
  members of its member organisations (active affiliation).
- A direct conversation: its two people, nobody else.
- Muted people read but do not write; banned people do neither. Archived rooms are
  read only.
- Moderators: people with the `rooms.moderate_rooms` permission (give it to the
  group "Modérateurs" in the Wagtail admin) in every room they can read, and through the
  report queue for any reported message; and a room's owners, the active admins of
  `room.organisation` (the organisation or federation of a private room, the
  organisation of a sheet's room). The rooms services never sanction a moderator.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

from community.access import Refusal, is_active, network_memberships
from community.models import Affiliation, Membership, User

from .models import Room, RoomMember, RoomSanction


@dataclass(frozen=True)
class RoomRights:
    read: bool = False
    write: bool = False
    moderate: bool = False
    muted: bool = False


def is_site_moderator(user) -> bool:
    return is_active(user) and user.has_perm("rooms.moderate_rooms")


def _active_sanctions(user, room) -> set[str]:
    return set(
        RoomSanction.objects.filter(room=room, user=user)
        .filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))
        .values_list("kind", flat=True)
    )


def _organisation_room_members(organisation_id: int):
    """Active memberships that open an organisation's room: of the organisation itself or,
    for a federation, of its member organisations."""
    return network_memberships([organisation_id])


def can_enter_organisation_room(user, organisation) -> bool:
    """Its active members; for a federation, also those of its member organisations."""
    return is_active(user) and (
        _organisation_room_members(organisation.pk).filter(user=user).exists()
    )


def _is_room_owner(user, room) -> bool:
    return (
        bool(room.organisation_id)
        and Membership.objects.of_user(user).of_organisation(room.organisation_id).admins().exists()
    )


def _may_enter(user, room) -> bool:
    """Read access before sanctions."""
    if not is_active(user):
        return False
    if room.kind == Room.Kind.DIRECT:
        return user.pk in (room.user_a_id, room.user_b_id)
    if room.kind == Room.Kind.ORGANISATION:
        return _organisation_room_members(room.organisation_id).filter(user=user).exists()
    if room.roster_only:
        return (
            RoomMember.objects.filter(room=room, user=user).exists()
            or is_site_moderator(user)
            or _is_room_owner(user, room)
        )
    return True


def can_read_room(user, room) -> bool:
    return _may_enter(user, room) and "ban" not in _active_sanctions(user, room)


def room_refusal(user, room):
    """Why this person may not read this room (asked only once they are refused)."""
    if not is_active(user):
        return Refusal.ROOM_SIGNED_IN
    if not _may_enter(user, room):
        if room.roster_only:
            return Refusal.ROOM_GROUP
        return Refusal.ROOM_DIRECT if room.kind == Room.Kind.DIRECT else Refusal.ROOM_ORGANISATION
    return Refusal.ROOM_BANNED


def require_room_read(user, room, rights: RoomRights | None = None) -> None:
    """Refuse a room page or its history to someone who may not read it, saying why."""
    if not (rights.read if rights is not None else can_read_room(user, room)):
        raise PermissionDenied(room_refusal(user, room))


def room_rights(user, room) -> RoomRights:
    """Everything a person may do in a room (a handful of queries, none per message)."""
    if not _may_enter(user, room):
        return RoomRights()
    sanctions = _active_sanctions(user, room)
    if "ban" in sanctions:
        return RoomRights()
    moderate = room.kind != Room.Kind.DIRECT and (
        is_site_moderator(user) or _is_room_owner(user, room)
    )
    muted = "mute" in sanctions
    return RoomRights(read=True, write=not (muted or room.archived), moderate=moderate, muted=muted)


def can_write_room(user, room) -> bool:
    return room_rights(user, room).write


def can_moderate_room(user, room) -> bool:
    return room_rights(user, room).moderate


def _banned_from(**filters):
    return RoomSanction.objects.filter(
        Q(until__isnull=True) | Q(until__gt=timezone.now()),
        kind=RoomSanction.Kind.BAN,
        **filters,
    )


def readable_rooms(user):
    """The rooms this person may read, as one queryset (a single query whatever the number
    of rooms): the same rules as `can_read_room`, written as a filter."""
    if not is_active(user):
        return Room.objects.none()
    my_organisations = Membership.objects.of_user(user).active().values("organisation_id")
    my_federations = Affiliation.objects.filter(
        organisation_id__in=my_organisations, status=Affiliation.Status.ACTIVE
    ).values("federation_id")
    # A room kept for its group (an intervision's) is listed to its roster and owners;
    # site moderators open it from a report, they need not see it listed.
    my_admin = Membership.objects.of_user(user).admins().values("organisation_id")
    open_rooms = Q(kind__in=[Room.Kind.THEME, Room.Kind.PAGE]) & (
        Q(roster_only=False)
        | Q(pk__in=RoomMember.objects.filter(user=user).values("room_id"))
        | Q(organisation_id__in=my_admin)
    )
    visible = (
        open_rooms
        | Q(kind=Room.Kind.DIRECT, user_a=user)
        | Q(kind=Room.Kind.DIRECT, user_b=user)
        | Q(kind=Room.Kind.ORGANISATION, organisation_id__in=my_organisations)
        | Q(kind=Room.Kind.ORGANISATION, organisation_id__in=my_federations)
    )
    return Room.objects.filter(visible).exclude(pk__in=_banned_from(user=user).values("room_id"))


def readers_among(room, user_ids) -> set[int]:
    """Which of these people may read the room (three queries at most)."""
    ids = set(User.objects.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))
    if room.kind == Room.Kind.DIRECT:
        ids &= {room.user_a_id, room.user_b_id}
    elif room.kind == Room.Kind.ORGANISATION:
        ids &= set(
            _organisation_room_members(room.organisation_id)
            .filter(user_id__in=ids)
            .values_list("user_id", flat=True)
        )
    elif room.roster_only:
        on_roster = set(
            RoomMember.objects.filter(room=room, user_id__in=ids).values_list("user_id", flat=True)
        )
        owners = (
            set(
                Membership.objects.filter(user_id__in=ids - on_roster)
                .of_organisation(room.organisation_id)
                .admins()
                .values_list("user_id", flat=True)
            )
            if room.organisation_id
            else set()
        )
        ids &= on_roster | owners
    if not ids:
        return set()
    return ids - set(_banned_from(room=room, user_id__in=ids).values_list("user_id", flat=True))


def can_see_report_queue(user) -> bool:
    """Site moderators, and organisation admins for their organisations' rooms."""
    return is_site_moderator(user) or (
        is_active(user) and Membership.objects.of_user(user).admins().exists()
    )
