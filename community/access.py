"""Who may do what, in one place. Views, consumers and the API all ask here.

Each `can_*` answers a question; `require(...)` turns a "no" into PermissionDenied.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Membership, Organisation


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_org_admin(user, organisation: Organisation) -> bool:
    if not _active(user):
        return False
    return Membership.objects.of_user(user).of_organisation(organisation).admins().exists()


def is_org_member(user, organisation: Organisation) -> bool:
    """An active member, whatever the role."""
    if not _active(user):
        return False
    return Membership.objects.of_user(user).of_organisation(organisation).active().exists()


def network_memberships(organisation_ids):
    """Active memberships of these organisations and, for federations among them, of their
    active member organisations: who belongs to a federation's network (its room, the
    events reserved to it)."""
    from .models import Affiliation

    return Membership.objects.active().filter(
        Q(organisation_id__in=organisation_ids)
        | Q(
            organisation__affiliations__federation_id__in=organisation_ids,
            organisation__affiliations__status=Affiliation.Status.ACTIVE,
        )
    )


def can_edit_organisation(user, organisation: Organisation) -> bool:
    """Only the organisation's own admins edit its profile in the front end. Editors work
    in the Wagtail admin; being staff grants nothing here."""
    return is_org_admin(user, organisation)


def can_request_membership(user, organisation: Organisation) -> bool:
    return _active(user)


def can_manage_members(user, organisation: Organisation) -> bool:
    """Approve or refuse join requests, change roles."""
    return is_org_admin(user, organisation)


def can_request_affiliation(user, organisation: Organisation) -> bool:
    return organisation.kind != Organisation.Kind.FEDERATION and is_org_admin(user, organisation)


def can_decide_affiliations(user, federation: Organisation) -> bool:
    return federation.kind == Organisation.Kind.FEDERATION and is_org_admin(user, federation)


def can_see_member_names(user) -> bool:
    """Member lists are shown to signed-in people only: visitors see counts."""
    return _active(user)


def can_view_person(user, person) -> bool:
    return _active(user) and person.is_active


def can_use_admin(user) -> bool:
    """Editors work in the Wagtail admin; members never need it."""
    return _active(user) and user.has_perm("wagtailadmin.access_admin")


def require(allowed: bool, reason=None) -> None:
    """Refuse with the reason people read on the 403 page (one of `Refusal`)."""
    if not allowed:
        raise PermissionDenied(reason) if reason else PermissionDenied


class Refusal:
    """Why something is refused, in the words of the 403 page: each refusal says what it is
    (a ban from a room is no matter of organisation admins)."""

    EDIT_ORGANISATION = _(
        "Seuls les administrateurs et administratrices de cette organisation peuvent modifier "
        "son profil."
    )
    MANAGE_MEMBERS = _(
        "Seuls les administrateurs et administratrices de cette organisation peuvent décider "
        "des demandes d'adhésion et des rôles de ses membres."
    )
    REQUEST_MEMBERSHIP = _("Connectez-vous pour demander à rejoindre une organisation.")
    REQUEST_AFFILIATION = _(
        "Seuls les administrateurs et administratrices d'une organisation qui n'est pas "
        "elle-même une fédération peuvent demander son affiliation à une fédération."
    )
    DECIDE_AFFILIATIONS = _(
        "Seuls les administrateurs et administratrices de cette fédération peuvent accepter "
        "ou refuser les demandes d'affiliation."
    )
    END_AFFILIATION = _(
        "Seuls les administrateurs et administratrices de l'organisation ou de la fédération "
        "peuvent mettre fin à cette affiliation."
    )
    VIEW_PERSON = _(
        "Les profils des personnes ne sont visibles que des membres connectés, tant que leur "
        "compte est actif."
    )
    PROPOSE_SHEET = _(
        "Pour proposer une fiche pratique, rejoignez d'abord une organisation : les fiches "
        "sont publiées en son nom."
    )
    EDIT_SHEET = _(
        "Seuls les membres de l'organisation qui a écrit cette fiche peuvent la modifier."
    )
    SHEET_ORGANISATION = _(
        "Vous ne pouvez proposer une fiche qu'au nom d'une organisation dont vous êtes membre."
    )
    OTHERS_DRAFT = _("Ce brouillon appartient à une autre personne : elle seule peut le continuer.")
    PROPOSE_EVENT = _(
        "Pour annoncer un évènement, rejoignez d'abord une organisation : les évènements sont "
        "annoncés en son nom."
    )
    MANAGE_EVENT = _(
        "Seuls les administrateurs et administratrices des organisations qui organisent cet "
        "évènement peuvent le modifier, l'annuler et voir la liste de ses inscriptions."
    )
    REGISTER = _(
        "Cet évènement est réservé aux membres de la fédération qui l'organise et de ses "
        "organisations membres."
    )
    ROOM_BANNED = _(
        "Les modérateurs vous ont retiré l'accès à ce salon : vous ne pouvez plus le lire ni "
        "y écrire."
    )
    ROOM_DIRECT = _(
        "Cette conversation privée n'est lisible que par les deux personnes qui y participent."
    )
    ROOM_ORGANISATION = _(
        "Ce salon est réservé aux membres de l'organisation et, pour une fédération, à ceux "
        "de ses organisations membres."
    )
    ROOM_SIGNED_IN = _("Les salons sont réservés aux membres connectés.")
    MODERATE_ROOM = _(
        "Seuls les modérateurs et modératrices de ce salon, et les administrateurs et "
        "administratrices de l'organisation à laquelle il appartient, peuvent le modérer."
    )
    REPORT_QUEUE = _(
        "Les signalements sont traités par les modérateurs et modératrices, et par les "
        "administrateurs et administratrices d'organisation pour leurs salons."
    )


# --- Practice sheets (duck-typed: community never imports practices) ----------------------


def member_organisations(user):
    """The organisations where this person is an active member, by name."""
    if not _active(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__in=Membership.objects.of_user(user).active()
    ).order_by("name")


def can_propose_sheet(user) -> bool:
    """Members of at least one organisation write sheets in its name."""
    return member_organisations(user).exists()


def can_edit_sheet(user, sheet) -> bool:
    """Members of the sheet's organisation edit it; nobody else does in the front end."""
    organisation_id = getattr(sheet, "organisation_id", None)
    if not _active(user) or organisation_id is None:
        return False
    return Membership.objects.of_user(user).of_organisation(organisation_id).active().exists()


