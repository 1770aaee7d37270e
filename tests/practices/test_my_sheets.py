"""/moi/ for the authors of sheets: their drafts and their sheets published, waiting for
review or with changes requested (with the editor's comment), at a fixed number of
queries."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Site

from practices.dashboard import my_sheets_section
from practices.models import PracticeSheetPage, SheetDraft
from practices.services.submission import submit_draft
from tests.factories import UserFactory
from tests.practices.conftest import build_submitted_sheet, sheet_data_with
from tests.practices.fixtures_wizard import current_task_state, request_changes
from tests.shared import built_once_per_class


def build_sheets_in_every_state() -> dict:
    """`member_with_org`'s sheets published, waiting for review and with changes requested,
    and one draft; with what `submitted_sheet` gives, then the `editor`."""
    rows = build_submitted_sheet()
    submitted_sheet, member_with_org = rows["submitted_sheet"], rows["member_with_org"]
    member_org, sheet_data = rows["member_org"], sheet_data_with(rows["tools"])
    editor = UserFactory(staff=True, display_name="Eddy Éditeur")
    current_task_state(submitted_sheet).approve(user=editor)
    for title in ("En relecture", "À revoir"):
        draft = SheetDraft.objects.create(
            author=member_with_org, organisation=member_org, data=sheet_data(title=title)
        )
        submit_draft(draft=draft, user=member_with_org)
    request_changes(
        Client(), editor, PracticeSheetPage.objects.get(title="À revoir"), "Ajoutez un exemple."
    )
    SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data={"title": "Ma boutique"}
    )
    return rows


# The tests of `TestSheetsInEveryState` read the same sheets: built once for the class
# (tests/shared.py).
_every_state = built_once_per_class(build_sheets_in_every_state)


class TestSheetsInEveryState:
    """/moi/ on `member_with_org`'s sheets published, waiting for review, with changes
    requested, and a draft: built once for the class."""

    @pytest.fixture
    def every_state(self, _every_state, db):
        return _every_state.copy()

    @pytest.fixture
    def sheets_in_every_state(self, every_state):
        """Published, waiting for review, changes requested; and one draft.

        Built before the test's cache was emptied: the site's root paths are cached again,
        as the editor's request that asked for changes left them when each test built
        these sheets."""
        Site.get_site_root_paths()

    @pytest.fixture
    def member_with_org(self, every_state):
        return every_state["member_with_org"]

    @pytest.fixture
    def member_org(self, every_state):
        return every_state["member_org"]

    @pytest.fixture
    def tools(self, every_state):
        return every_state["tools"]

    def test_me_lists_drafts_and_sheets_with_their_state(
        self, client, sheets_in_every_state, member_with_org, site_settings
    ):
        client.force_login(member_with_org)

        response = client.get(reverse("community:me"))

        (section,) = [
            s
            for s in response.context["sections"]
            if s["template"] == "practices/dashboard_section.html"
        ]
        assert [str(draft) for draft, _step in section["drafts"]] == ["Ma boutique"]
        assert [(row["title"], row["state"], row["comment"]) for row in section["sheets"]] == [
            ("À revoir", "changes_requested", "Ajoutez un exemple."),
            ("En relecture", "in_review", ""),
            ("Un CRM pour l'aide à domicile", "published", ""),
        ]
        html = response.content.decode()
        assert "Ajoutez un exemple." in html
        assert '<a href="/pratiques/un-crm-pour-laide-a-domicile/">' in html

    def test_me_section_costs_fixed_queries(
        self,
        rf: RequestFactory,
        sheets_in_every_state,
        member_with_org,
        member_org,
        sheet_data,
        django_assert_num_queries,
    ):
        request = rf.get("/moi/")
        request.user = member_with_org
        with django_assert_num_queries(5):
            assert len(my_sheets_section(request)["sheets"]) == 3

        for n in range(3):
            draft = SheetDraft.objects.create(
                author=member_with_org, organisation=member_org, data=sheet_data(title=f"Fiche {n}")
            )
            submit_draft(draft=draft, user=member_with_org)
            SheetDraft.objects.create(author=member_with_org, organisation=member_org)

        request = rf.get("/moi/")
        request.user = member_with_org
        with django_assert_num_queries(5):
            assert len(my_sheets_section(request)["sheets"]) == 6


def test_me_section_absent_for_people_without_sheets_or_organisation(rf, db):
    request = rf.get("/moi/")
    request.user = UserFactory()

    assert my_sheets_section(request) is None
