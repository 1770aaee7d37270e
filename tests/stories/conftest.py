"""Fixtures for the stories tests: the page tree (home → /recits/) and a way to publish a
story as an editor would."""

from __future__ import annotations

import pytest

from stories.models import StoryIndexPage, StoryPage
from tests.practices.conftest import home_page  # noqa: F401 (the same page tree)

BODY = [
    {"type": "heading", "value": {"text": "Le point de départ", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Trente-deux aides familiales et trois classeurs.</p>"},
]


def publish_story(index, *, title, themes=(), authors=(), publish=True, **fields) -> StoryPage:
    fields.setdefault("lead", f"{title} : ce qui a changé.")
    fields.setdefault("body", BODY)
    story = StoryPage(title=title, live=publish, **fields)
    story.themes = list(themes)
    story.authors = list(authors)
    index.add_child(instance=story)
    revision = story.save_revision()
    if publish:
        revision.publish()
    story.refresh_from_db()
    return story


@pytest.fixture
def story_index(home_page):  # noqa: F811
    return home_page.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
