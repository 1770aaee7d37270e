"""Rooms in Chromium, against a real ASGI server (uvicorn in a subprocess, see
asgi_server.py): two people talk live; the server dies and comes back mid-conversation and
nothing is lost nor doubled; the page works without JavaScript; axe finds nothing serious
and the keyboard is enough to take part."""

from __future__ import annotations

import json
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from playwright.sync_api import Browser, BrowserContext, Page, expect

from community.models import User
from rooms.models import Mention, ReadMarker, Room, RoomMessage
from rooms.services import creation, posting
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_accessibility import WIDTHS, assert_no_blocking_violation, scan
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.e2e

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


def wait_for_read_marker(room: Room, user: User, seq: int, timeout: float = 5.0) -> int:
    """The person's read marker in the room, once it reaches `seq` (or the timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        marker = ReadMarker.objects.filter(room=room, user=user).first()
        value = marker.last_read_seq if marker else 0
        if value >= seq or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


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


def test_two_people_talk_live_and_lose_nothing_when_the_server_restarts(
    asgi_server, open_room, room, anna, bruno
):
    server = asgi_server(name="rooms")
    page_a = open_room(server, anna, room)
    page_b = open_room(server, bruno, room)

    # Both see who is here, and Bruno sees Anna type.
    for page in (page_a, page_b):
        expect(page.locator(".room-presence__person")).to_have_text(
            ["Anna Lambert", "Bruno Martin"]
        )
    page_a.locator("#room-body").press_sequentially("Bonj")
    expect(page_b.locator("#room-typing")).to_have_text("Anna Lambert écrit…")
    page_a.locator("#room-body").fill("")

    # A message from Anna is on Bruno's page within a second, announced politely.
    elapsed = say(page_a, page_b, "Bonjour Bruno, vous utilisez quoi pour l'inventaire ?")
    print(f"live message: {elapsed:.3f} s")
    assert elapsed < 1.0, f"the message took {elapsed:.3f} s to arrive"
    expect(page_b.locator("#room-live")).to_have_text("Nouveau message de Anna Lambert")
    expect(page_b.locator("#room-typing")).to_have_text("")
    first = page_b.locator(SHOWN).first
    expect(first.locator(".msg-author")).to_have_text("Anna Lambert")
    expect(first.locator(".msg-org")).to_have_text("La Ressourcerie du Val")
    # Bruno has seen it: his page tells the server, which keeps his read marker.
    assert wait_for_read_marker(room, bruno, 1) == 1
    elapsed_back = say(
        page_b,
        page_a,
        "Un tableur partagé, et **Odoo** depuis mars.",
        shown_as="Un tableur partagé, et Odoo depuis mars.",
    )
    assert elapsed_back < 1.0, f"the answer took {elapsed_back:.3f} s to arrive"
    expect(page_a.locator(SHOWN).last.locator(".msg-body strong")).to_have_text("Odoo")

    # The server dies mid-conversation: both pages notice, and what they send waits.
    server.kill()
    for page in (page_a, page_b):
        expect(page.locator("#room")).to_have_attribute(
            "data-state", re.compile(r"^(reconnecting|connecting)$")
        )
        expect(page.locator("#room-status")).not_to_have_text(re.compile("En direct"))
    page_a.locator("#room-body").fill("Et pour les dons en nature ?")
    page_a.locator("#room-body").press("Enter")
    page_b.locator("#room-body").fill("Je regarde et je reviens vers vous.")
    page_b.locator("#room-body").press("Enter")
    for page, text in ((page_a, "Et pour les dons en nature ?"), (page_b, "Je regarde")):
        pending = page.locator(PENDING)
        expect(pending).to_have_count(1)
        expect(pending.locator(".msg-state")).to_have_text("envoi…")
        expect(pending.locator(".msg-body")).to_contain_text(text)
    assert [seq for seq, _body in stored(room)] == [1, 2]
    page_a.screenshot(path=SCREENSHOTS / "rooms-pending-1280.png")

    # Meanwhile Anna corrects her first message from elsewhere: the edit is stored, and
    # its broadcast reaches nobody. Both pages must still show it once reconnected.
    # (From another thread: Playwright's event loop runs in this one, and the service
    # broadcasts through async_to_sync.)
    def edit_elsewhere():
        try:
            posting.edit_message(
                user=anna,
                room=room,
                seq=1,
                body="Bonjour Bruno, vous utilisez quoi pour le stock ?",
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(edit_elsewhere).result()

    # It comes back on the same port; both clients reconnect by themselves, their pending
    # messages go through, and each page shows every message once, in order.
    server.start()
    for page in (page_a, page_b):
        expect(page.locator("#room")).to_have_attribute("data-state", "connected", timeout=30_000)
        expect(page.locator(PENDING)).to_have_count(0, timeout=10_000)
    elapsed_after = say(page_a, page_b, "Merci, à bientôt à l'intervision !")
    assert elapsed_after < 1.0, f"after the restart the message took {elapsed_after:.3f} s"

    rows = stored(room)
    assert [seq for seq, _body in rows] == [1, 2, 3, 4, 5]
    assert {body for _seq, body in rows[2:4]} == {
        "Et pour les dons en nature ?",
        "Je regarde et je reviens vers vous.",
    }
    expected = [(seq, body.replace("**", "")) for seq, body in rows]
    assert expected[0] == (1, "Bonjour Bruno, vous utilisez quoi pour le stock ?")
    for page in (page_a, page_b):
        expect(page.locator(SHOWN)).to_have_count(5)
        expect(page.locator("#msg-1 .msg-body")).to_have_text(expected[0][1])
        expect(page.locator("#msg-1 .msg-edited")).to_have_count(1)
        assert shown(page) == expected
    # The pending messages were forgotten once confirmed: a reload brings nothing back.
    page_a.reload()
    expect(page_a.locator("#room")).to_have_attribute("data-state", "connected")
    assert shown(page_a) == expected
    # The WebSocket is allowed by the site's CSP (connect-src 'self').
    assert open_room.csp_violations == []


def test_a_lost_message_is_fetched_by_sync_and_shown_once(
    asgi_server, open_room, room, anna, bruno
):
    post(room, anna, "Un")
    server = asgi_server(name="rooms-gap")
    from_page: list[dict] = []
    dropped: list[int] = []

    def lose_message_2(route) -> None:
        """Between Anna's page and the server: message 2 gets lost on the way, once."""
        upstream = route.connect_to_server()

        def to_page(message: str) -> None:
            frame = json.loads(message)
            if frame["type"] == "message" and frame["message"]["seq"] == 2 and not dropped:
                dropped.append(2)
                return
            route.send(message)

        def to_server(message: str) -> None:
            from_page.append(json.loads(message))
            upstream.send(message)

        upstream.on_message(to_page)
        route.on_message(to_server)

    page_a = open_room(server, anna, room, route_ws=lose_message_2)
    page_b = open_room(server, bruno, room)
    say(page_b, page_b, "Deux")
    page_a.wait_for_timeout(500)
    assert dropped == [2]
    assert shown(page_a) == [(1, "Un")]

    # Message 3 arrives: Anna's page sees the gap, asks for what follows 1, and shows
    # 2 and 3 once each (3 came twice: live, then in the answer to the sync).
    say(page_b, page_a, "Trois")
    expect(page_a.locator(SHOWN)).to_have_count(3)
    page_a.wait_for_timeout(300)
    assert shown(page_a) == [(1, "Un"), (2, "Deux"), (3, "Trois")]
    syncs = [frame for frame in from_page if frame["type"] == "sync"]
    assert syncs == [{"type": "sync", "after": 1}, {"type": "sync", "after": 1}]


