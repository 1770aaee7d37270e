"""The library /pratiques/: filters that combine, their counts, a text search that forgives
accents and plurals (PostgreSQL and SQLite alike), sort, links and bad input, on one small
library built once for the module (tests/shared.py). Pagination and the query count, which
need many sheets, are in tests/practices/test_listing_size.py."""

from __future__ import annotations

import re

import pytest
from django.utils.html import escape

from practices.models import SheetKeyword, Useful
from tests.factories import (
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)
from tests.practices import fixtures_listing
from tests.practices.fixtures_listing import days_ago, make_sheet
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

CRM = "Un dossier de soins partagé"
COLLAB = "Des outils collaboratifs pour l'équipe"
GDPR = "Se mettre en conformité RGPD"


def build_library():
    """Three live sheets and one draft, across themes, sectors, regions, tools,
    dimensions and keywords, in /pratiques/ with the four tools of the catalogue."""
    sheet_index = fixtures_listing.build_index()
    catalogue = fixtures_listing.build_catalogue()
    wallonia = RegionFactory(name="Wallonie", position=1)
    brussels = RegionFactory(name="Bruxelles", position=2)
    care = SectorFactory(name="Aide à domicile")
    culture = SectorFactory(name="Culture")
    crm = ThemeFactory(name="Relation aux membres")
    collab = ThemeFactory(name="Outils collaboratifs")
    gdpr = ThemeFactory(name="RGPD")
    tools = catalogue
    sheets = {
        "crm": make_sheet(
            sheet_index,
            title=CRM,
            summary="Un dossier numérique pour chaque personne aidée.",
            organisation=OrganisationFactory(name="Aide et Soins Namur"),
            region=wallonia,
            sectors=[care],
            themes=[crm],
            tools=[tools["odoo"], tools["nextcloud"], tools["mattermost"]],
            keywords=("Écoute", "Patience", "Formation"),
            dimensions=("infrastructure", "processes"),
            published_at=days_ago(10),
        ),
        "collab": make_sheet(
            sheet_index,
            title=COLLAB,
            summary="Un espace partagé pour toute notre équipe bénévole.",
            organisation=OrganisationFactory(name="Théâtre des Rues"),
            region=brussels,
            sectors=[culture],
            themes=[collab],
            tools=[tools["nextcloud"], tools["mattermost"], tools["microsoft-teams"]],
            keywords=("ecoute", "Confiance", "Rituels"),
            dimensions=("organisation",),
            published_at=days_ago(5),
        ),
        "gdpr": make_sheet(
            sheet_index,
            title=GDPR,
            summary="Tenir un registre des traitements sans juriste.",
            organisation=OrganisationFactory(name="Ressourcerie du Val"),
            region=wallonia,
            sectors=[care, culture],
            themes=[gdpr, crm],
            tools=[tools["nextcloud"], tools["odoo"], tools["microsoft-teams"]],
            keywords=("Sécurité", "Formation", "Patience"),
            dimensions=("strategy", "processes"),
            published_at=days_ago(1),
        ),
    }
    # Not published: never listed, never counted, never found.
    make_sheet(
        sheet_index,
        title="Brouillon numérique",
        summary="Une équipe bénévole, un dossier numérique.",
        region=brussels,
        themes=[crm, collab],
        tools=[tools["odoo"], tools["nextcloud"], tools["microsoft-teams"]],
        keywords=("Écoute", "Brouillon", "Formation"),
        dimensions=("infrastructure",),
        live=False,
    )
    return {"sheets": sheets, "index": sheet_index, "catalogue": catalogue}


# Built once for the module's tests (tests/shared.py): each test runs in a savepoint on top
# of it and gets its own copy of the Python objects.
_library = built_once_per_module(build_library)


@pytest.fixture
def library_site(_library, db):
    """The library's rows: {"sheets": {"crm", "collab", "gdpr"}, "index", "catalogue"}."""
    return _library.copy()


@pytest.fixture
def library(library_site):
    return library_site["sheets"]


@pytest.fixture
def library_index(library_site):
    return library_site["index"]


@pytest.fixture
def library_catalogue(library_site):
    return library_site["catalogue"]


def _titles(response) -> list[str]:
    return [sheet.title for sheet in response.context["sheets"]]


def _facet(response, name) -> dict[str, int]:
    return {option.value: option.count for option in response.context["facets"][name]}


# --- Listing, filters and their combinations -----------------------------------------------


