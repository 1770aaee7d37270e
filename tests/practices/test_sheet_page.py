"""Reading a sheet: the three-by-three layout, its context, JSON-LD, reactions ("useful",
bookmark, "we tried it too") through POST forms that work without JavaScript, who sees the
edit link, and a query count that does not grow with reactions or related sheets."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from community.services import ServiceError
from practices.models import (
    Adoption,
    Bookmark,
    PracticeSheetPage,
    SheetDifficulty,
    SheetKeyword,
    SheetTool,
    Useful,
)
from practices.services import reactions
from rooms.models import Room
from rooms.services import posting
from tests.factories import (
    MembershipFactory,
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


@pytest.fixture
def author(author_org):
    """A member of the organisation that wrote the sheet."""
    return MembershipFactory(organisation=author_org, user__display_name="Ana Autrice").user


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


# Built once for the module's tests (tests/shared.py); each test gets its own copy.
_sheet_rows = built_once_per_module(build_sheet)


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


def _url(sheet, action):
    return f"/pratiques/{sheet.slug}/{action}/"


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


# --- "Useful" and bookmarks ---------------------------------------------------------------


def test_useful_marked_then_unmarked(client, sheet, messages_of):
    user = UserFactory()
    client.force_login(user)

    response = client.post(_url(sheet, "utile"), {"on": "1"})

    assert response.status_code == 302
    assert response["Location"] == "/pratiques/dossier-de-soins/#reactions"
    assert messages_of(response) == ["Merci : vous trouvez cette fiche utile."]
    assert list(Useful.objects.values_list("user", "sheet")) == [(user.pk, sheet.pk)]
    page = client.get("/pratiques/dossier-de-soins/").content.decode()
    assert '<input type="hidden" name="on" value="0">' in page
    assert 'aria-pressed="true">Je la trouve utile' in page

    response = client.post(_url(sheet, "utile"), {"on": "0"})

    assert messages_of(response) == [
        "C'est noté : vous ne marquez plus cette fiche comme utile."
    ]  # the first message was shown by the page view in between
    assert Useful.objects.count() == 0


def test_useful_sent_twice_counts_once(client, sheet):
    client.force_login(UserFactory())

    client.post(_url(sheet, "utile"), {"on": "1"})
    client.post(_url(sheet, "utile"), {"on": "1"})
    client.force_login(UserFactory())
    client.post(_url(sheet, "utile"), {"on": "1"})

    assert Useful.objects.filter(sheet=sheet).count() == 2
    assert "2 membres la trouvent utile" in client.get(sheet.url).content.decode()


def test_bookmark_kept_then_removed(client, sheet, messages_of):
    user = UserFactory()
    client.force_login(user)

    kept = client.post(_url(sheet, "favori"), {"on": "1"})
    assert messages_of(kept) == ["La fiche est dans vos favoris."]
    assert list(Bookmark.objects.values_list("user", "sheet")) == [(user.pk, sheet.pk)]

    removed = client.post(_url(sheet, "favori"), {"on": "0"})
    assert messages_of(removed)[-1] == "La fiche est retirée de vos favoris."
    assert Bookmark.objects.count() == 0


@pytest.mark.parametrize("action", ["utile", "favori"])
def test_reaction_without_a_state_changes_nothing(client, sheet, messages_of, action):
    client.force_login(UserFactory())

    response = client.post(_url(sheet, action), {"on": "maybe"})

    assert response.status_code == 302
    assert messages_of(response) == ["Action inconnue : rien n'a changé."]
    assert Useful.objects.count() == Bookmark.objects.count() == 0


@pytest.mark.parametrize("action", ["utile", "favori", "adoption", "adoption/retirer"])
def test_reaction_by_visitor_asks_to_sign_in(client, sheet, messages_of, action):
    response = client.post(_url(sheet, action), {"on": "1"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fpratiques%2Fdossier-de-soins%2F"
    assert messages_of(response) == ["Connectez-vous pour réagir à une fiche."]
    assert Useful.objects.count() == Adoption.objects.count() == 0


@pytest.mark.parametrize("action", ["utile", "favori", "adoption"])
def test_reaction_on_unknown_or_draft_sheet_is_404(client, sheet_index, catalogue, action):
    make_sheet(
        sheet_index,
        title="Brouillon",
        slug="brouillon",
        tools=list(catalogue.values())[:3],
        live=False,
    )
    client.force_login(UserFactory())

    assert client.post(f"/pratiques/nexiste-pas/{action}/", {"on": "1"}).status_code == 404
    assert client.post(f"/pratiques/brouillon/{action}/", {"on": "1"}).status_code == 404


def test_reaction_get_not_allowed(client, sheet):
    client.force_login(UserFactory())

    assert client.get(_url(sheet, "utile")).status_code == 405
    assert Useful.objects.count() == 0


# --- "We tried it too" --------------------------------------------------------------------


@pytest.fixture
def adopter_org(db):
    return OrganisationFactory(name="Les Ateliers du Nord")


@pytest.fixture
def adopter(adopter_org):
    return MembershipFactory(organisation=adopter_org, user__display_name="Paul Pair").user


def _adopt(client, sheet, organisation, outcome="worked", comment="Très utile chez nous."):
    return client.post(
        _url(sheet, "adoption"),
        {
            "adoption-organisation": organisation.pk,
            "adoption-outcome": outcome,
            "adoption-comment": comment,
        },
    )


def test_adoption_reported_and_shown(client, sheet, adopter, adopter_org, messages_of):
    client.force_login(adopter)

    response = _adopt(client, sheet, adopter_org)

    assert response["Location"] == "/pratiques/dossier-de-soins/#reactions"
    assert messages_of(response) == ["Merci pour le témoignage de Les Ateliers du Nord."]
    assert list(Adoption.objects.values_list("organisation", "outcome", "comment", "author")) == [
        (adopter_org.pk, "worked", "Très utile chez nous.", adopter.pk)
    ]
    html = client.get(sheet.url).content.decode()
    assert "Adoptée par 1 organisation" in html
    assert "Ça a marché" in html
    assert "Très utile chez nous." in html
    # The form is filled with what the organisation said, to edit it.
    assert 'name="adoption-comment"' in html
    assert "Très utile chez nous.</textarea>" in html
    assert re.search(
        r'<input type="radio" name="adoption-outcome" value="worked"[^>]* checked>', html
    )


def test_adoption_sent_again_edits_the_report(client, sheet, adopter, adopter_org, messages_of):
    colleague = MembershipFactory(organisation=adopter_org).user
    client.force_login(adopter)
    _adopt(client, sheet, adopter_org)
    client.force_login(colleague)

    response = _adopt(client, sheet, adopter_org, outcome="partly", comment="En partie.")

    assert messages_of(response)[-1] == "Le témoignage de Les Ateliers du Nord est mis à jour."
    assert list(Adoption.objects.values_list("organisation", "outcome", "comment", "author")) == [
        (adopter_org.pk, "partly", "En partie.", colleague.pk)
    ]


def test_adoption_counted_per_organisation(client, sheet, adopter, adopter_org):
    other = OrganisationFactory(name="Coopérative Zéro")
    MembershipFactory(organisation=other, user=adopter)
    client.force_login(adopter)

    _adopt(client, sheet, adopter_org)
    _adopt(client, sheet, other, outcome="not", comment="")

    html = client.get(sheet.url).content.decode()
    assert "Adoptée par 2 organisations" in html
    assert "ça a marché : 1" in html
    assert "ça n'a pas marché : 1" in html


def test_adoption_in_the_name_of_another_organisation_refused(client, sheet, adopter, messages_of):
    stranger_org = OrganisationFactory(name="Pas la mienne")
    client.force_login(adopter)

    response = _adopt(client, sheet, stranger_org)

    assert response.status_code == 302
    assert messages_of(response) == [
        "Votre témoignage n'est pas enregistré : "
        "Sélectionnez un choix valide. "
        f"{stranger_org.pk} n’en fait pas partie."
    ]
    assert Adoption.objects.count() == 0


def test_adoption_pending_member_refused(client, sheet, adopter_org, messages_of):
    pending = MembershipFactory(organisation=adopter_org, pending=True).user
    client.force_login(pending)

    response = _adopt(client, sheet, adopter_org)

    assert messages_of(response)[0].startswith("Votre témoignage n'est pas enregistré")
    assert Adoption.objects.count() == 0


@pytest.mark.parametrize(
    ("outcome", "comment", "problem"),
    [
        ("maybe", "", "Sélectionnez un choix valide. maybe n’en fait pas partie."),
        (
            "worked",
            "x" * 501,
            "Assurez-vous que cette valeur comporte au plus 500 caractères (actuellement 501).",
        ),
    ],
)
def test_adoption_bad_input_changes_nothing(
    client, sheet, adopter, adopter_org, messages_of, outcome, comment, problem
):
    client.force_login(adopter)

    response = _adopt(client, sheet, adopter_org, outcome=outcome, comment=comment)

    assert messages_of(response) == [f"Votre témoignage n'est pas enregistré : {problem}"]
    assert Adoption.objects.count() == 0


def test_adoption_withdrawn(client, sheet, adopter, adopter_org, messages_of):
    client.force_login(adopter)
    _adopt(client, sheet, adopter_org)

    response = client.post(_url(sheet, "adoption/retirer"), {"organisation": adopter_org.pk})

    assert messages_of(response)[-1] == "Le témoignage de Les Ateliers du Nord est retiré."
    assert Adoption.objects.count() == 0


def test_adoption_withdraw_other_organisation_refused(
    client, sheet, adopter, adopter_org, messages_of
):
    client.force_login(adopter)
    _adopt(client, sheet, adopter_org)
    client.force_login(UserFactory())

    response = client.post(_url(sheet, "adoption/retirer"), {"organisation": adopter_org.pk})

    assert messages_of(response)[-1] == "Choisissez une de vos organisations."
    assert Adoption.objects.count() == 1


# --- The service, called directly ---------------------------------------------------------


def test_service_refuses_reactions_of_anonymous_and_on_drafts(sheet_index, catalogue, sheet):
    draft = make_sheet(
        sheet_index, title="Brouillon", tools=list(catalogue.values())[:3], live=False
    )
    user = UserFactory()

    with pytest.raises(ServiceError, match="Connectez-vous"):
        reactions.set_useful(user=AnonymousUser(), sheet=sheet, on=True)
    with pytest.raises(ServiceError, match="n'est pas publiée"):
        reactions.set_bookmark(user=user, sheet=draft, on=True)
    assert Useful.objects.count() == Bookmark.objects.count() == 0


def test_service_adoption_only_by_members(sheet, adopter, adopter_org):
    with pytest.raises(ServiceError, match="Seuls les membres de Pas la mienne"):
        reactions.report_adoption(
            user=adopter,
            sheet=sheet,
            organisation=OrganisationFactory(name="Pas la mienne"),
            outcome="worked",
        )
    with pytest.raises(ServiceError, match="Choisissez si la pratique a marché"):
        reactions.report_adoption(
            user=adopter, sheet=sheet, organisation=adopter_org, outcome="perhaps"
        )

    report, created = reactions.report_adoption(
        user=adopter, sheet=sheet, organisation=adopter_org, outcome="worked", comment="  ok  "
    )
    assert (created, report.comment) == (True, "ok")
    assert Adoption.objects.count() == 1
