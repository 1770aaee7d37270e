"""The moderation loop: editors approve or request changes in the Wagtail admin, the
authors are told (email and /moi/), edit through the wizard and resubmit. Who may edit."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Site, WorkflowState

from community.models import Notification
from practices.dashboard import my_sheets_section
from practices.models import PracticeIndexPage, PracticeSheetPage, SheetDraft
from practices.services.submission import submit_draft
from tests.factories import MembershipFactory, UserFactory
from tests.practices.conftest import build_submitted_sheet, sheet_data_with
from tests.shared import built_once_per_class


def wizard_url(name, *args):
    """An address of the wizard, a route of the library page (`practices.routes`)."""
    return PracticeIndexPage.route_path(name, *args)


def current_task_state(sheet):
    return WorkflowState.objects.get(
        object_id=str(sheet.pk), status__in=["in_progress", "needs_changes"]
    ).current_task_state


def request_changes(client, editor, sheet, comment):
    """What an editor does in the admin: "Request changes" with a comment."""
    client.force_login(editor)
    task_state = current_task_state(sheet)
    url = reverse("wagtailadmin_pages:workflow_action", args=[sheet.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302)
    client.logout()


def resubmit(client, author, sheet, **step_posts):
    """The author opens the sheet in the wizard, changes some steps and sends it again."""
    client.force_login(author)
    client.post(wizard_url("wizard_edit", sheet.pk))
    draft = SheetDraft.objects.get(author=author, page=sheet)
    for step, data in step_posts.items():
        response = client.post(
            wizard_url("wizard_step", draft.pk, step), {**data, "action": "save"}
        )
        assert response.status_code == 302, response.context["errors"]
    response = client.post(wizard_url("wizard_step", draft.pk, "preview"), {"action": "submit"})
    assert response.status_code == 302, response.context["problems"]
    return draft


def context_step(sheet, **changes):
    return {
        "title": sheet.title,
        "summary": sheet.summary,
        "organisation": sheet.organisation_id,
        **changes,
    }


# The tests of `TestOneSubmittedSheet` start from the same submitted sheet: built once for
# the class (tests/shared.py), each test's changes (an approval, a resubmission) rolled back.
_submitted = built_once_per_class(build_submitted_sheet)


# --- Approval ----------------------------------------------------------------------------


class TestOneSubmittedSheet:
    """Approval, changes requested, resubmission and who may edit, on one sheet that
    `member_with_org` submitted, built once for the class."""

    @pytest.fixture
    def submitted(self, _submitted, db):
        return _submitted.copy()

    @pytest.fixture
    def submitted_sheet(self, submitted):
        return submitted["submitted_sheet"]

    @pytest.fixture
    def member_with_org(self, submitted):
        return submitted["member_with_org"]

    @pytest.fixture
    def member_org(self, submitted):
        return submitted["member_org"]

    def test_approve_publishes_and_tells_the_author_once(
        self, submitted_sheet, member_with_org, editor, django_capture_on_commit_callbacks
    ):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            current_task_state(submitted_sheet).approve(user=editor, comment="Bravo, très clair.")

        sheet = PracticeSheetPage.objects.get(pk=submitted_sheet.pk)
        assert sheet.live is True
        # Relais's email only: Wagtail's own (with admin links) is for people of the admin.
        assert [(m.to, m.subject) for m in mail.outbox] == [
            (
                [member_with_org.email],
                "[Relais] Votre fiche « Un CRM pour l'aide à domicile » est publiée",
            )
        ]
        assert "Bravo, très clair." in mail.outbox[0].body
        assert (
            "http://127.0.0.1:8000/pratiques/un-crm-pour-laide-a-domicile/" in mail.outbox[0].body
        )
        assert list(Notification.objects.values_list("user", "message", "url")) == [
            (
                member_with_org.pk,
                "Votre fiche « Un CRM pour l'aide à domicile » est publiée.",
                "/pratiques/un-crm-pour-laide-a-domicile/",
            )
        ]

    def test_approve_via_admin_publishes(self, client, submitted_sheet, editor):
        client.force_login(editor)
        task_state = current_task_state(submitted_sheet)
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[submitted_sheet.pk, "approve", task_state.pk],
        )

        client.post(url)

        assert PracticeSheetPage.objects.get(pk=submitted_sheet.pk).live is True
        assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED

    def test_request_changes_tells_authors_with_comment(
        self, client, submitted_sheet, member_with_org, editor, django_capture_on_commit_callbacks
    ):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            request_changes(client, editor, submitted_sheet, "Précisez le budget, svp.")

        edit_url = wizard_url("wizard_edit", submitted_sheet.pk)
        assert edit_url == f"/pratiques/proposer/modifier/{submitted_sheet.pk}/"
        assert [(m.to, m.subject) for m in mail.outbox] == [
            (
                [member_with_org.email],
                "[Relais] Des modifications sont demandées pour « Un CRM pour l'aide à domicile »",
            )
        ]
        assert "Précisez le budget, svp." in mail.outbox[0].body
        assert f"http://127.0.0.1:8000{edit_url}" in mail.outbox[0].body
        assert list(Notification.objects.values_list("user", "message", "url")) == [
            (
                member_with_org.pk,
                "Des modifications sont demandées pour votre fiche « Un CRM pour l'aide à "
                "domicile » : Précisez le budget, svp.",
                edit_url,
            )
        ]
        assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES
        # The edit page shows the comment before the member starts changing the sheet.
        client.force_login(member_with_org)
        assert "Précisez le budget, svp." in client.get(edit_url).content.decode()

    def test_resubmit_after_changes_requested_resumes_moderation(
        self, client, submitted_sheet, member_with_org, editor
    ):
        request_changes(client, editor, submitted_sheet, "Précisez le budget, svp.")
        state = WorkflowState.objects.get()

        resubmit(
            client,
            member_with_org,
            submitted_sheet,
            context=context_step(submitted_sheet, budget="15 000 € sur deux ans"),
        )

        sheet = PracticeSheetPage.objects.get(pk=submitted_sheet.pk)
        latest = sheet.get_latest_revision_as_object()
        assert (sheet.live, latest.budget, sheet.revisions.count()) == (
            False,
            "15 000 € sur deux ans",
            2,
        )
        # The parts the member did not touch come back intact from the revision.
        assert [tip.title for tip in latest.tips.all()] == ["Conseil 1", "Conseil 2", "Conseil 3"]
        assert [row.tool.name for row in latest.sheet_tools.all()] == [
            "Nextcloud",
            "Dolibarr",
            "Signal",
        ]
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.current_task_state.revision == sheet.get_latest_revision()
        assert SheetDraft.objects.count() == 0

    def test_edit_published_sheet_keeps_live_version_until_approved(
        self, client, submitted_sheet, member_with_org, editor, member_org
    ):
        current_task_state(submitted_sheet).approve(user=editor)
        colleague = MembershipFactory(
            organisation=member_org, user__display_name="Colin Collègue"
        ).user

        resubmit(
            client,
            colleague,
            submitted_sheet,
            context=context_step(submitted_sheet, title="Un CRM libre pour l'aide à domicile"),
        )

        sheet = PracticeSheetPage.objects.get(pk=submitted_sheet.pk)
        assert (sheet.live, sheet.title, sheet.draft_title) == (
            True,
            "Un CRM pour l'aide à domicile",
            "Un CRM libre pour l'aide à domicile",
        )
        assert WorkflowState.objects.get(status="in_progress").requested_by == colleague
        # A sheet's authors have no order (nothing shows them in one), and the revision's are
        # read back in whatever order the database returns: compare them in creation order.
        authors = sheet.get_latest_revision_as_object().authors.all()
        assert sorted(authors, key=lambda author: author.pk) == [member_with_org, colleague]

        current_task_state(sheet).approve(user=editor)

        sheet.refresh_from_db()
        assert sheet.title == "Un CRM libre pour l'aide à domicile"
        assert sorted(sheet.authors.values_list("display_name", flat=True)) == [
            "Colin Collègue",
            "Marie Membre",
        ]

    def test_resubmit_while_in_review_restarts_workflow(
        self, client, submitted_sheet, member_with_org
    ):
        first = WorkflowState.objects.get()

        resubmit(client, member_with_org, submitted_sheet, why={"why": "Une raison plus claire."})

        first.refresh_from_db()
        assert first.status == WorkflowState.STATUS_CANCELLED
        latest = WorkflowState.objects.get(status="in_progress")
        assert (
            latest.current_task_state.revision
            == PracticeSheetPage.objects.get().get_latest_revision()
        )
        assert PracticeSheetPage.objects.get().get_latest_revision_as_object().why == (
            "<p>Une raison plus claire.</p>"
        )

    def test_edit_draft_prefilled_from_latest_revision(
        self, client, submitted_sheet, member_with_org
    ):
        client.force_login(member_with_org)

        confirm = client.get(wizard_url("wizard_edit", submitted_sheet.pk))
        started = client.post(wizard_url("wizard_edit", submitted_sheet.pk))
        again = client.post(wizard_url("wizard_edit", submitted_sheet.pk))

        draft = SheetDraft.objects.get()
        assert confirm.status_code == 200
        assert (
            started["Location"] == again["Location"] == f"/pratiques/proposer/{draft.pk}/context/"
        )
        assert (draft.page_id, draft.organisation_id) == (
            submitted_sheet.pk,
            submitted_sheet.organisation_id,
        )
        assert draft.data["why"] == "Les dossiers des bénéficiaires étaient éparpillés."
        assert draft.data["keywords"] == ["écoute", "patience", "formation"]
        assert [row["tool"] for row in draft.data["tools"]] == [
            row.tool_id for row in submitted_sheet.sheet_tools.all()
        ]

    @pytest.mark.parametrize(
        ("who", "status"),
        [
            ("author", 200),
            ("member of the same organisation", 200),
            ("admin of the same organisation", 200),
            ("pending member of the same organisation", 403),
            ("member of another organisation", 403),
            ("editor without membership", 403),
            ("signed-in person without organisation", 403),
        ],
    )
    def test_edit_sheet_access(
        self, client, submitted_sheet, member_with_org, member_org, editor, who, status
    ):
        person = {
            "author": lambda: member_with_org,
            "member of the same organisation": lambda: MembershipFactory(
                organisation=member_org
            ).user,
            "admin of the same organisation": lambda: MembershipFactory(
                organisation=member_org, admin=True
            ).user,
            "pending member of the same organisation": lambda: MembershipFactory(
                organisation=member_org, pending=True
            ).user,
            "member of another organisation": lambda: MembershipFactory().user,
            "editor without membership": lambda: editor,
            "signed-in person without organisation": UserFactory,
        }[who]()
        client.force_login(person)
        url = wizard_url("wizard_edit", submitted_sheet.pk)

        assert client.get(url).status_code == status
        posted = client.post(url)
        assert posted.status_code == (302 if status == 200 else 403)
        assert SheetDraft.objects.filter(author=person).count() == (1 if status == 200 else 0)

    def test_edit_sheet_anonymous_sent_to_login(self, client, submitted_sheet):
        url = wizard_url("wizard_edit", submitted_sheet.pk)

        response = client.get(url)

        assert response["Location"] == f"{reverse('account_login')}?next={url}"

    def test_edit_draft_of_a_member_who_left_is_refused(
        self, client, submitted_sheet, member_with_org
    ):
        client.force_login(member_with_org)
        client.post(wizard_url("wizard_edit", submitted_sheet.pk))
        draft = SheetDraft.objects.get()
        member_with_org.memberships.all().delete()

        assert client.get(wizard_url("wizard_step", draft.pk, "context")).status_code == 403
        assert (
            client.post(
                wizard_url("wizard_step", draft.pk, "preview"), {"action": "submit"}
            ).status_code
            == 403
        )
        assert SheetDraft.objects.filter(pk=draft.pk).exists()


def test_editor_requester_still_gets_wagtail_email(
    practice_index, editor, django_capture_on_commit_callbacks
):
    """The filter on Wagtail's notifier only spares members: an editor who asked for
    review in the admin hears from Wagtail as before."""
    other_editor = UserFactory(staff=True)
    sheet = PracticeSheetPage(
        title="Fiche de la rédaction",
        summary="Résumé",
        why="<p>Parce que.</p>",
        live=False,
    )
    practice_index.add_child(instance=sheet)
    sheet.save_revision(user=editor)
    sheet.get_workflow().start(sheet, editor)
    mail.outbox.clear()  # Wagtail's "submitted for moderation" emails to the editors

    with django_capture_on_commit_callbacks(execute=True):
        current_task_state(sheet).approve(user=other_editor)

    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "Fiche de la rédaction" in mail.outbox[0].subject


# --- Changes requested, then resubmission -------------------------------------------------


# --- Who may edit a sheet ---------------------------------------------------------------


# --- /moi/ --------------------------------------------------------------------------------


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


def test_a_submission_is_announced_once_to_each_moderator(
    practice_index, member_with_org, member_org, sheet_data, django_capture_on_commit_callbacks
):
    """The members of the "Moderators" group (here a superuser, like the demo's editor) get
    one email per submission, not one per workflow and one per task."""

    moderator = UserFactory(staff=True, display_name="Mo Dératrice")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data()
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        submit_draft(draft=draft, user=member_with_org)

    assert [m.to for m in mail.outbox] == [[moderator.email]]


def test_editors_email_names_the_review_stage_in_french(
    practice_index, member_with_org, member_org, sheet_data, django_capture_on_commit_callbacks
):
    """Wagtail's email to the moderators quotes the task's name: a French one."""

    moderator = UserFactory(display_name="Mona Modératrice", email="mona@example.org")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data=sheet_data()
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sheet = submit_draft(draft=draft, user=member_with_org)

    (message,) = [m for m in mail.outbox if m.to == ["mona@example.org"]]
    assert message.subject == (
        f"La page «\xa0{sheet.title}\xa0» a été soumise pour validation dans la tâche "
        "«\xa0Relecture par l'équipe éditoriale\xa0»."
    )
    assert "Moderators" not in message.body