def test_a_tail_frame_makes_the_page_fetch_the_last_message_it_missed(
    asgi_server, open_room, room, anna, bruno
):
    """The last message of a burst lost on its way reveals itself by no later number:
    the server's `tail` frame (here played by the proxy, as the socket sends it when the
    channel layer dropped the event) makes the page sync it."""
    post(room, anna, "Un")
    server = asgi_server(name="rooms-tail")
    routes, dropped, from_page = [], [], []

    def lose_the_last_one(route) -> None:
        upstream = route.connect_to_server()
        routes.append(route)

        def to_page(message: str) -> None:
            frame = json.loads(message)
            if frame["type"] == "message" and frame["message"]["seq"] == 2 and not dropped:
                dropped.append(2)
                return
            route.send(message)

        def to_server(message: str) -> None:
            from_page.append(json.loads(message))
            upstream.send(message)

        upstream.on_message(to_page)
        route.on_message(to_server)

    page_a = open_room(server, anna, room, route_ws=lose_the_last_one)
    page_b = open_room(server, bruno, room)
    say(page_b, page_b, "Deux, le dernier de la rafale")
    page_a.wait_for_timeout(500)
    assert (dropped, shown(page_a)) == ([2], [(1, "Un")])

    routes[-1].send(json.dumps({"type": "tail", "last_seq": 2}))

    expect(page_a.locator(SHOWN)).to_have_count(2)
    assert shown(page_a) == [(1, "Un"), (2, "Deux, le dernier de la rafale")]
    assert [f for f in from_page if f["type"] == "sync"][-1] == {"type": "sync", "after": 1}


