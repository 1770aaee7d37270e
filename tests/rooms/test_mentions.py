"""Mentions and direct messages: who a message is for, their notification and the batched
email (`rooms.services.mentions`, `community.services.digests`)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import default_task_backend

from community.models import Notification
from community.tasks import send_notification_email
from rooms.models import Mention
from rooms.services import (
    RoomError,
    creation,
    presence,
    reading,
)
from tests.factories import UserFactory

from .conftest import say

# --- mentions ----------------------------------------------------------------------------


def test_mention_by_name_notifies_and_emails_once_each(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    UserFactory(display_name="Carla Dupont", email="carla@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        say(alice, theme_room, body="@[bruno lefèvre] et @[Carla Dupont], @[Carla Dupont] ?")

    assert sorted(Notification.objects.values_list("user__display_name", "message")) == [
        ("Bruno Lefèvre", "Alice Martin vous a mentionné·e dans « Numérique et bénévolat »."),
        ("Carla Dupont", "Alice Martin vous a mentionné·e dans « Numérique et bénévolat »."),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["bruno@example.org", "carla@example.org"]
    assert mail.outbox[0].subject == (
        "[Relais] Alice Martin vous a mentionné·e dans « Numérique et bénévolat »."
    )
    assert "/salons/numerique-et-benevolat/#msg-1" in mail.outbox[0].body


def test_the_notification_quotes_the_message_as_it_reads_in_the_room(theme_room, alice, bruno):
    say(alice, theme_room, body="Bonjour @[Bruno Lefèvre], tu as testé **les binômes** ?\n\n- oui")

    assert Notification.objects.get(user=bruno).excerpt == (
        "Bonjour @Bruno Lefèvre, tu as testé les binômes ? oui"
    )


def test_mention_by_handle_among_participants(theme_room, alice, bruno):
    say(bruno, theme_room, body="Bonjour")

    say(alice, theme_room, body="Merci @bruno-lefevre !")

    assert list(Mention.objects.values_list("user", flat=True)) == [bruno.pk]


@pytest.mark.parametrize(
    "typed", ["@Bruno", "@bruno", "@bruno.lefevre", "@Bruno-Lefèvre", "@BrunoLefevre", "@bruno."]
)
def test_mention_as_people_type_it_among_room_members(theme_room, alice, bruno, typed):
    say(bruno, theme_room, body="Bonjour")

    say(alice, theme_room, body=f"Merci {typed} à bientôt")

    assert list(Mention.objects.values_list("user", flat=True)) == [bruno.pk]


def test_mention_by_a_first_name_two_members_share_mentions_nobody(theme_room, alice, bruno):
    other = UserFactory(display_name="Bruno Martin")
    say(bruno, theme_room)
    say(other, theme_room)

    say(alice, theme_room, body="@Bruno ?")
    ambiguous = Mention.objects.count()
    say(alice, theme_room, body="@bruno.martin ?")

    assert ambiguous == 0
    assert list(Mention.objects.values_list("user", flat=True)) == [other.pk]


def test_mention_by_first_name_of_a_member_who_only_reads(theme_room, alice, bruno):
    say(alice, theme_room, body="Bonjour à toutes et tous")
    reading.mark_read(user=bruno, room=theme_room, seq=1)  # Bruno has opened the room

    say(alice, theme_room, body="@Bruno, tu as vu ?")

    assert list(Mention.objects.values_list("user", flat=True)) == [bruno.pk]


def test_mention_ambiguous_handle_mentions_nobody(theme_room, alice):
    for _n in range(2):
        say(UserFactory(display_name="Sam Roy"), theme_room)

    say(alice, theme_room, body="@sam-roy ?")

    assert Mention.objects.count() == 0


def test_mention_of_someone_who_cannot_read_the_room(organisation, org_admin, alice):
    room = creation.organisation_room(organisation)

    say(org_admin, room, body="@[Alice Martin] ?")

    assert Mention.objects.count() == 0
    assert Notification.objects.count() == 0


def test_mention_of_someone_present_notifies_without_email(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    presence.join_presence(room_id=theme_room.pk, connection="c1", user=bruno)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        say(alice, theme_room, body="@[Bruno Lefèvre]")

    assert Notification.objects.filter(user=bruno).count() == 1
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_mentions_of_one_transaction_make_one_email(theme_room, alice, bruno):
    mail.outbox.clear()
    with transaction.atomic():
        say(alice, theme_room, body="@[Bruno Lefèvre] un")
        say(alice, theme_room, body="@[Bruno Lefèvre] deux")

    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
    assert mail.outbox[0].subject == "[Relais] 2 notifications vous attendent"
    assert "« @Bruno Lefèvre un »" in mail.outbox[0].body
    assert "« @Bruno Lefèvre deux »" in mail.outbox[0].body
    assert Notification.objects.filter(email_due=True).count() == 0


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_mentions_over_time_are_grouped_by_one_deferred_task(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    default_task_backend.clear()
    mail.outbox.clear()
    for text in ("@[Bruno Lefèvre] un", "@[Bruno Lefèvre] deux", "@[Bruno Lefèvre] trois"):
        with django_capture_on_commit_callbacks(execute=True):
            say(alice, theme_room, body=text)
    reading.mark_read(user=bruno, room=theme_room, seq=1)  # he saw the first one meanwhile

    queued = default_task_backend.results
    assert [(r.task.name, r.kwargs) for r in queued] == [
        ("send_notification_email", {"user_id": bruno.pk})
    ]
    assert queued[0].task.run_after > timezone.now() + timedelta(seconds=100)

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_notification_email.call(user_id=bruno.pk)

    assert sent == 2
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
    assert "deux" in mail.outbox[0].body and "trois" in mail.outbox[0].body
    assert "#msg-1" not in mail.outbox[0].body
    assert send_notification_email.call(user_id=bruno.pk) == 0  # nothing pending any more


# --- direct messages ---------------------------------------------------------------------------


def test_direct_message_notifies_the_recipient_at_once_and_emails_them(
    alice, bruno, django_capture_on_commit_callbacks
):
    room = creation.direct_room(alice, bruno)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        say(alice, room, body="Tu as un moment **demain** ?")

    assert list(Notification.objects.values_list("user__email", "message", "url")) == [
        (
            "bruno@example.org",
            "Alice Martin vous a écrit un message privé.",
            f"{room.get_absolute_url()}#msg-1",
        )
    ]
    (message,) = mail.outbox
    assert (message.to, message.subject) == (
        ["bruno@example.org"],
        "[Relais] Alice Martin vous a écrit un message privé.",
    )
    body, footer = message.body.split("\n-- \n")
    assert body == (
        "Bonjour Bruno Lefèvre,\n\n"
        "Voici ce qui vient de se passer pour vous sur Relais :\n\n"
        "== Alice Martin ==\n\n"
        "— Alice Martin vous a écrit un message privé.\n"
        "  « Tu as un moment demain ? »\n"
        f"  http://127.0.0.1:8000{room.get_absolute_url()}#msg-1\n\n"
        "Toutes vos notifications : http://127.0.0.1:8000/moi/notifications/\n\n"
        "— Relais\n"
    )
    assert footer.startswith(
        "Choisir ce que vous recevez et quand : "
        "http://127.0.0.1:8000/moi/notifications/preferences/\n"
        "Ne plus recevoir ces e-mails : http://127.0.0.1:8000/notifications/desabonnement/"
    )


def test_direct_message_to_someone_present_notifies_without_email(
    alice, bruno, django_capture_on_commit_callbacks
):
    room = creation.direct_room(alice, bruno)
    presence.join_presence(room_id=room.pk, connection="c1", user=bruno)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        say(alice, room, body="Je te vois en ligne")
        say(alice, room, body="@[Bruno Lefèvre] tu es là ?")

    assert Notification.objects.filter(user=bruno).count() == 2
    assert Notification.objects.filter(user=alice).count() == 0
    assert mail.outbox == []


def test_direct_message_refused_notifies_nobody(alice, bruno):
    room = creation.direct_room(alice, bruno)

    with pytest.raises(RoomError):
        say(alice, room, body="x" * 100_000)

    assert (Notification.objects.count(), Mention.objects.count()) == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_direct_messages_and_a_mention_make_one_email(alice, bruno, theme_room):
    room = creation.direct_room(alice, bruno)
    mail.outbox.clear()
    with transaction.atomic():
        say(alice, room, body="Premier")
        say(alice, room, body="Second")
        say(alice, theme_room, body="@[Bruno Lefèvre] voir ici")

    (message,) = mail.outbox
    assert message.subject == "[Relais] 3 notifications vous attendent"
    body = message.body
    assert "— Alice Martin vous a écrit un message privé.\n  « Second »\n" in body
    assert (
        "— Alice Martin vous a mentionné·e dans « Numérique et bénévolat ».\n"
        "  « @Bruno Lefèvre voir ici »\n"
    ) in body
    assert body.index("voir ici") < body.index("Second") < body.index("Premier")


def test_reading_a_room_reads_its_notifications_up_to_that_message(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        say(alice, theme_room, body="@[Bruno Lefèvre] un")
        say(alice, theme_room, body="rien pour Bruno")
        say(alice, theme_room, body="@[Bruno Lefèvre] trois")

    reading.mark_read(user=bruno, room=theme_room, seq=2)

    unread = Notification.objects.filter(user=bruno, read_at__isnull=True)
    assert [n.url.rsplit("#", 1)[1] for n in unread] == ["msg-3"]


def test_marking_read_asks_nothing_of_notifications_when_there_are_none(theme_room, alice, bruno):
    say(alice, theme_room, body="Bonjour")
    with CaptureQueriesContext(connection) as queries:
        reading.mark_read(user=bruno, room=theme_room, seq=1)
    assert not [q for q in queries.captured_queries if "community_notification" in q["sql"]]
