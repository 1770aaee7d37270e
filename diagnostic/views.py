"""/diagnostic/: thin views. Each parses with a form, asks `community.access`, calls one
service and renders what `reading` builds (or redirects)."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from community import access
from community.access import Refusal, require
from community.models import Organisation
from community.refusals import show_refusal
from community.services import ServiceError

from . import federation as federation_reading
from . import pdf, reading, services, tasks
from .federation import DEFAULT_PERIOD, PeriodForm
from .forms import ActionForm, AxisForm, ConsentForm, InviteForm, StartForm, TickForm
from .models import Diagnostic, PlanAction, Respondent
from .scoring import questions_of
from .suggestions import resolve


def _diagnostic(request, pk) -> Diagnostic:
    diagnostic = get_object_or_404(
        Diagnostic.objects.select_related("organisation", "questionnaire"), pk=pk
    )
    require(access.can_see_diagnostic(request.user, diagnostic), Refusal.SEE_DIAGNOSTIC)
    return diagnostic


def _managed(request, pk) -> Diagnostic:
    diagnostic = _diagnostic(request, pk)
    require(access.can_manage_diagnostic(request.user, diagnostic), Refusal.MANAGE_DIAGNOSTIC)
    return diagnostic


def _voice(request, diagnostic) -> Respondent:
    """This person's accepted voice in the diagnostic (an invitation is accepted first, on
    its own page)."""
    respondent = diagnostic.respondents.filter(user=request.user, accepted_at__isnull=False)
    respondent = respondent.first()
    require(respondent is not None, Refusal.ANSWER_DIAGNOSTIC)
    return respondent


@require_safe
def home(request):
    return render(request, "diagnostic/home.html", reading.home_context(request.user))


@login_required
@require_POST
def start(request):
    form = StartForm(request.POST, organisations=access.administered_organisations(request.user))
    if not form.is_valid():
        require(False, Refusal.MANAGE_DIAGNOSTIC)
    try:
        diagnostic = services.start(
            organisation=form.cleaned_data["organisation"],
            user=request.user,
            role=form.cleaned_data["role"],
        )
    except ServiceError as error:
        show_refusal(request, error)
        return redirect("diagnostic:home")
    return redirect("diagnostic:answer", diagnostic.pk)


@login_required
def invitation(request, token):
    respondent = Respondent.objects.select_related("diagnostic__organisation", "invited_by")
    respondent = respondent.filter(token=token).first()
    if respondent is None:
        raise Http404
    if request.method == "POST":
        try:
            mine = services.accept(token=token, user=request.user)
        except ServiceError as error:
            show_refusal(request, error)
            return redirect("diagnostic:home")
        return redirect("diagnostic:answer", mine.diagnostic_id)
    if respondent.user_id == request.user.pk and respondent.accepted_at:
        return redirect("diagnostic:answer", respondent.diagnostic_id)
    return render(request, "diagnostic/invitation.html", {"respondent": respondent})


@login_required
@require_safe
def answer(request, pk):
    """Where this voice left off: the first axis with a question to answer, else the
    screen that sends the answers."""
    diagnostic = _diagnostic(request, pk)
    respondent = _voice(request, diagnostic)
    steps = reading.steps_of(respondent, questions_of(diagnostic.questionnaire_id))
    step = next((step for step in steps if not step.complete), None)
    if step is None:
        return redirect("diagnostic:review", pk)
    return redirect("diagnostic:axis", pk, step.key)


@login_required
def axis(request, pk, axis):
    if axis not in reading.AXES:
        raise Http404
    diagnostic = _diagnostic(request, pk)
    respondent = _voice(request, diagnostic)
    all_questions = questions_of(diagnostic.questionnaire_id)
    questions = [q for q in all_questions if q.axis == axis]
    given = dict(respondent.answers.values_list("question_id", "level"))
    initial = {f"q{pk_}": ("nsp" if level is None else str(level)) for pk_, level in given.items()}
    form = AxisForm(request.POST or None, questions=questions, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_answers(respondent=respondent, levels=form.levels())
        index = reading.AXES.index(axis)
        if "previous" in request.POST and index > 0:
            return redirect("diagnostic:axis", pk, reading.AXES[index - 1])
        if index + 1 < len(reading.AXES):
            return redirect("diagnostic:axis", pk, reading.AXES[index + 1])
        return redirect("diagnostic:review", pk)
    steps = reading.steps_of(respondent, all_questions)
    current = next(step for step in steps if step.key == axis)
    return render(
        request,
        "diagnostic/axis.html",
        {
            "diagnostic": diagnostic,
            "form": form,
            "steps": steps,
            "step": current,
            "intro": diagnostic.questionnaire.intro(axis),
            "first": current.number == 1,
        },
    )


@login_required
def review(request, pk):
    diagnostic = _diagnostic(request, pk)
    respondent = _voice(request, diagnostic)
    if request.method == "POST":
        try:
            services.submit(respondent=respondent)
        except ServiceError as error:
            show_refusal(request, error)
        else:
            tasks.schedule_retake_reminder(respondent.diagnostic)
            messages.success(request, _("Merci ! Vos réponses sont enregistrées."))
            return redirect("diagnostic:result", pk)
    steps = reading.steps_of(respondent, questions_of(diagnostic.questionnaire_id))
    return render(
        request,
        "diagnostic/review.html",
        {
            "diagnostic": diagnostic,
            "steps": steps,
            "respondent": respondent,
            "missing": services.missing(respondent),
        },
    )


@login_required
@require_safe
def result(request, pk):
    diagnostic = _diagnostic(request, pk)
    return render(request, "diagnostic/result.html", reading.result_context(request, diagnostic))


@login_required
@require_POST
def invite(request, pk):
    diagnostic = _managed(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.invite(
                diagnostic=diagnostic,
                by=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ServiceError as error:
            show_refusal(request, error, form=form, field="email")
        else:
            messages.success(
                request,
                _("Invitation envoyée à %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("diagnostic:result", pk)
    context = reading.result_context(request, diagnostic, invite_form=form)
    return render(request, "diagnostic/result.html", context, status=400)


@login_required
@require_POST
def withdraw(request, pk, respondent_id):
    diagnostic = _managed(request, pk)
    respondent = get_object_or_404(Respondent, pk=respondent_id, diagnostic=diagnostic)
    try:
        services.withdraw(respondent=respondent)
    except ServiceError as error:
        show_refusal(request, error)
    else:
        messages.success(
            request, _("L'invitation de %(email)s est retirée.") % {"email": respondent.email}
        )
    return redirect("diagnostic:result", pk)


@login_required
@require_POST
def consent(request, pk):
    diagnostic = _managed(request, pk)
    form = ConsentForm(request.POST)
    form.is_valid()
    services.set_peer_consent(diagnostic=diagnostic, shown=form.cleaned_data["show_as_peer"])
    messages.success(request, _("Votre choix de partage est enregistré."))
    return redirect("diagnostic:result", pk)


@login_required
@require_POST
def add_action(request, pk):
    diagnostic = _managed(request, pk)
    form = ActionForm(request.POST)
    suggestion = resolve(request.POST.get("reference", ""), request)
    if not form.is_valid() or suggestion is None:
        errors = [e for field in form.errors.values() for e in field] or [
            _("Cette suggestion n'existe plus : choisissez-en une autre.")
        ]
        return _action_refused(request, diagnostic, " ".join(errors))
    try:
        services.add_action(
            diagnostic=diagnostic,
            suggestion=suggestion,
            question_key=form.cleaned_data["question"],
            target_date=form.cleaned_data["target_date"],
        )
    except ServiceError as error:
        return _action_refused(request, diagnostic, error.message)
    messages.success(request, _("« %(title)s » est dans votre plan.") % {"title": suggestion.title})
    return redirect(reading_url(pk, "plan"))


def _action_refused(request, diagnostic, message: str):
    """The result page again, the refusal beside the form that was sent (its form's address
    ends in that form's anchor, so the browser shows it) with what was chosen kept."""
    refused = {
        "question": request.POST.get("question", ""),
        "reference": request.POST.get("reference", ""),
        "target_date": request.POST.get("target_date", "")[:20],
        "message": message,
    }
    context = reading.result_context(request, diagnostic, action_refused=refused)
    beside_its_form = not context["plan_full"] and any(
        point.question.key == refused["question"] and point.choices
        for point in context["weak_points"]
    )
    if not beside_its_form:  # no such form on the page (a full plan, an old page): on top
        messages.error(request, message)
    return render(request, "diagnostic/result.html", context, status=400)


@login_required
@require_POST
def change_action(request, pk, action_id):
    diagnostic = _managed(request, pk)
    action = get_object_or_404(PlanAction, pk=action_id, diagnostic=diagnostic)
    if "remove" in request.POST:
        services.remove_action(action=action)
    else:
        form = TickForm(request.POST)
        form.is_valid()
        services.tick_action(action=action, done=form.cleaned_data["done"])
    return redirect(reading_url(pk, "plan"))


def reading_url(pk, anchor: str) -> str:
    return reverse("diagnostic:result", args=[pk]) + f"#{anchor}"


@login_required
@require_safe
def plan(request, pk):
    diagnostic = _diagnostic(request, pk)
    return render(request, "diagnostic/plan.html", reading.plan_context(request, diagnostic))


@login_required
@require_safe
def plan_pdf(request, pk):
    diagnostic = _diagnostic(request, pk)
    content = pdf.plan(reading.plan_context(request, diagnostic))
    response = HttpResponse(content, content_type="application/pdf")
    name = f"plan-diagnostic-{diagnostic.organisation.slug}-{diagnostic.created_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_safe
def federation_dashboard(request, slug):
    federation = get_object_or_404(Organisation, slug=slug)
    require(
        access.can_see_federation_dashboard(request.user, federation),
        Refusal.FEDERATION_DASHBOARD,
    )
    form = PeriodForm(request.GET or {"periode": DEFAULT_PERIOD})
    result = federation_reading.dashboard(federation, form.since(), viewer=request.user)
    if request.path.endswith(".csv"):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="relais-{federation.slug}.csv"'
        response.write("\ufeff")  # spreadsheets then read the accents right
        csv.writer(response).writerows(federation_reading.csv_rows(result))
        return response
    return render(
        request,
        "diagnostic/federation.html",
        {
            "form": form,
            "dashboard": result,
            "anonymity": federation_reading.ANONYMITY,
            "query": request.GET.urlencode(),
        },
    )
