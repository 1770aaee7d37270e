"""Reading a sheet: the three-by-three layout, its context, images and documents, its
discussion, related sheets, JSON-LD, the admin's preview, and who sees the reactions' forms
and the edit link. Reacting is in tests/practices/test_sheet_reactions.py, the query count
in tests/practices/test_sheet_page_queries.py."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from practices.models import PracticeSheetPage, SheetDifficulty, SheetKeyword, SheetTool, Useful
from rooms.models import Room
from rooms.services import posting
from tests.factories import MembershipFactory, UserFactory
from tests.practices import fixtures_sheet_page
from tests.practices.fixtures_listing import make_sheet
from tests.practices.fixtures_sheet_page import build_sheet
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

# Built once for the module's tests (tests/shared.py); each test gets its own copy.
_sheet_rows = built_once_per_module(build_sheet)

# The rows' fixtures (tests/practices/fixtures_sheet_page.py).
sheet_rows = fixtures_sheet_page.sheet_rows
sheet_index = fixtures_sheet_page.sheet_index
catalogue = fixtures_sheet_page.catalogue
author_org = fixtures_sheet_page.author_org
sheet = fixtures_sheet_page.sheet

# The adopting organisation and its member: tests/practices/test_sheet_page_queries.py
# takes them from this module.
adopter_org = fixtures_sheet_page.adopter_org
adopter = fixtures_sheet_page.adopter


@pytest.fixture
def author(author_org):
    """A member of the organisation that wrote the sheet."""
    return MembershipFactory(organisation=author_org, user__display_name="Ana Autrice").user


# --- What a reader sees -------------------------------------------------------------------


def test_sheet_shows_the_three_by_three_in_order(client, sheet):
    response = client.get("/pratiques/dossier-de-soins/")

    html = response.content.decode()
    assert response.status_code == 200
    titles = re.findall(r'<h3 class="sheet-item__title">([^<]+)</h3>', html)
    assert titles == [
        escape(t)
        for t in (
            "Résistance au changement",
            "Connexion",
            "Données",
            "Associer l'équipe",
            "Mode hors ligne",
            "Nettoyer d'abord",
            "Diagnostic",
            "Pilote",
            "Déploiement",
        )
    ]
    assert [h for h in re.findall(r"<h2[^>]*>([^<]+)</h2>", html)] == [
        "Le contexte",
        "Pourquoi se lancer",
        "3 difficultés à prévoir",
        "3 conseils pour les surmonter",
        "3 phases essentielles",
        "3 outils vraiment utiles",
        "3 mots-clés pour réussir",
        "Résultats",
        "Impact social",
        "Cette fiche vous aide ?",
        "Poser une question aux auteur·es",
        "En discuter",
    ]
    assert "<b>une heure par jour</b>" in html


def test_sheet_tools_link_to_the_catalogue_with_their_use(client, sheet):
    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    tools = re.findall(r'<h3 class="sheet-tool__name"><a href="([^"]+)">([^<]+)</a>', html)
    assert tools == [
        ("/outils/odoo/", "Odoo"),
        ("/outils/nextcloud/", "Nextcloud"),
        ("/outils/mattermost/", "Mattermost"),
    ]
    assert "Nous avons utilisé Odoo au quotidien." in html


def test_sheet_keywords_link_to_the_keyword_filter(client, sheet):
    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    links = re.findall(r'<ul class="sheet-keywords">(.*?)</ul>', html, re.S)[0]
    assert re.findall(r'href="([^"]+)"[^>]*>([^<]+)</a>', links) == [
        ("/pratiques/?keyword=ecoute", "Écoute"),
        ("/pratiques/?keyword=patience", "Patience"),
        ("/pratiques/?keyword=formation", "Formation"),
    ]


def test_sheet_context_facts(client, sheet, author_org):
    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    facts = re.findall(r'<dl class="facts">(.*?)</dl>', html, re.S)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", facts)).strip()
    assert text == (
        "Organisation Aide et Soins Namur Secteurs Aide à domicile Région Wallonie "
        "Taille de l'organisation 10 à 49 salariés Durée du projet 8 mois "
        "Budget 12 000 € Financements Appel à projets régional "
        "Thèmes RGPD Relation aux membres Dimensions de maturité Processus Stratégie"
    )
    assert f'<a href="{author_org.get_absolute_url()}">Aide et Soins Namur</a>' in facts
    assert 'href="/pratiques/?dimension=processes"' in facts
    assert 'href="/pratiques/?theme=rgpd"' in facts


def test_sheet_shows_its_images_and_documents(client, sheet_index, catalogue):
    image = Image.objects.create(title="Atelier", file=get_test_image_file("atelier.png"))
    document = Document.objects.create(
        title="Cahier des charges", file=ContentFile(b"%PDF-1.4", name="cahier.pdf")
    )
    make_sheet(
        sheet_index,
        title="Avec des pièces jointes",
        slug="pieces-jointes",
        tools=list(catalogue.values())[:3],
        media=[  # as the admin stores them
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Un atelier du jeudi",
                    "decorative": False,
                },
            },
            {"type": "document", "value": document.pk},
        ],
    )

    html = client.get("/pratiques/pieces-jointes/").content.decode()

    assert '<h2 id="media-title">Images et documents</h2>' in html
    assert re.search(r'<img alt="Un atelier du jeudi"[^>]* src="/media/images/atelier[^"]*"', html)
    assert f'<a href="{document.url}">Cahier des charges</a>' in html
    assert "(PDF)" in html


def test_sheet_has_a_discussion_slot(client, sheet):
    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    assert re.search(r'<section id="discussion"[^>]*>', html)
    assert "Se connecter pour rejoindre la discussion" in html
    assert "Bonjour" not in html


def test_sheet_published_opens_its_room_shown_to_members(client, sheet, author, author_org):
    room = Room.objects.get(kind="page", page=sheet)
    posting.post_message(
        user=author, room=room, body="Bonjour, des questions ?", client_id=uuid.uuid4()
    )
    client.force_login(UserFactory())

    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    assert (room.title, room.organisation) == (sheet.title, author_org)
    assert "<p>Bonjour, des questions ?</p>" in html
    assert f'href="/salons/{room.slug}/">Rejoindre la discussion</a>' in html


def test_sheet_related_sheets_live_only(client, sheet_index, catalogue, sheet):
    tools = list(catalogue.values())[:3]
    live = make_sheet(sheet_index, title="Une fiche voisine", tools=tools)
    draft = make_sheet(sheet_index, title="Une fiche en préparation", tools=tools, live=False)
    page = sheet.specific_class.objects.get(pk=sheet.pk)
    page.related_sheets.set([live, draft])
    page.save_revision().publish()

    response = client.get("/pratiques/dossier-de-soins/")

    html = response.content.decode()
    assert "Fiches liées" in html
    assert "Une fiche voisine" in html
    assert "Une fiche en préparation" not in html


def test_sheet_json_ld_describes_the_sheet(client, sheet, author_org):
    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@type"] == "Article"
    assert data["headline"] == "Un dossier de soins partagé"
    assert data["url"] == "http://127.0.0.1:8000/pratiques/dossier-de-soins/"
    assert data["author"] == {
        "@type": "Organization",
        "name": "Aide et Soins Namur",
        "url": f"http://127.0.0.1:8000{author_org.get_absolute_url()}",
    }
    assert data["datePublished"] == sheet.first_published_at.isoformat()
    assert data["keywords"] == ["Écoute", "Patience", "Formation"]
    assert data["about"] == ["RGPD", "Relation aux membres"]  # themes by name
    assert [m["name"] for m in data["mentions"]] == ["Odoo", "Nextcloud", "Mattermost"]


def test_sheet_json_ld_cannot_close_its_element(client, sheet_index, catalogue):
    title = "</script><script>alert(1)</script> & co"
    make_sheet(sheet_index, title=title, slug="piege", tools=list(catalogue.values())[:3])

    html = client.get("/pratiques/piege/").content.decode()

    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in block
    assert json.loads(block)["headline"] == title
    assert "<script>alert(1)</script>" not in html


def test_sheet_preview_of_unsaved_changes(sheet, catalogue):
    """The admin's preview renders the edited sheet from memory, reactions aside."""

    sheet = sheet.specific_class.objects.get(pk=sheet.pk)
    sheet.keywords = [SheetKeyword(word=w) for w in ("Téléphone", "Patience", "Formation")]
    Useful.objects.create(user=UserFactory(), sheet=sheet)

    response = sheet.make_preview_request()

    html = response.render().content.decode()
    assert response.status_code == 200
    assert "Téléphone" in html
    assert "Écoute" not in html
    assert "Personne ne l'a encore marquée utile." in html


