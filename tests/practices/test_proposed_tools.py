"""A tool a member proposes in the wizard is published only when an editor publishes it
(with its sheet): before that it has no page, no place in the catalogue, the filters or
the sitemap, and its website link is nowhere. Once public without a description, it says
who proposed it."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from wagtail.models import WorkflowState

from practices.models import PracticeSheetPage, SheetDraft, SheetTool, Tool
from practices.services.submission import submit_draft
from tests.factories import MembershipFactory
from tests.practices.conftest import (
    build_home_page,
    build_practice_index,
    make_member_org,
    make_member_with_org,
    make_tools,
    sheet_data_with,
)
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

SPAM = "https://pilules-pas-cheres.example/"


def build_proposing_sheet() -> dict:
    """A sheet waiting for review that proposes a new tool instead of Signal, and what
    `member_with_org`, `member_org` and `tools` give, built in the same order."""
    practice_index = build_practice_index(build_home_page())
    member_org = make_member_org()
    member_with_org = make_member_with_org(member_org)
    tools = make_tools()
    data = sheet_data_with(tools)()
    data["tools"][2] = {
        "tool": None,
        "new_name": "Gestiasso",
        "new_website": SPAM,
        "new_licence": "freemium",
        "usage": "Pour les adhésions.",
    }
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org, data=data)
    return {
        "practice_index": practice_index,
        "member_org": member_org,
        "member_with_org": member_with_org,
        "tools": tools,
        "proposing_sheet": submit_draft(draft=draft, user=member_with_org),
    }


# Every test of the module starts from the same sheet: built once (tests/shared.py), each
# test's changes (an approval, a migration's updates) rolled back.
_proposing = built_once_per_module(build_proposing_sheet)


@pytest.fixture
def proposing(_proposing, db):
    return _proposing.copy()


@pytest.fixture
def proposing_sheet(proposing):
    """A sheet waiting for review that proposes a new tool instead of Signal."""
    return proposing["proposing_sheet"]


@pytest.fixture
def member_with_org(proposing):
    return proposing["member_with_org"]


@pytest.fixture
def member_org(proposing):
    return proposing["member_org"]


@pytest.fixture
def tools(proposing):
    return proposing["tools"]


def approve(sheet, editor):
    state = WorkflowState.objects.get(object_id=str(sheet.pk), status="in_progress")
    state.current_task_state.approve(user=editor)


def test_proposed_tool_waits_for_its_sheet_review(
    client, proposing_sheet, member_with_org, member_org
):
    tool = Tool.objects.get(name="Gestiasso")
    other_member = MembershipFactory().user

    assert (tool.live, tool.proposed_by, tool.proposed_for) == (
        False,
        member_with_org,
        member_org,
    )
    assert client.get("/outils/gestiasso/").status_code == 404
    listing = client.get("/outils/").content.decode()
    assert ("Gestiasso" in listing, SPAM in listing) == (False, False)
    assert "gestiasso" not in client.get("/sitemap.xml").content.decode()
    assert "Gestiasso" not in client.get("/pratiques/").content.decode()
    assert client.get("/pratiques/?tool=gestiasso").context["filter_errors"] != []
    client.force_login(other_member)
    client.post("/pratiques/proposer/nouvelle/")
    draft = SheetDraft.objects.get(author=other_member)
    wizard = client.get(f"/pratiques/proposer/{draft.pk}/tools/").content.decode()
    assert ("Gestiasso" in wizard, "Nextcloud" in wizard) == (False, True)


def test_proposed_tool_shown_to_the_reviewing_editor_with_its_link(client, proposing_sheet, editor):
    client.force_login(editor)

    response = client.get(f"/admin/pages/{proposing_sheet.pk}/view_draft/")

    html = response.content.decode()
    assert "Gestiasso" in html
    assert f"<code>{SPAM}</code>" in html
    assert f'href="{SPAM}"' not in html


def test_proposed_tool_published_with_its_sheet_says_who_proposed_it(
    client, proposing_sheet, editor
):
    approve(proposing_sheet, editor)

    assert PracticeSheetPage.objects.get(pk=proposing_sheet.pk).live is True
    assert Tool.objects.get(name="Gestiasso").live is True
    html = client.get("/outils/gestiasso/").content.decode()
    assert (
        "Outil proposé par La Ressourcerie du Val. L'équipe éditoriale complétera sa "
        "présentation." in html
    )
    assert "Proposé par La Ressourcerie du Val" in client.get("/outils/").content.decode()


def test_migration_hides_tools_only_unpublished_sheets_use(proposing_sheet, tools):
    Tool.objects.update(live=True)  # as the leak left them

    importlib.import_module("practices.migrations.0003_tool_live").hide_tools_of_unpublished_sheets(
        apps, None
    )

    assert dict(Tool.objects.values_list("name", "live")) == {
        "Dolibarr": False,
        "Gestiasso": False,
        "Nextcloud": False,
        "Signal": True,
    }


def test_migration_hides_tools_proposed_in_a_change_of_a_published_sheet(proposing_sheet, editor):
    approve(proposing_sheet, editor)
    spam = Tool.objects.create(name="Spamtool", slug="spamtool", website=SPAM, live=True)
    change = PracticeSheetPage.objects.get(pk=proposing_sheet.pk).get_latest_revision_as_object()
    change.sheet_tools.add(SheetTool(tool=spam, usage="Pour tout."))
    change.save_revision(user=editor)  # waiting for review: the live rows do not hold it

    importlib.import_module("practices.migrations.0003_tool_live").hide_tools_of_unpublished_sheets(
        apps, None
    )

    assert dict(
        Tool.objects.filter(name__in=["Spamtool", "Gestiasso"]).values_list("name", "live")
    ) == {
        "Gestiasso": True,
        "Spamtool": False,
    }
