"""/recherche/: one list of every kind, found by folded, stemmed or misspelt words, with
the kinds as facets, each kind's filters, excerpts marking what was found, and only what
the reader may see."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils.html import strip_tags
from wagtail.rich_text import RichText

from community.models import Organisation
from events.models import CalendarPage
from programmes.models import ProgrammePage, ProgrammeTranslation
from search.models import SearchMiss
from stories.models import StoryPage, StoryTranslation
from tests.events.conftest import future, publish_event
from tests.search.conftest import build_search_site, facets, found, postgresql, search, sqlite
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_site = built_once_per_module(build_search_site)


@pytest.fixture
def site(_site, db):
    return _site.copy()


def test_unaccented_plural_words_find_the_sheet_that_says_them_singular_in_its_body(client, site):
    """The sheet's title says neither; its body says "bénévole" and "numérique"."""
    response = search(client, q="benevoles numeriques")

    assert response.status_code == 200
    assert found(response) == [("sheet", "Un atelier du mardi")]
    assert response.context["approximate"] is False
    assert SearchMiss.objects.count() == 0


@postgresql
def test_an_unaccented_singular_word_finds_accented_plurals(client, site):
    """ "bénévoles" in an organisation's description, "bénévole" in a sheet's body."""
    response = search(client, q="benevole")

    assert found(response) == [
        ("organisation", "Les Ateliers Récup"),
        ("sheet", "Un atelier du mardi"),
    ]


@sqlite
def test_on_sqlite_accents_are_folded_and_words_are_not_stemmed(client, site):
    """Each word is looked for as typed or without its plural ending (the sheets' search
    document drops plural endings on every database); no other stemming."""
    assert found(search(client, q="Numérique")) == found(search(client, q="numerique"))
    assert found(search(client, q="benevole")) == [("sheet", "Un atelier du mardi")]
    assert sorted(found(search(client, q="bénévoles"))) == [
        ("organisation", "Les Ateliers Récup"),
        ("sheet", "Un atelier du mardi"),
    ]


def test_every_kind_comes_in_one_list_titles_first(client, site):
    response = search(client, q="Numérique")

    assert found(response) == [
        ("event", "Café numérique"),
        ("programme", "Chèque coaching numérique"),
        ("sheet", "Un atelier du mardi"),
    ]
    assert response.context["total"] == 3


def test_an_event_is_found_by_any_word_of_its_summary_venue_or_description(client, site):
    """Not only by its first eight words: the last word of a long summary, the venue's town
    and a word of the description find it too."""
    publish_event(
        CalendarPage.objects.get(),
        organisers=[Organisation.objects.get(kind="federation")],
        title="Atelier du jeudi",
        summary="Nous verrons ensemble, pas à pas et sans jargon, la facturation partagée.",
        venue="Maison des associations, Gembloux",
        description="<p>Apportez votre portable.</p><p>Nous installerons <b>Dolibarr</b>.</p>",
        start=future(days=8),
    )

    for word in ("facturation", "Gembloux", "portable", "dolibarr"):
        assert ("event", "Atelier du jeudi") in found(search(client, q=word)), word


def test_a_programme_and_a_story_are_found_by_the_words_of_their_translations(client, site):
    """A reader who searches in English or Dutch finds what editors translated."""
    programme = ProgrammePage.objects.get()
    ProgrammeTranslation.objects.create(
        programme=programme,
        language="en",
        title="Digital coaching voucher",
        summary="Tailored support",
        description="<p>Pays for a consultant.</p>",
        how_to_apply="<p>Apply online.</p>",
    )
    programme.save_revision().publish()
    story = StoryPage.objects.get()
    StoryTranslation.objects.create(
        story=story,
        language="nl",
        title="Een cloud voor het team",
        lead="Hoe Nextcloud de usb-sticks verving.",
        body=[("paragraph", RichText("<p>Veertien vrijwilligers werken nu samen.</p>"))],
    )
    story.save_revision().publish()

    assert found(search(client, q="voucher")) == [("programme", "Chèque coaching numérique")]
    assert found(search(client, q="consultant")) == [("programme", "Chèque coaching numérique")]
    assert found(search(client, q="veertien")) == [("story", "Un cloud pour l'équipe")]

    # Each reader sees the title and excerpt in their language where there is one; the
    # French, marked lang="fr", where there is none.
    def shown(language: str, q: str) -> list[tuple[str, str, str]]:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = search(client, q=q)
        return [
            (strip_tags(r.title), strip_tags(r.excerpt), r.lang)
            for r in response.context["results"]
        ]

    assert shown("en", "voucher") == [("Digital coaching voucher", "Tailored support", "")]
    assert shown("nl", "voucher") == [
        ("Chèque coaching numérique", "Un accompagnement sur mesure.", "fr")
    ]
    assert shown("fr", "voucher") == [
        ("Chèque coaching numérique", "Un accompagnement sur mesure.", "")
    ]
    assert shown("nl", "veertien") == [
        ("Een cloud voor het team", "Hoe Nextcloud de usb-sticks verving.", "")
    ]
    content = client.get("/recherche/", {"q": "veertien"}).content.decode()
    assert '<h3 class="search-result__title"><a href="/recits/' in content


