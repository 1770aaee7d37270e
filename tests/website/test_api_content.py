"""What /api/v2/ gives federations: stories, programmes, sheets and events with their useful
fields, never a member's name or address, an event's online link, a draft or a private page.

Every test here reads one small network built once for the module (tests/shared.py); the
query counts of the lists, at two sizes, are in tests/website/test_api.py."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from community.models import User
from events.models import CalendarPage, EventPage, Registration
from practices.models import Adoption, Bookmark, PracticeSheetPage, Tool, Useful
from programmes.models import ProgrammeIndexPage
from stories.models import StoryAuthor, StoryIndexPage
from tests.events.conftest import future, publish_event
from tests.factories import (
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.programmes.conftest import days, publish_programme
from tests.shared import built_once_per_module
from tests.stories.conftest import publish_story

pytestmark = pytest.mark.django_db

STORY = "stories.StoryPage"
PROGRAMME = "programmes.ProgrammePage"
SHEET = "practices.PracticeSheetPage"
EVENT = "events.EventPage"
TYPES = [STORY, PROGRAMME, SHEET, EVENT]

# The people of the network: none of these strings may appear in any answer of the API.
MEMBERS = {
    "author": ("Zéphyrine Quenouille", "zephyrine.quenouille@example.org"),
    "co_author": ("Barnabé Fontaneau", "barnabe.fontaneau@example.org"),
    "proposer": ("Clothilde Vasseur", "clothilde.vasseur@example.org"),
    "registrant": ("Anatole Brisebois", "anatole.brisebois@example.org"),
    "tool_proposer": ("Gwendoline Marcassin", "gwendoline.marcassin@example.org"),
}
ONLINE_URL = "https://visio.example/salle-secrete-7f3k9q"
# Pages and images that are not public: their titles may not appear either.
HIDDEN_TITLES = [
    "Récit en préparation",
    "Récit réservé aux abonnés",
    "Fiche en brouillon",
    "Appel en préparation",
    "Photo réservée",
]


def build_network(size: int = 1) -> dict:
    """`size` stories, programmes, sheets and events, each with every relation the API
    shows filled in, and around them what it must never show: members (authors of the
    sheets, who proposed an event, who registered, who proposed a tool, who marked a sheet
    useful), an online link, a draft and a private story, a draft sheet, an unpublished
    programme, an image in a restricted collection."""
    people = {
        role: UserFactory(
            display_name=name,
            email=email,
            first_name=name.split()[0],
            last_name=name.split()[1],
        )
        for role, (name, email) in MEMBERS.items()
    }
    home = build_home()
    sheet_index = build_index()
    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    support = home.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    told = home.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    theme = ThemeFactory(name="Outils collaboratifs")
    sector = SectorFactory(name="Aide à domicile")
    region = RegionFactory(name="Wallonie")
    federation = FederationFactory(name="Fédération des Coopératives")
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    for role in ("author", "co_author"):
        MembershipFactory(organisation=organisation, user=people[role])
    tools = [
        make_tool("Nextcloud", website="https://nextcloud.com/"),
        make_tool("Dolibarr"),
        make_tool("Outil proposé", live=False, proposed_by=people["tool_proposer"]),
    ]

    hidden_programme = publish_programme(support, title="Appel en préparation")
    hidden_programme.unpublish()
    draft_sheet = make_sheet(sheet_index, title="Fiche en brouillon", tools=tools, live=False)
    draft_story = publish_story(told, title="Récit en préparation", publish=False)
    private_story = publish_story(told, title="Récit réservé aux abonnés")
    PageViewRestriction.objects.create(
        page=private_story, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    image_model = get_image_model()
    image = image_model.objects.create(title="Atelier", file=get_test_image_file("atelier.png"))
    reserved = Collection.get_first_root_node().add_child(name="Réservé")
    restriction = CollectionViewRestriction.objects.create(
        collection=reserved, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Équipe éditoriale restreinte")])
    hidden_image = image_model.objects.create(
        title="Photo réservée", file=get_test_image_file("reserve.png"), collection=reserved
    )
    byline = StoryAuthor.objects.create(name="Camille Plume", role="journaliste")

    stories, programmes, sheets, events = [], [], [], []
    for n in range(1, size + 1):
        programme = publish_programme(
            support,
            title=f"Chèque coaching numérique {n}",
            kind="coaching",
            regions=[region],
            themes=[theme],
            legal_forms=["cooperative", "association"],
            organisation_kinds=["ees"],
            sizes=["1-9"],
            dimensions=["processes"],
            amount="jusqu'à 15 000 €",
            opens_on=days(-10),
            deadline=days(20),
        )
        sheet = make_sheet(
            sheet_index,
            title=f"Un cloud pour l'équipe {n}",
            tools=tools,
            organisation=organisation,
            themes=[theme],
            sectors=[sector],
            region=region,
            dimensions=("processes", "strategy"),
            related=[draft_sheet, *sheets[:1]],
            funded_by=programme if n % 2 else hidden_programme,
            authors=[people["author"], people["co_author"]],
            organisation_size="1-9",
            duration="8 mois",
            budget="12 000 €",
        )
        Useful.objects.create(user=people["registrant"], sheet=sheet)
        Bookmark.objects.create(user=people["registrant"], sheet=sheet)
        Adoption.objects.create(
            sheet=sheet, organisation=federation, author=people["co_author"], outcome="worked"
        )
        event = publish_event(
            calendar,
            title=f"Intervision numérique {n}",
            slug=f"intervision-{n}",
            organisers=[federation, organisation],
            themes=[theme],
            start=future(days=5 + n),
            rrule="FREQ=WEEKLY;COUNT=3",
            summary="Trois rencontres entre pairs.",
            online_url=ONLINE_URL,
            region=region,
            capacity=12,
            registration_deadline=future(days=4),
            proposed_by=people["proposer"],
            related_sheets=[sheet, draft_sheet],
        )
        Registration.objects.create(event=event, user=people["registrant"], status="confirmed")
        story = publish_story(
            told,
            title=f"Un cloud pour l'équipe, deux ans après {n}",
            themes=[theme],
            authors=[byline],
            sectors=[sector],
            regions=[region],
            hero_image=image if n % 2 else hidden_image,
            hero_alt="Trois personnes autour d'un écran",
            programmes=[programme, hidden_programme],
            related_stories=[draft_story, private_story, *stories[:1]],
            related_sheets=[sheet, draft_sheet],
        )
        programmes.append(programme)
        sheets.append(sheet)
        events.append(event)
        stories.append(story)
    # An editor took the member's tool back out of the catalogue (publishing the sheets
    # published it): it stays on the sheets, without its page or link.
    Tool.objects.filter(pk=tools[2].pk).update(live=False)
    return {
        "size": size,
        "ids": {
            STORY: [page.pk for page in stories],
            PROGRAMME: [page.pk for page in programmes],
            SHEET: [page.pk for page in sheets],
            EVENT: [page.pk for page in events],
        },
        "hidden_ids": [
            page.pk for page in (hidden_programme, draft_sheet, draft_story, private_story)
        ],
        "image": image.pk,
    }


_network = built_once_per_module(lambda: build_network(2))


@pytest.fixture
def network(_network, db):
    return _network.copy()


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.content[:300])
    return response.json()


def listed(client, page_type, **params) -> list[dict]:
    """The pages of one type, all their fields, oldest first."""
    return get(client, "/api/v2/pages/", type=page_type, fields="*", order="id", **params)["items"]


# --- The fields of each type ------------------------------------------------------------------

LISTED_META = [
    "type",
    "detail_url",
    "html_url",
    "slug",
    "show_in_menus",
    "seo_title",
    "search_description",
    "first_published_at",
    "alias_of",
    "locale",
]
FIELDS = {
    STORY: [
        "lead",
        "hero_image",
        "hero_alt",
        "authors",
        "themes",
        "sectors",
        "regions",
        "programmes",
        "related_stories",
        "related_sheets",
    ],
    PROGRAMME: [
        "summary",
        "kind",
        "provider",
        "regions",
        "legal_forms",
        "organisation_kinds",
        "sizes",
        "themes",
        "dimensions",
        "amount",
        "open_all_year",
        "opens_on",
        "deadline",
        "call_status",
        "description",
        "how_to_apply",
        "official_url",
    ],
    SHEET: [
        "summary",
        "organisation",
        "sectors",
        "region",
        "organisation_size",
        "duration",
        "budget",
        "funding",
        "funded_by",
        "themes",
        "dimensions",
        "why",
        "difficulties",
        "tips",
        "phases",
        "sheet_tools",
        "keywords",
        "results",
        "social_impact",
        "related_sheets",
    ],
    EVENT: [
        "kind",
        "summary",
        "organisers",
        "start",
        "end",
        "time_zone",
        "rrule",
        "upcoming_dates",
        "venue",
        "is_online",
        "region",
        "capacity",
        "registration_deadline",
        "audience",
        "description",
        "themes",
        "related_sheets",
        "cancelled",
    ],
}


@pytest.mark.parametrize("page_type", TYPES)
def test_api_lists_each_type_with_exactly_its_useful_fields(client, network, page_type):
    item, _second = listed(client, page_type)

    assert list(item) == ["id", "meta", "title", *FIELDS[page_type]]
    assert list(item["meta"]) == LISTED_META
    assert item["meta"]["type"] == page_type


@pytest.mark.parametrize("page_type", TYPES)
def test_api_detail_of_each_type_has_the_same_fields_and_a_story_its_body(
    client, network, page_type
):
    item = get(client, f"/api/v2/pages/{network['ids'][page_type][0]}/")

    body = ["body"] if page_type == STORY else []
    fields = FIELDS[page_type]
    expected = [*fields[:3], *body, *fields[3:]] if body else fields
    assert list(item) == ["id", "meta", "title", *expected]
    assert item["meta"]["parent"]["title"] in ("Récits", "Soutiens", "Fiches pratiques", "Agenda")


TERM = [{"slug": "outils-collaboratifs", "name": "Outils collaboratifs"}]
SECTOR = [{"slug": "aide-a-domicile", "name": "Aide à domicile"}]
REGION = {"slug": "wallonie", "name": "Wallonie"}


def test_api_story_fields(client, network):
    story, second = listed(client, STORY)

    assert story["title"] == "Un cloud pour l'équipe, deux ans après 1"
    assert story["lead"] == "Un cloud pour l'équipe, deux ans après 1 : ce qui a changé."
    assert story["authors"] == [{"name": "Camille Plume", "role": "journaliste"}]
    assert (story["themes"], story["sectors"], story["regions"]) == (TERM, SECTOR, [REGION])
    assert story["hero_image"]["id"] == network["image"]
    assert story["hero_image"]["download_url"].startswith("http://localhost/")
    assert story["hero_alt"] == "Trois personnes autour d'un écran"
    assert [p["title"] for p in story["programmes"]] == ["Chèque coaching numérique 1"]
    assert story["programmes"][0]["html_url"] == (
        "http://localhost/soutiens/cheque-coaching-numerique-1/"
    )
    assert [p["title"] for p in story["related_sheets"]] == ["Un cloud pour l'équipe 1"]
    # Only what is live and public: not a draft or a private story, an unpublished
    # programme, an image in a restricted collection.
    assert story["related_stories"] == []
    assert [p["title"] for p in second["related_stories"]] == [story["title"]]
    assert second["hero_image"] is None


def test_api_story_body_by_its_detail_address_only(client, network):
    pk = network["ids"][STORY][0]

    in_list = client.get("/api/v2/pages/", {"type": STORY, "fields": "body"})
    detail = get(client, f"/api/v2/pages/{pk}/")

    assert in_list.status_code == 400
    assert [block["type"] for block in detail["body"]] == ["heading", "paragraph"]


def test_api_programme_fields(client, network):
    programme, _second = listed(client, PROGRAMME)

    assert {key: programme[key] for key in FIELDS[PROGRAMME]} == {
        "summary": "Chèque coaching numérique 1 en bref",
        "kind": "coaching",
        "provider": "Agence fictive",
        "regions": [REGION],
        "legal_forms": ["cooperative", "association"],
        "organisation_kinds": ["ees"],
        "sizes": ["1-9"],
        "themes": TERM,
        "dimensions": ["processes"],
        "amount": "jusqu'à 15 000 €",
        "open_all_year": False,
        "opens_on": days(-10).isoformat(),
        "deadline": days(20).isoformat(),
        "call_status": "closing",
        "description": "<p>Ce que le soutien finance.</p>",
        "how_to_apply": "<p>Un dossier en ligne.</p>",
        "official_url": "https://aides.example/",
    }


def test_api_sheet_fields(client, network):
    sheet, second = listed(client, SHEET)

    assert sheet["organisation"] == {
        "name": "Les Ateliers Récup",
        "slug": "les-ateliers-recup",
        "url": "http://localhost/organisations/les-ateliers-recup/",
    }
    assert (sheet["themes"], sheet["sectors"], sheet["region"]) == (TERM, SECTOR, REGION)
    assert sheet["dimensions"] == ["processes", "strategy"]
    assert sheet["funded_by"]["title"] == "Chèque coaching numérique 1"
    assert second["funded_by"] is None  # an unpublished programme
    assert sheet["difficulties"][0] == {"title": "Difficulté 1", "text": "Texte de difficulté 1."}
    assert [len(sheet[part]) for part in ("difficulties", "tips", "phases")] == [3, 3, 3]
    assert sheet["keywords"] == ["Écoute", "Patience", "Formation"]
    assert sheet["sheet_tools"][0] == {
        "name": "Nextcloud",
        "slug": "nextcloud",
        "category": "collaboration",
        "licence": "free_software",
        "website": "https://nextcloud.com/",
        "url": "http://localhost/outils/nextcloud/",
        "usage": "Nous avons utilisé Nextcloud au quotidien.",
    }
    # A tool out of the catalogue: no page, no link.
    assert (sheet["sheet_tools"][2]["url"], sheet["sheet_tools"][2]["website"]) == (None, "")
    assert sheet["related_sheets"] == []  # a draft only
    assert [p["title"] for p in second["related_sheets"]] == ["Un cloud pour l'équipe 1"]
    assert (sheet["organisation_size"], sheet["duration"], sheet["budget"]) == (
        "1-9",
        "8 mois",
        "12 000 €",
    )


def test_api_event_fields(client, network):
    event, _second = listed(client, EVENT)

    assert [o["name"] for o in event["organisers"]] == [
        "Fédération des Coopératives",
        "Les Ateliers Récup",
    ]
    assert event["organisers"][0]["url"] == (
        "http://localhost/organisations/federation-des-cooperatives/"
    )
    assert (event["summary"], event["kind"], event["rrule"]) == (
        "Trois rencontres entre pairs.",
        "workshop",
        "FREQ=WEEKLY;COUNT=3",
    )
    assert event["is_online"] is True
    assert (event["themes"], event["region"], event["capacity"]) == (TERM, REGION, 12)
    assert (event["venue"], event["time_zone"]) == (
        "Rue de la Loi 1, 1000 Bruxelles",
        "Europe/Brussels",
    )
    assert event["registration_deadline"] is not None
    starts = [dt.datetime.fromisoformat(d["start"]) for d in event["upcoming_dates"]]
    assert starts[0] == dt.datetime.fromisoformat(event["start"])
    assert [(b.date() - a.date()).days for a, b in itertools.pairwise(starts)] == [7, 7]
    assert {(d["cancelled"], d["moved"]) for d in event["upcoming_dates"]} == {(False, False)}
    assert [p["title"] for p in event["related_sheets"]] == ["Un cloud pour l'équipe 1"]


# --- Never a member, a private link, a draft or a private page ---------------------------------


def _all_answers(client, network) -> list[tuple[str, bytes]]:
    """Every answer the API gives on this network: each list (every type, every field,
    every page of results), each page's detail, the images, a find and a few searches."""
    urls = ["/api/v2/pages/?fields=*&limit=20", "/api/v2/images/?fields=*"]
    urls += [f"/api/v2/pages/?type={t}&fields=*" for t in TYPES]
    urls += [f"/api/v2/pages/?type={t}&fields=*&search=cloud" for t in TYPES]
    listed = get(client, "/api/v2/pages/", limit=20)
    assert listed["meta"]["total_count"] <= 20
    urls += [f"/api/v2/pages/{item['id']}/" for item in listed["items"]]
    urls += [f"/api/v2/pages/{pk}/?fields=*" for ids in network["ids"].values() for pk in ids]
    urls += [
        f"/api/v2/images/{network['image']}/",
        "/api/v2/pages/find/?html_path=/agenda/intervision-1/",
    ]
    answers = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        answers.append((url, response.content))
    return answers


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "registered member"])
def test_api_never_shows_members_online_links_or_hidden_pages(network, signed_in):
    client = Client()
    if signed_in:
        # Even the member registered to the events, who sees the link on the event's page.
        client.force_login(User.objects.get(email=MEMBERS["registrant"][1]))
    never = [
        *(part for name, email in MEMBERS.values() for part in (*name.split(), email)),
        ONLINE_URL,
        "salle-secrete",
        *HIDDEN_TITLES,
    ]

    # They are there to be found: on the sheets, the events, the tools.
    sheets = PracticeSheetPage.objects.live()
    assert sheets.filter(authors__email=MEMBERS["author"][1]).count() == 2
    assert (
        EventPage.objects.live().filter(online_url=ONLINE_URL, proposed_by__isnull=False).count()
        == 2
    )
    assert Registration.objects.filter(user__email=MEMBERS["registrant"][1]).count() == 2
    answers = _all_answers(client, network)
    assert any(b"Les Ateliers R" in content for _url, content in answers)

    found = [
        (url, word)
        for url, content in answers
        for word in never
        if word.encode() in content or json.dumps(word).strip('"').encode() in content
    ]

    assert found == []


