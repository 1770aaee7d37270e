"""Found from outside (issue 12, point 4): the schema.org JSON-LD of a story, a programme and
an organisation, hostile text that cannot leave its data block, the Open Graph and Twitter
card tags of a story and of a page without its own, the sitemap's `lastmod` and `x-default`
alternates, and a `<link rel="alternate">` for every feed on its list."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zoneinfo
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from programmes.models import ProgrammePage, ProgrammeTranslation
from stories.models import StoryAuthor, StoryIndexPage, StoryPage, StoryTranslation
from tests.factories import OrganisationFactory, RegionFactory
from tests.practices.conftest import build_home_page
from tests.programmes.conftest import days, programme_index, publish_programme  # noqa: F401
from tests.shared import built_once_per_class
from tests.stories.conftest import publish_story, story_index  # noqa: F401
from tests.website.conftest import build_whole_site

pytestmark = pytest.mark.django_db

PUBLIC = "https://relais.example"
NL = {"HTTP_ACCEPT_LANGUAGE": "nl"}
HOSTILE = "</script><script>alert(1)</script> & co"
SITEMAP = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
ZONE = zoneinfo.ZoneInfo(settings.RELAIS["DEFAULT_TIME_ZONE"])


@pytest.fixture(autouse=True)
def public(settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC + "/"


def ld_json(html: str) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


class Head(HTMLParser):
    """The `<meta property|name>` and `<link rel="alternate">` tags of a page."""

    def __init__(self):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.alternates: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name")
        if tag == "meta" and key and key.split(":")[0] in ("og", "twitter", "article"):
            self.meta.append((key, attributes.get("content") or ""))
        if tag == "link" and attributes.get("rel") == "alternate":
            self.alternates.append((attributes.get("type") or "", attributes.get("href") or ""))


def head(response) -> Head:
    parser = Head()
    parser.feed(response.content.decode())
    return parser


def social(response) -> dict[str, str]:
    meta = head(response).meta
    assert len(meta) == len(dict(meta)), meta  # each tag once
    return dict(meta)


def build_story() -> dict:
    """A published story with its hero image and two authors, one of an organisation."""
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC + "/"):
        story_index = build_home_page().add_child(
            instance=StoryIndexPage(title="Récits", slug="recits")
        )
        image = Image.objects.create(title="Atelier", file=get_test_image_file("atelier.png"))
        organisation = OrganisationFactory(name="Les Ateliers Récup")
        authors = [
            StoryAuthor.objects.create(
                name="Nadia Bensaïd", role="journaliste", organisation=organisation
            ),
            StoryAuthor.objects.create(name="Tom Peeters"),
        ]
        story = publish_story(
            story_index,
            title="Un serveur partagé",
            lead="Trois coopératives, un serveur.",
            authors=authors,
            hero_image=image,
            hero_alt="Trois personnes autour d'une baie de serveurs",
        )
    return {"image": image, "story": story}


# The tests of `TestAStory` read the same story: built once for the class (tests/shared.py).
_story = built_once_per_class(build_story)


@pytest.fixture
def story_rows(_story, db):
    return _story.copy()


@pytest.fixture
def image(story_rows):
    return story_rows["image"]


@pytest.fixture
def story(story_rows):
    return story_rows["story"]


class TestAStory:
    """A story's JSON-LD and social tags, on one story built once for the class."""

    def test_a_story_is_an_article_with_its_authors_dates_and_image(self, client, story, image):
        data = ld_json(client.get(story.url).content.decode())

        assert data == {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": "Un serveur partagé",
            "description": "Trois coopératives, un serveur.",
            "url": f"{PUBLIC}/recits/un-serveur-partage/",
            "inLanguage": "fr",
            "publisher": {"@type": "Organization", "name": "Relais", "url": f"{PUBLIC}/"},
            "author": [
                {
                    "@type": "Person",
                    "name": "Nadia Bensaïd",
                    "jobTitle": "journaliste",
                    "worksFor": {
                        "@type": "Organization",
                        "name": "Les Ateliers Récup",
                        "url": f"{PUBLIC}/organisations/les-ateliers-recup/",
                    },
                },
                {"@type": "Person", "name": "Tom Peeters"},
            ],
            "datePublished": story.first_published_at.isoformat(),
            "dateModified": story.last_published_at.isoformat(),
            "image": PUBLIC + image.get_rendition("width-1200").url,
        }

    def test_a_story_is_described_in_the_language_it_is_shown_in(self, client, story):
        page = story.get_latest_revision_as_object()
        page.translations = [
            StoryTranslation(
                language="nl",
                title="Een gedeelde server",
                lead="Drie coöperaties, één server.",
                body=[{"type": "paragraph", "value": "<p>Zo deden ze het.</p>"}],
            )
        ]
        page.save_revision().publish()

        dutch = client.get(story.url, **NL)
        data = ld_json(dutch.content.decode())
        assert (data["headline"], data["description"], data["inLanguage"]) == (
            "Een gedeelde server",
            "Drie coöperaties, één server.",
            "nl",
        )
        tags = social(dutch)
        assert (tags["og:title"], tags["og:description"], tags["og:locale"]) == (
            "Een gedeelde server",
            "Drie coöperaties, één server.",
            "nl_BE",
        )
        english = client.get(story.url, HTTP_ACCEPT_LANGUAGE="en")
        assert ld_json(english.content.decode())["inLanguage"] == "fr"  # no English: the French
        assert social(english)["og:locale"] == "fr_BE"

    def test_a_story_s_open_graph_and_twitter_card(self, client, story, image):
        tags = social(client.get(story.url))

        assert tags == {
            "og:site_name": "Relais",
            "og:type": "article",
            "og:title": "Un serveur partagé",
            "og:description": "Trois coopératives, un serveur.",
            "og:url": f"{PUBLIC}/recits/un-serveur-partage/",
            "og:locale": "fr_BE",
            "og:image": PUBLIC + image.get_rendition("width-1200").url,
            "og:image:alt": "Trois personnes autour d'une baie de serveurs",
            "twitter:card": "summary_large_image",
            "article:published_time": timezone.localtime(
                story.first_published_at, ZONE
            ).isoformat(),
            "article:modified_time": timezone.localtime(story.last_published_at, ZONE).isoformat(),
        }


