"""Practice sheets in Chromium: a member writes a sheet through the wizard, an editor
approves it in the Wagtail admin, and anonymous visitors find it in the list, in the text
search, on its tool's page and in the Atom feed (issue 3, "Done means"). Also: the wizard
refuses a sheet with two tips, and axe-core scans the list, a sheet, the wizard and the
tool catalogue.

The browser tests run on a transactional database, flushed between tests: Wagtail's
default "Relecture éditoriale" workflow, which its migrations attach to the root page,
is rebuilt here (`practice_index`) so that a submitted sheet enters moderation as on a real
site.
"""

from __future__ import annotations

import re

import feedparser
import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.models import Page as WagtailPage  # Page is Playwright's here

from community.models import Notification
from practices.models import (
    Adoption,
    PracticeIndexPage,
    PracticeSheetPage,
    SheetDraft,
    Tool,
    Useful,
)
from tests.e2e import test_accessibility as a11y
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)
from tests.practices.fixtures_listing import days_ago, make_sheet, make_tool

pytestmark = pytest.mark.e2e


ORG_NAME = "L'Atelier des Possibles"
TITLE = "Un atelier numérique pour nos bénévoles"
SUMMARY = (
    "Nos bénévoles ont appris à partager agenda et documents en ligne, en trois mois et "
    "sans budget informatique."
)


# --- Fixtures ---------------------------------------------------------------------------


@pytest.fixture
def practice_index(home_page) -> PracticeIndexPage:
    """/pratiques/ under the e2e `home_page`, and Wagtail's default moderation workflow
    (flushed with the rest of the database between transactional tests) on the root."""
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    task, _ = GroupApprovalTask.objects.get_or_create(name="Relecture par l'équipe éditoriale")
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name="Relecture éditoriale")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=WagtailPage.get_first_root_node(), defaults={"workflow": workflow}
    )

    index = home_page.add_child(
        instance=PracticeIndexPage(
            title="Fiches pratiques",
            slug="pratiques",
            intro="Ce que les organisations ont appris de leurs projets numériques.",
        )
    )
    index.save_revision().publish()
    return index


@pytest.fixture
def catalogue(db) -> dict[str, Tool]:
    """Five catalogue tools, by slug."""
    tools = [
        make_tool("Nextcloud", category=Tool.Category.COLLABORATION, data_hosting="belgium"),
        make_tool("Dolibarr", category=Tool.Category.CRM),
        make_tool("Signal", category=Tool.Category.COMMUNICATION),
        make_tool("Odoo", category=Tool.Category.CRM, licence=Tool.Licence.FREEMIUM),
        make_tool(
            "Microsoft Teams",
            category=Tool.Category.COMMUNICATION,
            licence=Tool.Licence.PROPRIETARY,
            data_hosting="outside_eu",
        ),
    ]
    return {tool.slug: tool for tool in tools}


@pytest.fixture
def member(db):
    """Nora, a plain member of "L'Atelier des Possibles"."""
    organisation = OrganisationFactory(name=ORG_NAME)
    return MembershipFactory(
        organisation=organisation,
        user__display_name="Nora Membre",
        user__email="nora@atelier.example",
    ).user


@pytest.fixture
def editor(db):
    """A Wagtail editor: superuser with a verified address, in the "Moderators" group that
    reviews submissions (as the demo's editor is)."""
    editor = UserFactory(staff=True, display_name="Eddy Éditeur", email="eddy@relais.example")
    editor.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return editor


def sheet_url(sheet: PracticeSheetPage) -> str:
    return f"/pratiques/{sheet.slug}/"


# --- The whole path ---------------------------------------------------------------------


def fill_items(page: Page, item: str, items: list[tuple[str, str]]) -> None:
    for n, (title, text) in enumerate(items, start=1):
        page.get_by_label(f"{item} {n} — titre", exact=True).fill(title)
        page.get_by_label(f"{item} {n} — texte", exact=True).fill(text)


def next_step(page: Page, label: str) -> None:
    """Click "Suivant" and land on the step called `label`, with no error."""
    page.get_by_role("button", name=re.compile(r"^Suivant")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)
    expect(page.get_by_role("alert")).to_have_count(0)


