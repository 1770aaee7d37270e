"""The tool catalogue: /outils/ (filters, sheet counts, pagination) and /outils/<slug>/
(facts, the live sheets that use the tool, the organisations behind them), with query
counts that do not grow with the number of tools or sheets."""

from __future__ import annotations

import re

import pytest

from practices.models import Tool
from practices.views import TOOL_SHEETS_PAGE_SIZE, TOOLS_PAGE_SIZE
from tests.factories import OrganisationFactory, RegionFactory, SectorFactory
from tests.practices import fixtures_listing
from tests.practices.fixtures_listing import days_ago, make_sheet, make_tool
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db

# The reading side's fixtures (tests/practices/fixtures_listing.py), made visible here.
catalogue = fixtures_listing.catalogue
sheet_index = fixtures_listing.sheet_index

# Measured, then pinned (steady state: site settings exist).
TOOL_LIST_QUERIES = 5
TOOL_DETAIL_QUERIES = 9


def build_used():
    """Nextcloud in two live sheets of one organisation and one of another; Teams in one;
    a draft using Odoo and Nextcloud, which counts for nothing (in /pratiques/, with the
    four tools of the catalogue)."""
    sheet_index = fixtures_listing.build_index()
    tools = fixtures_listing.build_catalogue()
    coop = OrganisationFactory(name="Coopérative Zéro", region=RegionFactory(name="Bruxelles"))
    asbl = OrganisationFactory(name="ASBL Lien", sectors=[SectorFactory(name="Culture")])
    sheets = {
        "first": make_sheet(
            sheet_index,
            title="Partager nos fichiers",
            organisation=coop,
            tools=[tools["nextcloud"], tools["mattermost"], tools["microsoft-teams"]],
            published_at=days_ago(9),
        ),
        "second": make_sheet(
            sheet_index,
            title="Un agenda commun",
            organisation=coop,
            tools=[tools["nextcloud"], tools["mattermost"], tools["odoo"]],
            published_at=days_ago(5),
        ),
        "third": make_sheet(
            sheet_index,
            title="Le bureau en ligne",
            organisation=asbl,
            tools=[tools["mattermost"], tools["nextcloud"], tools["odoo"]],
            published_at=days_ago(2),
        ),
    }
    make_sheet(
        sheet_index,
        title="Un brouillon",
        organisation=OrganisationFactory(name="Brouillonne"),
        tools=[tools["odoo"], tools["nextcloud"], tools["mattermost"]],
        live=False,
    )
    return sheets


# The tests of `TestToolsInUse` read the same sheets: built once for the class
# (tests/shared.py).
_used = built_once_per_class(build_used)


@pytest.fixture
def used(_used, db):
    return _used.copy()


def _tools(response):
    return [(tool.name, tool.sheet_count) for tool in response.context["tools"]]


# --- /outils/ -----------------------------------------------------------------------------


class TestToolsInUse:
    """/outils/ and /outils/<slug>/ on the sheets of `used`, built once for the class."""

    def test_tool_list_by_name_with_live_sheet_counts(self, client, used):
        response = client.get("/outils/")

        assert response.status_code == 200
        assert _tools(response) == [
            ("Mattermost", 3),
            ("Microsoft Teams", 1),
            ("Nextcloud", 3),
            ("Odoo", 2),
        ]
        assert "Utilisé dans 3 fiches" in response.content.decode()

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"category": "communication"}, ["Mattermost", "Microsoft Teams"]),
            ({"licence": "free_software"}, ["Mattermost", "Nextcloud"]),
            ({"category": "communication", "licence": "proprietary"}, ["Microsoft Teams"]),
            ({"category": "ecommerce"}, []),
        ],
    )
    def test_tool_list_filters(self, client, used, params, expected):
        response = client.get("/outils/", params)

        assert [name for name, _count in _tools(response)] == expected
        assert response.context["filter_errors"] == []

    @pytest.mark.parametrize(
        ("params", "label"),
        [({"category": "minitel"}, "Catégorie"), ({"licence": "gpl9"}, "Licence")],
    )
    def test_tool_list_bad_filter_reported_and_ignored(self, client, used, params, label):
        response = client.get("/outils/", params)

        assert response.status_code == 200
        value = next(iter(params.values()))
        message = f"Sélectionnez un choix valide. {value} n’en fait pas partie."
        assert [(str(lab), msg) for lab, msg in response.context["filter_errors"]] == [
            (label, message)
        ]
        assert len(_tools(response)) == 4
        assert (
            "Certains filtres ne sont pas valides et ont été ignorés :" in response.content.decode()
        )

    def test_tool_list_form_is_a_labelled_search_form(self, client, used):
        html = client.get("/outils/").content.decode()

        assert re.search(
            r'<form method="get" action="/outils/" class="filters" role="search"', html
        )
        assert '<label for="id_category">' in html
        assert '<label for="id_licence">' in html

    def test_tool_detail_lists_live_sheets_with_their_use(self, client, used):
        response = client.get("/outils/nextcloud/")

        assert [u.page.title for u in response.context["usages"]] == [
            "Le bureau en ligne",
            "Un agenda commun",
            "Partager nos fichiers",
        ]
        html = response.content.decode()
        assert "3 fiches l'utilisent" in html
        assert '<a href="/pratiques/' in html
        assert "Nous avons utilisé Nextcloud au quotidien." in html
        assert "Un brouillon" not in html

    def test_tool_detail_organisations_behind_once_each(self, client, used):
        response = client.get("/outils/nextcloud/")

        assert [o.name for o in response.context["organisations"]] == [
            "ASBL Lien",
            "Coopérative Zéro",
        ]
        html = response.content.decode()
        assert "Qui d'autre l'utilise ?" in html
        assert "Brouillonne" not in html