def test_the_kinds_are_facets_with_their_counts(client, site):
    response = search(client, q="nextcloud")

    assert facets(response) == [
        ("", 4, True),
        ("sheet", 2, False),
        ("story", 1, False),
        ("event", 0, False),
        ("organisation", 0, False),
        ("tool", 1, False),
        ("programme", 0, False),
    ]
    labels = [facet.label for facet in response.context["facets"]]
    assert labels == [
        "Tout",
        "Fiches pratiques",
        "Récits",
        "Évènements",
        "Organisations",
        "Outils",
        "Soutiens",
    ]
    assert response.context["facets"][5].query == "q=nextcloud&type=tool"


@postgresql  # the two sheets rank equal; SQLite's ranking tells them apart
def test_a_kind_narrows_the_list_and_keeps_every_kinds_count(client, site):
    response = search(client, q="nextcloud", type="sheet")

    assert found(response) == [
        ("sheet", "Un CRM pour l'aide à domicile"),
        ("sheet", "Un atelier du mardi"),
    ]
    assert [count for _key, count, _selected in facets(response)] == [4, 2, 1, 0, 0, 1, 0]
    assert facets(response)[1] == ("sheet", 2, True)
    assert [(f["label"], str(f["value"])) for f in response.context["active_filters"]] == [
        ("Type de résultat", "Fiches pratiques")
    ]


def test_a_kind_offers_its_own_filters_with_counts(client, site):
    response = search(client, q="nextcloud", type="sheet")
    form = response.context["form"]

    assert [field.name for field in form.filter_fields()] == ["theme", "sector", "region"]
    assert list(form.fields["theme"].choices) == [
        ("", "Tous"),
        ("benevolat", "Bénévolat (1)"),
        ("gestion", "Gestion (1)"),
    ]
    assert list(form.fields["sector"].choices) == [("", "Tous")]
    assert list(form.fields["region"].choices) == [("", "Toutes"), ("wallonie", "Wallonie (1)")]


def test_a_kinds_filter_narrows_its_results(client, site):
    response = search(client, q="nextcloud", type="sheet", theme="gestion")

    assert found(response) == [("sheet", "Un CRM pour l'aide à domicile")]
    assert response.context["total"] == 1
    assert [(f["name"], str(f["value"])) for f in response.context["active_filters"]] == [
        ("type", "Fiches pratiques"),
        ("theme", "Gestion"),
    ]
    # Removing the kind removes its filters too.
    assert response.context["active_filters"][0]["remove_query"] == "q=nextcloud"
    assert response.context["active_filters"][1]["remove_query"] == "q=nextcloud&type=sheet"


def test_the_tools_filters_are_their_category_and_licence(client, site):
    response = search(client, q="gestion", type="tool", category="crm")

    assert found(response) == [("tool", "Dolibarr")]
    assert [field.name for field in response.context["form"].filter_fields()] == [
        "category",
        "licence",
    ]
    assert list(response.context["form"].fields["category"].choices) == [
        ("", "Toutes"),
        ("crm", "Relation aux membres (CRM) (1)"),
    ]


@pytest.mark.parametrize(
    "query",
    [
        "brouillon",  # a sheet never published
        "section reservee",  # a sheet in a private section (login required)
        "bureautique",  # a tool proposed by a member, not yet published
    ],
)
def test_what_the_reader_may_not_see_is_never_found(client, site, query):
    response = search(client, q=query)

    assert found(response) == []
    assert response.context["total"] == 0


