"""Affiliating an organisation to a federation: the request by the organisation's admins,
the decision by the federation's, the emails both ways, and ending an affiliation from
either side; through the pages and through `community.services.organisations`.

Emails leave after the transaction commits (`transaction.on_commit`), so the tests that
read `mailoutbox` run the view inside `django_capture_on_commit_callbacks(execute=True)`.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from community.models import Affiliation
from community.services import ServiceError
from community.services import organisations as org_services
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- Affiliations -----------------------------------------------------------------------


@pytest.fixture
def affiliation_request(organisation, org_admin, federation, federation_admin):
    return AffiliationFactory(
        organisation=organisation, federation=federation, pending=True, requested_by=org_admin
    )


def _decide_affiliation_url(affiliation, decision):
    return f"/organisations/{affiliation.federation.slug}/affiliations/{affiliation.pk}/{decision}/"


def test_affiliation_request_pending_and_federation_admins_emailed(
    client,
    organisation,
    org_admin,
    federation,
    federation_admin,
    mailoutbox,
    messages_of,
    django_capture_on_commit_callbacks,
):
    MembershipFactory(organisation=federation)  # a plain member of the federation: not asked
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/organisations/{organisation.slug}/affiliation/", {"federation": federation.pk}
        )

    assert response["Location"] == "/organisations/les-ateliers-recup/"
    assert messages_of(response) == [
        "Votre demande d'affiliation est envoyée à Fédération des Coopératives."
    ]
    assert list(
        Affiliation.objects.values_list("organisation", "federation", "status", "requested_by")
    ) == [(organisation.pk, federation.pk, "pending", org_admin.pk)]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (
            [federation_admin.email],
            "[Relais] Les Ateliers Récup demande à s'affilier à Fédération des Coopératives",
        )
    ]


def test_affiliation_accept_activates_and_emails_organisation_admins(
    client,
    affiliation_request,
    org_admin,
    federation_admin,
    mailoutbox,
    messages_of,
    django_capture_on_commit_callbacks,
):
    client.force_login(federation_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_decide_affiliation_url(affiliation_request, "accept"))

    affiliation_request.refresh_from_db()
    assert response["Location"] == "/organisations/federation-des-cooperatives/"
    assert affiliation_request.status == "active"
    assert affiliation_request.decided_at is not None
    assert messages_of(response) == ["L'affiliation est acceptée."]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (
            [org_admin.email],
            "[Relais] Les Ateliers Récup est affiliée à Fédération des Coopératives",
        )
    ]


def test_affiliation_refuse_deletes_and_emails_organisation_admins(
    client,
    affiliation_request,
    org_admin,
    federation_admin,
    mailoutbox,
    messages_of,
    django_capture_on_commit_callbacks,
):
    client.force_login(federation_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_decide_affiliation_url(affiliation_request, "refuse"))

    assert Affiliation.objects.filter(pk=affiliation_request.pk).exists() is False
    assert messages_of(response) == ["L'affiliation est refusée."]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([org_admin.email], "[Relais] Votre demande d'affiliation à Fédération des Coopératives")
    ]


def test_affiliation_decided_twice_gives_message(
    client, affiliation_request, federation_admin, messages_of
):
    client.force_login(federation_admin)
    client.post(_decide_affiliation_url(affiliation_request, "accept"))

    response = client.post(_decide_affiliation_url(affiliation_request, "refuse"))

    affiliation_request.refresh_from_db()
    assert response.status_code == 302
    assert messages_of(response) == [
        "L'affiliation est acceptée.",
        "Cette demande a déjà été traitée.",
    ]
    assert affiliation_request.status == "active"


@pytest.mark.parametrize("who", ["requesting_org_admin", "federation_member", "staff"])
def test_affiliation_decide_by_non_admin_of_federation_forbidden(
    client, affiliation_request, org_admin, federation, who
):
    actor = {
        "requesting_org_admin": lambda: org_admin,
        "federation_member": lambda: MembershipFactory(organisation=federation).user,
        "staff": lambda: UserFactory(staff=True),
    }[who]()
    client.force_login(actor)

    response = client.post(_decide_affiliation_url(affiliation_request, "accept"))

    affiliation_request.refresh_from_db()
    assert response.status_code == 403
    assert affiliation_request.status == "pending"


def test_affiliation_federation_cannot_request(client, federation, federation_admin):
    other = FederationFactory(name="Autre Fédération")
    client.force_login(federation_admin)

    response = client.post(
        f"/organisations/{federation.slug}/affiliation/", {"federation": other.pk}
    )

    assert response.status_code == 403
    assert Affiliation.objects.count() == 0


def test_affiliation_federation_cannot_request_through_service(federation, federation_admin):
    other = FederationFactory(name="Autre Fédération")

    with pytest.raises(PermissionDenied):
        org_services.request_affiliation(
            actor=federation_admin, organisation=federation, federation=other
        )
    assert Affiliation.objects.count() == 0


def test_affiliation_request_by_plain_member_forbidden(client, organisation, federation):
    member = MembershipFactory(organisation=organisation).user
    client.force_login(member)

    response = client.post(
        f"/organisations/{organisation.slug}/affiliation/", {"federation": federation.pk}
    )

    assert response.status_code == 403
    assert Affiliation.objects.count() == 0


@pytest.mark.parametrize("target", ["an_ees", "unknown_id", "not_a_number", "already_requested"])
def test_affiliation_request_bad_federation_gives_message(
    client, organisation, org_admin, federation, messages_of, target
):
    AffiliationFactory(organisation=organisation, federation=federation, pending=True)
    value = {
        "an_ees": lambda: OrganisationFactory().pk,
        "unknown_id": lambda: 999999,
        "not_a_number": lambda: "abc",
        "already_requested": lambda: federation.pk,
    }[target]()
    client.force_login(org_admin)

    response = client.post(
        f"/organisations/{organisation.slug}/affiliation/", {"federation": value}
    )

    assert response.status_code == 302
    assert messages_of(response) == ["Choisissez une fédération dans la liste."]
    assert Affiliation.objects.count() == 1


def test_affiliation_request_twice_through_service_gives_message(
    organisation, org_admin, federation
):
    org_services.request_affiliation(
        actor=org_admin, organisation=organisation, federation=federation
    )

    with pytest.raises(ServiceError) as error:
        org_services.request_affiliation(
            actor=org_admin, organisation=organisation, federation=federation
        )

    assert error.value.message == (
        "Les Ateliers Récup est déjà affiliée à Fédération des Coopératives ou l'a déjà demandé."
    )
    assert Affiliation.objects.count() == 1


def test_affiliation_to_non_federation_through_service_gives_message(organisation, org_admin):
    with pytest.raises(ServiceError) as error:
        org_services.request_affiliation(
            actor=org_admin, organisation=organisation, federation=OrganisationFactory()
        )

    assert error.value.message == "Choisissez une fédération."


def _end_url(organisation, federation):
    return f"/organisations/{organisation.slug}/federations/{federation.slug}/quitter/"


@pytest.mark.parametrize("who", ["organisation_admin", "federation_admin"])
def test_affiliation_end_page_by_either_side(
    client, organisation, org_admin, federation, federation_admin, messages_of, who
):
    AffiliationFactory(organisation=organisation, federation=federation)
    client.force_login(org_admin if who == "organisation_admin" else federation_admin)

    response = client.post(_end_url(organisation, federation))

    assert response.status_code == 302
    assert response["Location"] == "/organisations/les-ateliers-recup/"
    assert messages_of(response) == [
        "Les Ateliers Récup ne fait plus partie de Fédération des Coopératives."
    ]
    assert Affiliation.objects.count() == 0


@pytest.mark.parametrize("who", ["organisation_member", "other_admin", "staff"])
def test_affiliation_end_page_by_outsider_forbidden(client, organisation, federation, who):
    AffiliationFactory(organisation=organisation, federation=federation)
    actor = {
        "organisation_member": lambda: MembershipFactory(organisation=organisation).user,
        "other_admin": lambda: MembershipFactory(admin=True).user,
        "staff": lambda: UserFactory(staff=True),
    }[who]()
    client.force_login(actor)

    response = client.post(_end_url(organisation, federation))

    assert response.status_code == 403
    assert Affiliation.objects.count() == 1


def test_affiliation_end_page_missing_gives_message(
    client, organisation, org_admin, federation, messages_of
):
    client.force_login(org_admin)

    response = client.post(_end_url(organisation, federation))

    assert response.status_code == 302
    assert messages_of(response) == ["Cette affiliation n'existe pas."]


@pytest.mark.parametrize("who", ["organisation_admin", "federation_admin"])
def test_affiliation_ended_by_either_side(
    organisation, org_admin, federation, federation_admin, who
):
    AffiliationFactory(organisation=organisation, federation=federation)
    actor = org_admin if who == "organisation_admin" else federation_admin

    org_services.end_affiliation(actor=actor, organisation=organisation, federation=federation)

    assert Affiliation.objects.count() == 0


def test_affiliation_end_by_outsider_forbidden(organisation, federation):
    AffiliationFactory(organisation=organisation, federation=federation)

    with pytest.raises(PermissionDenied):
        org_services.end_affiliation(
            actor=MembershipFactory(organisation=organisation).user,
            organisation=organisation,
            federation=federation,
        )
    assert Affiliation.objects.count() == 1


def test_affiliation_end_missing_gives_message(organisation, org_admin, federation):
    with pytest.raises(ServiceError) as error:
        org_services.end_affiliation(
            actor=org_admin, organisation=organisation, federation=federation
        )

    assert error.value.message == "Cette affiliation n'existe pas."
