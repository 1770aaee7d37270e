"""The authors of a sheet hear what the editors decided, by email and in /moi/.

Wagtail's moderation workflow ends in the admin: an editor approves (the sheet is
published) or requests changes with a comment (stored on the rejected `TaskState`). The
workflow signals carry the `WorkflowState`; its current task state holds the comment.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from community import indexing
from community.models import Notification
from community.public import absolute_url
from community.services.notifications import Email, notify
from rooms.services.creation import ensure_page_room

from .models import PracticeIndexPage, PracticeSheetPage
from .services import news, submission


def _sheet_of(workflow_state: WorkflowState) -> PracticeSheetPage | None:
    model = workflow_state.content_type.model_class()
    if model is None or not issubclass(model, PracticeSheetPage):
        return None
    return PracticeSheetPage.objects.filter(pk=workflow_state.object_id).first()


def _authors(sheet: PracticeSheetPage):
    """The authors of the version the editors decided on: someone who joined as author
    when resubmitting is told too, even before the new version is online."""
    latest = sheet.get_latest_revision_as_object()
    return [person for person in latest.authors.all() if person.is_active and person.email]


def _comment(workflow_state: WorkflowState) -> str:
    task_state = workflow_state.current_task_state
    return (task_state.comment if task_state else "").strip()


def _tell_authors(sheet, *, template, message, url, comment) -> None:
    title = sheet.draft_title or sheet.title
    context = {"sheet": sheet, "title": title, "comment": comment, "link": absolute_url(url)}
    notify(
        _authors(sheet),
        kind=Notification.Kind.SHEET_REVIEWED,
        message=lambda person: message(),
        url=url,
        about=(f"page:{sheet.pk}", title),
        email=Email(template, context),
    )


def sheet_approved(sender, instance, user=None, **kwargs):
    sheet = _sheet_of(instance)
    if sheet is None:
        return
    comment = _comment(instance)
    title = sheet.title
    _tell_authors(
        sheet,
        template="practices/email/sheet_approved",
        message=lambda: _("Votre fiche « %(title)s » est publiée.") % {"title": title},
        url=sheet.get_url() or "",
        comment=comment,
    )


def sheet_changes_requested(sender, instance, user=None, **kwargs):
    sheet = _sheet_of(instance)
    if sheet is None:
        return
    comment = _comment(instance)
    title = sheet.draft_title or sheet.title

    def message():
        if comment:
            return _(
                "Des modifications sont demandées pour votre fiche « %(title)s » : %(comment)s"
            ) % {"title": title, "comment": comment}
        return _("Des modifications sont demandées pour votre fiche « %(title)s ».") % {
            "title": title
        }

    _tell_authors(
        sheet,
        template="practices/email/sheet_changes_requested",
        message=message,
        url=PracticeIndexPage.route_path("wizard_edit", sheet.pk),
        comment=comment,
    )


class _AdminUsersOnly:
    """Wagtail emails the person who asked for review, with links into the admin. Members
    submit from the front end and cannot open those links; they get Relais's own email
    instead (above). People who work in the admin keep Wagtail's."""

    def get_recipient_users(self, workflow_state, **kwargs):
        return {
            person
            for person in super().get_recipient_users(workflow_state, **kwargs)
            if person.has_perm("wagtailadmin.access_admin")
        }


class ApprovalEmailToEditors(_AdminUsersOnly, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionEmailToEditors(_AdminUsersOnly, WorkflowStateRejectionEmailNotifier):
    pass


approval_email_to_editors = ApprovalEmailToEditors()
rejection_email_to_editors = RejectionEmailToEditors()


def reindex_published_sheet(sender, instance, **kwargs):
    """A page is indexed as it is saved, before modelcluster writes its child rows
    (difficulties, tips, tools, keywords…): index the published sheet again, with its
    parts (at the end of the `indexed_once()` block when there is one)."""
    indexing.update_search(instance)


def publish_proposed_tools(sender, instance, **kwargs):
    submission.publish_proposed_tools(sheet=instance)


def open_sheet_room(sender, instance, **kwargs):
    """Every published sheet has its discussion room (shown in its `#discussion` slot),
    owned by the sheet's organisation, whose admins moderate it."""
    ensure_page_room(instance)


def announce_new_sheet(sender, instance, **kwargs):
    news.announce_new_sheet(instance)


def connect() -> None:
    """Called from `PracticesConfig.ready()`."""
    page_published.connect(
        announce_new_sheet, sender=PracticeSheetPage, dispatch_uid="practices.announce_new_sheet"
    )
    page_published.connect(
        reindex_published_sheet,
        sender=PracticeSheetPage,
        dispatch_uid="practices.reindex_published_sheet",
    )
    page_published.connect(
        open_sheet_room, sender=PracticeSheetPage, dispatch_uid="practices.open_sheet_room"
    )
    page_published.connect(
        publish_proposed_tools,
        sender=PracticeSheetPage,
        dispatch_uid="practices.publish_proposed_tools",
    )
    workflow_approved.connect(
        sheet_approved, sender=WorkflowState, dispatch_uid="practices.sheet_approved"
    )
    workflow_rejected.connect(
        sheet_changes_requested,
        sender=WorkflowState,
        dispatch_uid="practices.sheet_changes_requested",
    )
    # Same dispatch_uid as `wagtail.admin.signal_handlers`: `practices` is installed
    # before `wagtail.admin`, so these take the place of Wagtail's requester emails and
    # Wagtail's own connection is then skipped as a duplicate
    # (tests/practices/test_moderation.py checks a member gets exactly one email).
    workflow_approved.connect(
        approval_email_to_editors,
        sender=WorkflowState,
        dispatch_uid="workflow_state_approved_email_notification",
    )
    workflow_rejected.connect(
        rejection_email_to_editors,
        sender=WorkflowState,
        dispatch_uid="workflow_state_rejected_email_notification",
    )