def test_room_page_without_javascript_shows_history_and_posts(
    asgi_server, open_room, room, anna, bruno
):
    post(room, anna, "Première question : qui utilise Nextcloud ?")
    post(room, bruno, "Nous !")
    server = asgi_server(name="rooms-nojs")
    page = open_room(server, bruno, room, java_script_enabled=False)

    expect(page.locator(SHOWN)).to_have_count(2)
    assert shown(page) == [(1, "Première question : qui utilise Nextcloud ?"), (2, "Nous !")]
    expect(page.locator("#room-status")).to_have_text("")
    page.get_by_label("Votre message", exact=True).fill("Et *Collabora* pour les documents.")
    page.get_by_role("button", name="Envoyer", exact=True).click()

    expect(page).to_have_url(re.compile(rf"/salons/{room.slug}/#msg-3$"))
    expect(page.locator(SHOWN)).to_have_count(3)
    expect(page.locator("#msg-3 .msg-body em")).to_have_text("Collabora")
    assert stored(room)[-1] == (3, "Et *Collabora* pour les documents.")


def test_room_pages_have_no_serious_violation_and_work_by_keyboard(
    asgi_server, open_room, room, anna, bruno
):
    for author, text in [
        (anna, "Bonjour à toutes et tous ! Qui a déjà migré vers un **logiciel libre** ?"),
        (bruno, "Nous, l'an dernier : https://exemple.org/un-tres-long-lien-" + "x" * 80),
        (anna, "Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement"),
    ]:
        post(room, author, text)
    server = asgi_server(name="rooms-a11y")
    page = open_room(server, anna, room)
    open_room(server, bruno, room)  # someone else is here: the presence list has two names

    def rooms_list():
        page.goto("/salons/")
        expect(page.get_by_role("link", name=re.compile("Réemploi et numérique"))).to_be_visible()

    def room_page():
        page.goto(f"/salons/{room.slug}/")
        expect(page.locator("#room")).to_have_attribute("data-state", "connected")
        expect(page.locator(".room-presence__person")).to_have_count(2)

    problems = scan(page, "rooms", rooms_list) + scan(page, "room", room_page)
    for name, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        room_page()
        page.screenshot(path=SCREENSHOTS / f"rooms-{viewport['width']}.png", full_page=True)
        # Nothing sticks out sideways, long words included.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{name}: the page is {width}px wide"
    assert_no_blocking_violation(problems)

    # Keyboard only: Tab reaches the message box, Enter sends, Shift+Enter is a new line.
    page.set_viewport_size(WIDTHS["desktop"])
    room_page()
    box = page.locator("#room-body")
    for _ in range(80):
        page.keyboard.press("Tab")
        if box.evaluate("element => element === document.activeElement"):
            break
    expect(box).to_be_focused()
    page.keyboard.type("Première ligne")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("seconde ligne")
    page.keyboard.press("Enter")
    expect(page.locator(SHOWN)).to_have_count(4)
    expect(box).to_be_focused()
    expect(box).to_have_value("")
    assert stored(room)[-1] == (4, "Première ligne\nseconde ligne")

    # Reply by keyboard: the reply button puts the focus back in the box.
    page.locator("#msg-2").get_by_role("button", name="Répondre au message n° 2").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".room-form__reply")).to_contain_text("En réponse au message n° 2")
    expect(box).to_be_focused()
    page.keyboard.type("Merci pour le lien !")
    page.keyboard.press("Enter")
    expect(page.locator("#msg-5 .msg-reply")).to_have_text("En réponse au message n° 2")
    assert RoomMessage.objects.get(room=room, seq=5).reply_to_seq == 2

    # Edit and delete one's own message, by keyboard, through the WebSocket.
    mine = page.locator("#msg-5")
    mine.get_by_text("Modifier", exact=True).focus()
    page.keyboard.press("Enter")
    edit_box = mine.get_by_label("Nouveau texte", exact=True)
    edit_box.fill("Merci beaucoup pour le lien !")
    mine.get_by_role("button", name="Enregistrer").press("Enter")
    expect(mine.locator(".msg-body")).to_have_text("Merci beaucoup pour le lien !")
    expect(mine.locator(".msg-edited")).to_have_text("(modifié)")
    mine.get_by_role("button", name="Supprimer le message n° 5").press("Enter")
    expect(mine.locator(".msg-body")).to_have_text("Message supprimé.")
    expect(mine.locator(".msg-actions")).to_have_count(0)
    assert RoomMessage.objects.get(room=room, seq=5).deleted_at is not None


