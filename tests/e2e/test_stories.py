"""/recits/ in a real browser: the list with a filter and a story with every kind of block
pass axe-core at desktop and phone widths; the video's transcript opens without
JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from stories.models import StoryAuthor, StoryIndexPage
from tests.e2e.test_accessibility import assert_no_blocking_violation, scan
from tests.factories import ThemeFactory
from tests.stories.conftest import publish_story

pytestmark = pytest.mark.e2e

BODY = [
    {"type": "heading", "value": {"text": "Le point de départ", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Trente-deux aides familiales et trois classeurs.</p>"},
    {
        "type": "key_figures",
        "value": {"figures": [{"figure": "18 mois", "label": "du premier atelier à la fin"}]},
    },
    {"type": "heading", "value": {"text": "Ce qui a aidé", "level": "h3"}},
    {
        "type": "quote",
        "value": {"text": "Si ça marche pour moi, ça marchera.", "speaker": "Josiane", "role": ""},
    },
    {
        "type": "video",
        "value": {
            "url": "https://video.example/atelier",
            "title": "L'atelier du vendredi",
            "transcript": "<p>Bonjour, nous sommes l'équipe du vendredi.</p>",
        },
    },
]


@pytest.fixture
def story(home_page):
    index = home_page.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    theme = ThemeFactory(name="Inclusion numérique", slug="inclusion")
    author = StoryAuthor.objects.create(name="Nadia Bensaïd", role="journaliste")
    publish_story(index, title="Un autre récit", themes=[theme])
    return publish_story(
        index, title="Des tournées sans papier", themes=[theme], authors=[author], body=BODY
    )


def test_story_pages_have_no_serious_violation(page: Page, story):
    def listing():
        page.goto("/recits/?theme=inclusion&region=zzz")

    def story_page():
        page.goto(story.url)

    assert_no_blocking_violation(
        scan(page, "stories-filtered", listing) + scan(page, "story", story_page)
    )
    page.get_by_text("Lire la transcription").click()
    expect(page.get_by_text("Bonjour, nous sommes l'équipe du vendredi.")).to_be_visible()