def test_api_never_serves_hidden_pages_by_id(client, network):
    statuses = [client.get(f"/api/v2/pages/{pk}/").status_code for pk in network["hidden_ids"]]

    assert statuses == [404] * len(network["hidden_ids"])


@pytest.mark.parametrize(
    ("page_type", "fields"),
    [
        (SHEET, "authors"),
        (SHEET, "_,authors"),
        (SHEET, "authors(email)"),
        (SHEET, "organisation(contact_email)"),
        (SHEET, "sheet_tools(proposed_by)"),
        (SHEET, "useful_marks"),
        (SHEET, "adoptions"),
        (EVENT, "online_url"),
        (EVENT, "_,online_url"),
        (EVENT, "proposed_by"),
        (EVENT, "registrations"),
        (EVENT, "organisers(contact_email)"),
        (STORY, "owner"),
        (STORY, "latest_revision"),
    ],
)
def test_api_asking_for_a_private_field_is_a_400(client, network, page_type, fields):
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": fields})

    assert response.status_code == 400
    assert "unknown fields" in response.json()["message"]


@pytest.mark.parametrize(
    ("page_type", "query"),
    [
        (EVENT, {"online_url": ONLINE_URL}),
        (EVENT, {"order": "online_url"}),
        (EVENT, {"proposed_by": "1"}),
        (SHEET, {"authors": "1"}),
        (SHEET, {"order": "authors"}),
        (SHEET, {"themes": "1"}),
        (STORY, {"body": "x"}),
        (PROGRAMME, {"legal_forms": "cooperative"}),
        (PROGRAMME, {"description": "x"}),
    ],
)
def test_api_filters_and_sorts_by_plain_public_columns_only(client, network, page_type, query):
    response = client.get("/api/v2/pages/", {"type": page_type, **query})

    assert response.status_code == 400


