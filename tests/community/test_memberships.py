"""Joining organisations and affiliating to federations: requests, decisions, emails.

Emails leave after the transaction commits (`transaction.on_commit`), so the tests that
read `mailoutbox` run the view inside `django_capture_on_commit_callbacks(execute=True)`.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied

from community.models import Affiliation, Membership, Organisation
from community.services import ServiceError
from community.services import organisations as org_services
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    SectorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SITE_URL = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@pytest.fixture
def requester(db):
    return UserFactory(display_name="Bob Demandeur", email="bob@example.org")


@pytest.fixture
def join_request(organisation, org_admin, requester):
    return MembershipFactory(organisation=organisation, user=requester, pending=True)


def _join_url(organisation):
    return f"/organisations/{organisation.slug}/rejoindre/"


def _decide_url(membership, decision):
    return f"/organisations/{membership.organisation.slug}/demandes/{membership.pk}/{decision}/"


# --- Join requests ----------------------------------------------------------------------


def test_join_request_creates_pending_membership(
    client, organisation, org_admin, requester, messages_of
):
    client.force_login(requester)

    response = client.post(_join_url(organisation), {"message": "  Je suis bénévole ici.  "})

    assert response.status_code == 302
    assert response["Location"] == "/organisations/les-ateliers-recup/"
    membership = Membership.objects.get(user=requester)
    assert (membership.organisation, membership.role, membership.status, membership.message) == (
        organisation,
        "member",
        "pending",
        "Je suis bénévole ici.",
    )
    assert messages_of(response) == ["Votre demande est envoyée à l'équipe de Les Ateliers Récup."]


def test_join_request_emails_every_active_admin_and_nobody_else(
    client, organisation, org_admin, requester, mailoutbox, django_capture_on_commit_callbacks
):
    second_admin = MembershipFactory(organisation=organisation, admin=True).user
    MembershipFactory(organisation=organisation)  # a plain member: not asked
    MembershipFactory(organisation=organisation, admin=True, user__is_active=False)
    MembershipFactory(admin=True)  # admin of another organisation
    client.force_login(requester)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_join_url(organisation), {"message": "Bonjour !"})

    assert sorted(m.to for m in mailoutbox) == sorted([[org_admin.email], [second_admin.email]])
    assert {m.subject for m in mailoutbox} == {
        "[Relais] Bob Demandeur demande à rejoindre Les Ateliers Récup"
    }
    body = mailoutbox[0].body
    assert "Bob Demandeur demande à rejoindre Les Ateliers Récup sur Relais." in body
    assert "« Bonjour ! »" in body
    assert f"{SITE_URL}/moi/" in body


def test_join_request_email_in_each_admin_language(
    client, organisation, org_admin, requester, mailoutbox, django_capture_on_commit_callbacks
):
    english = MembershipFactory(
        organisation=organisation, admin=True, user__preferred_language="en"
    ).user
    dutch = MembershipFactory(
        organisation=organisation, admin=True, user__preferred_language="nl"
    ).user
    client.force_login(requester)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_join_url(organisation))

    assert sorted((m.to[0], m.subject) for m in mailoutbox) == sorted(
        [
            (org_admin.email, "[Relais] Bob Demandeur demande à rejoindre Les Ateliers Récup"),
            (english.email, "[Relais] Bob Demandeur would like to join Les Ateliers Récup"),
            (dutch.email, "[Relais] Bob Demandeur wil lid worden van Les Ateliers Récup"),
        ]
    )


def test_join_request_no_email_before_commit(
    client, organisation, org_admin, requester, mailoutbox
):
    client.force_login(requester)

    client.post(_join_url(organisation))

    assert mailoutbox == []


def test_join_request_twice_gives_message_and_no_duplicate(
    client,
    organisation,
    org_admin,
    requester,
    mailoutbox,
    messages_of,
    django_capture_on_commit_callbacks,
):
    client.force_login(requester)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_join_url(organisation))

        response = client.post(_join_url(organisation))

    assert response.status_code == 302
    # The first answer's message is still waiting to be shown: both are queued.
    assert messages_of(response) == [
        "Votre demande est envoyée à l'équipe de Les Ateliers Récup.",
        "Votre demande est déjà en attente.",
    ]
    assert Membership.objects.filter(user=requester, organisation=organisation).count() == 1
    assert len(mailoutbox) == 1


def test_join_request_when_already_member_gives_message(
    client, organisation, org_admin, messages_of
):
    member = MembershipFactory(organisation=organisation).user
    client.force_login(member)

    response = client.post(_join_url(organisation))

    assert messages_of(response) == ["Vous êtes déjà membre de cette organisation."]
    assert Membership.objects.get(user=member).status == "active"


def test_join_request_anonymous_redirected_to_login(client, organisation):
    response = client.post(_join_url(organisation))

    assert response.status_code == 302
    assert (
        response["Location"] == "/accounts/login/?next=/organisations/les-ateliers-recup/rejoindre/"
    )
    assert Membership.objects.count() == 0


def test_join_request_get_not_allowed(client, organisation, requester):
    client.force_login(requester)

    response = client.get(_join_url(organisation))

    assert response.status_code == 405
    assert Membership.objects.filter(user=requester).exists() is False


def test_join_request_message_too_long_is_refused_and_nothing_sent(
    client, organisation, org_admin, requester, mailoutbox, messages_of
):
    client.force_login(requester)

    response = client.post(_join_url(organisation), {"message": "x" * 501})

    assert response.status_code == 302
    assert not Membership.objects.filter(user=requester).exists()
    assert mailoutbox == []
    assert messages_of(response) == [
        "Assurez-vous que cette valeur comporte au plus 500 caractères (actuellement 501)."
    ]


def test_join_requests_are_rate_limited_per_person(
    client,
    organisation,
    org_admin,
    requester,
    mailoutbox,
    settings,
    messages_of,
    django_capture_on_commit_callbacks,
):
    settings.RELAIS = {**settings.RELAIS, "JOIN_REQUESTS_PER_HOUR": 2}
    client.force_login(requester)
    leave_url = f"/organisations/{organisation.slug}/quitter/"

    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(2):
            client.post(_join_url(organisation))
            client.post(leave_url)
        response = client.post(_join_url(organisation))

    assert not Membership.objects.filter(user=requester).exists()
    assert len(mailoutbox) == 2
    # Unread flash messages pile up across the five posts; the last one is the refusal.
    assert messages_of(response)[-1] == (
        "Vous avez envoyé beaucoup de demandes : réessayez dans une heure."
    )


def test_join_request_unknown_organisation_404(client, requester):
    client.force_login(requester)

    response = client.post("/organisations/nexiste-pas/rejoindre/")

    assert response.status_code == 404


# --- Approve / refuse -------------------------------------------------------------------


def test_approve_activates_and_emails_requester(
    client,
    join_request,
    org_admin,
    requester,
    mailoutbox,
    messages_of,
    django_capture_on_commit_callbacks,
):
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_decide_url(join_request, "approve"))

    join_request.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/organisations/les-ateliers-recup/"
    assert (join_request.status, join_request.role, join_request.decided_by) == (
        "active",
        "member",
        org_admin,
    )
    assert join_request.decided_at is not None
    assert messages_of(response) == ["La demande est acceptée."]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["bob@example.org"], "[Relais] Bienvenue dans Les Ateliers Récup")
    ]


def test_approve_email_in_requester_language(
    client, join_request, org_admin, requester, mailoutbox, django_capture_on_commit_callbacks
):
    requester.preferred_language = "nl"
    requester.save(update_fields=["preferred_language"])
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_decide_url(join_request, "approve"))

    assert [m.subject for m in mailoutbox] == ["[Relais] Welkom bij Les Ateliers Récup"]


def test_approve_from_my_space_returns_there(client, join_request, org_admin):
    client.force_login(org_admin)

    response = client.post(_decide_url(join_request, "approve"), {"next": "me"})

    assert response["Location"] == "/moi/"


def test_refuse_deletes_and_emails_requester(
    client, join_request, org_admin, mailoutbox, messages_of, django_capture_on_commit_callbacks
):
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_decide_url(join_request, "refuse"))

    assert response.status_code == 302
    assert Membership.objects.filter(pk=join_request.pk).exists() is False
    assert messages_of(response) == ["La demande est refusée."]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["bob@example.org"], "[Relais] Votre demande pour Les Ateliers Récup")
    ]


def test_refused_person_may_ask_again(client, join_request, org_admin, requester):
    client.force_login(org_admin)
    client.post(_decide_url(join_request, "refuse"))
    client.force_login(requester)

    client.post(_join_url(join_request.organisation))

    assert Membership.objects.get(user=requester).status == "pending"


@pytest.mark.parametrize("who", ["requester", "active_member", "admin_of_another_org", "staff"])
@pytest.mark.parametrize("decision", ["approve", "refuse"])
def test_decide_by_non_admin_forbidden_and_nothing_changes(
    client, join_request, requester, mailoutbox, who, decision, django_capture_on_commit_callbacks
):
    actor = {
        "requester": lambda: requester,
        "active_member": lambda: MembershipFactory(organisation=join_request.organisation).user,
        "admin_of_another_org": lambda: MembershipFactory(admin=True).user,
        "staff": lambda: UserFactory(staff=True),
    }[who]()
    client.force_login(actor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_decide_url(join_request, decision))

    assert response.status_code == 403
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == ("pending", None)
    assert mailoutbox == []


def test_decide_anonymous_redirected_to_login(client, join_request):
    response = client.post(_decide_url(join_request, "approve"))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    join_request.refresh_from_db()
    assert join_request.status == "pending"


@pytest.mark.parametrize(
    "first, second",
    [("approve", "approve"), ("approve", "refuse"), ("refuse", "approve"), ("refuse", "refuse")],
)
def test_decide_already_decided_gives_message(
    client,
    join_request,
    org_admin,
    messages_of,
    mailoutbox,
    first,
    second,
    django_capture_on_commit_callbacks,
):
    client.force_login(org_admin)
    client.post(_decide_url(join_request, first))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_decide_url(join_request, second))

    assert response.status_code == 302
    first_message = "La demande est acceptée." if first == "approve" else "La demande est refusée."
    assert messages_of(response) == [first_message, "Cette demande a déjà été traitée."]
    assert mailoutbox == []
    expected = ["active"] if first == "approve" else []
    assert (
        list(Membership.objects.filter(pk=join_request.pk).values_list("status", flat=True))
        == expected
    )


def test_decide_request_of_another_organisation_through_my_organisation_changes_nothing(
    client, organisation, org_admin, messages_of
):
    elsewhere = MembershipFactory(pending=True)
    client.force_login(org_admin)

    response = client.post(f"/organisations/{organisation.slug}/demandes/{elsewhere.pk}/approve/")

    elsewhere.refresh_from_db()
    assert messages_of(response) == ["Cette demande a déjà été traitée."]
    assert elsewhere.status == "pending"


def test_decide_unknown_decision_404(client, join_request, org_admin):
    client.force_login(org_admin)

    response = client.post(_decide_url(join_request, "maybe"))

    assert response.status_code == 404


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


def test_decide_offsite_next_ignored(client, join_request, org_admin):
    client.force_login(org_admin)

    response = client.post(_decide_url(join_request, "approve"), {"next": "https://evil.example/"})

    assert response["Location"] == "/organisations/les-ateliers-recup/"


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
