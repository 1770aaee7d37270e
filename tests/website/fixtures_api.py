"""The small network the tests of /api/v2/ read (tests/website/test_api_content_*.py, and
tests/website/test_api.py at two sizes): stories, programmes, sheets and events with every
relation the API shows, and around them what it must never show. `network` is built once
per module that makes it visible (by assignment, with `network_rows`; tests/shared.py).

Also `get` and `listed`, the API's answers as JSON."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from events.models import CalendarPage, Registration
from practices.models import Adoption, Bookmark, Tool, Useful
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


network_rows = built_once_per_module(lambda: build_network(2))


@pytest.fixture
def network(network_rows, db):
    return network_rows.copy()


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.content[:300])
    return response.json()


def listed(client, page_type, **params) -> list[dict]:
    """The pages of one type, all their fields, oldest first."""
    return get(client, "/api/v2/pages/", type=page_type, fields="*", order="id", **params)["items"]
