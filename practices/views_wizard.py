"""The submission wizard at /pratiques/proposer/: plain server-side forms, one step per part
of a sheet, the draft saved at every step. Views check access, parse the forms and call
`practices.services.submission`; nothing here writes to the database itself."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.access import Refusal, can_edit_sheet, can_propose_sheet, require
from community.refusals import show_refusal

from . import wizard
from .models import PracticeSheetPage, SheetDraft
from .services import ServiceError, submission

ACTIONS = {"next", "previous", "save"}


def _join_first(request):
    """People outside any organisation learn how to get in, instead of a bare refusal."""
    return render(request, "practices/wizard/join_first.html", status=403)


def _own_draft(request, draft_id) -> SheetDraft:
    """A person only ever sees their own drafts; anyone else's is "not found"."""
    draft = get_object_or_404(
        SheetDraft.objects.select_related("organisation", "page"), pk=draft_id, author=request.user
    )
    if draft.page is not None:
        require(can_edit_sheet(request.user, draft.page), Refusal.EDIT_SHEET)
    return draft


def _step_url(draft, step) -> str:
    return reverse("wizard:step", args=[draft.pk, step.name])


@login_required
def index(request):
    """My drafts, and the way to start a new sheet."""
    if not can_propose_sheet(request.user):
        return _join_first(request)
    drafts = [
        (draft, wizard.STEPS_BY_NAME.get(draft.step, wizard.STEPS[0]))
        for draft in SheetDraft.objects.filter(author=request.user).select_related(
            "organisation", "page"
        )
    ]
    return render(request, "practices/wizard/index.html", {"drafts": drafts, "steps": wizard.STEPS})


@login_required
@require_POST
def start(request):
    if not can_propose_sheet(request.user):
        return _join_first(request)
    draft = submission.start_draft(user=request.user)
    return redirect(_step_url(draft, wizard.STEPS[0]))


@login_required
def edit(request, page_id):
    """Change a sheet of one's organisation: continue one's draft for it, or (on POST) start
    one prefilled from the sheet's latest version."""
    page = get_object_or_404(PracticeSheetPage, pk=page_id)
    require(can_edit_sheet(request.user, page), Refusal.EDIT_SHEET)
    draft = SheetDraft.objects.filter(author=request.user, page=page).first()
    if draft is None and request.method == "POST":
        draft = submission.start_edit_draft(user=request.user, page=page)
    if draft is not None:
        return redirect(_step_url(draft, wizard.STEPS_BY_NAME.get(draft.step, wizard.STEPS[0])))
    state = page.current_workflow_state
    return render(
        request,
        "practices/wizard/edit_confirm.html",
        {"sheet": page.get_latest_revision_as_object(), "workflow_state": state},
    )


@login_required
def resume(request, draft_id):
    draft = _own_draft(request, draft_id)
    return redirect(_step_url(draft, wizard.STEPS_BY_NAME.get(draft.step, wizard.STEPS[0])))


@login_required
@require_POST
def delete(request, draft_id):
    draft = get_object_or_404(SheetDraft, pk=draft_id, author=request.user)
    title = str(draft)
    submission.delete_draft(draft=draft, user=request.user)
    messages.success(request, _("Le brouillon « %(title)s » est supprimé.") % {"title": title})
    return redirect("wizard:index")


@login_required
def step(request, draft_id, step):
    current = wizard.get_step(step)
    if current is None:
        raise Http404
    draft = _own_draft(request, draft_id)
    if not can_propose_sheet(request.user):
        return _join_first(request)
    if isinstance(current, wizard.PreviewStep):
        return _preview(request, draft, current)

    previous, following = wizard.neighbours(current)
    if request.method != "POST":
        forms = current.forms(draft=draft, user=request.user, strict=True)
        return _render_step(request, draft, current, forms)

    action = request.POST.get("action")
    if action not in ACTIONS:
        action = "save"
    # First the shape of the input: a half-written step is kept, malformed input is not.
    forms = current.forms(draft=draft, user=request.user, data=request.POST)
    if not forms.is_valid():
        return _render_step(request, draft, current, forms)
    strict = None
    if action == "next":
        # Then what a submittable sheet needs. The answers are kept either way; the person
        # fixes the step now, or later through the step list, before sending.
        strict = current.forms(draft=draft, user=request.user, data=request.POST, strict=True)
        if strict.is_valid():
            strict = None
    target = {"next": following, "previous": previous}.get(action) or current
    submission.save_step(
        draft=draft,
        user=request.user,
        values=current.to_data(forms),
        resume_at=(following if action == "next" and strict is None else current).name,
    )
    if strict is not None:
        return _render_step(request, draft, current, strict, saved=True)
    if action == "save":
        messages.success(request, _("Brouillon enregistré. Vous pourrez le reprendre plus tard."))
    return redirect(_step_url(draft, target))


def _render_step(request, draft, current, forms, saved=False):
    previous, following = wizard.neighbours(current)
    return render(
        request,
        current.template,
        {
            "draft": draft,
            "step": current,
            "steps": wizard.STEPS,
            "position": wizard.STEPS.index(current) + 1,
            "previous": previous,
            "following": following,
            "forms": forms,
            "errors": forms.messages() if forms.forms[0].is_bound else [],
            "saved": saved,
        },
    )


def _preview(request, draft, current):
    problems = None
    if request.method == "POST":
        if request.POST.get("action") == "previous":
            return redirect(_step_url(draft, wizard.neighbours(current)[0]))
        try:
            sheet = submission.submit_draft(draft=draft, user=request.user)
        except submission.SubmissionRefused as refused:
            problems = wizard.draft_problems(draft, request.user)
            if not problems:  # refused for a reason that no step can fix
                problems = [{"step": None, "messages": refused.messages}]
        except ServiceError as error:
            show_refusal(request, error)
            return redirect("wizard:index")
        else:
            messages.success(
                request,
                _(
                    "Merci ! La fiche « %(title)s » est envoyée à l'équipe éditoriale. Vous "
                    "serez prévenu·e dès qu'elle sera relue."
                )
                % {"title": sheet.title},
            )
            return redirect("community:me")
    if problems is None:
        problems = wizard.draft_problems(draft, request.user)
    return render(
        request,
        current.template,
        {
            "draft": draft,
            "step": current,
            "steps": wizard.STEPS,
            "position": wizard.STEPS.index(current) + 1,
            "previous": wizard.neighbours(current)[0],
            "problems": problems,
            "submitted": request.method == "POST",
            **wizard.preview(draft),
        },
    )
