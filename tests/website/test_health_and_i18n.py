"""/healthz and the language of the interface."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from community.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# --- /healthz ---------------------------------------------------------------------------


def test_healthz_ok_with_configured_checks(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": "ok",
            "redis": "ok" if settings.REDIS_URL else "not configured",
        },
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_redis_unreachable_503(client, settings):
    # A real connection to a port nobody listens on: refused at once.
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "ok", "redis": "error"}}


def test_healthz_without_redis_reports_not_configured(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/healthz")

    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "not configured"},
    }


# --- Language -----------------------------------------------------------------------------


def _html_lang(response) -> str:
    html = response.content.decode()
    start = html.index("<html lang=") + len('<html lang="')
    return html[start : html.index('"', start)]


def test_language_default_french(client):
    response = client.get("/organisations/")

    assert _html_lang(response) == "fr"
    assert response["Content-Language"] == "fr"
    assert "<h1>Annuaire des organisations</h1>" in response.content.decode()


def test_language_switch_to_dutch_then_page_in_dutch(client):
    switch = client.post("/i18n/setlang/", {"language": "nl", "next": "/organisations/"})

    assert switch.status_code == 302
    assert switch["Location"] == "/organisations/"
    assert switch.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"

    response = client.get("/organisations/")

    assert _html_lang(response) == "nl"
    assert response["Content-Language"] == "nl"
    assert "<h1>Organisatiegids</h1>" in response.content.decode()


def test_language_switch_saves_signed_in_preference(client):
    user = UserFactory(preferred_language="fr")
    client.force_login(user)

    client.post("/i18n/setlang/", {"language": "en", "next": "/organisations/"})

    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_language_switch_anonymous_saves_nothing(client):
    user = UserFactory(preferred_language="fr")

    client.post("/i18n/setlang/", {"language": "en", "next": "/organisations/"})

    assert User.objects.get(pk=user.pk).preferred_language == "fr"


def test_language_switch_unknown_language_ignored(client):
    user = UserFactory(preferred_language="fr")
    client.force_login(user)

    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/organisations/"})

    user.refresh_from_db()
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert user.preferred_language == "fr"


def test_language_switch_offsite_next_not_followed(client):
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_language_switch_get_not_allowed(client):
    response = client.get("/i18n/setlang/", {"language": "nl"})

    assert response.status_code == 405


def test_language_of_signed_in_person_used_without_cookie(client):
    client.force_login(UserFactory(preferred_language="en"))

    response = client.get("/organisations/")

    assert _html_lang(response) == "en"
    assert "<h1>Organisation directory</h1>" in response.content.decode()


def test_language_cookie_wins_over_preference(client):
    client.force_login(UserFactory(preferred_language="en"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    response = client.get("/organisations/")

    assert _html_lang(response) == "nl"


def test_language_from_browser_for_visitor(client):
    response = client.get("/organisations/", HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9,en;q=0.5")

    assert _html_lang(response) == "nl"


def test_language_switcher_offers_the_three_languages(client):
    html = client.get("/organisations/").content.decode()

    assert [code for code, _name in settings.LANGUAGES] == ["fr", "nl", "en"]
    buttons = re.findall(
        r'<button type="submit" name="language" value="(\w+)" lang="(\w+)" '
        r'class="language-switcher__choice"( aria-current="true")?>(\w+)'
        r'<span class="visually-hidden"> — (\w+)</span></button>',
        html,
    )
    assert buttons == [
        ("fr", "fr", ' aria-current="true"', "FR", "Français"),
        ("nl", "nl", "", "NL", "Nederlands"),
        ("en", "en", "", "EN", "English"),
    ]
