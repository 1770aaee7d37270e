"""Who may do what, in one place. Views, consumers and the API all ask here.

Each `can_*` answers a question; `require(...)` turns a "no" into PermissionDenied.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Affiliation, Membership, Organisation


def is_active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_org_admin(user, organisation: Organisation) -> bool:
    if not is_active(user):
        return False
    return Membership.objects.of_user(user).of_organisation(organisation).admins().exists()


def is_org_member(user, organisation: Organisation) -> bool:
    """An active member, whatever the role."""
    if not is_active(user):
        return False
    return Membership.objects.of_user(user).of_organisation(organisation).active().exists()


def network_memberships(organisation_ids):
    """Active memberships of these organisations and, for federations among them, of their
    active member organisations: who belongs to a federation's network (its room, the
    events reserved to it)."""
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
    return is_active(user)


def can_manage_members(user, organisation: Organisation) -> bool:
    """Approve or refuse join requests, change roles."""
    return is_org_admin(user, organisation)


def can_request_affiliation(user, organisation: Organisation) -> bool:
    return organisation.kind != Organisation.Kind.FEDERATION and is_org_admin(user, organisation)


def can_decide_affiliations(user, federation: Organisation) -> bool:
    return federation.kind == Organisation.Kind.FEDERATION and is_org_admin(user, federation)


def can_see_member_names(user) -> bool:
    """Member lists are shown to signed-in people only: visitors see counts."""
    return is_active(user)


def can_view_person(user, person) -> bool:
    return is_active(user) and person.is_active


def can_use_admin(user) -> bool:
    """Editors work in the Wagtail admin; members never need it."""
    return is_active(user) and user.has_perm("wagtailadmin.access_admin")


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
    ROOM_GROUP = _(
        "Ce salon est réservé au groupe de l'intervision : ce qui s'y dit reste dans le "
        "groupe. Inscrivez-vous à l'intervision pour le rejoindre."
    )
    MODERATE_ROOM = _(
        "Seuls les modérateurs et modératrices de ce salon, et les administrateurs et "
        "administratrices de l'organisation à laquelle il appartient, peuvent le modérer."
    )
    SEE_DIAGNOSTIC = _(
        "Ce diagnostic n'est visible que des administrateurs et administratrices de "
        "l'organisation et des personnes invitées à y répondre."
    )
    MANAGE_DIAGNOSTIC = _(
        "Seuls les administrateurs et administratrices de l'organisation peuvent lancer son "
        "diagnostic, y inviter des personnes et choisir son plan d'action."
    )
    ANSWER_DIAGNOSTIC = _(
        "Seules les personnes invitées à ce diagnostic peuvent y répondre : ouvrez le lien de "
        "votre invitation."
    )
    FACILITATE = _(
        "Seul·e l'animateur·rice de l'intervision (ou un·e admin d'une organisation "
        "organisatrice) mène la séance."
    )
    FEDERATION_DASHBOARD = _(
        "Le tableau de bord d'une fédération est réservé à ses administrateurs et administratrices."
    )
    REPORT_QUEUE = _(
        "Les signalements sont traités par les modérateurs et modératrices, et par les "
        "administrateurs et administratrices d'organisation pour leurs salons."
    )
    ASK_SHEET_AUTHORS = _(
        "Pour poser une question aux auteur·es d'une fiche, rejoignez d'abord une "
        "organisation sur Relais."
    )
    ANSWER_SHEET_QUESTION = _(
        "Seuls les auteur·es de la fiche et les membres de son organisation répondent aux "
        "questions posées sur elle."
    )


# --- Practice sheets (duck-typed: community never imports practices) ----------------------


def member_organisations(user):
    """The organisations where this person is an active member, by name."""
    if not is_active(user):
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
    if not is_active(user) or organisation_id is None:
        return False
    return Membership.objects.of_user(user).of_organisation(organisation_id).active().exists()


def can_continue_draft(user, draft) -> bool:
    """A draft is its author's; a draft born at an intervision is also continued by the
    active members of the organisations that co-sign it."""
    if not is_active(user):
        return False
    if draft.author_id == user.pk:
        return True
    if draft.origin_id is None:
        return False
    return (
        Membership.objects.of_user(user)
        .active()
        .filter(organisation__in=draft.co_organisations.all())
        .exists()
    )


def can_react(user) -> bool:
    """Mark a sheet useful or bookmark it."""
    return is_active(user)


def can_report_adoption(user, organisation) -> bool:
    return is_org_member(user, organisation)


def can_ask_sheet_authors(user) -> bool:
    """Ask a sheet's authors a question: members of an organisation, as for writing one."""
    return member_organisations(user).exists()


def can_answer_sheet_question(user, question) -> bool:
    """The sheet's authors and the active members of its organisation answer the
    questions asked about it."""
    if not is_active(user):
        return False
    sheet = question.sheet
    return can_edit_sheet(user, sheet) or sheet.authors.filter(pk=user.pk).exists()


# --- Events (duck-typed: community never imports events) ---------------------------------


def administered_organisations(user):
    """The organisations this person is an active admin of, by name."""
    if not is_active(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__in=Membership.objects.of_user(user).admins()
    ).order_by("name")


def announcing_federations(user):
    """The federations this person manages (is an admin of): they announce events for
    them, published at once."""
    return administered_organisations(user).federations()


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
    if not is_active(user):
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
    if not is_active(user):
        return False
    if event.audience == "open":
        return True
    federations = [o.pk for o in event.organisers.all() if o.kind == Organisation.Kind.FEDERATION]
    return network_memberships(federations).filter(user=user).exists()


def can_register(user, event) -> bool:
    return in_event_audience(user, event)


# --- The diagnostic (duck-typed: community never imports diagnostic) ----------------------


def can_manage_diagnostic(user, diagnostic) -> bool:
    return is_org_admin(user, diagnostic.organisation_id)


def can_see_diagnostic(user, diagnostic) -> bool:
    """Its organisation's admins, and the people who accepted to answer it (an invitation
    not yet accepted shows nothing but itself)."""
    if not is_active(user):
        return False
    accepted = diagnostic.respondents.filter(user=user, accepted_at__isnull=False)
    return can_manage_diagnostic(user, diagnostic) or accepted.exists()


def can_see_federation_dashboard(user, federation: Organisation) -> bool:
    return federation.is_federation and is_org_admin(user, federation)
