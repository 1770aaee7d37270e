"""Rooms in Chromium, against a real ASGI server (uvicorn in a subprocess, see
asgi_server.py): two people talk live; the server dies and comes back mid-conversation and
nothing is lost nor doubled; a message lost on its way, in the middle or at the end of a
burst, is fetched by the page's sync and shown once."""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from playwright.sync_api import expect

from community.models import User
from rooms.models import ReadMarker, Room
from rooms.services import posting
from tests.e2e import fixtures_rooms
from tests.e2e.fixtures_rooms import PENDING, SCREENSHOTS, SHOWN, post, say, shown, stored

pytestmark = pytest.mark.e2e


# The rooms' fixtures (tests/e2e/fixtures_rooms.py), made visible here.
room = fixtures_rooms.room
anna = fixtures_rooms.anna
bruno = fixtures_rooms.bruno
open_room = fixtures_rooms.open_room


def wait_for_read_marker(room: Room, user: User, seq: int, timeout: float = 5.0) -> int:
    """The person's read marker in the room, once it reaches `seq` (or the timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        marker = ReadMarker.objects.filter(room=room, user=user).first()
        value = marker.last_read_seq if marker else 0
        if value >= seq or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


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
