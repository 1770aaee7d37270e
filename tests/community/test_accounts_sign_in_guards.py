"""What guards the way in: a password reset that tells nobody whether an address has an
account, rate limits on failed sign-ins (per account, per address, per minute), and a
Wagtail admin login that is no side door around allauth."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from tests.community import fixtures_accounts
from tests.community.fixtures_accounts import signed_in_user_id as _signed_in_user_id
from tests.factories import UserFactory
from tests.factories.community import PASSWORD

pytestmark = pytest.mark.django_db


# The accounts' fixture (tests/community/fixtures_accounts.py), made visible here.
client_factory = fixtures_accounts.client_factory


def _without_csrf(response) -> str:
    """The page's HTML with its per-session CSRF tokens blanked out."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


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
