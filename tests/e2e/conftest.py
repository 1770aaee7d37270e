"""Fixtures of the browser tests.

Playwright's sync API drives the system's Chromium (never a downloaded build) against
pytest-django's `live_server`: a threaded WSGI server in this same process, so the test
and the site share the database, the cache and `django.core.mail.outbox`. The suite's
autouse `_empty_cache` (tests/conftest.py) clears allauth's rate-limit counters before
each test, and every test gets fresh browser contexts, hence no cookie from another.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from wagtail.models import Locale, Site
from wagtail.models import Page as WagtailPage  # Page is Playwright's here

from tests.e2e.asgi_server import AsgiServer
from tests.e2e.throwaway import ThrowawayRedis
from website.models import HomePage

if TYPE_CHECKING:
    from community.models import User

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for the browser tests, closed once the last of them has run.

    Playwright's sync API keeps an asyncio loop running in the test's thread for as long
    as it is started, and Django refuses ORM calls from a thread with a running loop. The
    tests do use the ORM between two clicks (nothing else runs on that loop, so it is
    safe): DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly that lifetime. Package scope, not
    session scope, so that the rest of the suite keeps Django's async-safety check.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()


@pytest.fixture
def home_page(transactional_db):
    """The Wagtail page tree: a root and a `HomePage` served by the default site.

    Between transactional tests the database is flushed, migrations' data included (the
    root page, Wagtail's welcome page, the default site): build what is missing.
    """
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = WagtailPage.get_first_root_node() or WagtailPage.add_root(
        instance=WagtailPage(title="Root", slug="root")
    )
    for child in root.get_children():
        child.delete()
    root.refresh_from_db()
    home = root.add_child(
        instance=HomePage(
            title="Relais", slug="accueil", intro="Le réseau d'échange de l'économie sociale."
        )
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "site_name": "Relais"},
    )
    return home


@pytest.fixture
def new_context(browser, live_server, home_page) -> Iterator[Callable[..., BrowserContext]]:
    """`new_context(**options)`: a fresh browser context (its own cookies) on the live
    server, in Belgian French at desktop size unless told otherwise."""
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        options = {
            "base_url": live_server.url,
            "locale": "fr-BE",
            "viewport": DESKTOP,
            **options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()


@pytest.fixture
def sign_in_as(live_server) -> Callable[[BrowserContext, User], None]:
    """`sign_in_as(context, user)`: give a browser context a signed-in session cookie,
    for tests about what a signed-in person sees rather than about signing in."""

    def sign_in(context: BrowserContext, user: User) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )

    return sign_in


@pytest.fixture
def asgi_server(transactional_db) -> Iterator[Callable]:
    """`asgi_server(port=None, name="asgi")`: start uvicorn serving the site, WebSockets
    included, on this test's database (see tests/e2e/asgi_server.py); every server
    started is stopped at the end of the test, before the database is emptied."""
    servers = []

    def start(**options):
        server = AsgiServer(**options)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def sign_in_on() -> Callable[[BrowserContext, User, str], None]:
    """`sign_in_on(context, user, base_url)`: like `sign_in_as`, for a server other than
    `live_server` (the session lives in the shared test database)."""

    def sign_in(context: BrowserContext, user: User, base_url: str) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
        )

    return sign_in


@pytest.fixture
def redis() -> Iterator[ThrowawayRedis]:
    """A Redis of the test's own, stopped at its end (whatever the test stopped meanwhile)."""
    server = ThrowawayRedis()
    try:
        yield server.start()
    finally:
        server.stop()
