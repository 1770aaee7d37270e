"""One public address (SITE_URL) for every absolute link Relais gives out, whatever host
the request came by: calendar files, the Atom feed, JSON-LD, the widget, the private feed
address in /moi/, emails."""

from __future__ import annotations

import io
import json
import re

import feedparser
import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Site

from community.public import absolute_url
from events.models import CalendarPage, CalendarToken
from events.services import registrations
from tests.events import conftest as events_conftest
from tests.events.conftest import (
    parse_ics,
    publish_event,
    vevents_of,
)
from tests.factories import FederationFactory
from tests.practices import fixtures_listing
from tests.practices.conftest import build_home_page
from tests.practices.fixtures_listing import make_sheet
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db

# A fixture of another test folder, made visible here.
make_people = events_conftest.make_people

PUBLIC = "http://127.0.0.1:8102"
# The request comes by another name than the public one (a proxy, a LAN address…).
OTHER_HOST = {"HTTP_HOST": "localhost"}


@pytest.fixture
def public(settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC + "/"
    return PUBLIC


def build_published() -> dict:
    """An event of `federation` and a sheet, published."""
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC + "/"):
        calendar_page = build_home_page().add_child(
            instance=CalendarPage(title="Agenda", slug="agenda")
        )
        federation = FederationFactory(name="Fédération des Coopératives")
        sheet_index = fixtures_listing.build_index()
        catalogue = fixtures_listing.build_catalogue()
        event = publish_event(calendar_page, organisers=[federation], title="Atelier", summary="")
        sheet = make_sheet(
            sheet_index, title="Une fiche", slug="une-fiche", tools=list(catalogue.values())[:3]
        )
    return {"event": event, "sheet": sheet, "federation": federation}


# The tests of `TestPublished` read the same event and sheet: built once for the class
# (tests/shared.py).
_published = built_once_per_class(build_published)


@pytest.fixture
def published_rows(_published, db, public):
    return _published.copy()


@pytest.fixture
def published(published_rows):
    return published_rows["event"], published_rows["sheet"]


def ld_json(html: str) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/agenda/", f"{PUBLIC}/agenda/"),
        ("agenda/", f"{PUBLIC}/agenda/"),
        ("", f"{PUBLIC}/"),
        ("https://ailleurs.example/x", "https://ailleurs.example/x"),
    ],
)
def test_absolute_url_is_on_the_public_address(public, path, expected):
    assert absolute_url(path) == expected


class TestPublished:
    """The links of a published event and sheet, built once for the class."""

    @pytest.fixture
    def federation(self, published_rows):
        """The event's organiser, of the rows built once (not another federation)."""
        return published_rows["federation"]

    def test_calendar_files_link_to_the_public_address(self, client, published, federation):
        event, _sheet = published
        for url in ("/agenda/feed.ics", f"/agenda/{event.slug}/event.ics"):
            cal, vcal = parse_ics(client.get(url, **OTHER_HOST).content)
            (vevent,) = vevents_of(cal)
            assert str(vevent["URL"]) == f"{PUBLIC}/agenda/{event.slug}/", url
            assert str(vevent["DESCRIPTION"]) == f"{PUBLIC}/agenda/{event.slug}/", url

    def test_atom_feed_ids_and_links_do_not_change_with_the_host(self, client, published):
        feeds = [
            feedparser.parse(client.get("/pratiques/feed/", **host).content)
            for host in ({}, OTHER_HOST)
        ]

        for feed in feeds:
            assert feed.feed.link == f"{PUBLIC}/pratiques/"
            assert [link.href for link in feed.feed.links if link.rel == "self"] == [
                f"{PUBLIC}/pratiques/feed/"
            ]
            (entry,) = feed.entries
            assert (entry.id, entry.link) == (
                f"{PUBLIC}/pratiques/une-fiche/",
                f"{PUBLIC}/pratiques/une-fiche/",
            )

    def test_json_ld_of_events_and_sheets_uses_the_public_address(
        self, client, published, federation
    ):
        event, sheet = published

        event_data = ld_json(client.get(event.public_path, **OTHER_HOST).content.decode())
        sheet_data = ld_json(client.get(sheet.url, **OTHER_HOST).content.decode())

        assert event_data["url"] == f"{PUBLIC}/agenda/{event.slug}/"
        assert [o["url"] for o in event_data["organizer"]] == [
            f"{PUBLIC}/organisations/{federation.slug}/"
        ]
        assert sheet_data["url"] == f"{PUBLIC}/pratiques/une-fiche/"

    def test_widget_links_and_private_feed_address_use_the_public_address(
        self, client, published, make_people
    ):
        event, _sheet = published
        widget = client.get("/agenda/widget/", **OTHER_HOST).content.decode()
        assert f'href="{PUBLIC}/agenda/{event.slug}/"' in widget

        (person,) = make_people(1)
        token = CalendarToken.objects.create(user=person)
        client.force_login(person)
        me = client.get("/moi/", **OTHER_HOST).content.decode()
        assert f'value="{PUBLIC}/agenda/prive/{token.token}.ics"' in me

    def test_emails_link_to_the_public_address(
        self, published, make_people, mailoutbox, django_capture_on_commit_callbacks
    ):
        event, _sheet = published
        (person,) = make_people(1)

        with django_capture_on_commit_callbacks(execute=True):
            registrations.register(user=person, event=event)

        (message,) = mailoutbox
        assert f"La page de l'évènement : {PUBLIC}/agenda/{event.slug}/" in message.body
        ((_name, content, _type),) = message.attachments
        (vevent,) = vevents_of(parse_ics(content.encode())[0])
        assert str(vevent["URL"]) == f"{PUBLIC}/agenda/{event.slug}/"


def test_set_site_address_points_wagtails_links_at_the_public_address(settings, client):
    """A deployment's entry point runs it after migrate: the API's links (from Wagtail's
    Site record, `localhost:80` after Wagtail's migrations) follow SITE_URL."""

    settings.WAGTAILADMIN_BASE_URL = "https://relais.example"
    root = Page.objects.get(depth=1)
    home = root.add_child(instance=Page(title="Accueil", slug="accueil-api"))
    Site.objects.filter(is_default_site=True).update(root_page=home)

    call_command("set_site_address", stdout=io.StringIO())

    site = Site.objects.get(is_default_site=True)
    (item,) = [
        item
        for item in client.get("/api/v2/pages/", HTTP_HOST="localhost").json()["items"]
        if item["id"] == home.pk
    ]
    assert (site.hostname, site.port) == ("relais.example", 443)
    assert (item["meta"]["html_url"], item["meta"]["detail_url"]) == (
        "https://relais.example/",
        f"https://relais.example/api/v2/pages/{home.pk}/",
    )