def test_tool_list_paginated_and_keeps_filters(client, db):
    for n in range(TOOLS_PAGE_SIZE + 1):
        make_tool(f"Outil {n:02d}", category=Tool.Category.SECURITY)

    first = client.get("/outils/", {"category": "security"})
    second = client.get("/outils/", {"category": "security", "page": "2"})
    bad = client.get("/outils/", {"page": "zz"})

    assert len(first.context["tools"]) == TOOLS_PAGE_SIZE
    assert _tools(second) == [(f"Outil {TOOLS_PAGE_SIZE:02d}", 0)]
    assert 'href="?category=security&amp;page=2"' in first.content.decode()
    assert bad.status_code == 200
    assert bad.context["page"].number == 1


# --- /outils/<slug>/ ----------------------------------------------------------------------


def test_tool_absolute_url(catalogue):
    assert catalogue["nextcloud"].get_absolute_url() == "/outils/nextcloud/"


def test_tool_detail_facts(client, catalogue):
    tool = catalogue["nextcloud"]
    Tool.objects.filter(pk=tool.pk).update(
        cost="Gratuit ou 5 € par mois", website="https://nextcloud.com", description="Cloud."
    )

    html = client.get("/outils/nextcloud/").content.decode()

    facts = re.findall(r'<dl class="facts">(.*?)</dl>', html, re.S)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", facts)).strip()
    assert text == (
        "Catégorie Travail collaboratif Licence Logiciel libre Coût indicatif Gratuit ou 5 € "
        "par mois Hébergement des données En Belgique Site web https://nextcloud.com"
    )
    assert 'href="/outils/?category=collaboration"' in facts


def test_tool_detail_unused_tool_says_so(client, catalogue):
    response = client.get("/outils/odoo/")

    assert list(response.context["usages"]) == []
    assert response.context["organisations"] == []
    html = response.content.decode()
    assert "Aucune fiche publiée ne l'utilise pour l'instant." in html
    assert "Pas encore d'organisation." in html


def test_tool_detail_unknown_slug_404(client, db):
    assert client.get("/outils/nexiste-pas/").status_code == 404


# --- Query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 30])
def test_tool_list_query_count_independent_of_size(
    client, sheet_index, site_settings, count, django_assert_num_queries
):
    tools = [make_tool(f"Outil {n:02d}") for n in range(count)]
    make_sheet(sheet_index, title="Une fiche", tools=tools[:3])

    with django_assert_num_queries(TOOL_LIST_QUERIES):
        response = client.get("/outils/", {"licence": "free_software"})

    assert len(response.context["tools"]) == min(count, TOOLS_PAGE_SIZE)


@pytest.mark.parametrize("count", [1, 8])
def test_tool_detail_query_count_independent_of_sheets(
    client, sheet_index, catalogue, site_settings, count, django_assert_num_queries
):
    tools = [catalogue["nextcloud"], catalogue["odoo"], catalogue["mattermost"]]
    sectors = [SectorFactory(name=f"Secteur {n}") for n in range(3)]
    for n in range(count):
        organisation = OrganisationFactory(
            name=f"Org {n:02d}", region=RegionFactory(name=f"Région {n % 2}"), sectors=sectors
        )
        make_sheet(sheet_index, title=f"Fiche {n:02d}", organisation=organisation, tools=tools)

    with django_assert_num_queries(TOOL_DETAIL_QUERIES):
        response = client.get("/outils/nextcloud/")

    assert len(response.context["usages"]) == min(count, TOOL_SHEETS_PAGE_SIZE)
    assert len(response.context["organisations"]) == count