@postgresql
def test_a_one_letter_typo_finds_the_tool(client, site):
    """Typos are looked for in titles and names: the tool, not the texts that mention it
    (the correction's link finds those)."""
    response = search(client, q="nextclod")

    assert found(response) == [("tool", "Nextcloud")]
    assert response.context["approximate"] is True
    assert response.context["corrections"] == {"text": "Nextcloud", "query": "q=Nextcloud"}
    content = response.content.decode()
    assert "Aucun résultat ne contient exactement « nextclod » : voici les plus proches." in content
    assert '<a href="/outils/nextcloud/"><mark>Nextcloud</mark></a>' in content
    assert '<a href="?q=Nextcloud">Rechercher « Nextcloud »</a>' in content
    assert SearchMiss.objects.count() == 0


@postgresql
def test_a_typo_in_a_pages_title_finds_the_page(client, site):
    response = search(client, q="cafe numerque")

    assert found(response) == [("event", "Café numérique")]
    assert response.context["corrections"]["text"] == "cafe numérique"


@postgresql
def test_a_typo_in_one_word_leaves_the_other_words_exact(client, site):
    """ "agendas" is in Nextcloud's description only; "nextclod" anywhere."""
    response = search(client, q="nextclod agendas")

    assert found(response) == [("tool", "Nextcloud")]
    assert response.context["corrections"]["text"] == "Nextcloud agendas"


def test_excerpts_mark_the_found_words_in_escaped_text(client, site):
    response = search(client, q="benevoles numeriques")
    (result,) = response.context["results"]

    assert result.excerpt == (
        "Chaque <mark>bénévole</mark> découvre l&#x27;outil <mark>numérique</mark> à son rythme."
    )
    assert result.title == "Un atelier du mardi"
    assert result.url == f"/pratiques/{site['atelier'].slug}/"


@postgresql
def test_the_page_says_how_many_results_and_keeps_the_query(client, site):
    content = search(client, q="benevole").content.decode()

    assert "<h1>Résultats pour « benevole »</h1>" in content
    assert '<h2 id="results-title" class="h3 results__count">2 résultats</h2>' in content
    assert 'value="benevole"' in content


def test_the_header_of_every_page_has_the_search_box(client, site):
    content = client.get("/pratiques/").content.decode()

    assert (
        '<form class="site-search__form" id="recherche-site" method="get" action="/recherche/" '
        'role="search" aria-label="Rechercher sur Relais">'
    ) in content
    assert '<input type="search" name="q" id="site-search-q"' in content
    assert '<a class="site-search__toggle" href="#recherche-site" data-search-toggle>' in content


def test_completion_folds_accents_and_shows_only_what_may_be_seen(client, site):
    """ "Numérique pour bénévoles, en privé" is in a private section: not offered."""
    response = client.get("/recherche/suggestions/", {"q": "numeri"})

    assert response.json() == {
        "suggestions": [
            {"label": "Café numérique", "kind": "Évènement", "url": "/agenda/cafe-numerique/"},
            {
                "label": "Chèque coaching numérique",
                "kind": "Soutien",
                "url": "/soutiens/cheque-coaching-numerique/",
            },
        ]
    }


def test_completion_of_several_words_completes_the_last_one(client, site):
    response = client.get("/recherche/suggestions/", {"q": "Cafe num"})

    assert [s["label"] for s in response.json()["suggestions"]] == ["Café numérique"]


def test_completion_names_organisations_and_tools(client, site):
    assert client.get("/recherche/suggestions/", {"q": "next"}).json()["suggestions"] == [
        {"label": "Nextcloud", "kind": "Outil", "url": "/outils/nextcloud/"}
    ]
    assert client.get("/recherche/suggestions/", {"q": "ateliers"}).json()["suggestions"] == [
        {
            "label": "Les Ateliers Récup",
            "kind": "Organisation",
            "url": "/organisations/les-ateliers-recup/",
        }
    ]


@pytest.mark.parametrize("text", ["", "n", "%", "'", "\\", "\x00", "!!!", "x" * 5000])
def test_completion_of_nothing_much_is_empty(client, site, text):
    response = client.get("/recherche/suggestions/", {"q": text})

    assert response.status_code == 200
    assert response.json() == {"suggestions": []}
