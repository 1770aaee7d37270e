"""A message deleted by its author or hidden by a moderator withdraws the notifications
about it (the reply to its author, the mentions, a direct message's): they leave the
notification centre and no email, at once, batched or in a digest, ever holds them
(`notifications.withdraw`, called by `posting.delete_message` and `moderation._hide`)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from community.models import Notification
from community.services import digests
from community.tasks import send_notification_email
from rooms.services import creation, moderation, posting
from tests.factories import UserFactory

from .conftest import say

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _deferring_tasks():
    """A backend that defers, as in production: the batched email waits two minutes."""
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        default_task_backend.clear()
        yield


def delete_by_author(room, author, moderator, seq):
    posting.delete_message(user=author, room=room, seq=seq)


def hide_by_moderator(room, author, moderator, seq):
    moderation.hide_message(moderator=moderator, room=room, seq=seq, reason="Hors sujet")


def hide_on_report(room, author, moderator, seq):
    reporter = UserFactory(display_name="Rita Signale")
    report = moderation.report_message(user=reporter, room=room, seq=seq, reason="Spam")
    moderation.handle_report(moderator=moderator, report_id=report.pk, decision="hide")


def ban_hiding_messages(room, author, moderator, seq):
    moderation.sanction(
        moderator=moderator, room=room, target=author, kind="ban", hide_messages=True
    )


GONE = {
    "deleted by its author": delete_by_author,
    "hidden by a moderator": hide_by_moderator,
    "hidden on a report": hide_on_report,
    "hidden with its author's ban": ban_hiding_messages,
}


def emails_that_would_go(people) -> int:
    """What the batched "at once" emails and the digests (a week ahead) hold now."""
    later = timezone.now() + dt.timedelta(days=8)
    return sum(
        send_notification_email.call(user_id=p.pk) + digests.send_due(user_id=p.pk, now=later)
        for p in people
    )


@pytest.mark.parametrize("how", GONE)
def test_a_reply_and_a_mention_are_withdrawn_and_never_emailed(
    how, theme_room, alice, bruno, moderator, django_capture_on_commit_callbacks
):
    carla = UserFactory(display_name="Carla Dupont", email="carla@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        say(bruno, theme_room, body="Qui utilise Nextcloud ?")
        say(alice, theme_room, body="Nous ! @[Carla Dupont] aussi.", reply_to=1)
    told = sorted(Notification.objects.values_list("user__display_name", "kind", "email_due"))
    queued = {
        (r.task.name, r.kwargs["user_id"])
        for r in default_task_backend.results
        if r.task.name in {"send_notification_email", "send_digest"}
    }
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        GONE[how](theme_room, alice, moderator, 2)

    # Before: Bruno was told of the reply (weekly digest), Carla of the mention (an email
    # due within two minutes).
    assert told == [("Bruno Lefèvre", "reply", True), ("Carla Dupont", "mention", True)]
    assert queued == {("send_notification_email", carla.pk), ("send_digest", bruno.pk)}
    # After: nothing left to show nor to send.
    assert Notification.objects.filter(url__endswith="#msg-2").count() == 0
    assert Notification.objects.count() == 0
    assert emails_that_would_go([bruno, carla]) == 0
    assert mail.outbox == []


def test_a_deleted_direct_message_is_withdrawn_and_never_emailed(
    alice, bruno, django_capture_on_commit_callbacks
):
    room = creation.direct_room(alice, bruno)
    with django_capture_on_commit_callbacks(execute=True):
        say(alice, room, body="Mon numéro : 0470 00 00 00")
    told = list(Notification.objects.values_list("user", "kind"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        posting.delete_message(user=alice, room=room, seq=1)

    assert told == [(bruno.pk, "direct")]
    assert Notification.objects.count() == 0
    assert emails_that_would_go([bruno]) == 0
    assert mail.outbox == []


def test_withdrawing_leaves_the_notifications_of_other_messages(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        say(alice, theme_room, body="@[Bruno Lefèvre] un")
        say(alice, theme_room, body="@[Bruno Lefèvre] deux")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        posting.delete_message(user=alice, room=theme_room, seq=1)

    assert list(Notification.objects.values_list("url", flat=True)) == [
        f"{theme_room.get_absolute_url()}#msg-2"
    ]
    assert send_notification_email.call(user_id=bruno.pk) == 1
    assert "deux" in mail.outbox[0].body and "« @Bruno Lefèvre un »" not in mail.outbox[0].body


def test_a_reply_left_alone_does_reach_the_digest(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    """The control of the tests above: what they count is what would be sent."""
    with django_capture_on_commit_callbacks(execute=True):
        say(bruno, theme_room, body="Qui utilise Nextcloud ?")
        say(alice, theme_room, body="Nous !", reply_to=1)
    mail.outbox.clear()

    assert emails_that_would_go([bruno]) == 1
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
