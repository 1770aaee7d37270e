"""Leaving an organisation (never its last admin) or withdrawing a request, an admin
changing a member's role, and creating an organisation, whose creator becomes its admin."""

from __future__ import annotations

import pytest

from community.models import Membership, Organisation
from tests.community import fixtures_memberships
from tests.factories import MembershipFactory, OrganisationFactory, SectorFactory, UserFactory

pytestmark = pytest.mark.django_db


# The join request's fixtures (tests/community/fixtures_memberships.py), made visible here.
requester = fixtures_memberships.requester
join_request = fixtures_memberships.join_request


# --- Leaving and roles ------------------------------------------------------------------


def _leave_url(organisation):
    return f"/organisations/{organisation.slug}/quitter/"


def test_leave_last_admin_refused(client, organisation, org_admin, messages_of):
    MembershipFactory(organisation=organisation)  # a plain member does not count
    client.force_login(org_admin)

    response = client.post(_leave_url(organisation))

    assert response.status_code == 302
    assert messages_of(response) == [
        "Vous êtes le dernier administrateur ou la dernière administratrice : "
        "nommez quelqu'un d'autre avant de partir."
    ]
    assert Membership.objects.filter(user=org_admin, organisation=organisation).exists() is True


def test_leave_admin_with_another_admin_allowed(client, organisation, org_admin, messages_of):
    MembershipFactory(organisation=organisation, admin=True)
    client.force_login(org_admin)

    response = client.post(_leave_url(organisation), {"next": "me"})

    assert response["Location"] == "/moi/"
    assert messages_of(response) == [
        "C'est fait : vous ne faites plus partie de Les Ateliers Récup."
    ]
    assert Membership.objects.filter(user=org_admin).exists() is False


def test_leave_pending_request_withdrawn(client, join_request, requester, messages_of):
    client.force_login(requester)

    response = client.post(_leave_url(join_request.organisation))

    assert Membership.objects.filter(pk=join_request.pk).exists() is False
    assert messages_of(response) == ["Votre demande auprès de Les Ateliers Récup est retirée."]


def test_leave_when_not_member_gives_message(client, organisation, requester, messages_of):
    client.force_login(requester)

    response = client.post(_leave_url(organisation))

    assert messages_of(response) == ["Vous n'êtes pas membre de cette organisation."]


def _role_url(membership):
    return f"/organisations/{membership.organisation.slug}/membres/{membership.pk}/role/"


def test_change_role_admin_promotes_member(client, organisation, org_admin, messages_of):
    member = MembershipFactory(organisation=organisation)
    client.force_login(org_admin)

    response = client.post(_role_url(member), {"role": "admin"})

    member.refresh_from_db()
    assert member.role == "admin"
    assert messages_of(response) == ["Le rôle est modifié."]


def test_change_role_last_admin_cannot_step_down(client, organisation, org_admin, messages_of):
    mine = Membership.objects.get(user=org_admin)
    client.force_login(org_admin)

    response = client.post(_role_url(mine), {"role": "member"})

    mine.refresh_from_db()
    assert mine.role == "admin"
    assert messages_of(response) == [
        "Une organisation doit garder au moins un administrateur ou une administratrice."
    ]


def test_change_role_unknown_role_gives_message(client, organisation, org_admin, messages_of):
    member = MembershipFactory(organisation=organisation)
    client.force_login(org_admin)

    response = client.post(_role_url(member), {"role": "owner"})

    member.refresh_from_db()
    assert member.role == "member"
    assert messages_of(response) == ["Rôle inconnu."]


def test_change_role_pending_request_cannot_be_made_admin(
    client, join_request, org_admin, messages_of
):
    client.force_login(org_admin)

    response = client.post(_role_url(join_request), {"role": "admin"})

    join_request.refresh_from_db()
    assert (join_request.role, join_request.status) == ("member", "pending")
    assert messages_of(response) == ["Ce membre n'existe pas."]


def test_change_role_by_member_forbidden(client, organisation, org_admin):
    member = MembershipFactory(organisation=organisation)
    client.force_login(member.user)

    response = client.post(_role_url(member), {"role": "admin"})

    member.refresh_from_db()
    assert response.status_code == 403
    assert member.role == "member"


# --- Creating an organisation -----------------------------------------------------------


def test_create_organisation_makes_creator_admin(client, messages_of):
    creator = UserFactory()
    sector = SectorFactory(name="Recyclage")
    client.force_login(creator)

    response = client.post(
        "/organisations/creer/",
        {
            "name": "  Les   Jardins  Partagés ",
            "kind": "ees",
            "legal_form": "cooperative",
            "sectors": [sector.pk],
            "city": "Liège",
        },
    )

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/organisations/les-jardins-partages/"
    assert (organisation.name, organisation.kind, organisation.legal_form) == (
        "Les Jardins Partagés",
        "ees",
        "cooperative",
    )
    assert list(organisation.sectors.all()) == [sector]
    assert list(Membership.objects.values_list("user", "organisation", "role", "status")) == [
        (creator.pk, organisation.pk, "admin", "active")
    ]
    assert messages_of(response) == [
        "Les Jardins Partagés est créée : vous en êtes l'administrateur·rice."
    ]


def test_create_organisation_name_taken_shows_error_and_creates_nothing(client):
    OrganisationFactory(name="Les Jardins Partagés")
    client.force_login(UserFactory())

    response = client.post(
        "/organisations/creer/",
        {"name": "les jardins partagés", "kind": "ees", "legal_form": "cooperative"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name": ["Une organisation porte déjà ce nom : demandez plutôt à la rejoindre."]
    }
    assert Organisation.objects.count() == 1
    assert Membership.objects.count() == 0


def test_create_organisation_anonymous_redirected_to_login(client):
    response = client.get("/organisations/creer/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/organisations/creer/"
