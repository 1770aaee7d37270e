"""The only writers of the diagnostic's rows: starting a diagnostic, inviting voices,
saving and submitting answers (which refreshes the scores peers and federations read),
the organisation's consent to be shown as a peer, the action plan, and the reminder to
take the diagnostic again."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.models import Membership, Notification, User
from community.public import absolute_url
from community.services import ServiceError, limits, ratelimit
from community.services.notifications import Email, email_people, notify

from .models import (
    LEVELS,
    PLAN_HORIZON_YEARS,
    PLAN_SIZE,
    Answer,
    Diagnostic,
    PlanAction,
    Question,
    Questionnaire,
    QuestionScore,
    Respondent,
)
from .scoring import result_of

# Six months after the last answers, the organisation's admins are reminded to re-take it.
RETAKE_AFTER = dt.timedelta(days=182)
INVITES_PER_DAY = 30


def current_questionnaire() -> Questionnaire | None:
    return Questionnaire.objects.filter(published=True).order_by("-version").first()


@transaction.atomic
def new_version(questionnaire: Questionnaire) -> Questionnaire:
    """A copy of `questionnaire`, its questions and their themes, unpublished, for editors
    to change: answered versions stay as they were answered."""
    questions = list(questionnaire.questions.prefetch_related("themes"))
    copy = Questionnaire.objects.get(pk=questionnaire.pk)
    copy.pk = None
    copy.version = None
    copy.published = False
    copy.save()
    copied = [
        f.name for f in Question._meta.concrete_fields if f.name not in ("id", "questionnaire")
    ]
    for question in questions:
        new = Question(questionnaire=copy, **{name: getattr(question, name) for name in copied})
        new.save()
        # A ParentalManyToManyField is written by the question's save, not by set().
        new.themes.set(list(question.themes.all()))
        new.save()
    return copy


@transaction.atomic
def start(*, organisation, user, role: str) -> Diagnostic:
    """A new diagnostic of `organisation` on the current questionnaire; `user` (one of its
    admins) is its first voice."""
    questionnaire = current_questionnaire()
    if questionnaire is None:
        raise ServiceError(_("Le questionnaire n'est pas encore publié : revenez bientôt."))
    limits.check("diagnostic", user=user)
    # The organisation's choice to be named as a peer carries over to its new diagnostic.
    previous = Diagnostic.objects.filter(organisation=organisation).order_by("-created_at")
    shown = previous.values_list("show_as_peer", flat=True).first() or False
    diagnostic = Diagnostic.objects.create(
        organisation=organisation,
        questionnaire=questionnaire,
        started_by=user,
        show_as_peer=shown,
    )
    Respondent.objects.create(
        diagnostic=diagnostic,
        user=user,
        email=user.email,
        role=role,
        invited_by=user,
        accepted_at=timezone.now(),
    )
    return diagnostic


@dataclass
class Addressee:
    """Someone invited by email who has no account yet."""

    email: str
    preferred_language: str = ""
    pk: None = None

    @property
    def name(self) -> str:
        return self.email


@transaction.atomic
def invite(*, diagnostic: Diagnostic, by, email: str, role: str) -> Respondent:
    """Invite a voice by email. Someone who already has an account with that address finds
    the invitation on Relais too; someone who has none gets the link to sign up first."""
    email = User.objects.normalize_email(email.strip())
    # One invitation at a time per diagnostic (a double click), and a bound on the emails an
    # admin can have sent to addresses that never asked for them.
    Diagnostic.objects.select_for_update().filter(pk=diagnostic.pk).first()
    if not ratelimit.allow(f"diagnostic-invite:{by.pk}", limit=INVITES_PER_DAY, window=86400):
        raise ServiceError(
            _("Vous avez envoyé beaucoup d'invitations aujourd'hui : réessayez demain.")
        )
    person = User.objects.filter(email__iexact=email, is_active=True).first()
    voices = diagnostic.respondents.all()
    if voices.filter(email__iexact=email).exists() or (
        person and voices.filter(user=person).exists()
    ):
        raise ServiceError(_("%(email)s est déjà invité·e à ce diagnostic.") % {"email": email})
    respondent = Respondent.objects.create(
        diagnostic=diagnostic, user=person, email=email, role=role, invited_by=by
    )
    url = reverse("diagnostic:invitation", args=[respondent.token])
    organisation = diagnostic.organisation
    context = {
        "organisation": organisation,
        "inviter": by,
        "respondent": respondent,  # its role is written in each reader's language
        "url": absolute_url(url),
    }
    if person:
        notify(
            [person],
            kind=Notification.Kind.DIAGNOSTIC,
            message=lambda _person: _(
                "%(name)s vous invite à répondre au diagnostic numérique de %(organisation)s."
            )
            % {"name": by.name, "organisation": organisation.name},
            url=url,
            about=(f"diagnostic:{diagnostic.pk}", organisation.name),
            email=Email("diagnostic/emails/invitation", context),
        )
    else:
        email_people(
            [Addressee(email, preferred_language=by.preferred_language)],
            "diagnostic/emails/invitation",
            context,
        )
    return respondent


@transaction.atomic
def accept(*, token: str, user) -> Respondent:
    """The invitation's link, opened by `user`: the voice becomes theirs."""
    respondent = Respondent.objects.select_for_update().filter(token=token).first()
    if respondent is None:
        raise ServiceError(_("Cette invitation n'existe pas ou a été retirée."))
    if respondent.user_id is not None and respondent.user_id != user.pk:
        raise ServiceError(_("Cette invitation a déjà été acceptée par une autre personne."))
    if respondent.user_id is None:
        mine = Respondent.objects.filter(diagnostic=respondent.diagnostic_id, user=user).first()
        if mine:
            return mine
    if respondent.accepted_at is None or respondent.user_id is None:
        respondent.user = user
        respondent.accepted_at = respondent.accepted_at or timezone.now()
        respondent.save(update_fields=["user", "accepted_at"])
    return respondent


