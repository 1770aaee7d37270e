"""Accounts through allauth: sign-up, mandatory email verification, sign-in, password reset
without account enumeration, rate limits, the closed Wagtail admin login, and one's own
space and profile."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings

from community.models import TermsAcceptance, User
from community.privacy import PRIVACY_NOTICE_VERSION
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.factories.community import PASSWORD
from tests.practices.conftest import build_home_page
from website.models import StandardPage

pytestmark = pytest.mark.django_db

CONFIRM_URL = re.compile(r"http://127\.0\.0\.1:8000(/accounts/confirm-email/[^/\s]+/)")


@pytest.fixture
def client_factory():
    """Another browser: `client_factory(REMOTE_ADDR="10.0.0.9")` for another IP too."""
    return Client


def _signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def _signup(client, email="camille@example.org", **overrides):
    data = {
        "display_name": "Camille Dubois",
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
        **overrides,
    }
    return client.post("/accounts/signup/", {k: v for k, v in data.items() if v is not None})


def _without_csrf(response) -> str:
    """The page's HTML with its per-session CSRF tokens blanked out."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _confirmation_path(mail) -> str:
    match = CONFIRM_URL.search(mail.body)
    assert match, mail.body
    return match.group(1)


# --- Sign-up and verification -----------------------------------------------------------


def test_signup_creates_unverified_user_and_sends_confirmation(client, mailoutbox):
    response = _signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get()
    assert (user.email, user.display_name, user.preferred_language) == (
        "camille@example.org",
        "Camille Dubois",
        "fr",
    )
    assert list(EmailAddress.objects.values_list("email", "primary", "verified")) == [
        ("camille@example.org", True, False)
    ]
    assert _signed_in_user_id(client) is None
    assert [m.to for m in mailoutbox] == [["camille@example.org"]]
    assert mailoutbox[0].subject == "[Relais] Confirmez votre adresse e-mail"
    assert _confirmation_path(mailoutbox[0]).startswith("/accounts/confirm-email/")
    # Signed by the site's name, not by the host name the request came in on.
    assert mailoutbox[0].body.startswith("Bonjour, c'est Relais !")


def test_signup_language_follows_interface_language(client):
    client.cookies["django_language"] = "nl"

    _signup(client)

    assert User.objects.get().preferred_language == "nl"


def test_signup_records_the_charter_and_privacy_notice_accepted(client):
    charter = build_home_page().add_child(
        instance=StandardPage(title="Charte du réseau", slug="charte", intro="")
    )
    charter.save_revision().publish()
    charter.refresh_from_db()

    page = client.get("/accounts/signup/").content.decode()
    _signup(client)

    # The form links both texts, and the versions accepted are kept with the account.
    assert f'<a href="{charter.url}">Lire la charte</a>' in page
    assert '<a href="/confidentialite/">Lire la politique de confidentialité</a>' in page
    accepted = TermsAcceptance.objects.get(user=User.objects.get())
    day = charter.last_published_at.date().isoformat()
    assert (accepted.charter_version, accepted.privacy_version) == (
        f"r{charter.live_revision_id} {day}",
        PRIVACY_NOTICE_VERSION,
    )


def test_signup_without_accepting_the_charter_refused(client, mailoutbox):
    response = _signup(client, accept_terms=None)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "accept_terms": [
            "Pour rejoindre Relais, acceptez la charte et lisez la politique de confidentialité."
        ]
    }
    assert not User.objects.exists()
    assert not TermsAcceptance.objects.exists()
    assert mailoutbox == []


def test_signup_without_display_name_refused(client, mailoutbox):
    response = _signup(client, display_name="")

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["display_name"]
    assert User.objects.count() == 0
    assert mailoutbox == []


INVISIBLE = "Votre nom contient un caractère invisible de mise en forme : retirez-le."


