"""Redis down: the pages keep serving (a real uvicorn, production settings, and a Redis
address where nothing listens), while /healthz says 503."""

from __future__ import annotations

import http.cookies
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.e2e.production_server import ProductionServer, unreachable_redis_url
from tests.factories import MembershipFactory, OrganisationFactory
from tests.factories.community import PASSWORD


@pytest.fixture
def server(transactional_db, home_page) -> Iterator[ProductionServer]:
    server = ProductionServer(name="redis-down", redis_url=unreachable_redis_url())
    try:
        yield server.start()
    finally:
        server.stop()


class Browser:
    """A tiny client: cookies by hand (the production cookies are `Secure`, which a cookie
    jar would not send back over plain HTTP), no redirect followed."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(self._NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in http.cookies.SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, dict(response.headers), response.read().decode()


def test_pages_and_sign_in_work_while_redis_is_down(server):
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    member = MembershipFactory(organisation=organisation, user__display_name="Léa Membre").user
    # The production settings verify with Django's default hasher, not the tests' fast one.
    member.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    member.save(update_fields=["password"])
    browser = Browser(server.url)

    statuses = {
        path: browser.request(path)[0]
        for path in ["/", "/organisations/", "/outils/", f"/organisations/{organisation.slug}/"]
    }
    health_status, _, health = browser.request("/healthz")

    status, _, login_page = browser.request("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    signed_in, headers, _ = browser.request(
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": member.email, "password": PASSWORD},
    )
    me_status, _, me = browser.request("/moi/")

    assert statuses == {
        "/": 200,
        "/organisations/": 200,
        "/outils/": 200,
        f"/organisations/{organisation.slug}/": 200,
    }, server.log()
    assert health_status == 503
    assert json.loads(health)["checks"] == {"database": "ok", "redis": "error"}
    assert status == 200
    assert (signed_in, headers.get("location")) == (302, "/moi/"), (signed_in, server.log())
    assert me_status == 200
    assert "Léa Membre" in me
