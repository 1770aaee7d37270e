"""Asking to join an organisation, and its admins approving or refusing: who may ask and
decide, the messages shown, the emails to every admin and back to the requester, each in
their own language.

Emails leave after the transaction commits (`transaction.on_commit`), so the tests that
read `mailoutbox` run the view inside `django_capture_on_commit_callbacks(execute=True)`.
"""

from __future__ import annotations

import pytest
from django.conf import settings

from community.models import Membership
from tests.community import fixtures_memberships
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE_URL = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


# The join request's fixtures (tests/community/fixtures_memberships.py), made visible here.
requester = fixtures_memberships.requester
join_request = fixtures_memberships.join_request


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


def test_decide_offsite_next_ignored(client, join_request, org_admin):
    client.force_login(org_admin)

    response = client.post(_decide_url(join_request, "approve"), {"next": "https://evil.example/"})

    assert response["Location"] == "/organisations/les-ateliers-recup/"
