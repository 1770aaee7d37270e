"""Hostile text typed into every field a person fills (tests/hostile/world.py) stays text
wherever Relais shows it again: pages, the JSON API, Atom feeds, iCalendar files, emails,
the registrations CSV and the personal data ZIP. Two rounds, each giving the short fields
other payloads."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from django.test import Client

from tests.shared import built_once_per_module
from website.personal_data import build_zip

from .corpus import MARK, icalendar_problems, live_markup
from .world import build

pytestmark = pytest.mark.django_db

_world = built_once_per_module(build, params=[0, 1])


@pytest.fixture
def world(_world, db):
    return _world.copy()


def _get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response.content.decode()


EVERYONE = ("anna", "fred", "cora", None)
SIGNED_IN = ("anna", "fred", "cora")
# Each page that shows people's text, and who may see it.
PAGES = {
    "/": EVERYONE,
    "/organisations/": EVERYONE,
    "{organisation}": EVERYONE,
    "{federation}": EVERYONE,
    "{anna}": SIGNED_IN,
    "/pratiques/": EVERYONE,
    "{sheet}": EVERYONE,
    "{question}": ("anna", "bruno"),
    "/agenda/": EVERYONE,
    "{event}": EVERYONE,
    "{intervision_event}": EVERYONE,
    "{room}": SIGNED_IN,
    "{intervision_room}": ("anna", "fred"),
    "/salons/": SIGNED_IN,
    "/moi/": SIGNED_IN,
    "/moi/notifications/": SIGNED_IN,
    "{plan}": ("cora",),
    "/recherche/?q=script": EVERYONE,
    "/recherche/?q=xss": EVERYONE,
}


@pytest.mark.parametrize(
    "address, who", [(address, who) for address, people in PAGES.items() for who in people]
)
def test_pages_show_hostile_text_only_as_text(world, address, who):
    client = Client()
    if who:
        client.force_login(world.people[who])
    html = _get(client, address.format(**world.paths))

    assert live_markup(html) == []


def test_hostile_text_really_reaches_the_pages(world):
    """The checks above are not vacuous: the payloads are on the pages, escaped."""
    client = Client()
    client.force_login(world.people["anna"])
    sheet = _get(client, world.paths["sheet"])
    room = _get(client, world.paths["room"])
    event = _get(client, world.paths["event"])

    assert (sheet.count(MARK) > 40, room.count(MARK) > 40, event.count(MARK) > 40) == (
        True,
        True,
        True,
    )
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in event


def _strings(value, key=""):
    """(key, text) for every string in a JSON document, with the key it is under."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)


def _live_html(document, html_keys) -> list[tuple[str, str]]:
    """The HTML values (under `html_keys`) of a JSON document that hold live markup; the
    other values are plain text, for a client to show as text."""
    return [
        (key, text[:80])
        for key, text in _strings(document)
        if key in html_keys and live_markup(text, whole_page=False)
    ]


def test_room_history_json_html_is_inert(world):
    client = Client()
    client.force_login(world.people["anna"])
    response = client.get(world.paths["room"] + "historique/", {"after": 0})

    assert response.status_code == 200
    data = json.loads(response.content)
    assert _live_html(data, {"html"}) == []
    # (A Markdown link definition, "[r]: javascript:…", shows nothing: three or four.)
    assert sum(MARK in m["html"] for m in data["messages"]) >= 3


# Which fields of the API's pages are HTML (rich text); the others are plain text.
API_HTML = {"why", "results", "social_impact", "description", "body", "intro", "html"}


@pytest.mark.parametrize(
    "address",
    [
        "/api/v2/pages/?limit=20",
        "/api/v2/pages/?type=practices.PracticeSheetPage&fields=*",
        "/api/v2/pages/?type=events.EventPage&fields=*",
        "/api/v2/pages/?search=xss",
    ],
)
def test_api_answers_valid_json_with_inert_html(world, address):
    response = Client().get(address)

    assert response.status_code == 200
    data = json.loads(response.content)
    details = [
        json.loads(Client().get(f"/api/v2/pages/{item['id']}/").content)
        for item in data.get("items", [])
    ]
    html = [text for key, text in _strings(details) if key in API_HTML]
    assert _live_html([data, details], API_HTML) == []
    assert any(MARK in text for text in html)


