"""The benchmark's data generator (bench/data.py, bench/generator.py) at its tiny scale:
exact counts, a page tree treebeard and Wagtail accept, sheets served and found by the
library's search, programmes and stories served and filtered, and search texts equal to
what the models and the search backend write."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.utils.html import escape
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from bench.generator import SCALES, generate, step
from community.models import Organisation, User
from events.models import EventPage
from practices.models import PracticeSheetPage, Tool
from programmes.models import ProgrammePage
from rooms.models import Room
from stories.models import StoryPage

# Every count is fixed by the seed (random.Random(2026)) and the tiny scale.
TINY_COUNTS = {
    "Organisation": 8,
    "Affiliation": 7,
    "User": 24,
    "Membership": 27,  # with the sample member as admin of a federation and an EES (diagnostic)
    "Tool": 37,
    "PracticeSheetPage": 6,
    "SheetKeyword": 18,
    "Useful": 12,
    "Bookmark": 1,
    "Adoption": 2,
    "EventPage": 5,
    "OccurrenceChange": 0,
    "Registration": 30,
    "Room": 13,
    "RoomMessage": 60,
    "ReadMarker": 8,
    "ProgrammePage": 6,
    "ProgrammeFollow": 4,
    "StoryPage": 4,
    "StoryAuthor": 6,
}


def _index_row(obj) -> tuple:
    """The search index's row of `obj`: its vectors and texts, as PostgreSQL prints them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text, autocomplete::text, body::text, title_text, body_text "
            "FROM wagtailsearch_indexentry e JOIN django_content_type c "
            "ON c.id = e.content_type_id WHERE c.app_label = %s AND c.model = %s "
            "AND e.object_id = %s",
            [obj._meta.app_label, obj._meta.model_name, str(obj.pk)],
        )
        return cursor.fetchone()


def test_step_is_treebeards():
    assert [step(n) for n in (1, 9, 10, 35, 36, 1296)] == [
        "0001",
        "0009",
        "000A",
        "000Z",
        "0010",
        "0100",
    ]
    assert Page._get_path("0001", 2, 36) == "0001" + step(36)