DIFFICULTIES = [
    ("La peur de mal faire", "Plusieurs bénévoles n'osaient pas toucher à l'ordinateur."),
    ("Des horaires éclatés", "On ne se croise jamais tous au local."),
    ("Un vieux matériel", "Deux portables sur cinq ne démarraient plus."),
]
TIPS = [
    ("Former en binômes", "Un bénévole à l'aise accompagne un débutant."),
    ("Commencer petit", "D'abord l'agenda partagé, ensuite les documents."),
    ("Garder une trace", "Un mémo imprimé reste près de chaque poste."),
]
PHASES = [
    ("Écouter", "Un café-rencontre pour recueillir les besoins."),
    ("Essayer", "Deux semaines de test avec cinq volontaires."),
    ("Généraliser", "Tout le monde passe à l'agenda partagé."),
]


def test_member_writes_a_sheet_editor_approves_it_and_visitors_find_it(
    page: Page,
    new_context,
    sign_in_as,
    practice_index,
    catalogue,
    member,
    editor,
    mailoutbox,
):
    organisation = member.memberships.get().organisation
    sector = SectorFactory(name="Action sociale")
    region = RegionFactory(name="Bruxelles", slug="bruxelles")
    theme = ThemeFactory(name="Inclusion numérique")
    # Another published sheet: the search and the tool page must tell them apart.
    other = make_sheet(
        practice_index,
        title="Une boutique en ligne pour la coopérative",
        summary="Vendre nos paniers sur Internet.",
        why="<p>Pour toucher de nouveaux clients.</p>",
        tools=[catalogue["odoo"], catalogue["microsoft-teams"], catalogue["nextcloud"]],
        organisation=OrganisationFactory(name="Coopérative du Marché"),
        published_at=days_ago(10),
    )

    # Nora opens the wizard and starts a sheet.
    sign_in_as(page.context, member)
    page.goto("/pratiques/proposer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Proposer une fiche pratique")
    page.get_by_role("button", name="Commencer une nouvelle fiche").click()
    draft = SheetDraft.objects.get(author=member)
    expect(page).to_have_url(re.compile(rf"/pratiques/proposer/{draft.pk}/context/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Contexte")

    # Context.
    page.get_by_label("Titre de la fiche (obligatoire)", exact=True).fill(TITLE)
    page.get_by_label("Résumé (obligatoire)", exact=True).fill(SUMMARY)
    expect(page.get_by_label("Organisation (obligatoire)", exact=True)).to_have_value(
        str(organisation.pk)
    )
    page.get_by_label("Action sociale", exact=True).check()
    page.get_by_label("Région", exact=True).select_option(label="Bruxelles")
    page.get_by_label("Taille de l'organisation", exact=True).select_option(value="10-49")
    page.get_by_label("Durée du projet", exact=True).fill("3 mois")
    page.get_by_label("Budget", exact=True).fill("0 €")
    page.get_by_label("Financements mobilisés", exact=True).fill("Aucun")
    page.get_by_label("Inclusion numérique", exact=True).check()
    page.get_by_label("Processus", exact=True).check()
    next_step(page, "Pourquoi")

    # Why.
    page.get_by_label(re.compile(r"^Pourquoi se lancer dans un projet numérique")).fill(
        "Nos bénévoles perdaient du temps à se coordonner par téléphone.\n\n"
        "Le numérique devait leur rendre ce temps."
    )
    next_step(page, "Difficultés")

    fill_items(page, "Difficulté", DIFFICULTIES)
    next_step(page, "Conseils")

    fill_items(page, "Conseil", TIPS)
    next_step(page, "Phases")

    fill_items(page, "Phase", PHASES)
    next_step(page, "Outils")

    # Tools: three from the catalogue.
    for n, (name, usage) in enumerate(
        [
            ("Nextcloud", "L'agenda et les documents partagés de l'équipe."),
            ("Dolibarr", "Le suivi des bénévoles et de leurs disponibilités."),
            ("Signal", "Le groupe de messages pour les urgences."),
        ],
        start=1,
    ):
        page.get_by_label(f"Outil {n} — outil du catalogue", exact=True).select_option(label=name)
        page.get_by_label(f"Outil {n} — comment nous l'avons utilisé", exact=True).fill(usage)
    next_step(page, "Mots-clés")

    for n, word in enumerate(["Patience", "Binômes", "Écoute"], start=1):
        page.get_by_label(f"Mot-clé {n}", exact=True).fill(word)
    next_step(page, "Résultats")

    page.get_by_label("Résultats", exact=True).fill("Vingt bénévoles utilisent l'agenda.")
    page.get_by_label("Impact social", exact=True).fill("Moins d'isolement entre bénévoles.")
    next_step(page, "Aperçu et envoi")

    # The preview shows the sheet as it will be published.
    preview = page.get_by_role("article")
    expect(preview.get_by_role("heading", level=2)).to_have_text(TITLE)
    expect(preview).to_contain_text(SUMMARY)
    expect(preview).to_contain_text("Former en binômes")
    expect(preview).to_contain_text("Dolibarr")
    page.get_by_role("button", name="Envoyer pour relecture").click()

    # She is told it went to the editors, and sees it waiting in her space.
    expect(page).to_have_url(re.compile(r"/moi/$"))
    expect(page.get_by_role("status")).to_have_text(
        f"Merci ! La fiche « {TITLE} » est envoyée à l'équipe éditoriale. Vous serez "
        "prévenu·e dès qu'elle sera relue."
    )
    my_sheets = page.get_by_role("region", name="Mes fiches pratiques")
    expect(my_sheets).to_contain_text("En attente de relecture")

    sheet = PracticeSheetPage.objects.get(title=TITLE)
    assert sheet.live is False
    assert SheetDraft.objects.count() == 0
    assert list(sheet.authors.all()) == [member]
    assert sheet.current_workflow_state.status == "in_progress"
    # Nora gets no email yet; the moderators get Wagtail's "submitted" notification, once.
    assert [m.to for m in mailoutbox] == [[editor.email]]
    assert all(TITLE in m.subject for m in mailoutbox)

    # Eddy approves it in the Wagtail admin, from the sheet's edit view, with a comment.
    mailoutbox.clear()
    admin = new_context().new_page()
    sign_in_as(admin.context, editor)
    admin.goto(f"/admin/pages/{sheet.pk}/edit/")
    admin.get_by_role("button", name="Plus d'actions").click()
    admin.get_by_role("button", name="Approuver avec un commentaire et Publier").click()
    dialog = admin.get_by_role("dialog").filter(
        has=admin.get_by_role("heading", name="Approuver avec un commentaire")
    )
    dialog.get_by_label("Commenter", exact=True).fill("Bravo, très concret.")
    dialog.get_by_role("button", name="Approuver avec un commentaire").click()
    expect(admin).to_have_url(re.compile(rf"/admin/pages/{practice_index.pk}/$"), timeout=20_000)
    expect(admin.get_by_role("status")).to_contain_text(f"La page « {TITLE} » a été mise à jour.")

    # The sheet is online, written by Nora for her organisation, and she is told.
    sheet.refresh_from_db()
    assert sheet.live is True
    assert sheet.has_unpublished_changes is False
    assert sheet.organisation == organisation
    assert list(sheet.authors.all()) == [member]
    assert (sheet.region, list(sheet.sectors.all()), list(sheet.themes.all())) == (
        region,
        [sector],
        [theme],
    )
    assert (sheet.organisation_size, sheet.duration, sheet.budget, sheet.funding) == (
        "10-49",
        "3 mois",
        "0 €",
        "Aucun",
    )
    assert [str(label) for label in sheet.dimensions] == ["Processus"]
    assert [tip.title for tip in sheet.tips.all()] == [title for title, _ in TIPS]
    assert [row.tool.name for row in sheet.sheet_tools.all()] == ["Nextcloud", "Dolibarr", "Signal"]
    assert [keyword.word for keyword in sheet.keywords.all()] == ["Patience", "Binômes", "Écoute"]
    state = sheet.workflow_states.get()
    assert (state.status, state.current_task_state.comment) == ("approved", "Bravo, très concret.")
    url = sheet_url(sheet)
    assert url == "/pratiques/un-atelier-numerique-pour-nos-benevoles/"
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([member.email], f"[Relais] Votre fiche « {TITLE} » est publiée")
    ]
    assert "Bravo, très concret." in mailoutbox[0].body
    assert f"http://127.0.0.1:8000{url}" in mailoutbox[0].body
    assert list(Notification.objects.values_list("user", "message", "url")) == [
        (member.pk, f"Votre fiche « {TITLE} » est publiée.", url)
    ]
    page.goto("/moi/")
    my_sheets = page.get_by_role("region", name="Mes fiches pratiques")
    expect(my_sheets.get_by_role("link", name=TITLE, exact=True)).to_have_attribute("href", url)
    expect(my_sheets).to_contain_text("Publiée")

    # An anonymous visitor finds it in the list, newest first...
    visitor = new_context().new_page()
    visitor.goto("/pratiques/")
    results = visitor.get_by_role("region", name="2 fiches")
    expect(results.get_by_role("heading", level=3)).to_have_text([TITLE, other.title])

    # ...by searching "numerique" without its accent...
    visitor.get_by_label("Rechercher", exact=True).fill("numerique")
    visitor.get_by_role("button", name="Appliquer").click()
    expect(visitor).to_have_url(re.compile(r"/pratiques/\?q=numerique&sort=newest$"))
    results = visitor.get_by_role("region", name="1 fiche")
    expect(results.get_by_role("heading", level=3)).to_have_text([TITLE])
    # The jump link above the filters (phones) counts the new results too.
    expect(visitor.locator(".results-jump")).to_have_text("Voir la fiche trouvée")
    visitor.goto("/pratiques/?q=numerique")
    expect(
        visitor.get_by_role("region", name="1 fiche").get_by_role("heading", level=3)
    ).to_have_text([TITLE])

    # ...reads it...
    results.get_by_role("link", name=TITLE).click()
    expect(visitor).to_have_url(re.compile(re.escape(url) + "$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".sheet__byline")).to_contain_text(f"Par {ORG_NAME}")
    tips = visitor.get_by_role("region", name="3 conseils pour les surmonter")
    expect(tips.get_by_role("heading", level=3)).to_have_text([title for title, _ in TIPS])
    tools = visitor.get_by_role("region", name="3 outils vraiment utiles")
    expect(tools.get_by_role("heading", level=3)).to_have_text(["Nextcloud", "Dolibarr", "Signal"])
    keywords = visitor.get_by_role("region", name="3 mots-clés pour réussir")
    expect(keywords.get_by_role("listitem")).to_have_text(["Patience", "Binômes", "Écoute"])

    # ...and on the page of one of its tools, with the organisation behind it.
    tools.get_by_role("link", name="Dolibarr").click()
    expect(visitor).to_have_url(re.compile(r"/outils/dolibarr/$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Dolibarr")
    using = visitor.get_by_role("region", name="1 fiche l'utilise")
    expect(using.get_by_role("heading", level=3)).to_have_text([TITLE])
    expect(using).to_contain_text("Le suivi des bénévoles et de leurs disponibilités.")
    who = visitor.get_by_role("region", name="Qui d'autre l'utilise ?")
    expect(who.get_by_role("link", name=ORG_NAME)).to_be_visible()
    visitor.goto("/outils/odoo/")
    expect(visitor.get_by_role("region", name="1 fiche l'utilise")).not_to_contain_text(TITLE)

    # The Atom feed has it too, and parses with a real feed parser.
    response = visitor.request.get("/pratiques/feed/")
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == [TITLE, other.title]
    newest = feed.entries[0]
    assert newest.link.endswith(url)
    assert newest.author == ORG_NAME
    assert newest.summary == SUMMARY
    assert [tag.term for tag in newest.tags] == ["Inclusion numérique"]


# --- "Exactly three" in the wizard --------------------------------------------------------


def complete_data(tools: list[Tool], **changes) -> dict:
    """A draft's `data` (see `practices.wizard`) that is ready to send, unless changed."""
    data = {
        "title": TITLE,
        "summary": SUMMARY,
        "sectors": [],
        "region": None,
        "organisation_size": "10-49",
        "duration": "3 mois",
        "budget": "0 €",
        "funding": "",
        "themes": [],
        "dimensions": ["processes"],
        "why": "Nos bénévoles perdaient du temps à se coordonner.",
        "difficulties": [{"title": t, "text": x} for t, x in DIFFICULTIES],
        "tips": [{"title": t, "text": x} for t, x in TIPS],
        "phases": [{"title": t, "text": x} for t, x in PHASES],
        "tools": [
            {
                "tool": tool.pk,
                "new_name": "",
                "new_website": "",
                "new_licence": "",
                "usage": f"Usage de {tool.name}.",
            }
            for tool in tools
        ],
        "keywords": ["Patience", "Binômes", "Écoute"],
        "results": "Vingt bénévoles utilisent l'agenda.",
        "social_impact": "",
    }
    data.update(changes)
    return data


TWO_TIPS = "Conseils : 2 sur 3. Une fiche en compte exactement trois."


def test_wizard_does_not_let_a_sheet_with_two_tips_through(
    page: Page, sign_in_as, practice_index, catalogue, member
):
    """A draft complete but for its tips: "Suivant" keeps Nora on the tips step with a
    message naming the part and its count, and the sheet cannot be sent."""
    draft = SheetDraft.objects.create(
        author=member,
        organisation=member.memberships.get().organisation,
        data=complete_data(list(catalogue.values())[:3]),
        step="tips",
    )
    sign_in_as(page.context, member)
    page.goto("/pratiques/proposer/")
    page.get_by_role("link", name=f"Continuer : {TITLE}").click()
    tips_url = re.compile(rf"/pratiques/proposer/{draft.pk}/tips/$")
    expect(page).to_have_url(tips_url)
    expect(page.get_by_label("Conseil 3 — titre", exact=True)).to_have_value(TIPS[2][0])

    # She empties the third tip and tries to move on.
    page.get_by_label("Conseil 3 — titre", exact=True).fill("")
    page.get_by_label("Conseil 3 — texte", exact=True).fill("")
    page.get_by_role("button", name="Suivant", exact=True).click()

    expect(page).to_have_url(tips_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Conseils")
    alert = page.get_by_role("alert")
    expect(alert.locator("p")).to_have_text(
        "Brouillon enregistré, mais cette étape n'est pas encore complète :"
    )
    expect(alert.get_by_role("listitem")).to_have_text([TWO_TIPS])
    expect(page.locator("#step-fields .field__error")).to_have_text(TWO_TIPS)
    draft.refresh_from_db()
    assert draft.step == "tips"
    assert [tip["title"] for tip in draft.data["tips"]] == [TIPS[0][0], TIPS[1][0], ""]

    # Nor can she skip ahead and send it: the preview says what to fix, sending refuses.
    page.get_by_role("navigation", name="Étapes de la fiche").get_by_role(
        "link", name="Aperçu et envoi"
    ).click()
    alert = page.get_by_role("alert")
    expect(alert.locator("p").first).to_have_text("Avant d'envoyer la fiche, complétez :")
    expect(alert.get_by_role("link")).to_have_text(["Conseils"])
    expect(alert.get_by_role("listitem")).to_have_text([TWO_TIPS])
    page.get_by_role("button", name="Envoyer pour relecture").click()
    alert = page.get_by_role("alert")
    expect(alert.locator("p").first).to_have_text(
        "La fiche n'a pas été envoyée. Complétez d'abord :"
    )
    expect(alert.get_by_role("listitem")).to_have_text([TWO_TIPS])
    assert PracticeSheetPage.objects.count() == 0
    assert SheetDraft.objects.filter(pk=draft.pk).exists()


# --- Accessibility ------------------------------------------------------------------------


@pytest.fixture
def library(practice_index, catalogue, member):
    """A few published sheets with themes, sectors and a region, one of them by the
    organisation of `member`, with a mark and an adoption report on it."""
    theme = ThemeFactory(name="Inclusion numérique", slug="inclusion-numerique")
    other_theme = ThemeFactory(name="Relation aux membres", slug="relation-aux-membres")
    sector = SectorFactory(name="Action sociale")
    region = RegionFactory(name="Wallonie", slug="wallonie")
    nextcloud, dolibarr, signal, odoo, teams = catalogue.values()
    sheets = [
        make_sheet(
            practice_index,
            title=TITLE,
            summary=SUMMARY,
            tools=[nextcloud, dolibarr, signal],
            organisation=member.memberships.get().organisation,
            themes=[theme],
            sectors=[sector],
            region=region,
            dimensions=("processes", "organisation"),
            tips=TIPS,
            difficulties=DIFFICULTIES,
            phases=PHASES,
            results="<p>Vingt bénévoles utilisent l'agenda.</p>",
            published_at=days_ago(1),
        ),
        make_sheet(
            practice_index,
            title="Un CRM pour l'aide à domicile",
            tools=[dolibarr, nextcloud, teams],
            organisation=OrganisationFactory(name="Aide à Domicile Solidaire"),
            themes=[theme, other_theme],
            region=region,
            published_at=days_ago(5),
        ),
        make_sheet(
            practice_index,
            title="Une boutique en ligne pour la coopérative",
            tools=[odoo, teams, signal],
            organisation=OrganisationFactory(name="Coopérative du Marché"),
            themes=[other_theme],
            published_at=days_ago(9),
        ),
    ]
    neighbour = OrganisationFactory(name="La Ressourcerie du Val")
    reader = MembershipFactory(organisation=neighbour, user__display_name="Rita Lectrice").user
    Useful.objects.create(sheet=sheets[0], user=reader)
    Adoption.objects.create(
        sheet=sheets[0],
        organisation=neighbour,
        author=reader,
        outcome=Adoption.Outcome.PARTLY,
        comment="Les binômes ont marché, l'agenda moins.",
    )
    return sheets


@pytest.fixture
def shots(monkeypatch):
    """The screenshots of these scans, when taken, go to their own folder."""
    if a11y.SHOTS_DIR:
        monkeypatch.setattr(a11y, "SHOTS_DIR", a11y.SHOTS_DIR / "practices")


def test_practices_pages_have_no_serious_violation(
    page: Page, new_context, sign_in_as, library, catalogue, member, shots
):
    sheet = library[0]
    reader = new_context().new_page()
    sign_in_as(reader.context, member)
    organisation = member.memberships.get().organisation
    context_draft = SheetDraft.objects.create(author=member, organisation=organisation)
    tips_draft = SheetDraft.objects.create(
        author=member,
        organisation=organisation,
        data=complete_data(list(catalogue.values())[:3], tips=[]),
    )

    def library_filtered():
        page.goto("/pratiques/?theme=inclusion-numerique")
        expect(page.get_by_role("heading", name="2 fiches", exact=True)).to_be_visible()
        expect(page.get_by_text("Filtres actifs :")).to_be_visible()

    def sheet_anonymous():
        page.goto(sheet_url(sheet))
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(page.get_by_role("link", name="Connectez-vous", exact=True)).to_be_visible()

    def sheet_member():
        reader.goto(sheet_url(sheet))
        expect(reader.get_by_role("button", name="Je la trouve utile")).to_be_visible()
        expect(reader.get_by_role("button", name="Envoyer notre témoignage")).to_be_visible()

    def wizard_context_errors():
        reader.goto(f"/pratiques/proposer/{context_draft.pk}/context/")
        reader.get_by_role("button", name="Suivant", exact=True).click()
        expect(reader.get_by_role("alert")).to_contain_text("Titre de la fiche : Champ requis.")

    def wizard_tips_errors():
        reader.goto(f"/pratiques/proposer/{tips_draft.pk}/tips/")
        fill_items(reader, "Conseil", TIPS[:2])
        reader.get_by_role("button", name="Suivant", exact=True).click()
        expect(reader.get_by_role("alert").get_by_role("listitem")).to_have_text([TWO_TIPS])

    def tools():
        page.goto("/outils/")
        expect(page.get_by_role("heading", name="5 outils", exact=True)).to_be_visible()

    def tool():
        page.goto("/outils/nextcloud/")
        expect(page.get_by_role("heading", name="2 fiches l'utilisent")).to_be_visible()

    a11y.assert_no_blocking_violation(
        a11y.scan(page, "practices-list-filtered", library_filtered)
        + a11y.scan(page, "practices-sheet-anonymous", sheet_anonymous)
        + a11y.scan(reader, "practices-sheet-member", sheet_member)
        + a11y.scan(reader, "practices-wizard-context-errors", wizard_context_errors)
        + a11y.scan(reader, "practices-wizard-tips-errors", wizard_tips_errors)
        + a11y.scan(page, "practices-tools", tools)
        + a11y.scan(page, "practices-tool", tool)
    )
