"""What the rooms' browser tests share (tests/e2e/test_rooms_*.py, and `open_room` for
tests/e2e/test_intervision.py): a theme room, Anna and Bruno, members of two organisations,
signed-in pages on the room (`open_room`), and reading, posting and saying messages. Test
modules make the fixtures visible by assignment."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import Browser, BrowserContext, Page, expect

from community.models import User
from rooms.models import Room, RoomMessage
from rooms.services import creation, posting
from tests.e2e.conftest import DESKTOP
from tests.factories import MembershipFactory, OrganisationFactory

MESSAGES = "#room-messages > li.msg"
SHOWN = MESSAGES + "[data-seq]"
PENDING = MESSAGES + ".msg--pending"
SCREENSHOTS = Path("/tmp")


@pytest.fixture
def room(home_page) -> Room:
    return creation.create_theme_room(
        title="Réemploi et numérique",
        description="Outils, logiciels libres et bonnes pratiques des ressourceries.",
        slug="reemploi-numerique",
    )


@pytest.fixture
def anna(home_page) -> User:
    return MembershipFactory(
        organisation=OrganisationFactory(name="La Ressourcerie du Val"),
        user__display_name="Anna Lambert",
    ).user


@pytest.fixture
def bruno(home_page) -> User:
    return MembershipFactory(
        organisation=OrganisationFactory(name="Coopérative Vélo Liège"),
        user__display_name="Bruno Martin",
    ).user


class RoomPages:
    """`open_room(server, user, room, route_ws=None, **context_options)`: a signed-in page
    on the room, connected (or, without JavaScript, loaded); `route_ws(route)` may stand
    between the page and the server's WebSocket (Playwright's `route_web_socket`).
    `csp_violations` collects what Chromium refused because of the site's CSP."""

    def __init__(self, browser: Browser, sign_in_on):
        self.browser = browser
        self.sign_in_on = sign_in_on
        self.contexts: list[BrowserContext] = []
        self.csp_violations: list[str] = []

    def __call__(self, server, user, room, route_ws=None, **options) -> Page:
        options = {"base_url": server.url, "locale": "fr-BE", "viewport": DESKTOP, **options}
        context = self.browser.new_context(**options)
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        self.sign_in_on(context, user, server.url)
        page = context.new_page()
        page.on("console", self._console)
        if route_ws:
            page.route_web_socket("**/ws/salons/**", route_ws)
        page.goto(f"/salons/{room.slug}/")
        if options.get("java_script_enabled", True):
            expect(page.locator("#room")).to_have_attribute("data-state", "connected")
        return page

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def open_room(browser: Browser, sign_in_on):
    pages = RoomPages(browser, sign_in_on)
    yield pages
    pages.close()


def shown(page: Page) -> list[tuple[int | None, str]]:
    """Every message of the page, in order: its number (None while pending) and text."""
    rows = page.eval_on_selector_all(
        MESSAGES,
        """items => items.map(li => [
            li.dataset.seq ? Number(li.dataset.seq) : null,
            li.querySelector('.msg-body').innerText.trim(),
        ])""",
    )
    return [tuple(row) for row in rows]


def stored(room: Room) -> list[tuple[int, str]]:
    return [
        tuple(row)
        for row in RoomMessage.objects.filter(room=room)
        .order_by("seq")
        .values_list("seq", "body_markdown")
    ]


def post(room: Room, author: User, body: str) -> int:
    """Post a message through the rooms service, as the site does; its number.

    In a thread of its own: the service broadcasts with `async_to_sync`, which refuses to
    run in this thread, where Playwright keeps an event loop running."""

    def run() -> int:
        try:
            posted = posting.post_message(
                user=author, room=room, body=body, client_id=str(uuid.uuid4())
            )
            return posted.message.seq
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(run).result()


def say(sender: Page, receiver: Page, text: str, shown_as: str = "") -> float:
    """`sender` types `text` and sends it with Enter; the seconds until `receiver` shows
    it (`shown_as` once rendered, when it differs), measured from the key press."""
    box = sender.locator("#room-body")
    box.fill(text)
    arrived = receiver.locator(SHOWN).filter(has_text=shown_as or text)
    started = time.monotonic()
    box.press("Enter")
    arrived.wait_for(state="visible", timeout=5_000)
    elapsed = time.monotonic() - started
    expect(box).to_be_focused()
    expect(box).to_have_value("")
    # The sender's own copy is confirmed too (its echo may arrive a moment after the
    # receiver's): nothing of this message is left waiting on either page.
    expect(sender.locator(PENDING)).to_have_count(0)
    return elapsed
