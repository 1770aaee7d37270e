"""Organisations, memberships and federation affiliations: every write goes through here."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community import access
from community.models import Affiliation, Membership, Notification, Organisation, User
from community.services import limits

from . import ServiceError, ratelimit
from .notifications import Email, email_people, notify, settle


def _admins(organisation: Organisation):
    return User.objects.filter(
        memberships__in=Membership.objects.of_organisation(organisation).admins(), is_active=True
    )


# What an organisation's admins write on its profile (the kind is the editors' to change).
PROFILE_FIELDS = (
    "name",
    "legal_form",
    "region",
    "city",
    "staff_size",
    "volunteers",
    "website",
    "description",
    "contact_email",
    "contact_phone",
)


def _write_profile(organisation: Organisation, *, sectors, logo, profile: dict) -> None:
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown organisation fields: {', '.join(sorted(unknown))}")
    for field, value in profile.items():
        setattr(organisation, field, value)
    if logo is not None:
        # A form's file field: False when cleared, the stored file when unchanged.
        organisation.logo = logo or ""
    organisation.save()
    organisation.sectors.set(list(sectors))


def create_organisation(*, user: User, kind: str, sectors=(), logo=None, **profile) -> Organisation:
    """Create an organisation from its profile's values (`PROFILE_FIELDS`, the kind, its
    sectors and logo); its creator becomes its first admin. Two people creating the same
    name at once: the second gets a clear message."""
    limits.check("organisation", user=user)
    try:
        with transaction.atomic():
            organisation = Organisation(kind=kind)
            _write_profile(organisation, sectors=sectors, logo=logo, profile=profile)
            Membership.objects.create(
                user=user,
                organisation=organisation,
                role=Membership.Role.ADMIN,
                status=Membership.Status.ACTIVE,
                decided_at=timezone.now(),
            )
    except IntegrityError:
        raise ServiceError(
            _("Une organisation porte déjà ce nom : demandez plutôt à la rejoindre.")
        ) from None
    return organisation


def update_organisation(
    *, user: User, organisation: Organisation, sectors=(), logo=None, **profile
) -> Organisation:
    """Write the profile's values (as for `create_organisation`, without the kind: it
    decides who may do what, and only editors change it, in the admin)."""
    access.require(
        access.can_edit_organisation(user, organisation), access.Refusal.EDIT_ORGANISATION
    )
    try:
        with transaction.atomic():
            _write_profile(organisation, sectors=sectors, logo=logo, profile=profile)
    except IntegrityError:
        raise ServiceError(_("Une organisation porte déjà ce nom.")) from None
    return organisation


def request_membership(*, user: User, organisation: Organisation, message: str = "") -> Membership:
    access.require(
        access.can_request_membership(user, organisation), access.Refusal.REQUEST_MEMBERSHIP
    )
    # Each request emails the organisation's admins: asking, withdrawing and asking again
    # must not become a way to flood their inboxes.
    if not ratelimit.allow(
        f"join:{user.pk}", limit=settings.RELAIS["JOIN_REQUESTS_PER_HOUR"], window=3600
    ):
        raise ServiceError(_("Vous avez envoyé beaucoup de demandes : réessayez dans une heure."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user, organisation=organisation, message=message.strip()[:500]
            )
            notify(
                _admins(organisation),
                kind=Notification.Kind.REQUEST,
                message=lambda person: _("%(name)s demande à rejoindre %(org)s.")
                % {"name": user, "org": organisation.name},
                url=_request_url(membership),
                about=(f"organisation:{organisation.pk}", organisation.name),
                email=Email(
                    "community/email/join_requested",
                    {"membership": membership, "organisation": organisation, "requester": user},
                ),
            )
    except IntegrityError:
        existing = Membership.objects.of_user(user).of_organisation(organisation).get()
        if existing.is_active:
            raise ServiceError(_("Vous êtes déjà membre de cette organisation.")) from None
        raise ServiceError(_("Votre demande est déjà en attente.")) from None
    return membership


def _request_url(request: Membership | Affiliation) -> str:
    """Where a join or affiliation request's notification points: the page of the
    organisation that decides, marked with the request (so that deciding it settles the
    notifications of every admin)."""
    if isinstance(request, Membership):
        return f"{request.organisation.get_absolute_url()}#demande-{request.pk}"
    return f"{request.federation.get_absolute_url()}#affiliation-{request.pk}"


def _locked_pending_membership(membership_id: int, organisation: Organisation) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "organisation")
        .of_organisation(organisation)
        .filter(pk=membership_id)
        .first()
    )
    if membership is None or membership.is_active:
        raise ServiceError(_("Cette demande a déjà été traitée."))
    return membership


@transaction.atomic
def approve_membership(
    *, actor: User, organisation: Organisation, membership_id: int
) -> Membership:
    access.require(access.can_manage_members(actor, organisation), access.Refusal.MANAGE_MEMBERS)
    membership = _locked_pending_membership(membership_id, organisation)
    membership.status = Membership.Status.ACTIVE
    membership.decided_at = timezone.now()
    membership.decided_by = actor
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    settle(url=_request_url(membership))
    email_people(
        [membership.user],
        "community/email/join_approved",
        {"organisation": organisation, "actor": actor},
    )
    return membership


@transaction.atomic
def refuse_membership(*, actor: User, organisation: Organisation, membership_id: int) -> None:
    access.require(access.can_manage_members(actor, organisation), access.Refusal.MANAGE_MEMBERS)
    membership = _locked_pending_membership(membership_id, organisation)
    requester = membership.user
    settle(url=_request_url(membership))
    membership.delete()
    email_people(
        [requester], "community/email/join_refused", {"organisation": organisation, "actor": actor}
    )


@transaction.atomic
def leave_organisation(*, user: User, organisation: Organisation) -> None:
    """Leave an organisation, or withdraw a pending request. The last admin cannot leave,
    so that no organisation is left without anyone to manage it."""
    # Lock the organisation: two admins leaving at once must not leave it with none.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    membership = (
        Membership.objects.select_for_update().of_user(user).of_organisation(organisation).first()
    )
    if membership is None:
        raise ServiceError(_("Vous n'êtes pas membre de cette organisation."))
    if membership.role == Membership.Role.ADMIN:
        admins = (
            Membership.objects.select_for_update().of_organisation(organisation).admins().count()
        )
        if admins <= 1:
            raise ServiceError(
                _(
                    "Vous êtes le dernier administrateur ou la dernière administratrice : "
                    "nommez quelqu'un d'autre avant de partir."
                )
            )
    if not membership.is_active:
        settle(url=_request_url(membership))
    membership.delete()


@transaction.atomic
def set_member_role(
    *, actor: User, organisation: Organisation, membership_id: int, role: str
) -> Membership:
    access.require(access.can_manage_members(actor, organisation), access.Refusal.MANAGE_MEMBERS)
    if role not in Membership.Role.values:
        raise ServiceError(_("Rôle inconnu."))
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    membership = (
        Membership.objects.select_for_update()
        .of_organisation(organisation)
        .active()
        .filter(pk=membership_id)
        .first()
    )
    if membership is None:
        raise ServiceError(_("Ce membre n'existe pas."))
    if membership.role == Membership.Role.ADMIN and role == Membership.Role.MEMBER:
        admins = Membership.objects.of_organisation(organisation).admins().count()
        if admins <= 1:
            raise ServiceError(
                _("Une organisation doit garder au moins un administrateur ou une administratrice.")
            )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def request_affiliation(
    *, actor: User, organisation: Organisation, federation: Organisation
) -> Affiliation:
    access.require(
        access.can_request_affiliation(actor, organisation), access.Refusal.REQUEST_AFFILIATION
    )
    if not federation.is_federation or federation.pk == organisation.pk:
        raise ServiceError(_("Choisissez une fédération."))
    limits.check("affiliation", user=actor)
    try:
        with transaction.atomic():
            affiliation = Affiliation.objects.create(
                organisation=organisation, federation=federation, requested_by=actor
            )
            notify(
                _admins(federation),
                kind=Notification.Kind.REQUEST,
                message=lambda person: _("%(org)s demande à s'affilier à %(fed)s.")
                % {"org": organisation.name, "fed": federation.name},
                url=_request_url(affiliation),
                about=(f"organisation:{federation.pk}", federation.name),
                email=Email(
                    "community/email/affiliation_requested",
                    {"organisation": organisation, "federation": federation, "requester": actor},
                ),
            )
    except IntegrityError:
        raise ServiceError(
            _("%(org)s est déjà affiliée à %(fed)s ou l'a déjà demandé.")
            % {"org": organisation.name, "fed": federation.name}
        ) from None
    return affiliation


def _locked_pending_affiliation(affiliation_id: int, federation: Organisation) -> Affiliation:
    affiliation = (
        Affiliation.objects.select_for_update()
        .select_related("organisation", "federation")
        .filter(pk=affiliation_id, federation=federation)
        .first()
    )
    if affiliation is None or affiliation.status != Affiliation.Status.PENDING:
        raise ServiceError(_("Cette demande a déjà été traitée."))
    return affiliation


@transaction.atomic
def accept_affiliation(
    *, actor: User, federation: Organisation, affiliation_id: int
) -> Affiliation:
    access.require(
        access.can_decide_affiliations(actor, federation), access.Refusal.DECIDE_AFFILIATIONS
    )
    affiliation = _locked_pending_affiliation(affiliation_id, federation)
    affiliation.status = Affiliation.Status.ACTIVE
    affiliation.decided_at = timezone.now()
    affiliation.save(update_fields=["status", "decided_at"])
    settle(url=_request_url(affiliation))
    email_people(
        _admins(affiliation.organisation),
        "community/email/affiliation_accepted",
        {"organisation": affiliation.organisation, "federation": federation},
    )
    return affiliation


@transaction.atomic
def refuse_affiliation(*, actor: User, federation: Organisation, affiliation_id: int) -> None:
    access.require(
        access.can_decide_affiliations(actor, federation), access.Refusal.DECIDE_AFFILIATIONS
    )
    affiliation = _locked_pending_affiliation(affiliation_id, federation)
    organisation = affiliation.organisation
    settle(url=_request_url(affiliation))
    affiliation.delete()
    email_people(
        _admins(organisation),
        "community/email/affiliation_refused",
        {"organisation": organisation, "federation": federation},
    )


@transaction.atomic
def end_affiliation(*, actor: User, organisation: Organisation, federation: Organisation) -> None:
    """Either side's admins may end an affiliation."""
    access.require(
        access.is_org_admin(actor, organisation) or access.is_org_admin(actor, federation),
        access.Refusal.END_AFFILIATION,
    )
    for pending in Affiliation.objects.filter(
        organisation=organisation, federation=federation, status=Affiliation.Status.PENDING
    ).select_related("federation"):
        settle(url=_request_url(pending))
    deleted, _n = Affiliation.objects.filter(
        organisation=organisation, federation=federation
    ).delete()
    if not deleted:
        raise ServiceError(_("Cette affiliation n'existe pas."))
