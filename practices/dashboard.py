"""The "my sheets" section of /moi/: drafts in progress and the sheets of my organisations
with where they stand in moderation. Four queries, whatever the number of sheets."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from community.access import member_organisations

from . import wizard
from .models import Bookmark, PracticeIndexPage, PracticeSheetPage, SheetDraft

PUBLISHED = "published"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
NOT_SUBMITTED = "not_submitted"

STATE_LABELS = {
    PUBLISHED: _("Publiée"),
    IN_REVIEW: _("En attente de relecture"),
    CHANGES_REQUESTED: _("Modifications demandées"),
    NOT_SUBMITTED: _("Hors ligne"),
}


def sheet_state(sheet: PracticeSheetPage) -> tuple[str, str]:
    """(state, editor's comment) from the prefetched `active_workflow_states`."""
    state = next(iter(sheet.active_workflow_states), None)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return CHANGES_REQUESTED, (task_state.comment if task_state else "")
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return IN_REVIEW, ""
    return (PUBLISHED if sheet.live else NOT_SUBMITTED), ""


def my_sheets_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    organisation_ids = list(member_organisations(user).values_list("pk", flat=True))
    drafts = list(SheetDraft.objects.filter(author=user).select_related("organisation"))
    sheets = list(
        PracticeSheetPage.objects.filter(Q(organisation_id__in=organisation_ids) | Q(authors=user))
        .distinct()
        .select_related("organisation")
        # Not `prefetch_workflow_states()`: on a queryset of the specific model, which is
        # not a `.specific()` one, it follows the base content type and finds nothing.
        .prefetch_related(
            Prefetch(
                "_specific_workflow_states",
                queryset=WorkflowState.objects.active().select_related("current_task_state"),
                to_attr="active_workflow_states",
            )
        )
        .order_by("-latest_revision_created_at", "-pk")
    )
    if not (organisation_ids or drafts or sheets):
        return None
    rows = []
    for sheet in sheets:
        state, comment = sheet_state(sheet)
        rows.append(
            {
                "sheet": sheet,
                "title": sheet.draft_title or sheet.title,
                "state": state,
                "state_label": STATE_LABELS[state],
                "comment": comment,
                # Membership is known already: no query per sheet.
                "can_edit": sheet.organisation_id in organisation_ids,
                "edit_url": PracticeIndexPage.route_path("wizard_edit", sheet.pk),
                "url": sheet.get_url(request) if sheet.live else "",
            }
        )
    return {
        "template": "practices/dashboard_section.html",
        "drafts": [
            (draft, wizard.STEPS_BY_NAME.get(draft.step, wizard.STEPS[0])) for draft in drafts
        ],
        "sheets": rows,
        "can_propose": bool(organisation_ids),
    }


def my_bookmarks_section(request):
    """The sheets I bookmarked and that are still online, newest bookmark first. One query."""
    user = request.user
    if not user.is_authenticated:
        return None
    bookmarks = list(
        Bookmark.objects.filter(user=user, sheet__live=True)
        .select_related("sheet", "sheet__organisation")
        .order_by("-created_at", "-pk")
    )
    if not bookmarks:
        return None
    return {
        "template": "practices/dashboard_bookmarks.html",
        "bookmarks": bookmarks,
    }


def followed_sheet_pages(user):
    """Sheets whose room a person follows on /salons/: their bookmarks."""
    return Bookmark.objects.filter(user=user).values("sheet_id")
