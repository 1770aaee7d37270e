"""/recits/: the list and its filters, a story, related reading found by theme, the Atom
feed, the sitemap, scheduled publishing; query counts that do not grow."""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.utils import timezone

from programmes.models import ProgrammeIndexPage
from stories.models import StoryAuthor, StoryPage
from tests.factories import RegionFactory, ThemeFactory
from tests.programmes.conftest import publish_programme

from .conftest import publish_story

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
# Site, page tree and view restrictions (6), menu, footer, the filters' options (3), the
# count, the page of stories, their themes and their translations.
LIST_QUERIES = 15


def titles(response) -> list[str]:
    return [story.title for story in response.context["stories"]]


@pytest.fixture
def themes():
    return ThemeFactory(name="RGPD", slug="rgpd"), ThemeFactory(
        name="Logiciels libres", slug="libres"
    )


def test_the_list_shows_the_newest_first_and_filters_by_theme(client, story_index, themes):
    rgpd, libres = themes
    publish_story(story_index, title="Une crèche en règle", themes=[rgpd])
    publish_story(story_index, title="Un serveur partagé", themes=[libres])
    publish_story(story_index, title="Brouillon", publish=False)

    assert titles(client.get("/recits/")) == ["Un serveur partagé", "Une crèche en règle"]
    assert titles(client.get("/recits/", {"theme": "rgpd"})) == ["Une crèche en règle"]
    odd = client.get("/recits/", {"region": "atlantide", "page": "zz"})
    assert odd.status_code == 200 and len(titles(odd)) == 2
    assert {str(label) for label, _m in odd.context["filter_errors"]} == {"Région", "Page"}


def test_list_query_count_does_not_grow_with_the_stories(
    client, story_index, themes, django_assert_num_queries
):
    publish_story(story_index, title="Premier", themes=themes)
    client.get("/recits/")
    with django_assert_num_queries(LIST_QUERIES):
        client.get("/recits/")
    for n in range(6):
        publish_story(story_index, title=f"Récit {n}", themes=themes)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/recits/")
    assert len(titles(response)) == 7


def test_a_story_shows_its_authors_and_reading_found_by_theme(client, story_index, themes):
    rgpd, libres = themes
    author = StoryAuthor.objects.create(name="Nadia Bensaïd", role="journaliste")
    older = publish_story(story_index, title="Un registre en équipe", themes=[rgpd])
    publish_story(story_index, title="Sans rapport", themes=[libres])
    story = publish_story(story_index, title="Une crèche en règle", themes=[rgpd], authors=[author])

    response = client.get(story.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Par Nadia Bensaïd (journaliste)" in html
    assert [s.title for s in response.context["related_stories"]] == [older.title]
    assert "<h2>Le point de départ</h2>" in html


def test_story_page_query_count_does_not_grow_with_authors_and_related(
    client, story_index, themes, django_assert_num_queries
):
    rgpd, _libres = themes
    story = publish_story(story_index, title="Le récit", themes=[rgpd])
    publish_story(story_index, title="Voisin", themes=[rgpd])
    client.get(story.url)
    with django_assert_num_queries(STORY_QUERIES):
        client.get(story.url)
    for n in range(3):
        publish_story(story_index, title=f"Voisin {n}", themes=[rgpd])
    page = StoryPage.objects.get(pk=story.pk)
    page.authors = [StoryAuthor.objects.create(name=f"Auteur {n}") for n in range(3)]
    page.save_revision().publish()
    with django_assert_num_queries(STORY_QUERIES):
        response = client.get(story.url)
    assert len(response.context["authors"]) == 3
    assert len(response.context["related_stories"]) == 3


STORY_QUERIES = 18


def test_a_programme_lists_the_stories_it_supported(client, home_page, story_index):
    support = home_page.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    programme = publish_programme(support, title="Bourse wallonne")
    publish_story(story_index, title="Ce que la bourse a payé", programmes=[programme])

    html = client.get(programme.url).content.decode()
    assert "Ce que la bourse a payé" in html


def test_a_scheduled_story_goes_live_at_its_time_in_the_list_the_feed_and_the_sitemap(
    client, story_index
):
    RegionFactory()
    story = publish_story(story_index, title="Un récit programmé", publish=False)
    page = StoryPage.objects.get(pk=story.pk)
    page.go_live_at = timezone.now() + dt.timedelta(seconds=2)
    page.save_revision().publish()  # scheduled: not live yet
    page.refresh_from_db()
    assert not page.live
    assert titles(client.get("/recits/")) == []

    time.sleep(2.1)  # its time comes (Wagtail's command compares with the clock)
    call_command("publish_scheduled")

    assert titles(client.get("/recits/")) == ["Un récit programmé"]
    feed = ET.fromstring(client.get("/recits/feed/").content)
    assert [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")] == ["Un récit programmé"]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/recits/un-recit-programme/</loc>" in sitemap
