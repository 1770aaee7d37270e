"""The submission wizard at /pratiques/proposer/: steps, drafts, the "exactly three" rule
(in the wizard and in the admin), access, and submission into moderation."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practices.models import PracticeIndexPage, PracticeSheetPage, SheetDraft, Tool
from practices.services.submission import submit_draft
from programmes.models import ProgrammeIndexPage
from tests.factories import MembershipFactory, OrganisationFactory, RegionFactory, UserFactory
from tests.programmes.conftest import publish_programme

TWO_TIPS = "Conseils : 2 sur 3. Une fiche en compte exactement trois."


@pytest.fixture(autouse=True)
def _library(practice_index):
    """The wizard's addresses are routes of the library page: every test here has one."""


def wizard_url(name, *args):
    """An address of the wizard, a route of the library page (`practices.routes`)."""
    return PracticeIndexPage.route_path(name, *args)


def step_url(draft, step):
    return wizard_url("wizard_step", draft.pk, step)


def items(part, count):
    data = {}
    for n in range(1, count + 1):
        data[f"{part}-{n}-title"] = f"{part} {n}"
        data[f"{part}-{n}-text"] = f"Ce qu'il faut savoir sur {part} {n}."
    return data


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


@pytest.fixture
def member_client(client, member_with_org):
    client.force_login(member_with_org)
    return client


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


def test_wizard_malformed_input_changes_nothing(member_client, member_with_org, member_org, tools):
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data={"x": 1}
    )

    response = member_client.post(
        step_url(draft, "tools"),
        {"tool-1-new_name": "Outil", "tool-1-new_website": "pas une adresse", "action": "save"},
    )

    assert [error["message"] for error in response.context["errors"]] == [
        "Outil 1 — site web du nouvel outil : Saisissez une URL valide."
    ]
    draft.refresh_from_db()
    assert draft.data == {"x": 1}


def test_wizard_organisation_only_among_mine(member_client, member_with_org, member_org):
    other = OrganisationFactory(name="Une autre ASBL")
    second = MembershipFactory(user=member_with_org, organisation__name="Coop du Coin").organisation
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    form = member_client.get(step_url(draft, "context")).context["forms"].forms[0]
    refused = member_client.post(
        step_url(draft, "context"), {"organisation": other.pk, "action": "save"}
    )
    moved = member_client.post(
        step_url(draft, "context"), {"organisation": second.pk, "action": "save"}
    )

    assert list(form.fields["organisation"].queryset) == [second, member_org]
    assert refused.status_code == 200
    assert moved.status_code == 302
    draft.refresh_from_db()
    assert draft.organisation == second


def test_wizard_draft_resumes_in_a_new_session(member_with_org, member_org):
    first = Client()
    first.force_login(member_with_org)
    first.post(wizard_url("wizard_start"))
    draft = SheetDraft.objects.get()
    first.post(
        step_url(draft, "context"),
        {
            "title": "Boutique en ligne",
            "summary": "Vendre nos légumes.",
            "organisation": member_org.pk,
            "action": "next",
        },
    )

    second = Client()
    second.force_login(member_with_org)
    listing = second.get(wizard_url("wizard"))
    resumed = second.get(wizard_url("wizard_resume", draft.pk))
    context = second.get(step_url(draft, "context")).context["forms"].forms[0]

    assert [str(d) for d, _step in listing.context["drafts"]] == ["Boutique en ligne"]
    assert resumed["Location"] == step_url(draft, "why")
    assert (context["title"].value(), context["summary"].value()) == (
        "Boutique en ligne",
        "Vendre nos légumes.",
    )


def test_wizard_delete_draft(member_client, member_with_org, member_org):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    response = member_client.post(wizard_url("wizard_delete", draft.pk))

    assert response["Location"] == wizard_url("wizard")
    assert SheetDraft.objects.count() == 0


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


# --- Access ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["wizard", "wizard_start", "wizard_edit", "wizard_resume", "wizard_step"]
)
def test_wizard_anonymous_sent_to_login(client, member_with_org, member_org, name):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)
    args = {
        "wizard": [],
        "wizard_start": [],
        "wizard_edit": [1],
        "wizard_resume": [draft.pk],
        "wizard_step": [draft.pk, "context"],
    }[name]
    url = wizard_url(name, *args)

    response = client.post(url) if name == "wizard_start" else client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_wizard_without_organisation_explains_joining(client, db):
    client.force_login(UserFactory())

    response = client.get(wizard_url("wizard"))

    assert response.status_code == 403
    assert response.templates[0].name == "practices/wizard/join_first.html"
    assert f'href="{reverse("community:directory")}"' in response.content.decode()
    assert client.post(wizard_url("wizard_start")).status_code == 403
    assert SheetDraft.objects.count() == 0


def test_wizard_pending_member_cannot_propose(client, member_org):
    pending = MembershipFactory(organisation=member_org, pending=True).user
    client.force_login(pending)

    assert client.get(wizard_url("wizard")).status_code == 403


def test_wizard_unknown_step_is_404(member_client, member_with_org, member_org):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    assert member_client.get(step_url(draft, "nowhere")).status_code == 404


@pytest.mark.parametrize("name", ["wizard_resume", "wizard_step", "wizard_delete"])
def test_wizard_someone_elses_draft_is_404(client, member_with_org, member_org, name):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)
    colleague = MembershipFactory(organisation=member_org).user
    client.force_login(colleague)
    args = [draft.pk, "context"] if name == "wizard_step" else [draft.pk]

    response = client.post(wizard_url(name, *args), {"action": "save", "title": "Volé"})

    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.data == {}


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
