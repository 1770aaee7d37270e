"""The stable addresses of DESIGN.md answer as they always did, whatever serves them (a
Wagtail page, one of its routes, or a Django view): each is listed here with who asks,
the status and what answers (the template it renders, or the type of file it returns).

Built on `whole_site` (a small page tree: home, /pratiques/ with one sheet, /agenda/ with
one event, a tool, an organisation, a room), not the demo. Addresses of DESIGN.md that
no part of Relais serves yet (the data page) are left out until they exist; `/ws/salons/<slug>/`
is a WebSocket, checked by the consumer's tests."""

from __future__ import annotations

import pytest
from django.test import Client

from community.pages import route_slugs
from events.models import CalendarPage
from practices.models import PracticeIndexPage
from programmes.models import ProgrammeIndexPage
from stories.models import StoryIndexPage
from tests.practices.fixtures_listing import build_index, make_sheet, make_tool

pytestmark = pytest.mark.django_db

VISITOR, MEMBER = "visitor", "member"
LOGIN = "/accounts/login/"
HTML = "text/html; charset=utf-8"

# (address, who asks, status, what answers: a template it renders, or for a file its
# content type; for a redirect, where it goes). `{…}` from `whole_site`.
ADDRESSES = [
    ("/", VISITOR, 200, "website/home_page.html"),
    ("/accounts/signup/", VISITOR, 200, "account/signup.html"),
    ("/accounts/login/", VISITOR, 200, "account/login.html"),
    ("/accounts/logout/", MEMBER, 200, "account/logout.html"),
    ("/accounts/password/reset/", VISITOR, 200, "account/password_reset.html"),
    ("/admin/", VISITOR, 302, LOGIN),
    ("/pratiques/", VISITOR, 200, "practices/practice_index_page.html"),
    ("/pratiques/?theme=zzz&page=2", VISITOR, 200, "practices/practice_index_page.html"),
    ("/pratiques/{sheet}/", VISITOR, 200, "practices/practice_sheet_page.html"),
    ("/pratiques/{sheet}/", MEMBER, 200, "practices/practice_sheet_page.html"),
    ("/pratiques/proposer/", VISITOR, 302, LOGIN),
    ("/pratiques/proposer/", MEMBER, 200, "practices/wizard/index.html"),
    ("/pratiques/feed/", VISITOR, 200, "application/atom+xml; charset=utf-8"),
    ("/outils/", VISITOR, 200, "practices/tool_list.html"),
    ("/outils/{tool}/", VISITOR, 200, "practices/tool_detail.html"),
    ("/agenda/", VISITOR, 200, "events/calendar_page.html"),
    ("/agenda/?view=month&month=2030-01", VISITOR, 200, "events/calendar_page.html"),
    ("/agenda/{event}/", VISITOR, 200, "events/event_page.html"),
    ("/agenda/{event}/", MEMBER, 200, "events/event_page.html"),
    ("/agenda/{event}/event.ics", VISITOR, 200, "text/calendar; charset=utf-8"),
    ("/agenda/feed.ics", VISITOR, 200, "text/calendar; charset=utf-8"),
    ("/agenda/annoncer/", VISITOR, 302, LOGIN),
    ("/agenda/annoncer/", MEMBER, 200, "events/announce.html"),
    ("/organisations/", VISITOR, 200, "community/directory.html"),
    ("/organisations/{organisation}/", VISITOR, 200, "community/organisation_detail.html"),
    # Rooms are moving to an app of their own, templates included: their type, not a name.
    ("/salons/", MEMBER, 200, HTML),
    ("/salons/{room}/", MEMBER, 200, HTML),
    ("/moi/", VISITOR, 302, LOGIN),
    ("/moi/", MEMBER, 200, "community/me.html"),
    ("/moi/supprimer/", VISITOR, 302, LOGIN),
    ("/moi/supprimer/", MEMBER, 200, "website/delete_account.html"),
    ("/confidentialite/", VISITOR, 200, "website/privacy.html"),
    ("/recits/", VISITOR, 200, "stories/story_index_page.html"),
    ("/recits/?theme=zzz&page=9", VISITOR, 200, "stories/story_index_page.html"),
    ("/recits/{story}/", VISITOR, 200, "stories/story_page.html"),
    ("/recits/feed/", VISITOR, 200, "application/atom+xml; charset=utf-8"),
    ("/soutiens/", VISITOR, 200, "programmes/programme_index_page.html"),
    ("/soutiens/?region=zzz&when=closed", VISITOR, 200, "programmes/programme_index_page.html"),
    ("/soutiens/{programme}/", VISITOR, 200, "programmes/programme_page.html"),
    ("/soutiens/{programme}/", MEMBER, 200, "programmes/programme_page.html"),
    ("/soutiens/echeances.ics", VISITOR, 200, "text/calendar; charset=utf-8"),
    ("/soutiens/pour-mon-organisation/", VISITOR, 302, LOGIN),
    ("/soutiens/pour-mon-organisation/", MEMBER, 200, "programmes/eligible.html"),
    ("/diagnostic/", VISITOR, 200, "diagnostic/home.html"),
    ("/diagnostic/", MEMBER, 200, "diagnostic/home.html"),
    ("/diagnostic/{diagnostic}/", VISITOR, 302, LOGIN),
    ("/diagnostic/{diagnostic}/", MEMBER, 200, "diagnostic/result.html"),
    ("/robots.txt", VISITOR, 200, "text/plain; charset=utf-8"),
    ("/sitemap.xml", VISITOR, 200, "application/xml"),
    ("/healthz", VISITOR, 200, "application/json"),
    ("/api/v2/pages/", VISITOR, 200, "application/json"),
]