@pytest.mark.django_db
def test_tiny_network(client):
    generator, samples = generate("tiny", analyze=False, out=io.StringIO())
    scale = SCALES["tiny"]

    counts = generator.counts()
    assert counts == TINY_COUNTS
    assert counts["RoomMessage"] == scale.messages
    # The rooms with messages, then an empty room for every other sheet and event.
    assert counts["Room"] == scale.rooms + scale.sheets + scale.events - 2
    assert Room.objects.filter(last_seq__gt=0).count() == scale.rooms
    assert not PracticeSheetPage.objects.exclude(
        pk__in=Room.objects.filter(kind=Room.Kind.PAGE).values("page_id")
    ).exists()
    assert samples["room_messages"] == scale.big_room_messages
    assert Organisation.objects.federations().count() == scale.federations

    # A tree treebeard finds nothing wrong with: paths, depths, numchild.
    assert all(not problems for problems in Page.find_problems())
    sheets = PracticeSheetPage.objects.live().select_related("organisation")
    sheets = sheets.prefetch_related(
        "difficulties", "tips", "phases", "keywords", "sheet_tools__tool"
    )
    for sheet in sheets:
        assert sheet.url_path == f"/accueil/pratiques/{sheet.slug}/"
        for part in ("difficulties", "tips", "phases", "sheet_tools", "keywords"):
            assert len(getattr(sheet, part).all()) == 3
    assert all(e.url_path == f"/accueil/agenda/{e.slug}/" for e in EventPage.objects.all())
    programmes = list(ProgrammePage.objects.live())
    assert len(programmes) == scale.programmes
    for programme in programmes:
        assert programme.url_path == f"/accueil/soutiens/{programme.slug}/"
        programme.full_clean()  # the model's own rules (a call has a deadline…)

    # Served, and found by the library's search (Wagtail's index, written in bulk).
    assert client.get("/pratiques/").status_code == 200
    response = client.get(samples["sheet"])
    assert response.status_code == 200
    sheet = PracticeSheetPage.objects.get(url_path=f"/accueil{samples['sheet']}")
    assert escape(sheet.title) in response.content.decode()
    found = client.get("/pratiques/", {"q": samples["sheet_query"]})
    assert found.status_code == 200
    assert escape(sheet.title) in found.content.decode()
    assert client.get(samples["event"]).status_code == 200
    assert client.get(samples["organisation"]).status_code == 200

    # The programme list, with the signed-in row's two filters, and a programme.
    listed = client.get("/soutiens/")
    assert listed.status_code == 200
    today = ProgrammePage.today()
    current = [p for p in programmes if p.open_all_year or p.deadline >= today]
    assert current

    def link(programme):  # a card's link (a title may begin another one)
        return f'href="/soutiens/{programme.slug}/"'

    assert all(link(p) in listed.content.decode() for p in current[:12])
    region = samples["programme_region"]
    filtered = client.get("/soutiens/", {"region": region, "legal_form": "cooperative"})
    assert filtered.status_code == 200
    for programme in current:
        regions = {r.slug for r in programme.regions.all()}
        fits = (not regions or region in regions) and (
            not programme.legal_forms or "cooperative" in programme.legal_forms
        )
        assert (link(programme) in filtered.content.decode()) == fits
    assert client.get(samples["programme"]).status_code == 200

    # The diagnostic's rows, as the sample member: their organisation's result, a screen
    # of the questionnaire, their federation's dashboard.
    client.force_login(User.objects.get(email=samples["member_email"]))
    result = client.get(samples["diagnostic"])
    assert result.status_code == 200
    assert result.context["result"].overall is not None
    assert client.get(samples["diagnostic_step"]).status_code == 200
    dashboard = client.get(samples["federation_dashboard"])
    assert dashboard.status_code == 200
    assert dashboard.context["dashboard"].members

    # The stories: each served, valid as the editor's form wants it, all in the list; the
    # list filtered by the signed-in row's theme shows exactly the stories of that theme.
    stories = list(StoryPage.objects.live().prefetch_related("themes", "authors"))
    assert len(stories) == scale.stories
    stories_page = client.get("/recits/")
    assert stories_page.status_code == 200
    for story in stories:
        assert story.url_path == f"/accueil/recits/{story.slug}/"
        story.full_clean()  # the body's blocks, the heading levels, the figures…
        assert 6 <= len(story.body) <= 12
        assert 1 <= len(story.themes.all()) <= 3
        assert story.sectors.count() == 1 and story.regions.count() == 1
        assert 1 <= len(story.authors.all()) <= 3
        response = client.get(f"/recits/{story.slug}/")
        assert response.status_code == 200
        assert escape(story.title) in response.content.decode()
        assert f'href="/recits/{story.slug}/"' in stories_page.content.decode()
    newest = max(stories, key=lambda s: s.first_published_at)
    assert samples["story"] == f"/recits/{newest.slug}/"
    theme = samples["story_theme"]
    by_theme = client.get("/recits/", {"theme": theme})
    assert by_theme.status_code == 200
    for story in stories:
        named = theme in {t.slug for t in story.themes.all()}
        assert (f'href="/recits/{story.slug}/"' in by_theme.content.decode()) == named
    assert any(theme in {t.slug for t in s.themes.all()} for s in stories)

    # The bulk search texts are the product's: the model's document, the backend's rows.
    for sheet in sheets:
        assert generator.sheet_documents[generator.sheet_list.index(sheet)] == (
            sheet.search_document()
        )
    backend = get_search_backend()
    objects = [
        sheets[0],
        EventPage.objects.first(),
        Organisation.objects.first(),
        programmes[0],
        stories[0],
    ]
    for obj in objects:
        bulk = _index_row(obj)
        backend.add(obj)
        assert _index_row(obj) == bulk
    tool = Tool.objects.first()
    bulk = _index_row(tool)
    backend.add(tool)
    assert _index_row(tool) == bulk
