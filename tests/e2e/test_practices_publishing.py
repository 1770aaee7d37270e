"""Practice sheets in Chromium: a member writes a sheet through the wizard, an editor
approves it in the Wagtail admin, and anonymous visitors find it in the list, in the text
search, on its tool's page and in the Atom feed (issue 3, "Done means").

The browser tests run on a transactional database, flushed between tests: the moderation
workflow is rebuilt by `practice_index` (tests/e2e/fixtures_practices.py).
"""

from __future__ import annotations

import re

import feedparser
import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from community.models import Notification
from practices.models import PracticeSheetPage, SheetDraft
from tests.e2e import fixtures_practices
from tests.e2e.fixtures_practices import (
    DIFFICULTIES,
    ORG_NAME,
    PHASES,
    SUMMARY,
    TIPS,
    TITLE,
    fill_items,
    next_step,
    sheet_url,
)
from tests.factories import (
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)
from tests.practices.fixtures_listing import days_ago, make_sheet

pytestmark = pytest.mark.e2e


# The practices' fixtures (tests/e2e/fixtures_practices.py), made visible here.
practice_index = fixtures_practices.practice_index
catalogue = fixtures_practices.catalogue
member = fixtures_practices.member


@pytest.fixture
def editor(db):
    """A Wagtail editor: superuser with a verified address, in the "Moderators" group that
    reviews submissions (as the demo's editor is)."""
    editor = UserFactory(staff=True, display_name="Eddy Éditeur", email="eddy@relais.example")
    editor.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return editor


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
