"""The questionnaire: its first version from diagnostic/questionnaire.yaml (complete in
three languages), versions in the Wagtail admin (an answered version is locked; "Nouvelle
version" copies it, questions and themes included), and the six-month reminder."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import unescape

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from community.models import Notification
from diagnostic import services
from diagnostic.loading import load_questionnaire
from diagnostic.models import LEVELS, Diagnostic, Question, Questionnaire
from diagnostic.services import send_retake_reminders
from tests.diagnostic.fixtures import build_questionnaire, diagnose
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_first_version_has_six_questions_per_axis_in_three_languages():
    questionnaire = build_questionnaire()
    questions = list(questionnaire.questions.all())
    assert Counter(q.axis for q in questions) == {
        "infrastructure": 6,
        "organisation": 6,
        "processes": 6,
        "strategy": 6,
    }
    for question in questions:
        for suffix in ("", "_en", "_nl"):
            texts = [getattr(question, f"text{suffix}")] + [
                getattr(question, f"level_{level}{suffix}") for level in LEVELS
            ]
            assert all(texts), (question.key, suffix)
        assert question.themes.exists(), question.key
    assert (questionnaire.version, questionnaire.published) == (1, True)
    assert load_questionnaire() is None  # once


def editor() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_answered_version_is_locked_and_a_new_version_copies_it():
    questionnaire = build_questionnaire()
    diagnose(OrganisationFactory(), {}, when=timezone.now())
    client = editor()
    edit = f"/admin/snippets/diagnostic/questionnaire/edit/{questionnaire.pk}/"
    form = client.get(edit)
    assert form.status_code == 200
    refused = client.post(edit, {"title": "Changé"})
    assert "Des organisations ont déjà répondu à cette version" in unescape(
        refused.content.decode()
    )
    assert Questionnaire.objects.get(pk=questionnaire.pk).title == questionnaire.title

    listing = client.get("/admin/snippets/diagnostic/questionnaire/")
    assert f"/admin/diagnostic/questionnaire/{questionnaire.pk}/nouvelle-version/" in (
        listing.content.decode()
    )
    response = client.post(f"/admin/diagnostic/questionnaire/{questionnaire.pk}/nouvelle-version/")
    copy = Questionnaire.objects.get(version=2)
    assert response["Location"] == f"/admin/snippets/diagnostic/questionnaire/edit/{copy.pk}/"
    assert copy.published is False
    before = {
        q.key: sorted(q.themes.values_list("slug", flat=True))
        for q in questionnaire.questions.all()
    }
    after = {q.key: sorted(q.themes.values_list("slug", flat=True)) for q in copy.questions.all()}
    assert after == before
    assert Question.objects.filter(questionnaire=questionnaire).count() == 24
    # The answered diagnostic still points at version 1.
    assert list(Diagnostic.objects.values_list("questionnaire__version", flat=True)) == [1]


def test_the_admins_are_reminded_six_months_after_the_latest_diagnostic_once(
    django_capture_on_commit_callbacks,
):
    organisation = OrganisationFactory(name="Les Jardins Partagés")
    seven_months_ago = timezone.now() - dt.timedelta(days=210)
    old = diagnose(organisation, {}, when=seven_months_ago - dt.timedelta(days=200))
    latest = diagnose(organisation, {}, when=seven_months_ago)
    admins = {old.respondents.get().user, latest.respondents.get().user}
    recent = diagnose(OrganisationFactory(), {}, when=timezone.now() - dt.timedelta(days=30))

    with django_capture_on_commit_callbacks(execute=True):
        assert send_retake_reminders() == 1
    told = Notification.objects.filter(kind="diagnostic")
    assert sorted(n.user.pk for n in told) == sorted(a.pk for a in admins)
    assert {n.url for n in told} == {"/diagnostic/"}
    assert told[0].message.startswith("Six mois depuis le diagnostic de Les Jardins Partagés")
    assert send_retake_reminders() == 0
    assert recent.respondents.get().user.notifications.count() == 0
    with time_machine.travel(timezone.now() + dt.timedelta(days=400)):
        # A year later, only the recent one is due (the old ones were reminded).
        assert send_retake_reminders() == 1


def test_sending_the_answers_queues_the_reminder_six_months_later(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    organisation = OrganisationFactory(name="Les Jardins Partagés")
    admin = UserFactory()
    MembershipFactory(user=admin, organisation=organisation, admin=True)
    build_questionnaire()
    diagnostic = services.start(organisation=organisation, user=admin, role="staff")
    voice = diagnostic.respondents.get()
    services.save_answers(
        respondent=voice, levels={q.pk: 2 for q in diagnostic.questionnaire.questions.all()}
    )
    client = Client()
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/diagnostic/{diagnostic.pk}/repondre/envoyer/")
    assert response["Location"] == f"/diagnostic/{diagnostic.pk}/"
    diagnostic.refresh_from_db()
    queued = DBTaskResult.objects.filter(task_path="diagnostic.tasks.remind_retake")
    assert [task.run_after for task in queued] == [
        diagnostic.scored_at + dt.timedelta(days=182, minutes=1)
    ]