@transaction.atomic
def withdraw(*, respondent: Respondent) -> None:
    """An admin takes back an invitation, or a voice that has not sent its answers (the
    admin who started the diagnostic stays). Its link then leads nowhere."""
    if respondent.submitted_at is not None or respondent.user_id == respondent.invited_by_id:
        raise ServiceError(
            _(
                "Cette voix reste : ses réponses sont envoyées, ou c'est elle qui a lancé le "
                "diagnostic."
            )
        )
    diagnostic = respondent.diagnostic
    respondent.delete()
    if diagnostic.scored_at:
        refresh_scores(diagnostic)


def save_answers(*, respondent: Respondent, levels: dict[int, int | None]) -> int:
    """Keep the levels given on one screen (`None`: "I don't know"); questions not given
    keep their answer. Returns how many were saved."""
    questions = set(
        Question.objects.filter(
            questionnaire=respondent.diagnostic.questionnaire_id, pk__in=list(levels)
        ).values_list("pk", flat=True)
    )
    rows = [
        Answer(respondent=respondent, question_id=pk, level=level)
        for pk, level in levels.items()
        if pk in questions and (level is None or level in LEVELS)
    ]
    with transaction.atomic():
        if respondent.accepted_at is None:  # answering is accepting
            respondent.accepted_at = timezone.now()
            respondent.save(update_fields=["accepted_at"])
        Answer.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["respondent", "question"],
            update_fields=["level", "updated_at"],
        )
        if respondent.submitted_at:
            refresh_scores(respondent.diagnostic)
    return len(rows)


def missing(respondent: Respondent) -> list[Question]:
    """The questions this voice has not answered yet, in order."""
    return list(
        Question.objects.filter(questionnaire=respondent.diagnostic.questionnaire_id)
        .exclude(answers__respondent=respondent)
        .order_by("sort_order", "pk")
    )


@transaction.atomic
def submit(*, respondent: Respondent) -> None:
    left = len(missing(respondent))
    if left:
        raise ServiceError(
            ngettext(
                "Il reste %(count)d question sans réponse : « Je ne sais pas » est une réponse.",
                "Il reste %(count)d questions sans réponse : « Je ne sais pas » est une réponse.",
                left,
            )
            % {"count": left}
        )
    if respondent.submitted_at is None:
        respondent.submitted_at = timezone.now()
        respondent.save(update_fields=["submitted_at"])
    refresh_scores(respondent.diagnostic)


def refresh_scores(diagnostic: Diagnostic) -> None:
    """Write down the diagnostic's scores and per-question levels from the submitted
    voices: what the peers' suggestions, the evolution and federations read."""
    result = result_of(diagnostic)
    QuestionScore.objects.filter(diagnostic=diagnostic).delete()
    QuestionScore.objects.bulk_create(
        QuestionScore(
            diagnostic=diagnostic, key=q.question.key, axis=q.question.axis, level=q.level
        )
        for q in result.questions
        if q.level is not None
    )
    diagnostic.scores = result.scores()
    diagnostic.scored_at = timezone.now()
    diagnostic.save(update_fields=["scores", "scored_at"])