def can_react(user) -> bool:
    """Mark a sheet useful or bookmark it."""
    return _active(user)


def can_report_adoption(user, organisation) -> bool:
    return is_org_member(user, organisation)


# --- Events (duck-typed: community never imports events) ---------------------------------


def announcing_federations(user):
    """The federations this person manages (is an admin of): they announce events for
    them, published at once."""
    if not _active(user):
        return Organisation.objects.none()
    return (
        Organisation.objects.federations()
        .filter(memberships__in=Membership.objects.of_user(user).admins())
        .order_by("name")
    )


def can_propose_event(user) -> bool:
    """Any member of an organisation may propose an event (reviewed by editors)."""
    return member_organisations(user).exists()


def publishes_at_once(user, organisers) -> bool:
    """An event is published without review when every organiser is a federation this
    person manages."""
    managed = set(announcing_federations(user).values_list("pk", flat=True))
    ids = {getattr(o, "pk", o) for o in organisers}
    return bool(ids) and ids <= managed


def can_manage_event(user, event) -> bool:
    """The admins of an organiser see the registrations, export them and change the
    event in the front end. Editors do all of that in the Wagtail admin."""
    if not _active(user):
        return False
    return (
        Membership.objects.of_user(user)
        .admins()
        .filter(organisation__in=event.organisers.all())
        .exists()
    )


def in_event_audience(user, event) -> bool:
    """Open events: anyone signed in. Federation events: the active members of the
    organiser federations and of their member organisations."""
    if not _active(user):
        return False
    if event.audience == "open":
        return True
    federations = [o.pk for o in event.organisers.all() if o.kind == Organisation.Kind.FEDERATION]
    return network_memberships(federations).filter(user=user).exists()


def can_register(user, event) -> bool:
    return in_event_audience(user, event)


# --- rooms ----------------------------------------------------------------------------------
# Who may read, write in and moderate a room. The room pages, the WebSocket consumer, the
# history endpoint and the rooms service all ask here.
#
# - Every room needs a signed-in, active person: messages carry people's names, which
#   visitors see nowhere else on Relais either (see `can_see_member_names`).
# - Thematic rooms and page rooms (sheets, events): every member reads and writes.
# - An organisation's room: its active members; a federation's room also the active
#   members of its member organisations (active affiliation).
# - A direct conversation: its two people, nobody else.
# - Muted people read but do not write; banned people do neither. Archived rooms are
#   read only.
# - Moderators: people with the `community.moderate_rooms` permission (give it to the
#   group "Modérateurs" in the Wagtail admin) in every room they can read, and through the
#   report queue for any reported message; and a room's owners, the active admins of
#   `room.organisation` (the organisation or federation of a private room, the
#   organisation of a sheet's room). The rooms service never sanctions a moderator.


