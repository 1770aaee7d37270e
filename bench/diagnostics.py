"""The diagnostics of the benchmark's data (bench/data.py): the questionnaire of
diagnostic/questionnaire.yaml, and for six organisations out of ten two diagnostics, a
year and two months ago, each answered by one of its admins (drawn levels that mostly
rise), with their per-question scores; half of the later ones agree to be shown as
peers. The sample member administers the largest federation and one of its members,
whose diagnostic the result row reads. A step of `bench.generator.Generator`, run after
the notifications so that it changes no draw of the steps before."""

from __future__ import annotations

from statistics import mean

from community.models import Membership, Organisation
from diagnostic.loading import load_questionnaire
from diagnostic.models import Answer, Diagnostic, QuestionScore, Respondent
from diagnostic.scoring import percent
from programmes.models import Dimension

from .bulk import BATCH, dates_as_given

SHARE = 0.6


class Diagnostics:
    """Mixed into the `Generator`: uses `rng`, `ago`, `orgs`, `federations`, `affiliated`,
    `admins` and the sample member (`big_room_chatters[0]`)."""

    def diagnostics(self):
        rng = self.rng
        questionnaire = load_questionnaire()
        questions = list(questionnaire.questions.all())
        member = self.big_room_chatters[0]
        federation = max(self.federations, key=lambda o: len(self.affiliated[o.pk]))
        ees = [o.pk for o in self.orgs if o.kind == Organisation.Kind.EES]
        own = next((pk for pk in self.affiliated[federation.pk] if pk in set(ees)), ees[0])
        Membership.objects.bulk_create(
            [
                Membership(user_id=member, organisation_id=pk, role="admin", status="active")
                for pk in (federation.pk, own)
            ],
            ignore_conflicts=True,
        )
        Membership.objects.filter(user_id=member, organisation_id__in=[federation.pk, own]).update(
            role="admin", status="active"
        )
        chosen = [
            o
            for o in self.orgs
            if o.kind == Organisation.Kind.EES and (o.pk == own or rng.random() < SHARE)
        ]
        diagnostics, voices, plans = [], [], []
        for organisation in chosen:
            admins = self.admins.get(organisation.pk) or [member]
            voice = member if organisation.pk == own else admins[0]
            base = {key: rng.randint(0, 3) for key, _label in Dimension.choices}
            rise = {key: rng.choice([0, 0, 1, 1, 2]) for key, _label in Dimension.choices}
            first = {
                q.pk: max(0, min(4, base[q.axis] + rng.choice([-1, 0, 0, 1]))) for q in questions
            }
            second = {
                q.pk: max(0, min(4, first[q.pk] + rise[q.axis] + rng.choice([-1, 0, 0, 1])))
                for q in questions
            }
            for days, levels, shown in ((400, first, False), (60, second, rng.random() < 0.5)):
                when = self.ago(days + rng.uniform(0, 20))
                diagnostics.append(
                    Diagnostic(
                        organisation_id=organisation.pk,
                        questionnaire=questionnaire,
                        started_by_id=voice,
                        created_at=when,
                        scored_at=when,
                        show_as_peer=shown,
                        scores=self._scores(questions, levels),
                    )
                )
                voices.append((voice, when))
                plans.append(levels)
        with dates_as_given(Diagnostic, Respondent):
            Diagnostic.objects.bulk_create(diagnostics, batch_size=BATCH)
            respondents = Respondent.objects.bulk_create(
                [
                    Respondent(
                        diagnostic=diagnostic,
                        user_id=user,
                        role="governance",
                        invited_by_id=user,
                        invited_at=when,
                        accepted_at=when,
                        submitted_at=when,
                    )
                    for diagnostic, (user, when) in zip(diagnostics, voices, strict=True)
                ],
                batch_size=BATCH,
            )
        keys = {q.pk: (q.key, q.axis) for q in questions}
        Answer.objects.bulk_create(
            [
                Answer(respondent=respondent, question_id=pk, level=level)
                for respondent, levels in zip(respondents, plans, strict=True)
                for pk, level in levels.items()
            ],
            batch_size=BATCH,
        )
        QuestionScore.objects.bulk_create(
            [
                QuestionScore(diagnostic=diagnostic, key=keys[pk][0], axis=keys[pk][1], level=level)
                for diagnostic, levels in zip(diagnostics, plans, strict=True)
                for pk, level in levels.items()
            ],
            batch_size=BATCH,
        )
        self.diagnostic_count = len(diagnostics)
        self.sample_diagnostic = next(d for d in reversed(diagnostics) if d.organisation_id == own)
        self.sample_federation = federation

    @staticmethod
    def _scores(questions, levels: dict[int, int]) -> dict[str, int]:
        scores = {}
        for key, _label in Dimension.choices:
            values = [levels[q.pk] for q in questions if q.axis == key]
            scores[key] = percent(mean(values))
        scores["overall"] = round(mean(scores.values()))
        return scores