def set_peer_consent(*, diagnostic: Diagnostic, shown: bool) -> None:
    diagnostic.show_as_peer = shown
    diagnostic.save(update_fields=["show_as_peer"])


def latest_target(today: dt.date) -> dt.date:
    """The furthest due date a plan's action may have (the form's `max`)."""
    try:
        return today.replace(year=today.year + PLAN_HORIZON_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + PLAN_HORIZON_YEARS, day=28)


@transaction.atomic
def add_action(
    *, diagnostic: Diagnostic, suggestion, question_key: str, target_date: dt.date
) -> PlanAction:
    """Put one suggestion (`suggestions.Suggestion`, resolved from the request on the
    server, never trusted from it) in the plan, with its target date."""
    Diagnostic.objects.select_for_update().filter(pk=diagnostic.pk).first()
    if diagnostic.actions.count() >= PLAN_SIZE:
        raise ServiceError(
            _(
                "Votre plan compte déjà %(count)d actions : retirez-en une pour en choisir "
                "une autre."
            )
            % {"count": PLAN_SIZE}
        )
    today = timezone.localdate()
    if target_date < today:
        raise ServiceError(_("Choisissez une échéance qui n'est pas encore passée."))
    if target_date > latest_target(today):
        raise ServiceError(
            ngettext(
                "Choisissez une échéance dans l'année qui vient.",
                "Choisissez une échéance dans les %(years)d ans qui viennent.",
                PLAN_HORIZON_YEARS,
            )
            % {"years": PLAN_HORIZON_YEARS}
        )
    if diagnostic.actions.filter(url=suggestion.url).exists():
        raise ServiceError(_("Cette action est déjà dans votre plan."))
    if not Question.objects.filter(
        questionnaire=diagnostic.questionnaire_id, key=question_key
    ).exists():
        raise ServiceError(_("Cette suggestion n'existe plus : choisissez-en une autre."))
    return PlanAction.objects.create(
        diagnostic=diagnostic,
        kind=suggestion.kind,
        question_key=question_key,
        title=suggestion.title[:300],
        url=suggestion.url[:300],
        target_date=target_date,
    )


def tick_action(*, action: PlanAction, done: bool) -> None:
    action.done_at = timezone.now() if done else None
    action.save(update_fields=["done_at"])


def remove_action(*, action: PlanAction) -> None:
    action.delete()


def _retake_message(diagnostic: Diagnostic, _person) -> str:
    return _(
        "Six mois depuis le diagnostic de %(organisation)s (%(date)s) : refaites-le pour voir "
        "le chemin parcouru."
    ) % {
        "organisation": diagnostic.organisation.name,
        "date": diagnostic.scored_at.strftime("%d/%m/%Y") if diagnostic.scored_at else "",
    }


def send_retake_reminders(now=None) -> int:
    """Remind the admins of each organisation whose latest diagnostic was answered six
    months ago or more (once per diagnostic). Returns how many organisations."""
    now = now or timezone.now()
    latest = (
        Diagnostic.objects.values("organisation")
        .annotate(last=Max("created_at"))
        .values_list("organisation", "last")
    )
    last_of = dict(latest)
    due = [
        d
        for d in Diagnostic.objects.filter(
            scored_at__lte=now - RETAKE_AFTER, reminded_at__isnull=True
        ).select_related("organisation")
        if last_of.get(d.organisation_id) == d.created_at
    ]
    admins: dict[int, list] = {}
    for membership in (
        Membership.objects.admins()
        .filter(organisation__in=[d.organisation_id for d in due])
        .select_related("user")
    ):
        admins.setdefault(membership.organisation_id, []).append(membership.user)
    for diagnostic in due:
        organisation = diagnostic.organisation
        with transaction.atomic():
            notify(
                admins.get(organisation.pk, []),
                kind=Notification.Kind.DIAGNOSTIC,
                message=functools.partial(_retake_message, diagnostic),
                url=reverse("diagnostic:home"),
                about=(f"diagnostic:{diagnostic.pk}", organisation.name),
            )
            diagnostic.reminded_at = now
            diagnostic.save(update_fields=["reminded_at"])
    return len(due)