def test_api_search_finds_nothing_by_a_members_name_or_the_online_link(client, network):
    def total(page_type, words):
        return get(client, "/api/v2/pages/", type=page_type, search=words)["meta"]["total_count"]

    assert total(SHEET, "cloud") == total(EVENT, "intervision") == 2
    assert [total(SHEET, "Quenouille"), total(SHEET, "Fontaneau")] == [0, 0]
    assert [total(EVENT, "Vasseur"), total(EVENT, "Brisebois"), total(EVENT, "7f3k9q")] == [0] * 3


# --- Filters, order, odd values -----------------------------------------------------------------


def test_api_filters_and_orders_by_public_columns(client, network):
    coaching = get(client, "/api/v2/pages/", type=PROGRAMME, kind="coaching")
    funding = get(client, "/api/v2/pages/", type=PROGRAMME, kind="funding")
    by_start = get(client, "/api/v2/pages/", type=EVENT, order="-start", fields="start")
    online = get(client, "/api/v2/pages/", type=EVENT, cancelled="false")

    assert coaching["meta"]["total_count"] == 2
    assert funding["meta"]["total_count"] == 0  # the unpublished programme
    assert [item["title"] for item in by_start["items"]] == [
        "Intervision numérique 2",
        "Intervision numérique 1",
    ]
    assert online["meta"]["total_count"] == 2


@pytest.mark.parametrize(
    ("page_type", "query"),
    [
        (PROGRAMME, {"deadline": "2026-13-45"}),
        (PROGRAMME, {"opens_on": "9" * 30}),
        (PROGRAMME, {"open_all_year": "maybe"}),
        (EVENT, {"start": "soon"}),
        (EVENT, {"registration_deadline": "9999-99"}),
        (EVENT, {"capacity": "1e309"}),
        (SHEET, {"first_published_at": "yesterday"}),
        (STORY, {"id": "x"}),
    ],
)
def test_api_a_value_its_field_cannot_hold_is_a_400(client, network, page_type, query):
    response = client.get("/api/v2/pages/", {"type": page_type, **query})

    assert response.status_code == 400
    assert "message" in response.json()