@pytest.mark.parametrize("name", ["Camille\nDubois", "Camille\r\nDubois", "Camille\tDubois"])
def test_signup_display_name_line_breaks_and_tabs_stored_as_one_line(client, name):
    response = _signup(client, display_name=name)

    assert response.status_code == 302
    assert User.objects.get().display_name == "Camille Dubois"


@pytest.mark.parametrize("name", ["Camille\u202eDubois", "Camille\u2066Dubois\u2069"])
def test_signup_display_name_with_bidirectional_control_refused(client, mailoutbox, name):
    response = _signup(client, display_name=name)

    assert response.status_code == 200
    assert response.context["form"].errors == {"display_name": [INVISIBLE]}
    assert User.objects.count() == 0
    assert mailoutbox == []


def test_signup_display_name_over_sixty_characters_refused(client, mailoutbox):
    response = _signup(client, display_name="C" * 61)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "display_name": [
            "Assurez-vous que cette valeur comporte au plus 60 caractères (actuellement 61)."
        ]
    }
    assert User.objects.count() == 0
    assert mailoutbox == []


def test_signup_confirmation_email_carries_no_text_from_the_sign_up(client, mailoutbox):
    # Someone types another person's address: the email must not carry their words.
    _signup(client, display_name="Gagnez un prix sur arnaque.example", email="victime@example.org")

    (mail,) = mailoutbox
    body = mail.body.replace(_confirmation_path(mail), "<link>")
    assert "arnaque" not in mail.subject + body
    assert body == (
        "Bonjour, c'est Relais !\n\n"
        "Quelqu'un, sans doute vous, a donné cette adresse e-mail pour créer un compte sur "
        "127.0.0.1:8000.\n\n"
        "Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien : "
        "http://127.0.0.1:8000<link>\n\n"
        "Si vous n'avez rien demandé, ignorez ce message : aucun compte ne sera ouvert "
        "avec cette adresse.\n\n"
        "Merci d'utiliser Relais !\n127.0.0.1:8000"
    )


def test_profile_display_name_with_bidirectional_control_refused(client):
    user = UserFactory(display_name="Ancien Nom")
    client.force_login(user)

    response = client.post(
        "/moi/profil/",
        {
            "display_name": "Nouveau\u202eNom",
            "preferred_language": "fr",
            "time_zone": "Europe/Paris",
        },
    )

    user.refresh_from_db()
    assert response.context["form"].errors == {"display_name": [INVISIBLE]}
    assert user.display_name == "Ancien Nom"


def test_signup_mismatched_passwords_refused(client):
    response = _signup(client, password2="something-else-entirely")

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["password2"]
    assert User.objects.count() == 0


def test_signup_existing_email_answers_like_success_without_second_account(client, mailoutbox):
    existing = UserFactory(email="camille@example.org")

    response = _signup(client, email="Camille@Example.org")

    # Enumeration prevented: the same answer as for a new address…
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    # …but no second account; the owner of the address is told by email.
    assert list(User.objects.values_list("pk", flat=True)) == [existing.pk]
    assert [m.to for m in mailoutbox] == [["camille@example.org"]]