@dataclass(frozen=True)
class RoomRights:
    read: bool = False
    write: bool = False
    moderate: bool = False
    muted: bool = False


def is_site_moderator(user) -> bool:
    return _active(user) and user.has_perm("community.moderate_rooms")


def _active_sanctions(user, room) -> set[str]:
    from .models import RoomSanction

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
    return _active(user) and (
        _organisation_room_members(organisation.pk).filter(user=user).exists()
    )


def _is_room_owner(user, room) -> bool:
    return (
        bool(room.organisation_id)
        and Membership.objects.filter(
            user=user,
            organisation_id=room.organisation_id,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
        ).exists()
    )


def _may_enter(user, room) -> bool:
    """Read access before sanctions."""
    from .models import Room

    if not _active(user):
        return False
    if room.kind == Room.Kind.DIRECT:
        return user.pk in (room.user_a_id, room.user_b_id)
    if room.kind == Room.Kind.ORGANISATION:
        return _organisation_room_members(room.organisation_id).filter(user=user).exists()
    return True


def can_read_room(user, room) -> bool:
    return _may_enter(user, room) and "ban" not in _active_sanctions(user, room)


def room_refusal(user, room):
    """Why this person may not read this room (asked only once they are refused)."""
    from .models import Room

    if not _active(user):
        return Refusal.ROOM_SIGNED_IN
    if not _may_enter(user, room):
        return Refusal.ROOM_DIRECT if room.kind == Room.Kind.DIRECT else Refusal.ROOM_ORGANISATION
    return Refusal.ROOM_BANNED


def require_room_read(user, room, rights: RoomRights | None = None) -> None:
    """Refuse a room page or its history to someone who may not read it, saying why."""
    if not (rights.read if rights is not None else can_read_room(user, room)):
        raise PermissionDenied(room_refusal(user, room))


def room_rights(user, room) -> RoomRights:
    """Everything a person may do in a room (a handful of queries, none per message)."""
    from .models import Room

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
    from .models import RoomSanction

    return RoomSanction.objects.filter(
        Q(until__isnull=True) | Q(until__gt=timezone.now()),
        kind=RoomSanction.Kind.BAN,
        **filters,
    )


def readable_rooms(user):
    """The rooms this person may read, as one queryset (a single query whatever the number
    of rooms): the same rules as `can_read_room`, written as a filter."""
    from .models import Affiliation, Room

    if not _active(user):
        return Room.objects.none()
    my_organisations = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values(
        "organisation_id"
    )
    my_federations = Affiliation.objects.filter(
        organisation_id__in=my_organisations, status=Affiliation.Status.ACTIVE
    ).values("federation_id")
    visible = (
        Q(kind__in=[Room.Kind.THEME, Room.Kind.PAGE])
        | Q(kind=Room.Kind.DIRECT, user_a=user)
        | Q(kind=Room.Kind.DIRECT, user_b=user)
        | Q(kind=Room.Kind.ORGANISATION, organisation_id__in=my_organisations)
        | Q(kind=Room.Kind.ORGANISATION, organisation_id__in=my_federations)
    )
    return Room.objects.filter(visible).exclude(pk__in=_banned_from(user=user).values("room_id"))


def readers_among(room, user_ids) -> set[int]:
    """Which of these people may read the room (three queries at most)."""
    from .models import Room, User

    ids = set(User.objects.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))
    if room.kind == Room.Kind.DIRECT:
        ids &= {room.user_a_id, room.user_b_id}
    elif room.kind == Room.Kind.ORGANISATION:
        ids &= set(
            _organisation_room_members(room.organisation_id)
            .filter(user_id__in=ids)
            .values_list("user_id", flat=True)
        )
    if not ids:
        return set()
    return ids - set(_banned_from(room=room, user_id__in=ids).values_list("user_id", flat=True))


def can_see_report_queue(user) -> bool:
    """Site moderators, and organisation admins for their organisations' rooms."""
    return is_site_moderator(user) or (
        _active(user)
        and Membership.objects.filter(
            user=user, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
        ).exists()
    )
