"""Error pages: the site's look, the person's language, never debug information."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory

LANGS = ["fr", "en", "nl"]


def _get(client, url, lang, **extra):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client.get(url, **extra)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "title"),
    [("fr", "Page introuvable"), ("en", "Page not found"), ("nl", "Pagina niet gevonden")],
)
def test_404_page_is_in_the_persons_language_without_debug(client, lang, title):
    response = _get(client, "/cette-page-n-existe-pas/", lang)

    body = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{title}</h1>" in body
    assert 'class="site-header"' in body
    assert "URLconf" not in body and "Traceback" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "title"),
    [("fr", "Accès refusé"), ("en", "Access denied"), ("nl", "Toegang geweigerd")],
)
def test_403_page_is_in_the_persons_language(client, organisation, lang, title):
    client.force_login(UserFactory())

    response = _get(client, f"/organisations/{organisation.slug}/modifier/", lang)

    body = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{title}</h1>" in body
    assert 'class="site-header"' in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fr", "Demande incomprise"),
        ("en", "Request not understood"),
        ("nl", "Verzoek niet begrepen"),
    ],
)
def test_400_page_is_in_the_persons_language(client, lang, title):
    # A request the site cannot read: a host name it does not serve.
    response = _get(client, "/", lang, HTTP_HOST="not-relais.example")

    body = response.content.decode()
    assert response.status_code == 400
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{title}</h1>" in body
    assert "DisallowedHost" not in body and "ALLOWED_HOSTS" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "title"),
    [("fr", "Formulaire expiré"), ("en", "Form expired"), ("nl", "Formulier verlopen")],
)
def test_csrf_failure_page_is_in_the_persons_language(lang, title):
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang

    # A visitor's form without its token (the language switch asks none of visitors).
    response = client.post("/accounts/login/", {"login": "a@b.example", "password": "x"})

    body = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{title}</h1>" in body
    assert "CSRF" not in body


@pytest.mark.django_db
@pytest.mark.urls("tests.website.urls_failing")
@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fr", "Une erreur est survenue"),
        ("en", "Something went wrong"),
        ("nl", "Er is een fout opgetreden"),
    ],
)
def test_500_page_is_in_the_persons_language_without_debug(lang, title):
    client = Client(raise_request_exception=False)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang

    response = client.get("/boom/")

    body = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{title}</h1>" in body
    assert "a bug" not in body and "Traceback" not in body


def _dev_setting(name, **env):
    """A value of the dev settings (`make run`) as a fresh process sees it."""
    environment = {k: v for k, v in os.environ.items() if k != "DEBUG"} | env
    code = f"import website.settings.dev as s; print(s.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_make_run_serves_without_debug_unless_switched_on():
    assert _dev_setting("DEBUG") == "False"
    assert _dev_setting("DEBUG", DEBUG="1") == "True"
    assert _dev_setting("DEMO_SITE") == "True"