def test_login_before_verification_refused(client, mailoutbox):
    _signup(client)
    client.logout()

    response = client.post(
        "/accounts/login/", {"login": "camille@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert _signed_in_user_id(client) is None
    # Confirmation emails are throttled: the one sent at sign-up is not repeated at once.
    assert len(mailoutbox) == 1


def test_confirm_email_link_verifies_and_signs_in(client, mailoutbox):
    _signup(client)
    path = _confirmation_path(mailoutbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert EmailAddress.objects.get().verified is False  # a GET changes nothing

    response = client.post(path)

    user = User.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/moi/"
    assert EmailAddress.objects.get().verified is True
    assert _signed_in_user_id(client) == str(user.pk)


def test_confirm_email_in_another_browser_verifies_without_signing_in(
    client, client_factory, mailoutbox
):
    _signup(client)
    other_browser = client_factory()

    response = other_browser.post(_confirmation_path(mailoutbox[0]))

    assert response.status_code == 302
    assert EmailAddress.objects.get().verified is True
    assert _signed_in_user_id(other_browser) is None


def test_confirm_email_bad_key_changes_nothing(client, mailoutbox):
    _signup(client)

    response = client.post("/accounts/confirm-email/not-a-real-key/")

    assert response.status_code == 404
    assert EmailAddress.objects.get().verified is False
    assert _signed_in_user_id(client) is None


def test_login_after_verification_goes_to_my_space(client):
    user = UserFactory(email="verified@example.org")

    response = client.post(
        "/accounts/login/", {"login": "verified@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/moi/"
    assert _signed_in_user_id(client) == str(user.pk)


def test_login_wrong_password_refused(client):
    UserFactory(email="verified@example.org")

    response = client.post(
        "/accounts/login/", {"login": "verified@example.org", "password": "wrong"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "__all__": ["L’adresse e-mail ou le mot de passe sont incorrects."]
    }
    assert _signed_in_user_id(client) is None


# --- Enumeration ------------------------------------------------------------------------


def test_password_reset_unknown_email_answers_like_known(client, client_factory, mailoutbox):
    UserFactory(email="known@example.org")
    other = client_factory()

    known = client.post("/accounts/password/reset/", {"email": "known@example.org"})
    unknown = other.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert (known.status_code, known["Location"]) == (302, "/accounts/password/reset/done/")
    assert (unknown.status_code, unknown["Location"]) == (302, "/accounts/password/reset/done/")
    done_known = client.get(known["Location"])
    done_unknown = other.get(unknown["Location"])
    assert done_known.status_code == done_unknown.status_code == 200
    assert _without_csrf(done_known) == _without_csrf(done_unknown)
    # Each address gets one email: a reset link, or "there is no account here".
    assert sorted(m.to[0] for m in mailoutbox) == ["known@example.org", "nobody@example.org"]


def test_password_reset_link_sets_new_password(client, mailoutbox):
    user = UserFactory(email="known@example.org")
    client.post("/accounts/password/reset/", {"email": "known@example.org"})
    link = re.search(
        r"http://127\.0\.0\.1:8000(/accounts/password/reset/key/(\w+)-\S+/)", mailoutbox[0].body
    )

    # allauth moves the key out of the address into the session before showing the form.
    opened = client.get(link.group(1))
    form_path = f"/accounts/password/reset/key/{link.group(2)}-set-password/"
    response = client.post(
        form_path, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )

    user.refresh_from_db()
    assert (opened.status_code, opened["Location"]) == (302, form_path)
    assert response.status_code == 302
    assert user.check_password("a-brand-new-passphrase") is True


# --- Rate limits ------------------------------------------------------------------------

TOO_MANY = "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement."


def test_login_failures_on_one_account_lock_it_not_a_colleague_behind_the_same_ip(client):
    target = UserFactory(email="target@example.org")
    colleague = UserFactory(email="colleague@example.org")
    for _n in range(12):
        client.post("/accounts/login/", {"login": target.email, "password": "wrong"})

    locked = client.post("/accounts/login/", {"login": target.email, "password": PASSWORD})
    response = client.post("/accounts/login/", {"login": colleague.email, "password": PASSWORD})

    assert locked.context["form"].errors == {"__all__": [TOO_MANY]}
    assert response.status_code == 302
    assert _signed_in_user_id(client) == str(colleague.pk)


@override_settings(
    # Lift the limit on all sign-in posts (30 a minute) to reach the failure limit alone.
    ACCOUNT_RATE_LIMITS={**settings.ACCOUNT_RATE_LIMITS, "login": "1000/m/ip"}
)
def test_login_sixty_failures_on_different_accounts_from_one_ip_block_the_ip(client):
    user = UserFactory(email="target@example.org")
    errors = [
        client.post("/accounts/login/", {"login": f"guess{n}@example.org", "password": "x"})
        .context["form"]
        .errors["__all__"]
        for n in range(60)
    ]

    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert [TOO_MANY in e for e in errors] == [False] * 60
    assert response.context["form"].errors == {"__all__": [TOO_MANY]}
    assert _signed_in_user_id(client) is None


@override_settings(ACCOUNT_RATE_LIMITS={**settings.ACCOUNT_RATE_LIMITS, "login": "1000/m/ip"})
def test_login_attempts_from_a_blocked_address_do_not_lock_the_accounts_they_target(
    client, client_factory
):
    victim = UserFactory(email="victim@example.org")
    for n in range(60):
        client.post("/accounts/login/", {"login": f"guess{n}@example.org", "password": "x"})
    for _n in range(10):  # refused at the address: the victim's own budget stays whole
        client.post("/accounts/login/", {"login": victim.email, "password": "wrong"})
    elsewhere = client_factory(REMOTE_ADDR="10.0.0.9")

    response = elsewhere.post("/accounts/login/", {"login": victim.email, "password": PASSWORD})

    assert response.status_code == 302
    assert _signed_in_user_id(elsewhere) == str(victim.pk)


def test_login_five_failures_on_one_address_block_it(client, client_factory):
    user = UserFactory(email="target@example.org")
    for _n in range(5):
        client.post("/accounts/login/", {"login": user.email, "password": "wrong"})
    elsewhere = client_factory(REMOTE_ADDR="10.0.0.9")

    response = elsewhere.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response.context["form"].errors == {"__all__": [TOO_MANY]}
    assert _signed_in_user_id(elsewhere) is None


def test_login_failures_limit_per_ip_not_global(client, client_factory):
    user = UserFactory(email="target@example.org")
    for n in range(11):
        client.post("/accounts/login/", {"login": f"guess{n}@example.org", "password": "x"})
    elsewhere = client_factory(REMOTE_ADDR="10.0.0.9")

    response = elsewhere.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert _signed_in_user_id(elsewhere) == str(user.pk)


def test_login_more_than_thirty_posts_a_minute_get_429(client):
    statuses = [
        client.post(
            "/accounts/login/", {"login": f"guess{n}@example.org", "password": "x"}
        ).status_code
        for n in range(31)
    ]

    assert statuses == [200] * 30 + [429]


def test_rate_limits_counted_in_the_cache(client):
    for n in range(10):
        client.post("/accounts/login/", {"login": f"guess{n}@example.org", "password": "x"})
    cache.clear()
    user = UserFactory(email="target@example.org")

    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302


# --- The Wagtail admin is no side door ---------------------------------------------------


def test_admin_login_redirects_to_allauth_login_keeping_next(client):
    response = client.get("/admin/login/", {"next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_admin_login_post_cannot_sign_in(client):
    UserFactory(email="editor@example.org", staff=True)

    response = client.post(
        "/admin/login/", {"username": "editor@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert _signed_in_user_id(client) is None


def test_admin_anonymous_sent_to_allauth_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_admin_password_reset_not_available(client):
    response = client.get("/admin/password_reset/")

    assert response.status_code == 404


def test_admin_reachable_for_staff_signed_in_through_allauth(client):
    UserFactory(email="editor@example.org", staff=True)
    client.post("/accounts/login/", {"login": "editor@example.org", "password": PASSWORD})

    response = client.get("/admin/")

    assert response.status_code == 200


# --- My space and my profile --------------------------------------------------------------


def test_me_requires_login(client):
    response = client.get("/moi/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/moi/"


def test_me_lists_my_organisations_and_requests(client):
    me = UserFactory()
    mine = MembershipFactory(user=me, organisation__name="Mon Asso", admin=True)
    waiting = MembershipFactory(user=me, organisation__name="Autre Asso", pending=True)
    to_decide = MembershipFactory(
        organisation=mine.organisation, pending=True, user__display_name="Zoé"
    )
    MembershipFactory(organisation=waiting.organisation, pending=True)  # not mine to decide
    client.force_login(me)

    response = client.get("/moi/")

    assert response.status_code == 200
    assert response.context["active_memberships"] == [mine]
    assert response.context["pending_memberships"] == [waiting]
    assert list(response.context["requests_to_decide"]) == [to_decide]
    assert list(response.context["affiliations_to_decide"]) == []


def test_profile_edit_requires_login(client):
    response = client.get("/moi/profil/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/moi/profil/"


def test_profile_edit_saves(client, messages_of):
    user = UserFactory(display_name="Ancien Nom")
    client.force_login(user)

    response = client.post(
        "/moi/profil/",
        {
            "display_name": "  Nouveau Nom ",
            "bio": "Coordinatrice numérique.",
            "preferred_language": "nl",
            "time_zone": "America/Toronto",
        },
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/moi/"
    assert (user.display_name, user.bio, user.preferred_language, user.time_zone) == (
        "Nouveau Nom",
        "Coordinatrice numérique.",
        "nl",
        "America/Toronto",
    )
    assert messages_of(response) == ["Votre profil est enregistré."]


@pytest.mark.parametrize(
    ("field", "value"),
    [("display_name", "   "), ("preferred_language", "xx"), ("time_zone", "Mars/Olympus")],
)
def test_profile_edit_bad_value_refused_and_nothing_saved(client, field, value):
    user = UserFactory(display_name="Ancien Nom")
    client.force_login(user)
    data = {"display_name": "Nouveau Nom", "preferred_language": "en", "time_zone": "Europe/Paris"}

    response = client.post("/moi/profil/", {**data, field: value})

    user.refresh_from_db()
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert (user.display_name, user.preferred_language, user.time_zone) == (
        "Ancien Nom",
        "fr",
        "Europe/Brussels",
    )


def test_person_page_requires_login(client):
    person = UserFactory()

    response = client.get(person.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/personnes/{person.pk}/"


def test_person_page_shows_active_memberships_only(client):
    person = UserFactory(display_name="Camille")
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Active Asso"))
    MembershipFactory(
        user=person, organisation=OrganisationFactory(name="Pending Asso"), pending=True
    )
    client.force_login(UserFactory())

    response = client.get(person.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert [m.organisation.name for m in response.context["person"].active_memberships] == [
        "Active Asso"
    ]
    assert "Active Asso" in html
    assert "Pending Asso" not in html


def test_person_page_deactivated_person_404(client):
    gone = UserFactory(is_active=False)
    client.force_login(UserFactory())

    response = client.get(gone.get_absolute_url())

    assert response.status_code == 404


# memberships, requests to decide, affiliations to decide, notifications, session/user/settings,
# and the practices section (my organisations, drafts, sheets with their workflow states);
# rooms: +1 (rooms with unread messages, one query with the read markers as a subquery);
# events: +2 (the events section); practices: +1 (my bookmarked sheets).
MY_SPACE_QUERIES = 16


def _busy_person(size: int):
    """Someone who belongs to `size` organisations, waits on `size` more, and administers
    a federation and an EES that each have `size` requests to decide."""
    me = UserFactory()
    federation = MembershipFactory(
        user=me, organisation=FederationFactory(), admin=True
    ).organisation
    ees = MembershipFactory(user=me, admin=True).organisation
    for _n in range(size):
        MembershipFactory(user=me)
        MembershipFactory(user=me, pending=True)
        MembershipFactory(organisation=ees, pending=True)
        AffiliationFactory(federation=federation, pending=True)
    return me


@pytest.mark.usefixtures("site_settings")
@pytest.mark.parametrize("size", [1, 10])
def test_me_query_count_independent_of_lists(client, size, django_assert_num_queries):
    client.force_login(_busy_person(size))

    with django_assert_num_queries(MY_SPACE_QUERIES):
        response = client.get("/moi/")

    assert len(response.context["pending_memberships"]) == size
    assert len(response.context["requests_to_decide"]) == size
    assert len(response.context["affiliations_to_decide"]) == size