def test_library_lists_live_sheets_newest_first(client, library):
    response = client.get("/pratiques/")

    assert response.status_code == 200
    assert _titles(response) == [GDPR, COLLAB, CRM]
    assert response.context["result_count"] == 3
    assert response.context["filtered"] is False
    assert response.context["filter_errors"] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "relation-aux-membres"}, [GDPR, CRM]),
        ({"theme": "outils-collaboratifs"}, [COLLAB]),
        ({"sector": "culture"}, [GDPR, COLLAB]),
        ({"region": "bruxelles"}, [COLLAB]),
        ({"region": "wallonie"}, [GDPR, CRM]),
        ({"tool": "microsoft-teams"}, [GDPR, COLLAB]),
        ({"tool": "odoo"}, [GDPR, CRM]),
        ({"dimension": "processes"}, [GDPR, CRM]),
        ({"dimension": "organisation"}, [COLLAB]),
        ({"dimension": "infrastructure"}, [CRM]),  # the draft has it too, but is a draft
        ({"keyword": "ecoute"}, [COLLAB, CRM]),  # "Écoute" and "ecoute" are one keyword
        ({"keyword": "Écoute"}, [COLLAB, CRM]),
        ({"keyword": "formation"}, [GDPR, CRM]),
    ],
    ids=lambda v: "&".join(f"{k}={x}" for k, x in v.items()) if isinstance(v, dict) else None,
)
def test_library_filter_single(client, library, params, expected):
    response = client.get("/pratiques/", params)

    assert response.status_code == 200
    assert _titles(response) == expected
    assert response.context["filter_errors"] == []
    assert response.context["filtered"] is True


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "relation-aux-membres", "region": "wallonie", "tool": "odoo"}, [GDPR, CRM]),
        ({"theme": "relation-aux-membres", "sector": "culture"}, [GDPR]),
        ({"dimension": "processes", "keyword": "patience", "tool": "mattermost"}, [CRM]),
        ({"region": "bruxelles", "tool": "odoo"}, []),
        ({"q": "equipe", "sector": "culture"}, [COLLAB]),
        ({"q": "formation", "region": "wallonie", "dimension": "strategy"}, [GDPR]),
    ],
)
def test_library_filters_combine(client, library, params, expected):
    response = client.get("/pratiques/", params)

    assert _titles(response) == expected
    assert response.context["result_count"] == len(expected)


def test_library_sheet_with_two_matching_rows_listed_once(client, library):
    """A sheet using the same tool twice, or two spellings of a keyword, is one result."""
    gdpr = library["gdpr"]
    SheetKeyword.objects.create(page=gdpr, word="FORMATION")

    response = client.get("/pratiques/", {"keyword": "formation", "theme": "relation-aux-membres"})

    assert _titles(response) == [GDPR, CRM]
    assert _facet(response, "keyword")["formation"] == 2


# --- Text search: accents and plurals forgiven, on every database ------------------------


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("numerique", [CRM]),  # "numérique" in the summary
        ("NUMÉRIQUES", [CRM]),
        ("bénévoles", [COLLAB]),  # "bénévole" in the summary
        ("benevole", [COLLAB]),
        ("registre traitements", [GDPR]),  # every word must match
        ("registre bénévole", []),
        ("conformite", [GDPR]),  # the title
        ("rituel", [COLLAB]),  # a keyword
        ("mattermost", [COLLAB, CRM]),  # a tool
        ("difficulte", [GDPR, COLLAB, CRM]),  # the three-part items
        ("ressourcerie", [GDPR]),  # the organisation
        ("brouillon", []),  # only in the draft
    ],
)
def test_library_search_forgives_accents_and_plurals(client, library, q, expected):
    response = client.get("/pratiques/", {"q": q})

    assert response.status_code == 200
    assert _titles(response) == expected
    assert response.context["filter_errors"] == []


def test_library_search_without_words_lists_everything(client, library):
    response = client.get("/pratiques/", {"q": " !!! "})

    assert _titles(response) == [GDPR, COLLAB, CRM]
    assert response.context["filter_errors"] == []


def test_library_search_finds_a_sheet_published_after_the_query_was_first_made(
    client, library_index, library_catalogue
):
    """The index is updated when a sheet is published (immediate task backend)."""
    assert _titles(client.get("/pratiques/", {"q": "vélos"})) == []

    make_sheet(
        library_index, title="Un atelier vélo connecté", tools=list(library_catalogue.values())[:3]
    )

    assert _titles(client.get("/pratiques/", {"q": "velo"})) == ["Un atelier vélo connecté"]


