"""Who may do what, in one place. Views, consumers and the API all ask here.

Each `can_*` answers a question; `require(...)` turns a "no" into PermissionDenied.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from .models import Membership, Organisation


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_org_admin(user, organisation: Organisation) -> bool:
    if not _active(user):
        return False
    return Membership.objects.filter(
        user=user,
        organisation=organisation,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
    ).exists()


def is_org_member(user, organisation: Organisation) -> bool:
    """An active member, whatever the role."""
    if not _active(user):
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, status=Membership.Status.ACTIVE
    ).exists()


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


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# --- Practice sheets (duck-typed: community never imports practices) ----------------------


def member_organisations(user):
    """The organisations where this person is an active member, by name."""
    if not _active(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).order_by("name")


def can_propose_sheet(user) -> bool:
    """Members of at least one organisation write sheets in its name."""
    return member_organisations(user).exists()


def can_edit_sheet(user, sheet) -> bool:
    """Members of the sheet's organisation edit it; nobody else does in the front end."""
    organisation_id = getattr(sheet, "organisation_id", None)
    if not _active(user) or organisation_id is None:
        return False
    return Membership.objects.filter(
        user=user, organisation_id=organisation_id, status=Membership.Status.ACTIVE
    ).exists()


def can_react(user) -> bool:
    """Mark a sheet useful or bookmark it."""
    return _active(user)


def can_report_adoption(user, organisation) -> bool:
    return is_org_member(user, organisation)
