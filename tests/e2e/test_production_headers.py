"""The production headers as actually served: a real uvicorn with the production settings
(website.settings.production, HTTPS redirect on as deployed), asked over a loopback
"HTTPS" as a proxy forwards it (`X-Forwarded-Proto: https`).

`check --deploy` in CI checks the settings; this checks the responses: HSTS, the cookies'
`Secure` and `HttpOnly` flags, `nosniff`, the referrer policy, `X-Frame-Options` and a CSP
that allows no inline script nor inline style. One server for the module."""

from __future__ import annotations

import http.cookies
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.e2e.production_server import ProductionServer, unreachable_redis_url
from tests.factories import UserFactory
from tests.factories.community import PASSWORD

ONE_YEAR = 60 * 60 * 24 * 365


@pytest.fixture(scope="module")
def server(django_db_setup) -> Iterator[ProductionServer]:
    server = ProductionServer(
        name="production-headers",
        redis_url=settings.REDIS_URL or unreachable_redis_url(),
        # As deployed: plain HTTP is redirected (the loopback run of ProductionServer
        # turns it off).
        env={"SECURE_SSL_REDIRECT": "True"},
    )
    try:
        yield server.start()
    finally:
        server.stop()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(server, path: str, *, data: dict | None = None, https: bool = True, cookies=None):
    """(status, headers as an email.message.Message, body); no redirect followed."""
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
    if https:
        headers["X-Forwarded-Proto"] = "https"
        # A browser's POST over HTTPS carries its origin (Django checks it for HTTPS).
        headers["Origin"] = f"https://127.0.0.1:{server.port}"
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(server.url + path, data=body, headers=headers)
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=20)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read().decode(errors="replace")


def set_cookies(headers) -> dict[str, http.cookies.Morsel]:
    found = {}
    for header in headers.get_all("Set-Cookie") or []:
        found.update(http.cookies.SimpleCookie(header))
    return found


def directives(csp: str) -> dict[str, list[str]]:
    parsed = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            parsed[words[0].lower()] = words[1:]
    return parsed


@pytest.mark.parametrize("path", ["/accounts/login/", "/confidentialite/", "/healthz"])
def test_every_response_carries_the_security_headers(server, path):
    status, headers, _ = fetch(server, path)

    assert status in (200, 503), path  # /healthz: 503 only were Redis unreachable
    assert headers["Strict-Transport-Security"] == (
        f"max-age={ONE_YEAR}; includeSubDomains; preload"
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_the_csp_allows_no_inline_script_nor_style(server):
    _status, headers, _ = fetch(server, "/accounts/login/")

    policy = directives(headers["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert policy[directive], directive
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(policy[directive]), directive
    assert policy["object-src"] == ["'none'"]


def test_plain_http_is_redirected_to_https_without_hsts(server):
    status, headers, _ = fetch(server, "/accounts/login/", https=False)

    assert status == 301
    assert headers["Location"].startswith("https://127.0.0.1")
    # HSTS is only meaningful (and only sent) over HTTPS.
    assert headers["Strict-Transport-Security"] is None


def test_the_session_csrf_and_language_cookies_are_secure(server, transactional_db):
    person = UserFactory(email="lea@example.org")
    # The production settings verify with Django's default hasher, not the tests' fast one.
    person.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    person.save(update_fields=["password"])

    _status, headers, page = fetch(server, "/accounts/login/")
    csrf = set_cookies(headers)["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    signed_in, headers, _ = fetch(
        server,
        "/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": person.email, "password": PASSWORD},
        cookies={"csrftoken": csrf.value},
    )
    session = set_cookies(headers)[settings.SESSION_COOKIE_NAME]
    _status, headers, _ = fetch(server, "/i18n/setlang/", data={"language": "nl", "next": "/"})
    language = set_cookies(headers)[settings.LANGUAGE_COOKIE_NAME]

    assert signed_in == 302
    assert (csrf["secure"], session["secure"], language["secure"]) == (True, True, True)
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
