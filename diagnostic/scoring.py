"""A diagnostic's result, computed from its answers: the level of each question (the mean
over the voices that submitted), each axis's score and the overall score (0–100), where
the voices disagree, and the weak points the result page suggests ways to close.

Three queries whatever the number of questions and voices (questions with their themes,
voices, answers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from statistics import mean

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from community.models import Theme
from community.translations import in_reader_language
from programmes.models import Dimension

from .models import LEVELS, Answer, Diagnostic, Question, Respondent

TOP = max(LEVELS)
# Two voices two levels or more apart on a question: worth talking about.
DISAGREEMENT = 2
# A question whose level is at most this (out of 4) is a weak point; at most three are shown.
WEAK = 2.0
WEAK_POINTS = 3


def percent(level: float) -> int:
    return round(level / TOP * 100)


@dataclass
class Voice:
    respondent: Respondent

    @property
    def name(self) -> str:
        """Their name once they accepted; until then the address they were invited at (an
        invitation says nothing of whether the address has an account)."""
        user = self.respondent.user
        if user is not None and self.respondent.accepted_at is not None:
            return user.display_name
        return self.respondent.email

    @property
    def role(self) -> str:
        return self.respondent.get_role_display()

    @property
    def submitted(self) -> bool:
        return self.respondent.submitted_at is not None


@dataclass
class QuestionResult:
    question: Question
    # (voice, level or None for "I don't know"), for the voices that submitted.
    levels: list[tuple[Voice, int | None]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return in_reader_language(self.question, "text")[0]

    def level_text(self, level: int | None) -> str:
        if level is None:
            return str(_("Je ne sais pas"))
        return in_reader_language(self.question, f"level_{level}")[0]

    @property
    def answers(self) -> list[tuple[Voice, int | None, str]]:
        return [(voice, level, self.level_text(level)) for voice, level in self.levels]

    @cached_property
    def known(self) -> list[int]:
        return [level for _voice, level in self.levels if level is not None]

    @cached_property
    def level(self) -> float | None:
        return mean(self.known) if self.known else None

    @property
    def score(self) -> int | None:
        return None if self.level is None else percent(self.level)

    @property
    def spread(self) -> int:
        return max(self.known) - min(self.known) if len(self.known) > 1 else 0

    @property
    def disagreement(self) -> bool:
        return self.spread >= DISAGREEMENT


@dataclass
class AxisResult:
    key: str
    label: str
    questions: list[QuestionResult]

    @cached_property
    def score(self) -> int | None:
        levels = [q.level for q in self.questions if q.level is not None]
        return percent(mean(levels)) if levels else None


@dataclass
class Result:
    diagnostic: Diagnostic
    voices: list[Voice]
    axes: list[AxisResult]

    @property
    def submitted(self) -> list[Voice]:
        return [voice for voice in self.voices if voice.submitted]

    @property
    def overall(self) -> int | None:
        scores = [axis.score for axis in self.axes if axis.score is not None]
        return round(mean(scores)) if scores else None

    @property
    def questions(self) -> list[QuestionResult]:
        return [question for axis in self.axes for question in axis.questions]

    @property
    def disagreements(self) -> list[QuestionResult]:
        return sorted((q for q in self.questions if q.disagreement), key=lambda q: -q.spread)

    @property
    def weakest_axis(self) -> AxisResult | None:
        scored = [(axis.score, index, axis) for index, axis in enumerate(self.axes)]
        found = [(score, index, axis) for score, index, axis in scored if score is not None]
        return min(found)[2] if found else None

    @property
    def weak_points(self) -> list[QuestionResult]:
        """The weakest questions (level at most `WEAK`), lowest first; on a tie, those of
        the weakest axis first."""
        order = {axis.key: axis.score or 0 for axis in self.axes}
        weak = [q for q in self.questions if q.level is not None and q.level <= WEAK]
        weak.sort(key=lambda q: (q.level, order[q.question.axis]))
        return weak[:WEAK_POINTS]

    def scores(self) -> dict[str, int]:
        found = {axis.key: axis.score for axis in self.axes if axis.score is not None}
        if self.overall is not None:
            found["overall"] = self.overall
        return found


def questions_of(questionnaire_id: int) -> list[Question]:
    return list(
        Question.objects.filter(questionnaire_id=questionnaire_id)
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .order_by("sort_order", "pk")
    )


def result_of(diagnostic: Diagnostic, questions: list[Question] | None = None) -> Result:
    questions = questions if questions is not None else questions_of(diagnostic.questionnaire_id)
    voices = [
        Voice(respondent)
        for respondent in diagnostic.respondents.select_related("user").order_by("invited_at", "pk")
    ]
    by_respondent = {voice.respondent.pk: voice for voice in voices if voice.submitted}
    answers: dict[int, dict[int, int | None]] = {}
    for answer in Answer.objects.filter(respondent__in=list(by_respondent)).only(
        "respondent_id", "question_id", "level"
    ):
        answers.setdefault(answer.question_id, {})[answer.respondent_id] = answer.level
    axes = []
    for key, label in Dimension.choices:
        results = []
        for question in questions:
            if question.axis != key:
                continue
            given = answers.get(question.pk, {})
            levels = [(by_respondent[rid], level) for rid, level in given.items()]
            levels.sort(key=lambda pair: voices.index(pair[0]))
            results.append(QuestionResult(question, levels))
        axes.append(AxisResult(key, str(label), results))
    return Result(diagnostic, voices, axes)
