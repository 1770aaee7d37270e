"""The Atom feed of published sheets at /pratiques/feed/, read with a real feed parser."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from practices.feeds import FEED_SIZE
from tests.factories import OrganisationFactory, ThemeFactory
from tests.practices import fixtures_listing
from tests.practices.fixtures_listing import days_ago, make_sheet
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db

# The reading side's fixtures (tests/practices/fixtures_listing.py), made visible here.
catalogue = fixtures_listing.catalogue
sheet_index = fixtures_listing.sheet_index

FEED_QUERIES = 4


def build_published():
    """Two live sheets (the older one of an organisation, with two themes) and a draft, in
    /pratiques/ with the four tools of the catalogue."""
    sheet_index = fixtures_listing.build_index()
    tools = list(fixtures_listing.build_catalogue().values())[:3]
    organisation = OrganisationFactory(name="Aide et Soins Namur")
    older = make_sheet(
        sheet_index,
        title="Un dossier de soins partagé",
        slug="dossier-de-soins",
        summary="Un dossier numérique pour chaque personne aidée.",
        organisation=organisation,
        themes=[ThemeFactory(name="RGPD"), ThemeFactory(name="Relation aux membres")],
        tools=tools,
        published_at=days_ago(4),
    )
    newer = make_sheet(
        sheet_index,
        title="Des outils <collaboratifs> & libres",
        slug="outils-libres",
        summary="Moins de courriels, plus d'échanges.",
        tools=tools,
        published_at=days_ago(1),
    )
    make_sheet(sheet_index, title="Un brouillon", tools=tools, live=False)
    return older, newer


# The tests of `TestTwoLiveSheets` read the same sheets: built once for the class
# (tests/shared.py).
_published = built_once_per_class(build_published)


@pytest.fixture
def published(_published, db):
    return _published.copy()


def _parse(client):
    response = client.get("/pratiques/feed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return feedparser.parse(response.content)


class TestTwoLiveSheets:
    """The feed of two live sheets and a draft (`published`), built once for the class."""

    def test_feed_parses_as_atom_with_the_live_sheets_newest_first(self, client, published):
        older, newer = published

        feed = _parse(client)

        assert feed.bozo is False
        assert feed.version == "atom10"
        assert feed.feed.title == "Relais : nouvelles fiches pratiques"
        assert feed.feed.link == "http://127.0.0.1:8000/pratiques/"
        assert [link.href for link in feed.feed.links if link.rel == "self"] == [
            "http://127.0.0.1:8000/pratiques/feed/"
        ]
        assert [entry.title for entry in feed.entries] == [
            "Des outils <collaboratifs> & libres",
            "Un dossier de soins partagé",
        ]

    def test_feed_entry_fields(self, client, published):
        older, _newer = published

        entry = _parse(client).entries[1]

        # Addresses are on the public address (SITE_URL), whatever host served the feed.
        assert entry.link == "http://127.0.0.1:8000/pratiques/dossier-de-soins/"
        assert entry.id == "http://127.0.0.1:8000/pratiques/dossier-de-soins/"
        assert entry.summary == "Un dossier numérique pour chaque personne aidée."
        assert entry.author == "Aide et Soins Namur"
        assert entry.author_detail.href.startswith("http://127.0.0.1:8000/organisations/")
        assert [tag.term for tag in entry.tags] == ["RGPD", "Relation aux membres"]
        published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC)
        assert published == older.first_published_at.replace(microsecond=0)
        updated = dt.datetime(*entry.updated_parsed[:6], tzinfo=dt.UTC)
        assert updated == older.last_published_at.replace(microsecond=0)

    def test_feed_entry_without_organisation_has_no_author(self, client, published):
        entry = _parse(client).entries[0]

        assert "author" not in entry

    def test_feed_advertised_on_the_library(self, client, published):
        html = client.get("/pratiques/").content.decode()

        assert (
            '<link rel="alternate" type="application/atom+xml" '
            'title="Nouvelles fiches pratiques" href="/pratiques/feed/">'
        ) in html


def test_feed_summary_is_plain_text_shown_as_written(client, sheet_index, catalogue):
    make_sheet(
        sheet_index,
        title="Balises",
        summary="Moins de <b>courriels</b> & plus d'échanges <3",
        tools=list(catalogue.values())[:3],
    )

    response = client.get("/pratiques/feed/")
    (entry,) = feedparser.parse(response.content).entries

    assert b'<summary type="text">Moins de &lt;b&gt;courriels&lt;/b&gt; &amp; plus' in (
        response.content
    )
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == "Moins de <b>courriels</b> & plus d'échanges <3"


def test_feed_keeps_the_newest_thirty(client, sheet_index, catalogue):
    tools = list(catalogue.values())[:3]
    for n in range(FEED_SIZE + 1):
        make_sheet(sheet_index, title=f"Fiche {n:02d}", tools=tools, published_at=days_ago(n + 1))

    feed = _parse(client)

    assert [entry.title for entry in feed.entries] == [f"Fiche {n:02d}" for n in range(FEED_SIZE)]


@pytest.mark.parametrize("count", [2, 12])
def test_feed_query_count_independent_of_size(
    client, sheet_index, catalogue, count, django_assert_num_queries
):
    tools = list(catalogue.values())[:3]
    for n in range(count):
        make_sheet(
            sheet_index,
            title=f"Fiche {n:02d}",
            organisation=OrganisationFactory(),
            themes=[ThemeFactory(name=f"Thème {n % 3}")],
            tools=tools,
        )

    with django_assert_num_queries(FEED_QUERIES):
        feed = _parse(client)

    assert len(feed.entries) == count
