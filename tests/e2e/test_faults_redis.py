"""Redis stops, then comes back (issue 16, "Faults"): a real uvicorn with the production
settings on a Redis of this test only (tests/e2e/throwaway.py), killed and started again.

While Redis is down the pages serve, a room open in Chromium says it is reconnecting, a
message posted through the room page's form (the no-JavaScript way) is stored, and
/healthz answers 503 naming Redis. Once Redis answers again, with no restart of the site,
the room is live again: the open page shows the message posted during the outage, then a
new message as soon as it is said.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from playwright.sync_api import Page, expect
from websockets.sync.client import connect

from rooms.models import RoomMessage
from rooms.services import creation
from tests.e2e.conftest import DESKTOP
from tests.e2e.production_server import ProductionServer
from tests.e2e.test_redis_down import Browser
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.e2e

SHOWN = "#room-messages > li.msg[data-seq]"


@pytest.fixture
def server(transactional_db, home_page, redis) -> Iterator[ProductionServer]:
    server = ProductionServer(name="faults-redis", redis_url=redis.url)
    try:
        yield server.start()
    finally:
        server.stop()


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def serve_static(route) -> None:
    """The production settings serve collected static files only (`collectstatic`, which a
    test does not run): the browser gets the room's scripts from the source folders."""
    path = urlsplit(route.request.url).path.removeprefix(settings.STATIC_URL)
    found = finders.find(path)
    if found:
        route.fulfill(path=found)
    else:
        route.fulfill(status=404)


def open_room_page(browser, server, user, slug) -> Page:
    context = browser.new_context(base_url=server.url, locale="fr-BE", viewport=DESKTOP)
    context.set_default_timeout(10_000)
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session_cookie(user)}
    context.add_cookies([{**cookie, "url": server.url}])
    context.route("**/static/**", serve_static)
    page = context.new_page()
    page.goto(f"/salons/{slug}/")
    expect(page.locator("#room")).to_have_attribute("data-state", "connected")
    return page


def health(browser: Browser) -> tuple[int, dict]:
    status, _, body = browser.request("/healthz")
    return status, json.loads(body)["checks"]


def test_rooms_say_they_reconnect_while_redis_is_down_and_are_live_again_after(
    browser, server, redis
):
    room = creation.create_theme_room(title="Réemploi et numérique", slug="reemploi")
    anna = MembershipFactory(
        organisation=OrganisationFactory(name="La Ressourcerie du Val"),
        user__display_name="Anna Lambert",
    ).user
    bruno = MembershipFactory(
        organisation=OrganisationFactory(name="Coopérative Vélo Liège"),
        user__display_name="Bruno Martin",
    ).user
    page = open_room_page(browser, server, anna, room.slug)
    bruno_browser = Browser(server.url)
    bruno_browser.cookies[settings.SESSION_COOKIE_NAME] = session_cookie(bruno)
    assert health(bruno_browser) == (200, {"database": "ok", "redis": "ok"})

    redis.stop()
    started = time.monotonic()
    # The open room says so at once (the server closes its sockets when Redis stops
    # answering), and keeps saying so while its new attempts fail.
    expect(page.locator("#room")).to_have_attribute("data-state", "reconnecting")
    expect(page.locator("#room-status")).to_contain_text("Connexion perdue")
    noticed = time.monotonic() - started
    assert health(bruno_browser) == (503, {"database": "ok", "redis": "error"})

    # The pages serve; Bruno posts through the room page's form, and it is stored.
    status, _, room_page = bruno_browser.request(f"/salons/{room.slug}/")
    assert status == 200, server.log()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', room_page).group(1)
    client_id = re.search(r'name="client_id" value="([^"]+)"', room_page).group(1)
    status, headers, _ = bruno_browser.request(
        f"/salons/{room.slug}/envoyer/",
        {"csrfmiddlewaretoken": token, "body": "Posté pendant la panne", "client_id": client_id},
    )
    assert (status, headers.get("location")) == (302, f"/salons/{room.slug}/#msg-1"), (
        status,
        server.log(),
    )
    assert list(RoomMessage.objects.values_list("seq", "body_markdown")) == [
        (1, "Posté pendant la panne")
    ]
    assert bruno_browser.request("/")[0] == 200
    expect(page.locator("#room")).to_have_attribute("data-state", "reconnecting")

    # Redis comes back; nothing is restarted. The page is live again and has caught up.
    redis.start()
    expect(page.locator("#room")).to_have_attribute("data-state", "connected", timeout=25_000)
    expect(page.locator(SHOWN)).to_have_count(1)
    expect(page.locator(SHOWN).first).to_contain_text("Posté pendant la panne")
    assert health(bruno_browser) == (200, {"database": "ok", "redis": "ok"})

    # And live: what Bruno says on the room's socket reaches Anna's page as it is said.
    cookie = f"{settings.SESSION_COOKIE_NAME}={bruno_browser.cookies[settings.SESSION_COOKIE_NAME]}"
    with connect(
        f"{server.ws_url}/ws/salons/{room.slug}/",
        origin=server.url,
        additional_headers={"Cookie": cookie},
        open_timeout=10,
    ) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "hello"
        socket.send(
            json.dumps(
                {
                    "type": "send",
                    "body": "Et de nouveau en direct",
                    "client_id": str(uuid.uuid4()),
                    "reply_to": None,
                }
            )
        )
        expect(page.locator(SHOWN)).to_have_count(2, timeout=5_000)
    expect(page.locator(SHOWN).nth(1)).to_contain_text("Et de nouveau en direct")
    print(f"reconnecting shown {noticed:.1f} s after Redis stopped")
    page.context.close()
