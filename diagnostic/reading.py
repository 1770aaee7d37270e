"""What the diagnostic's pages show, built from the models (the views only render it):
a person's diagnostics, the questionnaire's screens, and the result with its chart, the
voices' disagreements, the weak points' suggestions, the plan and the evolution."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from community import access
from programmes.models import Dimension

from . import charts, services
from .forms import ConsentForm, InviteForm, StartForm
from .models import PLAN_SIZE, Diagnostic, Question, Respondent
from .scoring import Result, questions_of, result_of
from .suggestions import for_weak_points

AXES = [key for key, _label in Dimension.choices]


def axis_label(key: str) -> str:
    return str(Dimension(key).label)


def home_context(user) -> dict:
    """/diagnostic/: the organisations this person administers with their diagnostics,
    and the diagnostics they were invited to answer."""
    if not access.is_active(user):
        return {}
    organisations = list(access.administered_organisations(user))
    diagnostics = list(
        Diagnostic.objects.filter(organisation__in=organisations)
        .select_related("organisation", "questionnaire")
        .order_by("organisation__name", "-created_at")
    )
    for organisation in organisations:
        organisation.diagnostic_list = [
            d for d in diagnostics if d.organisation_id == organisation.pk
        ]
    voices = list(
        Respondent.objects.filter(user=user)
        .exclude(diagnostic__organisation__in=organisations)
        .select_related("diagnostic__organisation")
        .order_by("-invited_at")
    )
    return {
        "organisations": organisations,
        "voices": voices,
        "start_form": StartForm(organisations=access.administered_organisations(user))
        if organisations
        else None,
        "axes": [axis_label(key) for key in AXES],
    }


@dataclass
class Step:
    key: str
    label: str
    number: int
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def steps_of(respondent: Respondent, questions: list[Question]) -> list[Step]:
    answered = set(respondent.answers.values_list("question_id", flat=True))
    return [
        Step(
            key,
            axis_label(key),
            number,
            len([q for q in questions if q.axis == key and q.pk in answered]),
            len([q for q in questions if q.axis == key]),
        )
        for number, key in enumerate(AXES, start=1)
    ]


def radar_of(result: Result, previous: Diagnostic | None) -> dict:
    labels = [axis.label for axis in result.axes]
    series = [[axis.score for axis in result.axes]]
    if previous:
        series.append([previous.scores.get(axis.key) for axis in result.axes])
    return charts.radar(labels, series)


def axis_rows(result: Result, previous: Diagnostic | None) -> list[dict]:
    """Each axis's score, the previous diagnostic's and the change: the radar's table."""
    rows = []
    for axis in result.axes:
        before = previous.scores.get(axis.key) if previous else None
        change = None if axis.score is None or before is None else axis.score - before
        rows.append(
            {
                "key": axis.key,
                "label": axis.label,
                "score": axis.score,
                "before": before,
                "change": change,
            }
        )
    return rows


def overall_row(result: Result, previous: Diagnostic | None) -> dict:
    """The table's last row: the overall score before, and the change, as for each axis."""
    before = previous.scores.get("overall") if previous else None
    change = None if result.overall is None or before is None else result.overall - before
    return {"overall_before": before, "overall_change": change}


def previous_of(diagnostic: Diagnostic) -> Diagnostic | None:
    return (
        Diagnostic.objects.filter(
            organisation=diagnostic.organisation_id,
            created_at__lt=diagnostic.created_at,
            scored_at__isnull=False,
        )
        .order_by("-created_at")
        .first()
    )


def result_context(
    request, diagnostic: Diagnostic, *, invite_form=None, action_refused=None
) -> dict:
    questions = questions_of(diagnostic.questionnaire_id)
    result = result_of(diagnostic, questions)
    manages = access.can_manage_diagnostic(request.user, diagnostic)
    mine = next(
        (v.respondent for v in result.voices if v.respondent.user_id == request.user.pk), None
    )
    previous = previous_of(diagnostic)
    actions = list(diagnostic.actions.all())
    chosen = {action.url for action in actions}
    weak_points = (
        for_weak_points(diagnostic, result.weak_points, request) if result.submitted else []
    )
    for point in weak_points:
        point.choices = point.options(chosen)
    return {
        "diagnostic": diagnostic,
        "organisation": diagnostic.organisation,
        "result": result,
        "axes": axis_rows(result, previous),
        **overall_row(result, previous),
        "radar": radar_of(result, previous) if result.submitted else None,
        "unscored": any(axis.score is None for axis in result.axes),
        "previous": previous,
        "weak_points": weak_points,
        "manages": manages,
        "mine": mine,
        "actions": actions,
        "chosen": chosen,
        "plan_full": len(actions) >= PLAN_SIZE,
        "default_target": default_target(),
        "today": timezone.localdate(),
        "latest_target": services.latest_target(timezone.localdate()),
        "action_refused": action_refused or {},
        "invite_form": invite_form or InviteForm(),
        "consent_form": ConsentForm(initial={"show_as_peer": diagnostic.show_as_peer}),
    }


def default_target():
    return timezone.localdate() + dt.timedelta(days=90)


def plan_context(request, diagnostic: Diagnostic) -> dict:
    """The printable plan and its PDF: the scores, with the evolution, and the actions."""
    result = result_of(diagnostic)
    previous = previous_of(diagnostic)
    return {
        "diagnostic": diagnostic,
        "organisation": diagnostic.organisation,
        "result": result,
        "radar": radar_of(result, previous) if result.submitted else None,
        "unscored": any(axis.score is None for axis in result.axes),
        "previous": previous,
        "axes": axis_rows(result, previous),
        **overall_row(result, previous),
        "actions": list(diagnostic.actions.all()),
        "manages": access.can_manage_diagnostic(request.user, diagnostic),
    }
