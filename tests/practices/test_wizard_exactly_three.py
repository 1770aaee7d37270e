"""The "exactly three" rule of a sheet's parts: in the wizard's steps (counts named,
drafts kept), at submission, in the preview that lists every missing part, and in the
Wagtail admin, which keeps the same rule."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practices.models import PracticeSheetPage, SheetDraft
from tests.practices.fixtures_wizard import items, step_url

# The wizard's addresses are routes of the library page: every test here has one.
pytestmark = pytest.mark.usefixtures("practice_index")

TWO_TIPS = "Conseils : 2 sur 3. Une fiche en compte exactement trois."


# --- Exactly three, step by step and at submission -------------------------------------


def test_wizard_step_with_two_tips_saves_draft_and_names_the_count(
    member_client, member_with_org, member_org
):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    response = member_client.post(step_url(draft, "tips"), {**items("tips", 2), "action": "next"})

    assert response.status_code == 200
    assert [error["message"] for error in response.context["errors"]] == [TWO_TIPS]
    assert 'role="alert"' in response.content.decode()
    draft.refresh_from_db()
    assert [tip["title"] for tip in draft.data["tips"]] == ["tips 1", "tips 2", ""]
    assert draft.step == "tips"


def test_wizard_item_with_title_only_asks_for_text(member_client, member_with_org, member_org):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)
    data = items("phases", 3)
    data["phases-2-text"] = ""

    response = member_client.post(step_url(draft, "phases"), {**data, "action": "next"})

    assert [error["message"] for error in response.context["errors"]] == [
        "Phase 2 — texte : Champ requis."
    ]


@pytest.mark.parametrize("action", ["previous", "save"])
def test_wizard_incomplete_step_kept_on_previous_or_save(
    member_client, member_with_org, member_org, action
):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    response = member_client.post(step_url(draft, "tips"), {**items("tips", 1), "action": action})

    expected = {"previous": "difficulties", "save": "tips"}[action]
    assert response["Location"] == step_url(draft, expected)
    draft.refresh_from_db()
    assert [tip["title"] for tip in draft.data["tips"]] == ["tips 1", "", ""]


@pytest.mark.parametrize("count", [2, 4])
def test_wizard_submit_with_wrong_number_of_tips_refused(
    member_client, member_with_org, member_org, practice_index, sheet_data, count
):
    tips = [{"title": f"Conseil {n}", "text": "Texte"} for n in range(1, count + 1)]
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data(tips=tips)
    )

    response = member_client.post(step_url(draft, "preview"), {"action": "submit"})

    assert response.status_code == 200
    assert [(p["step"].name, p["messages"]) for p in response.context["problems"]] == [
        ("tips", [f"Conseils : {count} sur 3. Une fiche en compte exactement trois."])
    ]
    assert PracticeSheetPage.objects.count() == 0
    assert WorkflowState.objects.count() == 0
    assert SheetDraft.objects.filter(pk=draft.pk).exists()


def test_wizard_preview_lists_every_missing_part(member_client, member_with_org, member_org):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    problems = member_client.get(step_url(draft, "preview")).context["problems"]

    assert [(p["step"].name, p["messages"]) for p in problems] == [
        (
            "context",
            ["Titre de la fiche : Champ requis.", "Résumé : Champ requis."],
        ),
        (
            "why",
            [
                "Pourquoi se lancer dans un projet numérique quand on est une entreprise "
                "d'économie sociale ? : Champ requis."
            ],
        ),
        ("difficulties", ["Difficultés : 0 sur 3. Une fiche en compte exactement trois."]),
        ("tips", ["Conseils : 0 sur 3. Une fiche en compte exactement trois."]),
        ("phases", ["Phases : 0 sur 3. Une fiche en compte exactement trois."]),
        ("tools", ["Outils : 0 sur 3. Une fiche en compte exactement trois."]),
        ("keywords", ["Mots-clés : 0 sur 3. Une fiche en compte exactement trois."]),
    ]


# --- The admin keeps the same rule -------------------------------------------------------


def admin_sheet_data(organisation, tools, tips):
    def item_forms(count):
        return inline_formset(
            [{"title": f"Titre {n}", "text": f"Texte {n}"} for n in range(1, count + 1)],
            min=3,
            max=3,
        )

    return nested_form_data(
        {
            "title": "Écrite par l'équipe éditoriale",
            "slug": "ecrite-par-lequipe",
            "summary": "Une fiche saisie dans l'administration.",
            "organisation": organisation.pk,
            "organisation_size": "",
            "why": rich_text("<p>Parce que.</p>"),
            "results": rich_text(""),
            "social_impact": rich_text(""),
            "media": streamfield([]),
            "difficulties": item_forms(3),
            "tips": item_forms(tips),
            "phases": item_forms(3),
            "sheet_tools": inline_formset(
                [{"tool": tool.pk, "usage": "Au quotidien"} for tool in tools],
                min=3,
                max=3,
            ),
            "keywords": inline_formset(
                [{"word": word} for word in ("un", "deux", "trois")], min=3, max=3
            ),
        }
    )


@pytest.mark.parametrize(
    ("tips", "created"), [(2, 0), (3, 1), (4, 0)], ids=["two", "three", "four"]
)
def test_admin_add_sheet_needs_exactly_three_tips(
    client, editor, practice_index, member_org, tools, tips, created
):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=["practices", "practicesheetpage", practice_index.pk]
    )

    response = client.post(url, admin_sheet_data(member_org, tools, tips))

    assert PracticeSheetPage.objects.count() == created
    if created:
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        assert (
            f"Conseils : {tips} sur 3. Une fiche en compte exactement trois."
            in response.context["form"].non_field_errors()
        )
