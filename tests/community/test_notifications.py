"""The notification centre, preferences, emails at once and digests
(`community.services.notifications`, `digests`, `slots`, `community/notifications/`)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_tasks import default_task_backend

from community.models import Membership, Notification, NotificationSettings
from community.services import digests, organisations, slots
from community.services import notifications as service
from community.services.emailing import read_unsubscribe_token
from community.tasks import send_due_digests
from tests.factories import UserFactory

Kind = Notification.Kind
BRUSSELS = ZoneInfo("Europe/Brussels")


def at(*args) -> dt.datetime:
    """A Brussels wall-clock time."""
    return dt.datetime(*args, tzinfo=BRUSSELS)


@pytest.fixture
def camille(db):
    return UserFactory(display_name="Camille Dubois", email="camille@example.org")


def tell(person, kind, text, *, about=("page:7", "Atelier"), url="/pratiques/atelier/", **kw):
    return service.notify([person], kind=kind, message=text, url=url, about=about, **kw)


def choose(person, **channels):
    current = service.settings_for(person)
    service.save_preferences(
        user=person,
        channels={**current.all_channels(), **channels},
        digest_weekday=current.digest_weekday,
        digest_hour=current.digest_hour,
    )


# --- preferences ------------------------------------------------------------------------


def test_defaults_mentions_and_direct_messages_at_once_news_weekly(camille):
    assert service.settings_for(camille).all_channels() == {
        "mention": "instant",
        "direct": "instant",
        "reply": "weekly",
        "sheet": "instant",
        "new_sheet": "weekly",
        "event": "instant",
        "request": "instant",
        "programme": "weekly",
        "diagnostic": "instant",
        "intervision": "instant",
    }


def test_saving_preferences_stores_what_differs_and_silences_what_waited(camille):
    tell(camille, Kind.NEW_SHEET, "Nouvelle fiche")
    assert Notification.objects.get().email_due is True

    choose(camille, new_sheet="app", mention="daily")

    stored = NotificationSettings.objects.get(user=camille)
    assert stored.channels == {"new_sheet": "app", "mention": "daily"}
    assert Notification.objects.get().email_due is False


def test_preferences_form_saves_channels_and_slot(client, camille):
    client.force_login(camille)
    data = {f"kind_{k}": "weekly" for k in Kind.values} | {
        "kind_direct": "instant",
        "digest_weekday": "2",
        "digest_hour": "18",
    }
    response = client.post(reverse("community:notification_settings"), data)
    assert response.status_code == 302
    stored = NotificationSettings.objects.get(user=camille)
    assert (stored.digest_weekday, stored.digest_hour) == (2, 18)
    assert stored.channel("mention") == "weekly"
    assert stored.channel("direct") == "instant"


def test_preferences_form_refuses_an_unknown_channel_in_french(client, camille):
    client.force_login(camille)
    data = {f"kind_{k}": "weekly" for k in Kind.values} | {
        "kind_mention": "pigeon",
        "digest_weekday": "9",
        "digest_hour": "25",
    }
    response = client.post(reverse("community:notification_settings"), data)
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "digest_weekday": ["Sélectionnez un choix valide. 9 n’en fait pas partie."],
        "digest_hour": ["Sélectionnez un choix valide. 25 n’en fait pas partie."],
        "kind_mention": ["Sélectionnez un choix valide. pigeon n’en fait pas partie."],
    }
    assert not NotificationSettings.objects.exists()


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


# --- the centre -------------------------------------------------------------------------


def test_centre_groups_by_object_newest_group_first(client, camille):
    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):
        tell(camille, Kind.MENTION, "Ancienne mention", about=("room:3", "Salon Vélo"))
    with time_machine.travel(at(2026, 12, 2, 9, 0), tick=False):
        tell(camille, Kind.NEW_SHEET, "Fiche", about=("page:9", "Fiche Nextcloud"))
    with time_machine.travel(at(2026, 12, 3, 9, 0), tick=False):
        tell(camille, Kind.MENTION, "Nouvelle mention", about=("room:3", "Salon Vélo"))
    tell(UserFactory(), Kind.MENTION, "Pas pour Camille")
    client.force_login(camille)

    response = client.get(reverse("community:notifications"))

    groups = response.context["groups"]
    assert [(g.label, [n.message for n in g.items]) for g in groups] == [
        ("Salon Vélo", ["Nouvelle mention", "Ancienne mention"]),
        ("Fiche Nextcloud", ["Fiche"]),
    ]
    html = response.content.decode()
    assert "Pas pour Camille" not in html
    assert '<span class="badge badge--count">3<span class="visually-hidden"> non lues' in html


# Session, person (with the unread count), the page's count and rows, and the menu's and
# footer's settings.
CENTRE_QUERIES = 7


def test_centre_query_count_independent_of_history(
    client, camille, site_settings, django_assert_num_queries
):
    client.force_login(camille)
    for n in range(3):
        tell(camille, Kind.MENTION, f"m{n}", about=(f"room:{n}", f"Salon {n}"))
    client.get(reverse("community:notifications"))  # the site's settings, cached once
    with django_assert_num_queries(CENTRE_QUERIES):
        client.get(reverse("community:notifications"))
    for n in range(40):
        tell(camille, Kind.NEW_SHEET, f"f{n}", about=(f"page:{n}", f"Fiche {n}"))
    with django_assert_num_queries(CENTRE_QUERIES):
        client.get(reverse("community:notifications"))


def test_open_marks_read_and_goes_to_the_object(client, camille):
    notification = tell(camille, Kind.MENTION, "Mention", url="/salons/velo/#msg-3")[0]
    client.force_login(camille)
    response = client.get(reverse("community:notification_open", args=[notification.pk]))
    assert response["Location"] == "/salons/velo/#msg-3"
    assert Notification.objects.get().read_at is not None


def test_someone_elses_notification_is_a_404(client, camille):
    notification = tell(UserFactory(), Kind.MENTION, "Pas à vous")[0]
    client.force_login(camille)
    response = client.get(reverse("community:notification_open", args=[notification.pk]))
    assert response.status_code == 404
    assert Notification.objects.get().read_at is None


def test_mark_all_read(client, camille):
    tell(camille, Kind.MENTION, "un")
    tell(camille, Kind.NEW_SHEET, "deux")
    other = tell(UserFactory(), Kind.MENTION, "trois")[0]
    client.force_login(camille)
    response = client.post(reverse("community:notifications_read"))
    assert response.status_code == 302
    assert Notification.objects.filter(read_at__isnull=True).get() == other
    page = client.get(reverse("community:notifications"))
    assert "badge--count" not in page.content.decode()


def test_preview_shows_what_the_next_digest_holds(client, camille):
    tell(camille, Kind.NEW_SHEET, "Nouvelle fiche à venir")
    tell(camille, Kind.MENTION, "Mention déjà envoyée", seen_by={camille.pk})
    client.force_login(camille)
    response = client.get(reverse("community:notification_preview"))
    html = response.content.decode()
    assert "Nouvelle fiche à venir" in html and "Mention déjà envoyée" not in html


def test_centre_pages_ask_to_sign_in(client):
    for name in ("notifications", "notification_settings", "notification_preview"):
        response = client.get(reverse(f"community:{name}"))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_decided_request_is_read_for_every_admin(
    organisation, org_admin, django_capture_on_commit_callbacks
):
    other_admin = UserFactory(display_name="Second Admin")
    Membership.objects.create(
        user=other_admin, organisation=organisation, role="admin", status="active"
    )
    applicant = UserFactory(display_name="Nina Postulante")
    with django_capture_on_commit_callbacks(execute=True):
        membership = organisations.request_membership(user=applicant, organisation=organisation)
    assert sorted(
        Notification.objects.filter(read_at__isnull=True).values_list(
            "user__display_name", flat=True
        )
    ) == sorted([str(org_admin), "Second Admin"])

    organisations.approve_membership(
        actor=org_admin, organisation=organisation, membership_id=membership.pk
    )
    assert Notification.objects.filter(read_at__isnull=True).count() == 0


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