def test_library_search_finds_a_keyword_changed_by_a_new_revision(client, library):
    sheet = library["crm"].specific_class.objects.get(pk=library["crm"].pk)
    sheet.keywords = [SheetKeyword(word=w) for w in ("Téléphone", "Patience", "Formation")]
    sheet.save_revision().publish()

    assert _titles(client.get("/pratiques/", {"q": "telephone"})) == [CRM]


# --- Facet counts: each option with the other filters ------------------------------------


def test_library_facet_counts_without_filters(client, library):
    response = client.get("/pratiques/")

    assert _facet(response, "theme") == {
        "outils-collaboratifs": 1,
        "relation-aux-membres": 2,
        "rgpd": 1,
    }
    assert _facet(response, "sector") == {"aide-a-domicile": 2, "culture": 2}
    assert _facet(response, "region") == {"wallonie": 2, "bruxelles": 1}
    assert _facet(response, "tool") == {
        "mattermost": 2,
        "microsoft-teams": 2,
        "nextcloud": 3,
        "odoo": 2,
    }
    assert _facet(response, "dimension") == {
        "infrastructure": 1,
        "organisation": 1,
        "processes": 2,
        "strategy": 1,
    }
    assert _facet(response, "keyword") == {
        "confiance": 1,
        "ecoute": 2,
        "formation": 2,
        "patience": 2,
        "rituels": 1,
        "securite": 1,
    }


def test_library_facet_counts_follow_the_other_filters(client, library):
    response = client.get("/pratiques/", {"region": "wallonie", "tool": "odoo"})

    # Themes with zero sheets left are hidden; the region facet ignores the region filter
    # itself (it shows what choosing another region would give), likewise for tools.
    assert _facet(response, "theme") == {"relation-aux-membres": 2, "rgpd": 1}
    assert _facet(response, "region") == {"wallonie": 2}
    assert _facet(response, "tool") == {
        "mattermost": 1,
        "microsoft-teams": 1,
        "nextcloud": 2,
        "odoo": 2,
    }
    assert _facet(response, "dimension") == {
        "infrastructure": 1,
        "organisation": 0,
        "processes": 2,
        "strategy": 1,
    }
    selected = [o.value for o in response.context["facets"]["region"] if o.selected]
    assert selected == ["wallonie"]


def test_library_facet_counts_follow_the_search(client, library):
    response = client.get("/pratiques/", {"q": "formation"})

    assert _facet(response, "region") == {"wallonie": 2}
    assert _facet(response, "keyword")["formation"] == 2


def test_library_chosen_option_kept_even_when_it_gives_nothing(client, library):
    response = client.get("/pratiques/", {"region": "bruxelles", "theme": "rgpd"})

    assert _titles(response) == []
    assert _facet(response, "theme") == {"outils-collaboratifs": 1, "rgpd": 0}
    assert '<option value="rgpd" selected>RGPD (0)</option>' in response.content.decode()


def test_library_options_show_their_counts(client, library):
    html = client.get("/pratiques/", {"region": "wallonie"}).content.decode()

    assert '<option value="wallonie" selected>Wallonie (2)</option>' in html
    assert '<option value="bruxelles">Bruxelles (1)</option>' in html
    assert '<option value="processes">Processus (2)</option>' in html
    assert '<option value="formation">Formation (2)</option>' in html


# --- Sort ---------------------------------------------------------------------------------


def test_library_sort_by_useful_marks(client, library):
    for _n in range(2):
        Useful.objects.create(user=UserFactory(), sheet=library["collab"])
    Useful.objects.create(user=UserFactory(), sheet=library["crm"])

    response = client.get("/pratiques/", {"sort": "useful"})

    assert _titles(response) == [COLLAB, CRM, GDPR]
    assert [s.useful_count for s in response.context["sheets"]] == [2, 1, 0]
    assert response.context["sort"] == "useful"
    assert "2 membres la trouvent utile" in response.content.decode()


def test_library_sort_useful_with_filters(client, library):
    Useful.objects.create(user=UserFactory(), sheet=library["crm"])

    response = client.get("/pratiques/", {"sort": "useful", "region": "wallonie"})

    assert _titles(response) == [CRM, GDPR]


# --- Bad input: a clear message, the list still shown, never a 500 ----------------------

INVALID_CHOICE = "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."