def test_a_funding_programme_is_a_service_and_a_grant_for_whom_where_and_until_when(
    client,
    programme_index,  # noqa: F811
):
    brussels = RegionFactory(name="Bruxelles", slug="bruxelles", position=1)
    wallonia = RegionFactory(name="Wallonie", slug="wallonie", position=2)
    programme = publish_programme(
        programme_index,
        title="Bourse numérique",
        summary="De quoi s'équiper.",
        provider="Agence wallonne de l'économie sociale (fictive)",
        regions=[wallonia, brussels],
        legal_forms=["cooperative", "association"],
        sizes=["1-9"],
        amount="jusqu'à 15 000 €",
        opens_on=days(-10),
        deadline=days(60),
        official_url="https://aides.example/bourse",
    )

    data = ld_json(client.get(programme.url).content.decode())

    provider = {"@type": "Organization", "name": "Agence wallonne de l'économie sociale (fictive)"}
    regions = [
        {"@type": "AdministrativeArea", "name": "Bruxelles"},
        {"@type": "AdministrativeArea", "name": "Wallonie"},
    ]
    assert data == {
        "@context": "https://schema.org",
        "@type": ["Service", "Grant"],
        "name": "Bourse numérique",
        "description": "De quoi s'équiper.",
        "url": f"{PUBLIC}/soutiens/bourse-numerique/",
        "inLanguage": "fr",
        "serviceType": "Financement",
        "provider": provider,
        "funder": provider,
        "areaServed": regions,
        "audience": {
            "@type": "BusinessAudience",
            "audienceType": "Formes juridiques : Coopérative, ASBL / association. "
            "Types d'organisation : Tous. Tailles : 1 à 9 salariés.",
        },
        "offers": {
            "@type": "Offer",
            "url": "https://aides.example/bourse",
            "eligibleRegion": regions,
            "availabilityStarts": days(-10).isoformat(),
            "availabilityEnds": days(60).isoformat(),
            "description": "jusqu'à 15 000 €",
        },
    }


def test_a_coaching_open_all_year_in_dutch_is_a_service_in_dutch(
    client,
    programme_index,  # noqa: F811
):
    programme = publish_programme(
        programme_index,
        title="Chèque coaching",
        kind=ProgrammePage.Kind.COACHING,
        provider="Réseau des coachs (fictif)",
        open_all_year=True,
        amount="gratuit",
        official_url="https://coachs.example/",
    )
    page = programme.get_latest_revision_as_object()
    page.translations = [
        ProgrammeTranslation(
            language="nl",
            title="Coachingcheque",
            summary="Tien halve dagen begeleiding.",
            amount="gratis",
            description="<p>Een coach helpt.</p>",
            how_to_apply="<p>Online formulier.</p>",
        )
    ]
    page.save_revision().publish()

    data = ld_json(client.get(programme.url, **NL).content.decode())

    assert data == {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": "Coachingcheque",
        "description": "Tien halve dagen begeleiding.",
        "url": f"{PUBLIC}/soutiens/cheque-coaching/",
        "inLanguage": "nl",
        "serviceType": "Begeleiding",
        "provider": {"@type": "Organization", "name": "Réseau des coachs (fictif)"},
        "audience": {
            "@type": "BusinessAudience",
            "audienceType": "Rechtsvormen: Alle. Types organisatie: Alle. Groottes: Alle.",
        },
        "offers": {
            "@type": "Offer",
            "url": "https://coachs.example/",
            "description": "Het hele jaar open · gratis",
        },
    }


def test_an_organisation_is_an_organization_with_its_place(client):
    organisation = OrganisationFactory(
        name="Les Ateliers Récup",
        city="Namur",
        region=RegionFactory(name="Wallonie", slug="wallonie"),
        website="https://ateliers.example/",
        description="Réparer plutôt que jeter.",
    )

    data = ld_json(client.get(organisation.get_absolute_url()).content.decode())

    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Les Ateliers Récup",
        "url": f"{PUBLIC}/organisations/les-ateliers-recup/",
        "description": "Réparer plutôt que jeter.",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Namur",
            "addressRegion": "Wallonie",
        },
        "sameAs": ["https://ateliers.example/"],
    }


