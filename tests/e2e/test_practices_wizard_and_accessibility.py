"""Practice sheets in Chromium: the wizard refuses a sheet with two tips (on the step, in
the preview and when sending), and axe-core scans the list, a sheet, the wizard with its
errors and the tool catalogue.

The browser tests run on a transactional database, flushed between tests: the moderation
workflow is rebuilt by `practice_index` (tests/e2e/fixtures_practices.py).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from practices.models import Adoption, PracticeSheetPage, SheetDraft, Tool, Useful
from tests.e2e import fixtures_practices
from tests.e2e import test_accessibility as a11y
from tests.e2e.fixtures_practices import (
    DIFFICULTIES,
    PHASES,
    SUMMARY,
    TIPS,
    TITLE,
    fill_items,
    sheet_url,
)
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
)
from tests.practices.fixtures_listing import days_ago, make_sheet

pytestmark = pytest.mark.e2e


# The practices' fixtures (tests/e2e/fixtures_practices.py), made visible here.
practice_index = fixtures_practices.practice_index
catalogue = fixtures_practices.catalogue
member = fixtures_practices.member


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
