"""The demo's diagnostics (`diagnostics.yaml`): the questionnaire of
diagnostic/questionnaire.yaml, then each organisation's takes through the diagnostic's
services, dated months back afterwards (a service dates what it writes now)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db import transaction
from django.utils import timezone

from community.models import Organisation, User
from diagnostic import services
from diagnostic.loading import load_questionnaire
from diagnostic.models import Diagnostic, Respondent

from . import load

MONTH = dt.timedelta(days=30)


class Diagnostics:
    created: Counter
    updated: Counter

    def diagnostics(self):
        if load_questionnaire():
            self.created["questionnaire du diagnostic"] += 1
        questionnaire = services.current_questionnaire()
        questions = list(questionnaire.questions.all())
        for entry in load("diagnostics")["diagnostics"]:
            organisation = Organisation.objects.get(slug=entry["organisation"])
            if organisation.diagnostics.count() >= len(entry["takes"]):
                continue
            organisation.diagnostics.all().delete()
            for number, take in enumerate(entry["takes"]):
                last = number == len(entry["takes"]) - 1
                self.take(organisation, take, questions, shown=entry["shown"] and last)
                self.created["diagnostic"] += 1

    @transaction.atomic
    def take(self, organisation, take: dict, questions, *, shown: bool) -> Diagnostic:
        people = {
            u.email: u for u in User.objects.filter(email__in=[v["email"] for v in take["voices"]])
        }
        first, *others = take["voices"]
        diagnostic = services.start(
            organisation=organisation, user=people[first["email"]], role=first["role"]
        )
        voices = [diagnostic.respondents.get()]
        for voice in others:
            invited = services.invite(
                diagnostic=diagnostic,
                by=people[first["email"]],
                email=voice["email"],
                role=voice["role"],
            )
            voices.append(services.accept(token=invited.token, user=people[voice["email"]]))
        for respondent, voice in zip(voices, take["voices"], strict=True):
            own = {**take.get("levels", {}), **voice.get("levels", {})}
            services.save_answers(
                respondent=respondent,
                levels={q.pk: own.get(q.key, take["base"][q.axis]) for q in questions},
            )
            services.submit(respondent=respondent)
        services.set_peer_consent(diagnostic=diagnostic, shown=shown)
        when = timezone.now() - take["months_ago"] * MONTH
        Diagnostic.objects.filter(pk=diagnostic.pk).update(created_at=when, scored_at=when)
        Respondent.objects.filter(diagnostic=diagnostic).update(invited_at=when, submitted_at=when)
        return diagnostic