@pytest.mark.parametrize("kind", ["story", "programme", "organisation"])
def test_hostile_text_does_not_leave_the_json_ld(
    client,
    kind,
    story_index,  # noqa: F811
    programme_index,  # noqa: F811
):
    if kind == "story":
        url, key = publish_story(story_index, title=HOSTILE, lead=HOSTILE).url, "headline"
    elif kind == "programme":
        url, key = publish_programme(programme_index, title=HOSTILE).url, "name"
    else:
        url, key = OrganisationFactory(name=HOSTILE, description=HOSTILE).get_absolute_url(), "name"

    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)[key] == HOSTILE
    assert "<script>alert(1)</script>" not in html
    assert social(response)["og:title"] == HOSTILE  # an attribute, escaped


def test_a_page_without_its_own_tags_gets_the_defaults_in_the_reader_s_language(client):
    OrganisationFactory()

    french = social(client.get("/organisations/"))
    dutch = social(client.get("/organisations/", **NL))

    assert french == {
        "og:site_name": "Relais",
        "og:type": "website",
        "og:title": "Annuaire des organisations",
        "og:description": (
            "Relais, le réseau d'échange de l'économie sociale pour sa transformation numérique."
        ),
        "og:url": f"{PUBLIC}/organisations/",
        "og:locale": "fr_BE",
        "twitter:card": "summary",
    }
    assert dutch == {
        **french,
        "og:title": "Organisatiegids",
        "og:description": (
            "Relais, het uitwisselingsnetwerk voor de digitale transformatie van de sociale "
            "economie."
        ),
        "og:locale": "nl_BE",
    }


def sitemap_entries(client) -> dict[str, tuple[str | None, list[tuple[str, str]]]]:
    """{location: (lastmod, [(hreflang, href)])}."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext("s:loc", namespaces=SITEMAP): (
            url.findtext("s:lastmod", namespaces=SITEMAP),
            [
                (link.get("hreflang"), link.get("href"))
                for link in url.findall("xhtml:link[@rel='alternate']", SITEMAP)
            ],
        )
        for url in root.findall("s:url", SITEMAP)
    }


def build_whole_site_at_public():
    """`whole_site`'s rows (tests/website/conftest.py), built at the public address."""
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC + "/"):
        return build_whole_site()


# The tests of `TestTheWholeSite` read one of everything: built once for the class
# (tests/shared.py).
_whole_site = built_once_per_class(build_whole_site_at_public)


class TestTheWholeSite:
    """The sitemap and the feeds' announcements, on one of everything built once for the
    class."""

    @pytest.fixture
    def whole_site(self, _whole_site, db):
        return _whole_site.copy()

    def test_the_sitemap_dates_every_address_and_gives_it_as_its_own_x_default(
        self, client, whole_site
    ):
        _member, names = whole_site
        # The fixtures make the home and list pages live without publishing them: published as
        # editors and seed_demo do, they have their date (a page never published has none).
        for page in Page.objects.live().filter(depth__gt=1, last_published_at=None).specific():
            page.save_revision().publish()
        story = StoryPage.objects.get(slug=names["story"])
        programme = ProgrammePage.objects.get(slug=names["programme"])

        entries = sitemap_entries(client)

        def day(moment):
            return timezone.localtime(moment, ZONE).date().isoformat()

        assert entries[f"{PUBLIC}/recits/{story.slug}/"] == (
            day(story.last_published_at),
            [("x-default", f"{PUBLIC}/recits/{story.slug}/")],
        )
        assert entries[f"{PUBLIC}/soutiens/{programme.slug}/"] == (
            day(programme.last_published_at),
            [("x-default", f"{PUBLIC}/soutiens/{programme.slug}/")],
        )
        for location, (lastmod, alternates) in entries.items():
            assert lastmod, location
            assert alternates == [("x-default", location)]
        assert f"{PUBLIC}/organisations/{names['organisation']}/" in entries
        assert f"{PUBLIC}/outils/{names['tool']}/" in entries

    def test_every_feed_is_announced_on_its_list(self, client, whole_site):
        _member, names = whole_site
        organisation = f"/organisations/{names['organisation']}/"
        expected = {
            "/recits/": [("application/atom+xml", "/recits/feed/")],
            f"/recits/{names['story']}/": [("application/atom+xml", "/recits/feed/")],
            "/pratiques/": [("application/atom+xml", "/pratiques/feed/")],
            "/agenda/": [("text/calendar", "/agenda/feed.ics")],
            "/soutiens/": [("text/calendar", "/soutiens/echeances.ics")],
            organisation: [("text/calendar", f"{organisation}agenda.ics")],
        }

        for page, alternates in expected.items():
            assert head(client.get(page)).alternates == alternates, page
            for kind, href in alternates:
                feed = client.get(href)
                assert feed.status_code == 200, href
                assert feed["Content-Type"].startswith(kind), href