@pytest.mark.parametrize("address", ["/pratiques/feed/", "/recits/feed/"])
def test_atom_feeds_are_well_formed_and_their_html_inert(world, address):
    response = Client().get(address)

    assert response.status_code == 200
    root = ET.fromstring(response.content)  # raises if hostile text broke the XML
    html = [e.text or "" for e in root.iter() if e.get("type") in ("html", "xhtml")]
    assert [t[:80] for t in html if live_markup(t, whole_page=False)] == []
    if address == "/pratiques/feed/":
        summaries = [e for e in root.iter() if e.tag.endswith("summary")]
        assert [(e.get("type"), MARK in (e.text or "")) for e in summaries] == [("text", True)]


@pytest.mark.parametrize(
    "address, events",
    [("/agenda/feed.ics", 2), ("{event}event.ics", 1), ("{federation}agenda.ics", 2)],
)
def test_icalendar_files_hold_one_vevent_per_event_and_no_injected_line(world, address, events):
    response = Client().get(address.format(**world.paths))

    assert response.status_code == 200
    assert icalendar_problems(response.content, expected_events=events) == []
    assert MARK.encode() in response.content


def test_emails_have_clean_headers_and_inert_html(world):
    """What the build sent: the join request to the organisation's admins, the question
    to the sheet's authors, the registration's confirmation, the notifications."""
    problems = []
    for raw in world.emails:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        for name, value in message.items():
            if "\r" in str(value) or "\n" in str(value) or name.lower() == "bcc":
                problems.append((name, str(value)[:80]))
        for part in message.walk():
            if part.get_content_type() == "text/html":
                problems += live_markup(part.get_content(), whole_page=False)
    assert problems == []


def test_emails_were_sent_with_hostile_text(world):
    bodies = [
        part.get_content()
        for raw in world.emails
        for part in email.message_from_bytes(raw, policy=email.policy.default).walk()
        if part.get_content_maintype() == "text"
    ]
    assert sum(MARK in body for body in bodies) >= 3


def test_registrations_csv_cells_never_start_a_formula(world):
    client = Client()
    client.force_login(world.people["fred"])
    response = client.get(world.paths["event"] + "inscriptions.csv")

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [cell for row in rows[1:] for cell in row if cell[:1] in ("=", "+", "-", "@")] == []
    assert len(rows) == 2


@pytest.mark.parametrize("who", ["anna", "bruno"])
def test_personal_data_zip_is_inert_and_its_csv_has_no_formula(world, who):
    archive = zipfile.ZipFile(io.BytesIO(build_zip(world.people[who])))
    names = archive.namelist()
    page = archive.read("index.html").decode()
    data = json.loads(archive.read("data.json"))
    formulas = [
        (name, cell[:40])
        for name in names
        if name.endswith(".csv")
        for row in csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")))
        for cell in row
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r")
    ]

    assert live_markup(page, whole_page=False) == []
    assert MARK in page
    assert MARK in json.dumps(data)
    assert formulas == []


def test_refused_payloads_were_refused_with_the_form_shown_again(world):
    """A payload a form refused while the world was built (a NUL, an invisible character
    in a name) was answered with the form and its errors, not a redirect nor a 500."""
    assert {status for _label, _payload, status in world.refused} <= {200, 400}


def test_plan_pdf_of_a_hostile_named_organisation_is_a_whole_pdf(world):
    client = Client()
    client.force_login(world.people["cora"])
    response = client.get(world.paths["plan"].rstrip("/") + ".pdf")

    assert response.status_code == 200
    assert (response.content[:5], response.content.rstrip()[-5:]) == (b"%PDF-", b"%%EOF")
    assert response["Content-Disposition"].count('"') == 2
