"""The one rich-text-to-plain-text function behind every text Relais sends out."""

from __future__ import annotations

import pytest

from community.text import plain_text
from tests.practices.conftest import home_page  # noqa: F401 (the page tree)

BASE = "https://relais.example.org"


def test_plain_text_decodes_entities():
    assert plain_text("<p>Préparer l&#x27;intervision &amp; le café &lt;3</p>") == (
        "Préparer l'intervision & le café <3"
    )


def test_plain_text_separates_paragraphs_with_a_blank_line():
    assert plain_text("<p>Le matériel est fourni.</p><p>Créer un compte.</p>") == (
        "Le matériel est fourni.\n\nCréer un compte."
    )


def test_plain_text_puts_list_items_on_their_own_lines():
    html = (
        "<p>Au programme :</p><ul><li>Créer un compte</li><li>Inviter l’équipe</li></ul>"
        "<ol><li>Synchroniser</li></ol><h3>Après</h3>fin"
    )
    assert plain_text(html) == (
        "Au programme :\n\n- Créer un compte\n- Inviter l’équipe\n\n- Synchroniser\n\nAprès\n\nfin"
    )


def test_plain_text_paragraph_inside_list_item_stays_on_the_item_line():
    html = "<ul>\n<li><p>Un</p></li>\n<li>Deux<ul><li>Deux bis</li></ul></li></ul><p>Fin</p>"
    assert plain_text(html) == "- Un\n- Deux\n- Deux bis\n\nFin"


def test_plain_text_keeps_line_breaks_and_collapses_spaces():
    assert plain_text("<p>  Rue de la Loi 1,<br/>\n   1000   Bruxelles </p>") == (
        "Rue de la Loi 1,\n1000 Bruxelles"
    )


def test_plain_text_keeps_non_breaking_spaces_of_french_punctuation():
    assert plain_text("<p>Quand&nbsp;: demain</p>") == "Quand\xa0: demain"


@pytest.mark.parametrize(
    "html, expected",
    [
        ('Voir <a href="https://ex.org/doc">la doc</a>.', "Voir la doc (https://ex.org/doc)."),
        ('Voir <a href="/agenda/">l\'agenda</a>', f"Voir l'agenda ({BASE}/agenda/)"),
        ('<a href="https://ex.org">https://ex.org</a>', "https://ex.org"),
        ('<a href="mailto:info@ex.org">info@ex.org</a>', "info@ex.org"),
        ('<a href="#haut">en haut</a>', "en haut"),
        ("<a>sans adresse</a>", "sans adresse"),
    ],
)
def test_plain_text_keeps_links_as_text_and_address(html, expected):
    assert plain_text(html, base_url=BASE + "/") == expected


def test_plain_text_drops_scripts_and_styles():
    assert plain_text("<p>a<script>alert(1)</script> b<style>p{}</style></p>") == "a b"


@pytest.mark.django_db
def test_plain_text_expands_wagtail_page_links(home_page):  # noqa: F811
    html = f'<p>Voir <a linktype="page" id="{home_page.pk}">l\'accueil</a></p>'
    assert plain_text(html, base_url=BASE) == f"Voir l'accueil ({BASE}/)"


@pytest.mark.parametrize("empty", [None, "", "<p></p>", "<p> </p>"])
def test_plain_text_of_nothing_is_empty(empty):
    assert plain_text(empty) == ""
