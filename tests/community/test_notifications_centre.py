"""The notification centre (`community/notifications/`): a person's preferences and their
form, the notifications grouped by object at a query count that does not grow with them,
opening one, marking all read, the next digest's preview, and a decided request read for
every admin."""

from __future__ import annotations

import time_machine
from django.urls import reverse
from django.utils import timezone

from community.models import Membership, Notification, NotificationSettings
from community.services import notifications as service
from community.services import organisations
from tests.community import fixtures_notifications
from tests.community.fixtures_notifications import Kind, at, choose, tell
from tests.factories import UserFactory

# The notifications' fixture (tests/community/fixtures_notifications.py), made visible here.
camille = fixtures_notifications.camille


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
    # One unread: a screen reader hears "1 non lue".
    Notification.objects.filter(user=camille).exclude(message="Fiche").update(
        read_at=timezone.now()
    )
    html = client.get(reverse("community:notifications")).content.decode()
    assert '<span class="badge badge--count">1<span class="visually-hidden"> non lue</span>' in html


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
