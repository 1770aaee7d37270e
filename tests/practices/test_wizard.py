"""The submission wizard at /pratiques/proposer/: the whole walk into moderation, the
programme that funded a sheet, the tools a sheet names (proposed ones created once), and
the edge cases of submission. The "exactly three" rule is in
tests/practices/test_wizard_exactly_three.py, drafts and access in
tests/practices/test_wizard_drafts_and_access.py."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import WorkflowPage, WorkflowState

from practices.models import PracticeSheetPage, SheetDraft, Tool
from practices.services.submission import submit_draft
from programmes.models import ProgrammeIndexPage
from tests.factories import MembershipFactory, RegionFactory
from tests.practices.fixtures_wizard import items, step_url, wizard_url
from tests.programmes.conftest import publish_programme

# The wizard's addresses are routes of the library page: every test here has one.
pytestmark = pytest.mark.usefixtures("practice_index")


def answers(organisation, tools):
    """What a member types in each step, as the browser posts it."""
    return {
        "context": {
            "title": "Un CRM pour l'aide à domicile",
            "summary": "Trois tableurs remplacés par un CRM libre.",
            "organisation": organisation.pk,
            "organisation_size": "10-49",
            "duration": "8 mois",
            "budget": "12 000 €",
            "funding": "Région wallonne",
            "dimensions": ["processes", "organisation"],
        },
        "why": {"why": "Nos dossiers étaient éparpillés.\n\nEt <b>personne</b> ne s'y retrouvait."},
        "difficulties": items("difficulties", 3),
        "tips": items("tips", 3),
        "phases": items("phases", 3),
        "tools": {
            "tool-1-tool": tools[0].pk,
            "tool-1-usage": "Partage des plannings.",
            "tool-2-tool": tools[1].pk,
            "tool-2-usage": "Fiches des bénéficiaires.",
            "tool-3-new_name": "Framadate",
            "tool-3-new_website": "https://framadate.org",
            "tool-3-new_licence": "free_software",
            "tool-3-usage": "Choisir les dates des formations.",
        },
        "keywords": {"keyword_1": "écoute", "keyword_2": "patience", "keyword_3": "formation"},
        "results": {"results": "Une heure gagnée par jour.", "social_impact": ""},
    }


def walk(client, draft, steps):
    """Post every step with "Suivant"; each must lead to the next one."""
    order = list(steps)
    for n, (step, data) in enumerate(steps.items()):
        response = client.post(step_url(draft, step), {**data, "action": "next"})
        following = order[n + 1] if n + 1 < len(order) else "preview"
        assert response.status_code == 302, (step, response.context and response.context["errors"])
        assert response["Location"] == step_url(draft, following)


# --- The whole path -------------------------------------------------------------------


def test_wizard_walk_creates_sheet_in_moderation(
    member_client, member_with_org, member_org, practice_index, tools
):
    response = member_client.post(wizard_url("wizard_start"))
    draft = SheetDraft.objects.get(author=member_with_org)
    assert response["Location"] == step_url(draft, "context")

    walk(member_client, draft, answers(member_org, tools))
    assert member_client.get(step_url(draft, "preview")).context["problems"] == []
    response = member_client.post(step_url(draft, "preview"), {"action": "submit"})

    assert response.status_code == 302
    assert response["Location"] == reverse("community:me")
    sheet = PracticeSheetPage.objects.get()
    assert sheet.get_parent().specific == practice_index
    assert (sheet.title, sheet.slug, sheet.live) == (
        "Un CRM pour l'aide à domicile",
        "un-crm-pour-laide-a-domicile",
        False,
    )
    assert sheet.organisation == member_org
    assert list(sheet.authors.all()) == [member_with_org]
    assert (sheet.dim_processes, sheet.dim_organisation, sheet.dim_strategy) == (True, True, False)
    # Members' text is escaped and cut into paragraphs; never trusted as HTML.
    assert sheet.why == (
        "<p>Nos dossiers étaient éparpillés.</p>"
        "<p>Et &lt;b&gt;personne&lt;/b&gt; ne s&#x27;y retrouvait.</p>"
    )
    assert [item.title for item in sheet.tips.all()] == ["tips 1", "tips 2", "tips 3"]
    assert [row.tool.name for row in sheet.sheet_tools.all()] == [
        "Nextcloud",
        "Dolibarr",
        "Framadate",
    ]
    assert [keyword.word for keyword in sheet.keywords.all()] == ["écoute", "patience", "formation"]
    assert sheet.get_latest_revision().user == member_with_org
    state = WorkflowState.objects.get()
    assert (state.status, state.requested_by, state.content_object.pk) == (
        WorkflowState.STATUS_IN_PROGRESS,
        member_with_org,
        sheet.pk,
    )
    assert state.current_task_state.revision == sheet.get_latest_revision()
    assert SheetDraft.objects.count() == 0


def test_a_sheet_names_the_programme_that_funded_it_and_the_programme_shows_it(
    member_client, member_with_org, member_org, practice_index, tools, home_page
):
    support = home_page.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    programme = publish_programme(support, title="Bourse wallonne")
    member_client.post(wizard_url("wizard_start"))
    draft = SheetDraft.objects.get(author=member_with_org)
    steps = answers(member_org, tools)
    steps["context"]["funded_by"] = programme.pk

    walk(member_client, draft, steps)
    member_client.post(step_url(draft, "preview"), {"action": "submit"})

    sheet = PracticeSheetPage.objects.get()
    assert sheet.funded_by == programme
    sheet.get_latest_revision().publish()  # the editors approve it
    assert "Un CRM pour l&#x27;aide à domicile" in member_client.get(programme.url).content.decode()
    assert programme.url in member_client.get(sheet.url).content.decode()


def test_wizard_steps_render_accessible_structure(member_client, member_with_org, member_org):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    html = member_client.get(step_url(draft, "tips")).content.decode()

    assert html.count('aria-current="step"') == 1
    assert '<span aria-current="step">Conseils</span>' in html
    assert html.count("<legend>Conseil ") == 3
    assert '<label for="id_tips-2-title">Conseil 2 — titre</label>' in html


# --- Tools -----------------------------------------------------------------------------


def test_wizard_proposed_tool_created_once(
    member_with_org, member_org, practice_index, tools, sheet_data
):
    colleague = MembershipFactory(organisation=member_org).user
    for author, name, title in [
        (member_with_org, "Framadate", "Première fiche"),
        (colleague, "framadate", "Deuxième fiche"),
    ]:
        rows = sheet_data()["tools"][:2] + [
            {
                "tool": None,
                "new_name": name,
                "new_website": "https://framadate.org",
                "new_licence": "free_software",
                "usage": "Sondages",
            }
        ]
        draft = SheetDraft.objects.create(
            author=author, organisation=member_org, data=sheet_data(title=title, tools=rows)
        )
        submit_draft(draft=draft, user=author)

    framadate = Tool.objects.get(name__iexact="framadate")
    assert (framadate.name, framadate.licence, framadate.website) == (
        "Framadate",
        "free_software",
        "https://framadate.org",
    )
    assert Tool.objects.count() == 4
    assert sorted(framadate.usages.values_list("page__title", flat=True)) == [
        "Deuxième fiche",
        "Première fiche",
    ]


def test_wizard_tool_row_refuses_both_catalogue_and_new(
    member_client, member_with_org, member_org, tools
):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    response = member_client.post(
        step_url(draft, "tools"),
        {
            "tool-1-tool": tools[0].pk,
            "tool-1-new_name": "Autre",
            "tool-1-new_licence": "freemium",
            "tool-1-usage": "x",
            "action": "next",
        },
    )

    assert [error["message"] for error in response.context["errors"]] == [
        "Outils : 1 sur 3. Une fiche en compte exactement trois.",
        "Outil 1 — ou nom d'un outil absent du catalogue : Choisissez un outil du catalogue "
        "ou proposez-en un nouveau, pas les deux.",
    ]


# --- Submission edge cases ---------------------------------------------------------------


def test_wizard_submit_without_workflow_refused(
    member_client, member_with_org, member_org, practice_index, sheet_data
):
    WorkflowPage.objects.all().delete()
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data()
    )

    response = member_client.post(step_url(draft, "preview"), {"action": "submit"})

    assert response.context["problems"] == [
        {
            "step": None,
            "messages": [
                "Aucun processus de relecture n'est configuré pour les fiches : elles ne "
                "peuvent pas être envoyées. Prévenez l'équipe éditoriale."
            ],
        }
    ]
    assert PracticeSheetPage.objects.count() == 0
    assert SheetDraft.objects.filter(pk=draft.pk).exists()


def test_wizard_slug_never_takes_a_reserved_address(
    member_with_org, member_org, practice_index, sheet_data
):
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data(title="Proposer")
    )

    assert submit_draft(draft=draft, user=member_with_org).slug == "proposer-2"


def test_wizard_context_keeps_taxonomies(
    member_client, member_with_org, member_org, practice_index, tools, sheet_data
):
    region = RegionFactory(name="Wallonie")
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data()
    )
    member_client.post(
        step_url(draft, "context"),
        {**answers(member_org, tools)["context"], "region": region.pk, "action": "next"},
    )
    member_client.post(step_url(draft, "preview"), {"action": "submit"})

    assert PracticeSheetPage.objects.get().region == region