def _what(response, expected: str) -> str:
    """What answered, in the terms of `expected`: a redirect's target (without its query),
    a template the response rendered (`….html`), or the content type."""
    if response.status_code in (301, 302):
        return response["Location"].split("?")[0]
    if expected.endswith(".html"):
        names = {template.name for template in response.templates}
        return expected if expected in names else f"not {expected} but {sorted(names)[:3]}"
    return response["Content-Type"]


def test_stable_addresses_answer_as_designed(whole_site):
    member, names = whole_site
    signed_in = Client()
    signed_in.force_login(member)
    clients = {VISITOR: Client(), MEMBER: signed_in}

    answers = []
    for address, who, _status, what in ADDRESSES:
        response = clients[who].get(address.format(**names))
        answers.append((address, who, response.status_code, _what(response, what)))

    assert answers == ADDRESSES


# --- A page's routes and its children ------------------------------------------------------


def test_route_slugs_are_the_first_segments_of_routes_and_django_addresses():
    assert route_slugs(PracticeIndexPage) == {"proposer", "feed"}
    assert route_slugs(CalendarPage) == {"annoncer", "prive", "widget"}
    assert route_slugs(ProgrammeIndexPage) == {"pour-mon-organisation"}
    assert route_slugs(StoryIndexPage) == {"feed"}


def test_route_of_the_library_comes_before_a_child_with_its_slug(client):
    """Why services never give a child a route's slug: the route wins (`RoutablePageMixin`
    tries the page's routes before its children)."""
    index = build_index()
    tools = [make_tool(name) for name in ("Nextcloud", "Dolibarr", "Signal")]
    make_sheet(index, title="Proposer", slug="proposer", tools=tools)
    make_sheet(index, title="Une fiche", slug="une-fiche", tools=tools)

    hidden = client.get("/pratiques/proposer/")
    shown = client.get("/pratiques/une-fiche/")

    assert (hidden.status_code, hidden["Location"]) == (
        302,
        "/accounts/login/?next=/pratiques/proposer/",
    )
    assert (shown.status_code, shown.context["page"].title) == (200, "Une fiche")
