"""Rooms in Chromium, against a real ASGI server (uvicorn in a subprocess, see
asgi_server.py): the page works without JavaScript; axe finds nothing serious and the
keyboard is enough to take part (send, reply, edit, delete, complete a mention); and a
message that arrives live has the markup of the server's own template."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import Page, expect

from rooms.models import Mention, RoomMessage
from tests.e2e import fixtures_rooms
from tests.e2e.fixtures_rooms import SCREENSHOTS, SHOWN, post, shown, stored
from tests.e2e.test_accessibility import WIDTHS, assert_no_blocking_violation, scan

pytestmark = pytest.mark.e2e


# The rooms' fixtures (tests/e2e/fixtures_rooms.py), made visible here.
room = fixtures_rooms.room
anna = fixtures_rooms.anna
bruno = fixtures_rooms.bruno
open_room = fixtures_rooms.open_room


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
