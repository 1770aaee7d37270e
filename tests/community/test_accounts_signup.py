"""Signing up through allauth: mandatory email verification, the charter and privacy notice
accepted, the display name's checks, a confirmation email that carries none of the sign-up's
text, and signing in, refused before the address is verified."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress

from community.models import TermsAcceptance, User
from community.privacy import PRIVACY_NOTICE_VERSION
from tests.community import fixtures_accounts
from tests.community.fixtures_accounts import signed_in_user_id as _signed_in_user_id
from tests.factories import UserFactory
from tests.factories.community import PASSWORD
from tests.practices.conftest import build_home_page
from website.models import StandardPage

pytestmark = pytest.mark.django_db


CONFIRM_URL = re.compile(r"http://127\.0\.0\.1:8000(/accounts/confirm-email/[^/\s]+/)")


# The accounts' fixture (tests/community/fixtures_accounts.py), made visible here.
client_factory = fixtures_accounts.client_factory


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