def test_sheet_preview_of_a_new_sheet(sheet_index, catalogue):
    """A sheet never saved (the admin's "preview" before the first save) has no id."""

    page = PracticeSheetPage(
        title="Une fiche toute neuve",
        slug="toute-neuve",
        summary="Pas encore enregistrée.",
        why="<p>Parce que.</p>",
        difficulties=[SheetDifficulty(title="Le temps", text="Il en manque.", sort_order=0)],
        sheet_tools=[SheetTool(tool=catalogue["odoo"], usage="Pour tout.", sort_order=0)],
        keywords=[SheetKeyword(word="Courage", sort_order=0)],
    )
    page.set_url_path(sheet_index)
    page.depth = sheet_index.depth + 1
    page.path = Page._get_children_path_interval(sheet_index.path)[1]

    response = page.make_preview_request()

    html = response.render().content.decode()
    assert response.status_code == 200
    assert "Le temps" in html
    assert 'href="/outils/odoo/"' in html
    assert "Courage" in html


# --- Who sees what ----------------------------------------------------------------------------


def test_sheet_visitor_sees_counts_and_a_sign_in_link(client, sheet):
    Useful.objects.create(user=UserFactory(), sheet=sheet)

    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    assert "1 membre la trouve utile" in html
    assert 'action="/pratiques/dossier-de-soins/utile/"' not in html
    assert 'href="/accounts/login/?next=/pratiques/dossier-de-soins/"' in html
    assert "Modifier cette fiche" not in html


def test_sheet_without_reactions_says_so(client, sheet):
    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    assert "Personne ne l'a encore marquée utile." in html
    assert '<h3 id="adoptions-title">Qui l\'a essayée ?</h3>' in html
    assert "Aucune organisation n'a encore dit l'avoir essayée." in html


def test_sheet_edit_link_for_members_of_its_organisation_only(client, sheet, author):
    outsider = MembershipFactory().user  # a member of another organisation
    client.force_login(author)
    as_author = client.get("/pratiques/dossier-de-soins/").content.decode()
    client.force_login(outsider)
    as_outsider = client.get("/pratiques/dossier-de-soins/").content.decode()

    link = f'href="/pratiques/proposer/modifier/{sheet.pk}/"'
    assert link in as_author
    assert link not in as_outsider
    assert "Modifier cette fiche" not in as_outsider


def test_sheet_member_without_organisation_cannot_report_adoption(client, sheet):
    client.force_login(UserFactory())

    html = client.get("/pratiques/dossier-de-soins/").content.decode()

    assert 'action="/pratiques/dossier-de-soins/utile/"' in html
    assert 'action="/pratiques/dossier-de-soins/adoption/"' not in html
    assert "rejoignez-la d'abord sur Relais" in html
