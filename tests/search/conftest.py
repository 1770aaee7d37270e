"""A small site with one or two of each kind the search finds, and some it must not find
(a draft, a sheet in a private section, a tool waiting for an editor)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import PageViewRestriction

from events.models import CalendarPage
from programmes.models import ProgrammeIndexPage
from stories.models import StoryIndexPage
from tests.events.conftest import future, publish_event
from tests.factories import FederationFactory, OrganisationFactory, RegionFactory, ThemeFactory
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.programmes.conftest import publish_programme
from tests.stories.conftest import publish_story

# French stems and typo tolerance are PostgreSQL's (search/migrations/0001); SQLite's FTS5
# folds accents and finds whole words (README, "Search").
postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="French stems and typos: PostgreSQL's"
)
sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's behaviour")


def build_search_site() -> dict:
    home = build_home()
    library = build_index()
    wallonie = RegionFactory(name="Wallonie", slug="wallonie")
    volunteering = ThemeFactory(name="Bénévolat", slug="benevolat")
    management = ThemeFactory(name="Gestion", slug="gestion")
    tools = [
        make_tool("Nextcloud", description="Partage de fichiers et agendas."),
        make_tool("Dolibarr", description="Gestion des adhérents.", category="crm"),
        make_tool("Signal", description="Messagerie chiffrée.", category="communication"),
    ]
    make_tool("Nextcloud Office", description="Bureautique en ligne.", live=False)
    federation = FederationFactory(name="Fédération des Coopératives")
    ateliers = OrganisationFactory(
        name="Les Ateliers Récup",
        description="Une ressourcerie où des bénévoles réparent.",
        region=wallonie,
    )
    atelier = make_sheet(
        library,
        title="Un atelier du mardi",
        tools=tools,
        summary="Un rendez-vous chaque semaine.",
        why="<p>Chaque bénévole découvre l'outil numérique à son rythme.</p>",
        themes=[volunteering],
        region=wallonie,
        organisation=ateliers,
    )
    crm = make_sheet(
        library,
        title="Un CRM pour l'aide à domicile",
        tools=tools,
        summary="Nous avons remplacé trois tableurs.",
        why="<p>Les dossiers étaient éparpillés.</p>",
        themes=[management],
    )
    make_sheet(
        library,
        title="Bénévoles et numérique, le brouillon",
        tools=tools,
        summary="Pas encore relue.",
        live=False,
    )
    private = make_sheet(
        library,
        title="Numérique pour bénévoles, en privé",
        tools=tools,
        summary="Une section réservée.",
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    cafe = publish_event(
        calendar,
        organisers=[federation],
        title="Café numérique",
        summary="Un moment convivial pour se former.",
        start=future(days=5),
    )
    told = home.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    story = publish_story(
        told, title="Un cloud pour l'équipe", lead="Comment Nextcloud a remplacé les clés USB."
    )
    support = home.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    cheque = publish_programme(
        support, title="Chèque coaching numérique", summary="Un accompagnement sur mesure."
    )
    return {
        "atelier": atelier,
        "crm": crm,
        "private": private,
        "cafe": cafe,
        "story": story,
        "cheque": cheque,
        "ateliers": ateliers,
        "federation": federation,
        "nextcloud": tools[0],
        "volunteering": volunteering,
        "management": management,
    }


def found(response) -> list[tuple[str, str]]:
    """(kind, title) of the results of a /recherche/ page, in their order."""
    return [(result.kind.key, str(result.obj)) for result in response.context["results"]]


def facets(response) -> list[tuple[str, int, bool]]:
    return [(facet.key, facet.count, facet.selected) for facet in response.context["facets"]]


def search(client: Client, **params):
    return client.get("/recherche/", params)