@pytest.mark.parametrize(
    ("params", "label", "message"),
    [
        ({"theme": "inconnu"}, "Thème", INVALID_CHOICE),
        ({"sector": "inconnu"}, "Secteur", INVALID_CHOICE),
        ({"region": "atlantide"}, "Région", INVALID_CHOICE),
        ({"tool": "minitel"}, "Outil", INVALID_CHOICE),
        (
            {"dimension": "abc"},
            "Dimension de maturité",
            "Sélectionnez un choix valide. abc n’en fait pas partie.",
        ),
        ({"keyword": "brouillon"}, "Mot-clé", "Aucune fiche publiée n'a ce mot-clé."),
        ({"keyword": "x" * 41}, "Mot-clé", "Un mot-clé compte au plus 40 caractères."),
        ({"sort": "xyz"}, "Trier par", "Sélectionnez un choix valide. xyz n’en fait pas partie."),
        (
            {"q": "a" * 5000},
            "Rechercher",
            "Assurez-vous que cette valeur comporte au plus 200 caractères (actuellement 5000).",
        ),
        ({"page": "zz"}, "Page", "« zz » n'est pas un numéro de page : voici la première."),
        ({"page": "99"}, "Page", "La page 99 n'existe pas : voici la page 1."),
    ],
    ids=[
        "theme",
        "sector",
        "region",
        "tool",
        "dimension",
        "draft-keyword",
        "long-keyword",
        "sort",
        "q-5000",
        "page-zz",
        "page-99",
    ],
)
def test_library_bad_input_reported_and_ignored(client, library, params, label, message):
    response = client.get("/pratiques/", params)

    assert response.status_code == 200
    assert [(str(lab), str(msg)) for lab, msg in response.context["filter_errors"]] == [
        (label, message)
    ]
    assert _titles(response) == [GDPR, COLLAB, CRM]
    html = response.content.decode()
    assert "Certains filtres ne sont pas valides et ont été ignorés :" in html
    assert escape(f"{label} : {message}") in html


def test_library_bad_filter_with_good_ones_applies_the_good(client, library):
    response = client.get("/pratiques/", {"theme": "inconnu", "region": "bruxelles"})

    assert _titles(response) == [COLLAB]
    assert [str(label) for label, _m in response.context["filter_errors"]] == ["Thème"]


def test_library_filter_value_escaped_in_page(client, library):
    response = client.get("/pratiques/", {"q": "<script>alert(1)</script>", "theme": "<b>"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_library_repeated_parameters_use_the_last(client, library):
    response = client.get("/pratiques/?region=atlantide&region=bruxelles")

    assert _titles(response) == [COLLAB]


# --- Pagination and links -----------------------------------------------------------------


def test_library_active_filters_link_to_their_removal(client, library):
    response = client.get(
        "/pratiques/", {"region": "wallonie", "keyword": "formation", "q": "registre"}
    )

    assert _titles(response) == [GDPR]
    assert [
        (str(f["label"]), f["value"], f["remove_query"]) for f in response.context["active_filters"]
    ] == [
        ("Rechercher", "registre", "region=wallonie&keyword=formation"),
        ("Région", "Wallonie", "keyword=formation&q=registre"),
        ("Mot-clé", "Formation", "region=wallonie&q=registre"),
    ]
    assert 'href="?keyword=formation&amp;q=registre"' in response.content.decode()


def test_library_keywords_link_to_their_filter(client, library):
    html = client.get("/pratiques/", {"region": "bruxelles"}).content.decode()

    assert '<a href="/pratiques/?keyword=ecoute">ecoute</a>' in html
    assert '<a href="/pratiques/?keyword=confiance">Confiance</a>' in html


# --- Accessibility and progressive enhancement ---------------------------------------------


def test_library_filter_form_is_a_labelled_search_form(client, library):
    html = client.get("/pratiques/").content.decode()

    form = re.search(r"<form [^>]*data-filters[^>]*>", html).group(0)
    assert 'method="get"' in form
    assert 'role="search"' in form
    assert 'aria-labelledby="filters-title"' in form
    for name in ("q", "theme", "sector", "region", "tool", "dimension", "keyword", "sort"):
        assert f'<label for="id_{name}">' in html
    assert 'aria-live="polite"' in html


def test_library_script_is_external_and_deferred(client, library):
    html = client.get("/pratiques/").content.decode()

    scripts = re.findall(r"<script[^>]*>", html)
    # The site-wide phone menu, the library's filters, then the header's search box: all
    # external and deferred.
    assert scripts == [
        '<script src="/static/js/menu.js" defer>',
        '<script src="/static/js/filters.js" defer>',
        '<script src="/static/js/search.js" defer>',
    ]
    assert "<script>" not in html