def test_mention_completion_by_keyboard(asgi_server, open_room, room, anna, bruno):
    post(room, bruno, "Qui vient à l'intervision de jeudi ?")
    server = asgi_server(name="rooms-mentions")
    page = open_room(server, anna, room)
    box = page.locator("#room-body")
    listbox = page.get_by_role("listbox", name="Personnes à mentionner")

    def open_the_list():
        box.focus()
        box.fill("")
        page.keyboard.type("Oui, merci @bru")
        expect(listbox.get_by_role("option", name="Bruno Martin")).to_be_visible()

    problems = scan(page, "mentions", open_the_list)
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(listbox.get_by_role("option", name="Bruno Martin")).to_have_attribute(
        "aria-selected", "true"
    )
    expect(box).to_have_attribute("aria-activedescendant", "mention-option-0")
    expect(box).to_be_focused()
    page.keyboard.press("Enter")  # inserts the name; does not send
    expect(box).to_have_value("Oui, merci @[Bruno Martin] ")
    expect(listbox).to_be_hidden()
    page.keyboard.type("!")
    page.keyboard.press("Enter")  # now it sends
    expect(page.locator(SHOWN)).to_have_count(2)
    assert stored(room)[-1] == (2, "Oui, merci @[Bruno Martin] !")
    assert list(Mention.objects.values_list("user", flat=True)) == [bruno.pk]

    # Escape closes the list and leaves what was typed.
    box.fill("")
    page.keyboard.type("Et @br")
    expect(listbox).to_be_visible()
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("Et @br")
    assert_no_blocking_violation(problems)


# --- the room client builds a live message from the server's own template ---------------


def markup(page: Page, seq: int) -> str:
    """The message's outer HTML, without what differs from one rendering to the next:
    the CSRF token, the time's wording, the white space between tags."""
    html = page.locator(f"#msg-{seq}").evaluate("li => li.outerHTML")
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "csrf", html)
    html = re.sub(r"<time [^>]*>[^<]*</time>", "<time/>", html)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def test_a_live_message_has_the_markup_of_the_server_template(
    asgi_server, open_room, room, anna, bruno
):
    bruno.user_permissions.add(Permission.objects.get(codename="moderate_rooms"))
    post(room, bruno, "Premier message")
    server = asgi_server(name="rooms-markup")
    page_a = open_room(server, anna, room)
    page_b = open_room(server, bruno, room)

    # Anna answers message 1 with some Markdown: both pages build message 2 live.
    page_a.locator("#msg-1").get_by_role("button", name="Répondre au message n° 1").click()
    page_a.locator("#room-body").fill("Merci, **très** utile : https://example.org")
    page_a.locator("#room-body").press("Enter")
    for page in (page_a, page_b):
        expect(page.locator(SHOWN)).to_have_count(2)
    live = {page: markup(page, 2) for page in (page_a, page_b)}
    assert 'class="msg msg--mine"' in live[page_a]
    assert "<strong>très</strong>" in live[page_b]
    assert "msg-sanction" in live[page_b], "Bruno moderates: he may take a measure"

    # The same message, rendered by the server, then enhanced the same way.
    for page in (page_a, page_b):
        page.reload()
        expect(page.locator("#room")).to_have_attribute("data-state", "connected")
        assert markup(page, 2) == live[page]
