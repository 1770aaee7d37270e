"""The moderation loop: editors approve or request changes in the Wagtail admin, the
authors are told (email and /moi/), edit through the wizard and resubmit; who may edit; and
Wagtail's own emails to the moderators and editors. The authors' list of their sheets in
/moi/ is in tests/practices/test_my_sheets.py."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from community.models import Notification
from practices.models import PracticeSheetPage, SheetDraft
from practices.services.submission import submit_draft
from tests.factories import MembershipFactory, UserFactory
from tests.practices.conftest import build_submitted_sheet
from tests.practices.fixtures_wizard import current_task_state, request_changes, wizard_url
from tests.shared import built_once_per_class


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


# --- Emails to the moderators and editors ------------------------------------------------


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
