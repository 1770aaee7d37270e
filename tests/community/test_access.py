"""Who may do what: one table of cases for `community.access`, then the same table through
HTTP for the organisation's edit page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from community import access
from community.models import Organisation
from tests.factories import (
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

WHO = [
    "anonymous",
    "unrelated_member",  # signed in, member of nothing here
    "pending_member",
    "active_member",
    "admin",
    "admin_of_another_org",
    "staff_superuser",  # an editor of the Wagtail admin, not a member
    "deactivated_admin",  # an admin whose account was switched off
]


def make_actor(who: str, organisation: Organisation):
    """A person standing in the relation `who` to `organisation`."""
    if who == "anonymous":
        return AnonymousUser()
    if who == "unrelated_member":
        return MembershipFactory(organisation=OrganisationFactory()).user
    if who == "pending_member":
        return MembershipFactory(organisation=organisation, pending=True).user
    if who == "active_member":
        return MembershipFactory(organisation=organisation).user
    if who == "admin":
        return MembershipFactory(organisation=organisation, admin=True).user
    if who == "admin_of_another_org":
        other = OrganisationFactory(kind=organisation.kind)
        return MembershipFactory(organisation=other, admin=True).user
    if who == "staff_superuser":
        return UserFactory(staff=True)
    if who == "deactivated_admin":
        return MembershipFactory(organisation=organisation, admin=True, user__is_active=False).user
    raise AssertionError(who)


# What each question is asked about: an EES, except deciding affiliations, which is a
# federation's business.
WHAT = {
    "edit_profile": (Organisation.Kind.EES, access.can_edit_organisation),
    "manage_members": (Organisation.Kind.EES, access.can_manage_members),
    "request_affiliation": (Organisation.Kind.EES, access.can_request_affiliation),
    "decide_affiliations": (Organisation.Kind.FEDERATION, access.can_decide_affiliations),
    "see_member_names": (
        Organisation.Kind.EES,
        lambda user, _org: access.can_see_member_names(user),
    ),
}

Y, N = True, False
TABLE = {
    #                       edit  manage  req.aff  decide  names
    "anonymous":            (N,   N,      N,       N,      N),
    "unrelated_member":     (N,   N,      N,       N,      Y),
    "pending_member":       (N,   N,      N,       N,      Y),
    "active_member":        (N,   N,      N,       N,      Y),
    "admin":                (Y,   Y,      Y,       Y,      Y),
    "admin_of_another_org": (N,   N,      N,       N,      Y),
    "staff_superuser":      (N,   N,      N,       N,      Y),
    "deactivated_admin":    (N,   N,      N,       N,      N),
}  # fmt: skip

CASES = [
    pytest.param(who, what, allowed, id=f"{who}-{what}-{'allowed' if allowed else 'denied'}")
    for who, row in TABLE.items()
    for what, allowed in zip(WHAT, row, strict=True)
]


def test_table_covers_every_actor():
    assert list(TABLE) == WHO


@pytest.mark.parametrize(("who", "what", "allowed"), CASES)
def test_access_table(who, what, allowed):
    kind, question = WHAT[what]
    organisation = OrganisationFactory(kind=kind)
    actor = make_actor(who, organisation)

    assert question(actor, organisation) is allowed


def test_access_federation_admin_cannot_request_affiliation_for_federation():
    federation = FederationFactory()
    admin = MembershipFactory(organisation=federation, admin=True).user

    assert access.can_request_affiliation(admin, federation) is False


def test_access_ees_admin_cannot_decide_affiliations_of_ees():
    ees = OrganisationFactory()
    admin = MembershipFactory(organisation=ees, admin=True).user

    assert access.can_decide_affiliations(admin, ees) is False


def test_access_request_membership_any_signed_in_person():
    organisation = OrganisationFactory()

    assert access.can_request_membership(UserFactory(), organisation) is True
    assert access.can_request_membership(AnonymousUser(), organisation) is False


def test_access_view_person_signed_in_only_and_active_person_only():
    person = UserFactory()
    gone = UserFactory(is_active=False)

    assert access.can_view_person(UserFactory(), person) is True
    assert access.can_view_person(AnonymousUser(), person) is False
    assert access.can_view_person(UserFactory(), gone) is False


def test_access_require_denied_raises_permission_denied():
    with pytest.raises(PermissionDenied):
        access.require(False)
    assert access.require(True) is None


# --- The same table through HTTP: the organisation's edit page ---------------------------

EDIT_STATUS = {
    "anonymous": 302,  # to the login page
    "unrelated_member": 403,
    "pending_member": 403,
    "active_member": 403,
    "admin": 200,
    "admin_of_another_org": 403,
    "staff_superuser": 403,
    "deactivated_admin": 302,  # a deactivated account is signed out, so: login page
}


def _client_for(client, actor):
    if actor.is_authenticated:
        client.force_login(actor)
    return client


@pytest.mark.parametrize(("who", "status"), EDIT_STATUS.items(), ids=list(EDIT_STATUS))
def test_edit_page_get_status(client, who, status):
    organisation = OrganisationFactory(name="La Ferme du Bocage")
    client = _client_for(client, make_actor(who, organisation))

    response = client.get("/organisations/la-ferme-du-bocage/modifier/")

    assert response.status_code == status
    if status == 302:
        assert response["Location"] == (
            "/accounts/login/?next=/organisations/la-ferme-du-bocage/modifier/"
        )


def _edit_data(**overrides):
    data = {
        "name": "La Ferme Renommée",
        "kind": "federation",  # disabled once created: must be ignored
        "legal_form": "cooperative",
        "city": "Ciney",
        "description": "Nouvelle description.",
        "website": "https://ferme.example.org",
        "contact_email": "contact@ferme.example.org",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        (who, 403 if status == 200 else status)
        for who, status in EDIT_STATUS.items()
        if who != "admin"
    ],
    ids=[who for who in EDIT_STATUS if who != "admin"],
)
def test_edit_page_post_by_non_admin_changes_nothing(client, who, status):
    organisation = OrganisationFactory(
        name="La Ferme du Bocage", city="Namur", legal_form="association"
    )
    before = Organisation.objects.values().get(pk=organisation.pk)
    client = _client_for(client, make_actor(who, organisation))

    response = client.post("/organisations/la-ferme-du-bocage/modifier/", _edit_data())

    assert response.status_code == status
    assert Organisation.objects.values().get(pk=organisation.pk) == before


def test_edit_page_post_by_admin_saves_and_redirects(client):
    organisation = OrganisationFactory(name="La Ferme du Bocage", legal_form="association")
    client.force_login(make_actor("admin", organisation))

    response = client.post("/organisations/la-ferme-du-bocage/modifier/", _edit_data())

    organisation.refresh_from_db()
    assert response.status_code == 302
    # The slug is the stable address: renaming keeps it.
    assert response["Location"] == "/organisations/la-ferme-du-bocage/"
    assert (
        organisation.name,
        organisation.kind,
        organisation.legal_form,
        organisation.city,
        organisation.description,
        organisation.website,
        organisation.contact_email,
    ) == (
        "La Ferme Renommée",
        "ees",
        "cooperative",
        "Ciney",
        "Nouvelle description.",
        "https://ferme.example.org",
        "contact@ferme.example.org",
    )


def test_edit_page_post_invalid_shows_errors_and_changes_nothing(client):
    OrganisationFactory(name="Déjà Prise")
    organisation = OrganisationFactory(name="La Ferme du Bocage")
    client.force_login(make_actor("admin", organisation))

    response = client.post(
        "/organisations/la-ferme-du-bocage/modifier/",
        _edit_data(name="déjà   prise", website="pas une adresse", legal_form="xyz"),
    )

    organisation.refresh_from_db()
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["legal_form", "name", "website"]
    assert response.context["form"].errors["name"] == [
        "Une organisation porte déjà ce nom : demandez plutôt à la rejoindre."
    ]
    assert organisation.name == "La Ferme du Bocage"


def test_edit_page_unknown_slug_404(client):
    client.force_login(UserFactory())

    response = client.get("/organisations/nexiste-pas/modifier/")

    assert response.status_code == 404
