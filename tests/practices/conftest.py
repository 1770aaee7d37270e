"""Fixtures for the practices tests: a small page tree (home → /pratiques/), a few catalogue
tools and a member of an organisation. Each test builds only what it asks for."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page, Site

from community.models import Organisation, User
from practices.models import PracticeIndexPage, SheetDraft, Tool
from practices.services.submission import submit_draft
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from website.models import HomePage


def build_home_page() -> HomePage:
    """A `HomePage` under Wagtail's root, served by the default site (`home_page`)."""

    Locale.objects.get_or_create(language_code="fr")
    # A transactional test may run after another one flushed the database, migration data
    # (the root page) included: then build the root too.
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    for child in root.get_children():
        child.delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="Relais", slug="accueil"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "site_name": "Relais"},
    )
    return home


@pytest.fixture
def home_page(db):
    """A `HomePage` under Wagtail's root, served by the default site.

    It sits under the root page, so the default "Relecture éditoriale" workflow that
    Wagtail's migrations attach to the root applies to every sheet below it."""

    return build_home_page()


def build_practice_index(home: HomePage) -> PracticeIndexPage:
    """The library of sheets at /pratiques/, under `home` (`practice_index`)."""

    return home.add_child(instance=PracticeIndexPage(title="Fiches pratiques", slug="pratiques"))


@pytest.fixture
def practice_index(home_page):
    """The library of sheets at /pratiques/."""

    return build_practice_index(home_page)


def make_tools() -> list[Tool]:
    """Three catalogue tools, by name: Nextcloud, Dolibarr, Signal (`tools`)."""

    return [
        Tool.objects.create(
            name="Nextcloud",
            category=Tool.Category.COLLABORATION,
            licence=Tool.Licence.FREE_SOFTWARE,
            website="https://nextcloud.com",
        ),
        Tool.objects.create(
            name="Dolibarr",
            category=Tool.Category.CRM,
            licence=Tool.Licence.FREE_SOFTWARE,
            website="https://www.dolibarr.org",
        ),
        Tool.objects.create(
            name="Signal",
            category=Tool.Category.COMMUNICATION,
            licence=Tool.Licence.FREE_SOFTWARE,
            website="https://signal.org",
        ),
    ]


@pytest.fixture
def tools(db):
    """Three catalogue tools, by name: Nextcloud, Dolibarr, Signal."""

    return make_tools()


def make_member_org() -> Organisation:
    """The organisation of `member_with_org` (`member_org`)."""
    return OrganisationFactory(name="La Ressourcerie du Val")


def make_member_with_org(member_org: Organisation) -> User:
    """A plain, active member of `member_org`, not an admin (`member_with_org`)."""
    return MembershipFactory(organisation=member_org, user__display_name="Marie Membre").user


@pytest.fixture
def member_org(db):
    """The organisation of `member_with_org`."""
    return make_member_org()


@pytest.fixture
def member_with_org(member_org):
    """A plain, active member of `member_org` (not an admin)."""
    return make_member_with_org(member_org)


def sheet_data_with(tools: list[Tool]):
    """`sheet_data` for these three tools."""

    def build(**changes):
        data = {
            "title": "Un CRM pour l'aide à domicile",
            "summary": "Nous avons remplacé trois tableurs par un CRM libre.",
            "sectors": [],
            "region": None,
            "organisation_size": "10-49",
            "duration": "8 mois",
            "budget": "12 000 €",
            "funding": "Région wallonne",
            "themes": [],
            "dimensions": ["processes"],
            "why": "Les dossiers des bénéficiaires étaient éparpillés.",
            "difficulties": [{"title": f"Difficulté {n}", "text": f"Texte {n}"} for n in (1, 2, 3)],
            "tips": [{"title": f"Conseil {n}", "text": f"Texte {n}"} for n in (1, 2, 3)],
            "phases": [{"title": f"Phase {n}", "text": f"Texte {n}"} for n in (1, 2, 3)],
            "tools": [
                {
                    "tool": tool.pk,
                    "new_name": "",
                    "new_website": "",
                    "new_licence": "",
                    "usage": f"Usage de {tool.name}",
                }
                for tool in tools
            ],
            "keywords": ["écoute", "patience", "formation"],
            "results": "Une heure gagnée par jour.",
            "social_impact": "",
        }
        data.update(changes)
        return data

    return build


@pytest.fixture
def sheet_data(tools):
    """`sheet_data(**changes)`: a complete draft's `data` (see `practices.wizard`), using
    the three catalogue tools."""

    return sheet_data_with(tools)


@pytest.fixture
def submitted_sheet(practice_index, member_with_org, member_org, sheet_data):
    """A sheet `member_with_org` submitted through the wizard's service: not live, waiting
    in Wagtail's default "Relecture éditoriale" workflow."""

    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data()
    )
    return submit_draft(draft=draft, user=member_with_org)


def build_submitted_sheet() -> dict:
    """What `submitted_sheet`, `member_with_org`, `member_org` and `tools` give, built in
    the same order, as plain rows: for the rows a module or class builds once (tests/shared.py)."""

    index = build_practice_index(build_home_page())
    member_org = make_member_org()
    member_with_org = make_member_with_org(member_org)
    tools = make_tools()
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data_with(tools)()
    )
    return {
        "tools": tools,
        "practice_index": index,
        "member_org": member_org,
        "member_with_org": member_with_org,
        "submitted_sheet": submit_draft(draft=draft, user=member_with_org),
    }


@pytest.fixture
def editor(db):
    """A Wagtail editor (superuser), who moderates in the admin."""

    return UserFactory(staff=True, display_name="Eddy Éditeur")


@pytest.fixture
def member_client(client, member_with_org):
    """The test client, signed in as `member_with_org` (the wizard's tests)."""
    client.force_login(member_with_org)
    return client
