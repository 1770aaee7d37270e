"""What the tests of a sheet's page share (tests/practices/test_sheet_page.py and
test_sheet_reactions.py; test_sheet_page_queries.py takes them through test_sheet_page.py):
the sheet they read, its rows' fixtures, and the adopting organisation with its member;
fixtures test modules make visible by assignment.

Each of those modules builds the sheet once for itself (tests/shared.py):

    _sheet_rows = built_once_per_module(build_sheet)
"""

from __future__ import annotations

import pytest

from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
)
from tests.practices import fixtures_listing
from tests.practices.fixtures_listing import days_ago, make_sheet


def make_dossier(sheet_index, catalogue, author_org):
    """The sheet the tests read: three-by-three, three tools, published three days ago."""
    return make_sheet(
        sheet_index,
        title="Un dossier de soins partagé",
        slug="dossier-de-soins",
        summary="Un dossier numérique pour chaque personne aidée.",
        why="<p>Nos aides familiales perdaient <b>une heure par jour</b>.</p>",
        organisation=author_org,
        region=RegionFactory(name="Wallonie"),
        sectors=[SectorFactory(name="Aide à domicile")],
        themes=[ThemeFactory(name="Relation aux membres"), ThemeFactory(name="RGPD")],
        dimensions=("processes", "strategy"),
        organisation_size="10-49",
        duration="8 mois",
        budget="12 000 €",
        funding="Appel à projets régional",
        results="<p>Deux fois moins d'appels perdus.</p>",
        social_impact="<p>Des visites plus longues.</p>",
        tools=[catalogue["odoo"], catalogue["nextcloud"], catalogue["mattermost"]],
        keywords=("Écoute", "Patience", "Formation"),
        difficulties=[
            ("Résistance au changement", "L'équipe craignait le contrôle."),
            ("Connexion", "Pas de réseau chez certains bénéficiaires."),
            ("Données", "Des fiches papier incomplètes."),
        ],
        tips=[
            ("Associer l'équipe", "Deux aides familiales dans le groupe projet."),
            ("Mode hors ligne", "Choisir un outil qui le permet."),
            ("Nettoyer d'abord", "Un mois pour remettre les fiches à jour."),
        ],
        phases=[
            ("Diagnostic", "Observer une semaine de tournées."),
            ("Pilote", "Trois mois avec une équipe."),
            ("Déploiement", "Formation par binômes."),
        ],
        published_at=days_ago(3),
    )


def build_sheet() -> dict:
    """The sheet every test here reads, in /pratiques/ with the catalogue's four tools."""
    sheet_index = fixtures_listing.build_index()
    catalogue = fixtures_listing.build_catalogue()
    author_org = OrganisationFactory(name="Aide et Soins Namur")
    sheet = make_dossier(sheet_index, catalogue, author_org)
    return {
        "sheet_index": sheet_index,
        "catalogue": catalogue,
        "author_org": author_org,
        "sheet": sheet,
    }


@pytest.fixture
def sheet_rows(_sheet_rows, db):
    return _sheet_rows.copy()


@pytest.fixture
def sheet_index(sheet_rows):
    return sheet_rows["sheet_index"]


@pytest.fixture
def catalogue(sheet_rows):
    return sheet_rows["catalogue"]


@pytest.fixture
def author_org(sheet_rows):
    return sheet_rows["author_org"]


@pytest.fixture
def sheet(sheet_rows):
    return sheet_rows["sheet"]


@pytest.fixture
def adopter_org(db):
    return OrganisationFactory(name="Les Ateliers du Nord")


@pytest.fixture
def adopter(adopter_org):
    return MembershipFactory(organisation=adopter_org, user__display_name="Paul Pair").user
