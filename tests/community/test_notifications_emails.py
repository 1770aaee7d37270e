"""The emails notifications send: at once (batched over two minutes, with unsubscribe and
thread headers), or in daily and weekly digests at the person's chosen slot, across
daylight saving changes and in their time zone; and the unsubscribe links they carry
(`community.services.notifications`, `digests`, `slots`)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_tasks import default_task_backend

from community.models import Notification, NotificationSettings
from community.services import digests, slots
from community.services import notifications as service
from community.services.emailing import read_unsubscribe_token
from community.tasks import send_due_digests
from tests.community import fixtures_notifications
from tests.community.fixtures_notifications import Kind, at, choose, tell

# The notifications' fixture (tests/community/fixtures_notifications.py), made visible here.
camille = fixtures_notifications.camille


# --- notify -----------------------------------------------------------------------------


def test_never_writes_nothing_app_only_writes_without_email(
    camille, django_capture_on_commit_callbacks
):
    choose(camille, reply="never", programme="app")
    with django_capture_on_commit_callbacks(execute=True):
        tell(camille, Kind.REPLY, "Réponse")
        tell(camille, Kind.PROGRAMME, "Appel")
    assert list(Notification.objects.values_list("kind", "email_due")) == [("programme", False)]
    assert mail.outbox == []


def test_an_email_at_once_carries_unsubscribe_and_thread_headers(
    camille, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tell(camille, Kind.MENTION, "Alice vous a mentionné·e", about=("page:12", "Atelier"))
    (email,) = mail.outbox
    assert email.subject == "[Relais] Alice vous a mentionné·e"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = email.extra_headers["List-Unsubscribe"]
    assert link.startswith("<http://127.0.0.1:8000/notifications/desabonnement/")
    token = link.rstrip("/>").rsplit("/", 1)[1]
    assert read_unsubscribe_token(token) == (camille.pk, ["mention"])
    assert email.extra_headers["In-Reply-To"] == "<relais.page.12@127.0.0.1>"
    assert email.extra_headers["References"] == "<relais.page.12@127.0.0.1>"
    assert email.extra_headers["Message-ID"].endswith("@127.0.0.1>")
    assert email.body.startswith("Bonjour Camille Dubois,")
    assert "— Alice vous a mentionné·e\n  http://127.0.0.1:8000/pratiques/atelier/" in email.body
    assert "Ne plus recevoir ces e-mails : http://127.0.0.1:8000/notifications/" in email.body
    (html, mimetype) = email.alternatives[0]
    assert mimetype == "text/html" and 'href="http://127.0.0.1:8000/pratiques/atelier/"' in html
    assert Notification.objects.get().email_due is False


def test_a_notification_with_its_own_email_sends_that_one(
    camille, organisation, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        service.notify(
            [org_admin],
            kind=Kind.REQUEST,
            message="Camille demande à rejoindre",
            about=(f"organisation:{organisation.pk}", organisation.name),
            email=service.Email(
                "community/email/join_requested",
                {"membership": None, "organisation": organisation, "requester": camille},
            ),
        )
    (email,) = mail.outbox
    assert email.to == [org_admin.email]
    assert (
        email.extra_headers["In-Reply-To"] == f"<relais.organisation.{organisation.pk}@127.0.0.1>"
    )
    assert "Ne plus recevoir ces e-mails" in email.body
    notification = Notification.objects.get()
    assert (notification.email_due, notification.emailed_at is not None) == (False, True)


def test_nobody_is_emailed_for_what_they_saw_happen(camille, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tell(camille, Kind.MENTION, "Vu en direct", seen_by={camille.pk})
    assert mail.outbox == []
    assert Notification.objects.get().email_due is False


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_emails_at_once_are_batched_over_two_minutes(camille, django_capture_on_commit_callbacks):
    default_task_backend.clear()
    with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
        for text in ("un", "deux", "trois"):
            with django_capture_on_commit_callbacks(execute=True):
                tell(camille, Kind.MENTION, text)
    queued = default_task_backend.results
    assert [(r.task.name, r.kwargs) for r in queued] == [
        ("send_notification_email", {"user_id": camille.pk})
    ]
    assert queued[0].task.run_after == at(2026, 12, 1, 10, 2)
    assert digests.send_at_once(user_id=camille.pk) == 3
    (email,) = mail.outbox
    assert email.subject == "[Relais] 3 notifications vous attendent"
    assert email.body.index("— trois") < email.body.index("— deux") < email.body.index("— un")
    assert digests.send_at_once(user_id=camille.pk) == 0


def test_what_was_read_before_the_batch_is_not_emailed(camille):
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        first = tell(camille, Kind.MENTION, "un")[0]
        tell(camille, Kind.MENTION, "deux")
    service.mark_read(camille, ids=[first.pk])
    assert digests.send_at_once(user_id=camille.pk) == 1
    assert "— deux" in mail.outbox[0].body and "— un" not in mail.outbox[0].body


# --- digests ----------------------------------------------------------------------------


def weekly_monday_8(person, **channels):
    current = service.settings_for(person)
    service.save_preferences(
        user=person,
        channels={**current.all_channels(), **channels},
        digest_weekday=0,
        digest_hour=8,
    )


def test_weekly_digest_at_the_slot_once_grouped_by_object_newest_first(camille):
    weekly_monday_8(camille, mention="weekly")
    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):  # Tuesday
        tell(
            camille, Kind.MENTION, "Mention 1", about=("page:3", "Salon Vélo"), url="/salons/velo/"
        )
    with time_machine.travel(at(2026, 12, 2, 9, 0), tick=False):
        tell(
            camille,
            Kind.NEW_SHEET,
            "Nouvelle fiche",
            about=("page:9", "Fiche"),
            url="/pratiques/f/",
        )
    with time_machine.travel(at(2026, 12, 3, 9, 0), tick=False):
        tell(
            camille, Kind.MENTION, "Mention 2", about=("page:3", "Salon Vélo"), url="/salons/velo/"
        )

    with time_machine.travel(at(2026, 12, 7, 7, 59), tick=False):  # Monday, a minute early
        assert send_due_digests.call() == 0
    assert mail.outbox == []
    with time_machine.travel(at(2026, 12, 7, 8, 0), tick=False):
        assert send_due_digests.call() == 3
        assert send_due_digests.call() == 0  # a second run finds it sent
    (email,) = mail.outbox
    assert email.subject == "[Relais] Votre semaine sur Relais : 3 nouveautés"
    body = email.body
    assert body.index("== Salon Vélo ==") < body.index("== Fiche ==")
    assert body.index("— Mention 2") < body.index("— Mention 1")
    assert body.count("Mention 1") == 1
    assert "In-Reply-To" not in email.extra_headers  # two objects: no single thread
    assert read_unsubscribe_token(
        email.extra_headers["List-Unsubscribe"].rstrip("/>").rsplit("/", 1)[1]
    ) == (camille.pk, ["mention", "new_sheet"])


def test_a_missed_run_sends_late_once_and_the_next_week_is_not_skipped(camille):
    weekly_monday_8(camille)
    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):
        tell(camille, Kind.NEW_SHEET, "Avant")
    # The worker was down on Monday 7 December; it comes back on Wednesday.
    with time_machine.travel(at(2026, 12, 9, 15, 0), tick=False):
        assert send_due_digests.call() == 1
        tell(camille, Kind.NEW_SHEET, "Après")
        assert send_due_digests.call() == 0
    with time_machine.travel(at(2026, 12, 14, 8, 0), tick=False):
        assert send_due_digests.call() == 1
    assert [("— Avant" in m.body, "— Après" in m.body) for m in mail.outbox] == [
        (True, False),
        (False, True),
    ]


@pytest.mark.parametrize(
    ("monday", "utc_hour"),
    [((2027, 3, 22), 7), ((2027, 3, 29), 6), ((2026, 10, 19), 6), ((2026, 10, 26), 7)],
)
def test_the_slot_stays_8_local_across_daylight_saving_changes(camille, monday, utc_hour):
    weekly_monday_8(camille)
    chosen = NotificationSettings.objects.get(user=camille)
    daily, weekly = slots.last_slots(chosen, at(*monday, 12, 0))
    assert weekly == dt.datetime(*monday, utc_hour, 0, tzinfo=dt.UTC)
    assert slots.next_slot(chosen, at(*monday, 7, 0)) == weekly


def test_a_daylight_saving_week_neither_skips_nor_doubles(camille):
    weekly_monday_8(camille)
    sent = []
    # Hourly runs from Sunday 27 to Tuesday 30 March 2027 (clocks change on the 28th).
    start = dt.datetime(2027, 3, 27, 0, 0, tzinfo=dt.UTC)
    with time_machine.travel(start - dt.timedelta(days=2), tick=False):
        tell(camille, Kind.NEW_SHEET, "Printemps")
    for hour in range(72):
        with time_machine.travel(start + dt.timedelta(hours=hour), tick=False):
            if send_due_digests.call():
                sent.append(start + dt.timedelta(hours=hour))
    assert sent == [at(2027, 3, 29, 8, 0)]


def test_daily_kinds_daily_weekly_kinds_on_the_day(camille):
    weekly_monday_8(camille, mention="daily")
    with time_machine.travel(at(2026, 12, 8, 9, 0), tick=False):  # Tuesday
        tell(camille, Kind.MENTION, "Mention du mardi")
        tell(camille, Kind.NEW_SHEET, "Fiche du mardi")
    with time_machine.travel(at(2026, 12, 9, 8, 0), tick=False):  # Wednesday
        assert send_due_digests.call() == 1
    with time_machine.travel(at(2026, 12, 14, 8, 0), tick=False):  # Monday
        assert send_due_digests.call() == 1
    assert [m.subject for m in mail.outbox] == [
        "[Relais] Votre journée sur Relais : une nouveauté",
        "[Relais] Votre semaine sur Relais : une nouveauté",
    ]
    assert "Mention du mardi" in mail.outbox[0].body
    assert "Fiche du mardi" in mail.outbox[1].body


def test_the_digest_skips_what_was_read_or_already_emailed(
    camille, django_capture_on_commit_callbacks
):
    weekly_monday_8(camille)
    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):
        read = tell(camille, Kind.NEW_SHEET, "Déjà lue")[0]
        with django_capture_on_commit_callbacks(execute=True):
            tell(camille, Kind.DIRECT, "Message privé")  # emailed at once
        tell(camille, Kind.NEW_SHEET, "À lire")
    service.mark_read(camille, ids=[read.pk])
    mail.outbox.clear()
    with time_machine.travel(at(2026, 12, 7, 8, 0), tick=False):
        assert send_due_digests.call() == 1
    body = mail.outbox[0].body
    assert ("À lire" in body, "Déjà lue" in body, "Message privé" in body) == (True, False, False)


# --- unsubscribe ------------------------------------------------------------------------


def _token(person, kinds):
    return service.unsubscribe_url(person, kinds).rstrip("/").rsplit("/", 1)[1]


def test_unsubscribe_page_signed_out_asks_then_unsubscribes(client, camille):
    url = reverse("community:unsubscribe", args=[_token(camille, ["new_sheet"])])
    page = client.get(url)
    assert page.status_code == 200
    assert "Une fiche paraît dans mes thèmes" in page.content.decode()
    assert service.settings_for(camille).channel("new_sheet") == "weekly"  # a GET changes nothing

    done = client.post(url)
    assert done.status_code == 200
    assert "vous ne recevrez plus ces e-mails" in done.content.decode()
    assert service.settings_for(camille).channel("new_sheet") == "app"


def test_one_click_unsubscribe_rfc_8058(client, camille):
    url = reverse("community:unsubscribe", args=[_token(camille, ["mention", "direct"])])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert (response.status_code, response.content) == (200, b"")
    chosen = service.settings_for(camille)
    assert (chosen.channel("mention"), chosen.channel("direct")) == ("app", "app")


@pytest.mark.parametrize("token", ["nope", "e30:1abc:xyz", "x" * 300])
def test_a_forged_unsubscribe_token_is_a_404(client, camille, token):
    assert client.post(reverse("community:unsubscribe", args=[token])).status_code == 404


def test_a_subject_keeps_its_apostrophes(camille, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tell(camille, Kind.MENTION, "Jean O'Brien vous a mentionné·e dans « l'Atelier & co ».")
    assert mail.outbox[0].subject == (
        "[Relais] Jean O'Brien vous a mentionné·e dans « l'Atelier & co »."
    )


def test_nothing_is_emailed_from_a_room_the_person_may_no_longer_read(camille):
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        tell(camille, Kind.MENTION, "Dans un salon fermé", about=("room:999999", "Fermé"))
        tell(camille, Kind.MENTION, "Ailleurs", about=("page:7", "Fiche"))
    assert digests.send_at_once(user_id=camille.pk) == 1
    assert "Dans un salon fermé" not in mail.outbox[0].body
    assert Notification.objects.filter(email_due=True).count() == 0


def test_emails_show_times_in_the_persons_zone(camille):
    camille.time_zone = "America/Toronto"
    camille.save()
    weekly_monday_8(camille)
    with time_machine.travel(at(2026, 12, 1, 15, 0), tick=False):
        tell(camille, Kind.NEW_SHEET, "Une fiche")
    with time_machine.travel(dt.datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("America/Toronto"))):
        assert send_due_digests.call() == 1
    (html, _mimetype) = mail.outbox[0].alternatives[0]
    assert "1 décembre 2026, 09:00" in html
