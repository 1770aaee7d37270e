"""Wagtail's public API answers bad input with 400, never 500; each page type shows only
relations the API knows how to show; a list's queries do not grow with its length. What the
API shows of each type: tests/website/test_api_content_*.py."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page, get_page_models

from events.models import EventPage
from practices.models import PracticeSheetPage
from stories.models import StoryPage
from tests.shared import built_once_per_class
from tests.website.fixtures_api import build_network
from website.api import how_shown


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search=%00",
        "/api/v2/images/?search=%00",
        "/api/v2/pages/?search_operator=zzz&search=a",
        "/api/v2/pages/?search=" + "+".join(["mot"] * 300),
        "/api/v2/pages/?site=%00",
        "/api/v2/pages/find/?html_path=/%00",
        "/api/v2/pages/?offset=" + "9" * 30,
        "/api/v2/images/?offset=18446744073709551616",
    ],
)
def test_api_bad_query_is_a_400(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "message" in response.json()


@pytest.mark.django_db
def test_api_lists_live_pages(client):
    expected = list(Page.objects.live().filter(depth__gt=1).values_list("title", flat=True))

    response = client.get("/api/v2/pages/")

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == expected
    assert len(expected) >= 1


# --- What each page type shows: relations the API knows, never a person -------------------


NEVER = {"online_url", "proposed_by", "registrations", "owner", "locked_by", "latest_revision"}


def test_every_page_types_api_fields_are_shown_knowingly():
    """A field added to a page type's `api_fields` is a plain value or a relation the API
    knows how to show (`how_shown` raises for the others, a person first); the fields that
    name members or carry a private link are in none. A story's `authors` are editorial
    bylines (snippets); a sheet's are members, refused."""
    for model in get_page_models():
        names = [getattr(field, "name", field) for field in getattr(model, "api_fields", ())]
        for name in names:
            how_shown(model, name)
        assert not NEVER & set(names), model
        assert "authors" not in names or model is StoryPage, model


def test_a_relation_to_a_person_is_refused():
    with pytest.raises(ImproperlyConfigured, match="PracticeSheetPage.authors"):
        how_shown(PracticeSheetPage, "authors")
    with pytest.raises(ImproperlyConfigured, match="EventPage.proposed_by"):
        how_shown(EventPage, "proposed_by")


# --- A list's queries do not grow with its length -----------------------------------------

# Measured, then pinned: the same for 2 and for 6 pages of each type, every field asked for
# (`fields=*`), as a visitor.
# Each: the view restrictions, the site, the count, the pages, then one query per relation
# shown (the locale, each taxonomy, the organisations, the linked pages, a sheet's parts…);
# a story's hero image adds the collections' restrictions (four here, as some exist).
LIST_QUERIES = {
    "stories.StoryPage": 18,
    "programmes.ProgrammePage": 8,
    "practices.PracticeSheetPage": 17,
    "events.EventPage": 11,
    "": 6,  # every page, of any type (Wagtail's own fields only)
}

_network = built_once_per_class(build_network, params=[2, 6])


@pytest.fixture
def network(_network, db):
    return _network.copy()


class TestListQueries:
    @pytest.mark.parametrize("page_type", list(LIST_QUERIES))
    def test_api_list_query_count_independent_of_size(
        self, client, network, page_type, django_assert_num_queries
    ):
        with django_assert_num_queries(LIST_QUERIES[page_type]):
            response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"})

        assert response.status_code == 200
        if page_type:
            assert len(response.json()["items"]) == network["size"]
