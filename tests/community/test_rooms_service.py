"""The rooms service and access rules: numbering, idempotency, limits, rights, mentions,
moderation. The pages and the WebSocket are tested in their own modules."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from community import access
from community.models import (
    Mention,
    MessageReport,
    ModerationLog,
    Notification,
    Room,
    RoomMessage,
    RoomSanction,
)
from community.services import rooms
from community.services.rooms import RoomError
from tests.factories import AffiliationFactory, MembershipFactory, UserFactory

from .conftest import say


def _limits(settings, **values):
    settings.RELAIS = {**settings.RELAIS, **values}


# --- numbering and idempotency ---------------------------------------------------------------


def test_post_numbers_messages_without_gaps(theme_room, alice, bruno):
    seqs = [say(person, theme_room).seq for person in (alice, bruno, alice)]

    theme_room.refresh_from_db()
    assert seqs == [1, 2, 3]
    assert theme_room.last_seq == 3


def test_post_same_client_id_twice_stores_one_message(theme_room, alice):
    cid = uuid.uuid4()
    first = rooms.post_message(user=alice, room=theme_room, body="Salut", client_id=cid)
    again = rooms.post_message(user=alice, room=theme_room, body="Salut", client_id=cid)

    assert (first.created, again.created) == (True, False)
    assert again.message.pk == first.message.pk
    assert again.payload == first.payload
    assert RoomMessage.objects.filter(room=theme_room).count() == 1


def test_post_same_client_id_by_two_people_stores_two(theme_room, alice, bruno):
    cid = uuid.uuid4()
    say(alice, theme_room, client_id=cid)
    say(bruno, theme_room, client_id=cid)

    assert list(RoomMessage.objects.values_list("seq", flat=True)) == [1, 2]


def test_post_refused_leaves_no_gap(theme_room, alice):
    say(alice, theme_room)
    with pytest.raises(RoomError) as refused:
        say(alice, theme_room, reply_to=7)  # no message 7 yet: rolled back
    say(alice, theme_room)

    assert refused.value.code == "invalid"
    assert list(RoomMessage.objects.values_list("seq", flat=True)) == [1, 2]


def test_post_reply_records_the_number(theme_room, alice, bruno):
    say(alice, theme_room)
    reply = say(bruno, theme_room, body="Oui", reply_to=1)

    assert reply.reply_to_seq == 1
    assert rooms.message_dict(reply)["reply_to"] == 1


@pytest.mark.parametrize(
    ("body", "code"),
    [("", "invalid"), ("   \n ", "invalid"), (None, "invalid"), (42, "invalid")],
)
def test_post_bad_body_is_invalid(theme_room, alice, body, code):
    with pytest.raises(RoomError) as refused:
        say(alice, theme_room, body=body)

    assert refused.value.code == code
    assert RoomMessage.objects.count() == 0


def test_post_bad_client_id_is_invalid(theme_room, alice):
    with pytest.raises(RoomError) as refused:
        say(alice, theme_room, client_id="not-a-uuid")

    assert refused.value.code == "invalid"


def test_post_too_long_is_refused_with_the_limit(theme_room, alice, settings):
    _limits(settings, ROOM_MESSAGE_MAX_CHARS=10)
    say(alice, theme_room, body="x" * 10)

    with pytest.raises(RoomError) as refused:
        say(alice, theme_room, body="x" * 11)

    assert refused.value.code == "too_long"
    assert refused.value.message == (
        "Le message est trop long : 10 caractères au plus (vous en avez 11)."
    )


def test_post_rate_limited_per_person(theme_room, alice, bruno, settings):
    _limits(settings, ROOM_MESSAGES_PER_MINUTE=2)
    say(alice, theme_room)
    say(alice, theme_room)

    with pytest.raises(RoomError) as refused:
        say(alice, theme_room)
    say(bruno, theme_room)  # others are not slowed down

    assert refused.value.code == "rate_limited"
    assert RoomMessage.objects.count() == 3


def test_post_resend_after_rate_limit_still_acknowledged(theme_room, alice, settings):
    _limits(settings, ROOM_MESSAGES_PER_MINUTE=1)
    cid = uuid.uuid4()
    say(alice, theme_room, client_id=cid)

    again = rooms.post_message(user=alice, room=theme_room, body="Bonjour !", client_id=cid)

    assert again.created is False


def test_post_stores_bidi_free_text_and_sanitised_html(theme_room, alice):
    message = say(alice, theme_room, body="<b>x</b>\u202e [y](javascript:z)")

    assert message.body_markdown == "<b>x</b> [y](javascript:z)"
    assert message.html == "<p>&lt;b&gt;x&lt;/b&gt; [y](javascript:z)</p>"


def test_message_dict_has_the_protocol_fields(theme_room, alice, organisation):
    MembershipFactory(user=alice, organisation=organisation)
    cid = uuid.uuid4()
    message = say(alice, theme_room, body="*hé*", client_id=cid)

    assert rooms.message_dict(rooms.with_organisations([message])[0]) == {
        "seq": 1,
        "client_id": str(cid),
        "author": {"id": alice.pk, "name": "Alice Martin", "organisation": "Les Ateliers Récup"},
        "html": "<p><em>hé</em></p>",
        "body": "*hé*",
        "created_at": message.created_at.isoformat(timespec="milliseconds"),
        "reply_to": None,
        "edited": False,
        "deleted": False,
        "hidden": False,
    }


# --- edit, delete, read markers ----------------------------------------------------------


def test_edit_own_message_renders_again(theme_room, alice):
    say(alice, theme_room, body="avant")

    payload = rooms.edit_message(user=alice, room=theme_room, seq=1, body="**après**")

    assert (payload["html"], payload["edited"]) == ("<p><strong>après</strong></p>", True)


def test_edit_or_delete_someone_elses_message_is_forbidden(theme_room, alice, bruno):
    say(alice, theme_room, body="à moi")

    with pytest.raises(RoomError) as edit:
        rooms.edit_message(user=bruno, room=theme_room, seq=1, body="non")
    with pytest.raises(RoomError) as delete:
        rooms.delete_message(user=bruno, room=theme_room, seq=1)

    assert (edit.value.code, delete.value.code) == ("forbidden", "forbidden")
    assert RoomMessage.objects.get().body_markdown == "à moi"


def test_delete_erases_text_keeps_number(theme_room, alice):
    say(alice, theme_room, body="oups")

    payload = rooms.delete_message(user=alice, room=theme_room, seq=1)

    stored = RoomMessage.objects.get()
    assert (stored.body_markdown, stored.html) == ("", "")
    assert (payload["seq"], payload["deleted"], payload["html"]) == (1, True, "")


def test_mark_read_only_moves_forward_and_clamps(theme_room, alice, bruno):
    for _n in range(3):
        say(alice, theme_room)

    rooms.mark_read(user=bruno, room=theme_room, seq=2)
    rooms.mark_read(user=bruno, room=theme_room, seq=1)
    assert rooms.rooms_for(bruno).get().unread == 1

    rooms.mark_read(user=bruno, room=theme_room, seq=99)
    assert rooms.rooms_for(bruno).get().unread == 0


def test_posting_marks_own_message_read(theme_room, alice):
    say(alice, theme_room)

    assert rooms.rooms_for(alice).get().unread == 0


# --- access ------------------------------------------------------------------------------


def test_rights_theme_room_signed_in_only(theme_room, alice):
    from django.contrib.auth.models import AnonymousUser

    assert access.room_rights(AnonymousUser(), theme_room) == access.RoomRights()
    assert access.room_rights(alice, theme_room) == access.RoomRights(read=True, write=True)


def test_rights_federation_room_open_to_member_organisations(federation, federation_admin):
    room = rooms.organisation_room(federation)
    ees_member = MembershipFactory().user
    AffiliationFactory(
        organisation=ees_member.memberships.get().organisation, federation=federation
    )
    pending_member = MembershipFactory().user
    AffiliationFactory(
        organisation=pending_member.memberships.get().organisation,
        federation=federation,
        pending=True,
    )
    outsider = UserFactory()

    assert access.room_rights(federation_admin, room) == access.RoomRights(
        read=True, write=True, moderate=True
    )
    assert access.room_rights(ees_member, room) == access.RoomRights(read=True, write=True)
    assert access.can_read_room(pending_member, room) is False
    assert access.can_read_room(outsider, room) is False
    assert set(access.readable_rooms(ees_member)) == {room}
    assert set(access.readable_rooms(outsider)) == set()


def test_rights_organisation_room_members_only(organisation, org_admin):
    room = rooms.organisation_room(organisation)
    member = MembershipFactory(organisation=organisation).user
    pending = MembershipFactory(organisation=organisation, pending=True).user

    assert access.room_rights(org_admin, room).moderate is True
    assert access.room_rights(member, room) == access.RoomRights(read=True, write=True)
    assert access.can_read_room(pending, room) is False


def test_rights_direct_room_only_the_two(alice, bruno, moderator):
    room = rooms.direct_room(bruno, alice)

    assert rooms.direct_room(alice, bruno) == room
    assert (room.user_a_id, room.user_b_id) == tuple(sorted([alice.pk, bruno.pk]))
    assert access.room_rights(alice, room) == access.RoomRights(read=True, write=True)
    assert access.can_read_room(moderator, room) is False
    assert room.label_for(alice) == "Bruno Lefèvre"
    assert room.label_for(bruno) == "Alice Martin"


def test_direct_room_with_oneself_is_refused(alice):
    with pytest.raises(rooms.ServiceError):
        rooms.direct_room(alice, alice)


def test_readable_rooms_matches_can_read_room(
    theme_room, organisation, org_admin, federation, alice, bruno
):
    rooms_ = [
        theme_room,
        rooms.organisation_room(organisation),
        rooms.organisation_room(federation),
        rooms.direct_room(alice, bruno),
        rooms.direct_room(alice, org_admin),
    ]
    RoomSanction.objects.create(room=theme_room, user=bruno, kind="ban")

    for person in (alice, bruno, org_admin):
        expected = {r for r in rooms_ if access.can_read_room(person, r)}
        assert set(access.readable_rooms(person)) == expected


def test_muted_reads_but_cannot_write(theme_room, alice, moderator):
    rooms.sanction(moderator=moderator, room=theme_room, target=alice, kind="mute")

    assert access.room_rights(alice, theme_room) == access.RoomRights(
        read=True, write=False, muted=True
    )
    with pytest.raises(RoomError) as refused:
        say(alice, theme_room)
    assert refused.value.code == "forbidden"


def test_expired_mute_no_longer_applies(theme_room, alice, moderator):
    rooms.sanction(
        moderator=moderator,
        room=theme_room,
        target=alice,
        kind="mute",
        until=timezone.now() - timedelta(minutes=1),
    )

    assert access.can_write_room(alice, theme_room) is True


def test_banned_can_neither_read_nor_write(theme_room, alice, moderator):
    rooms.sanction(moderator=moderator, room=theme_room, target=alice, kind="ban")

    assert access.room_rights(alice, theme_room) == access.RoomRights()
    assert list(access.readable_rooms(alice)) == []


def test_archived_room_is_read_only(theme_room, alice):
    theme_room.archived = True
    theme_room.save()

    assert access.room_rights(alice, theme_room) == access.RoomRights(read=True)


# --- moderation ------------------------------------------------------------------------------


def test_hide_message_closes_reports_and_is_logged(theme_room, alice, bruno, moderator):
    say(alice, theme_room, body="pub pub pub")
    report = rooms.report_message(user=bruno, room=theme_room, seq=1, reason="spam")

    payload = rooms.hide_message(moderator=moderator, room=theme_room, seq=1, reason="spam")

    report.refresh_from_db()
    assert (payload["hidden"], payload["deleted"], payload["html"]) == (True, True, "")
    assert (report.status, report.outcome, report.handled_by) == ("handled", "hidden", moderator)
    assert list(ModerationLog.objects.values_list("actor", "action", "target", "detail")) == [
        (moderator.pk, "hide", alice.pk, "spam")
    ]


def test_hide_by_plain_member_is_forbidden(theme_room, alice, bruno):
    say(alice, theme_room)

    with pytest.raises(RoomError) as refused:
        rooms.hide_message(moderator=bruno, room=theme_room, seq=1)

    assert refused.value.code == "forbidden"
    assert RoomMessage.objects.get().hidden_at is None


def test_report_twice_or_own_message_refused(theme_room, alice, bruno):
    say(alice, theme_room)
    rooms.report_message(user=bruno, room=theme_room, seq=1)

    with pytest.raises(RoomError):
        rooms.report_message(user=bruno, room=theme_room, seq=1)
    with pytest.raises(RoomError):
        rooms.report_message(user=alice, room=theme_room, seq=1)
    assert MessageReport.objects.count() == 1


def test_report_queue_scope(theme_room, organisation, org_admin, alice, bruno, moderator):
    sheet_like = rooms.organisation_room(organisation)
    member = MembershipFactory(organisation=organisation).user
    say(alice, theme_room)
    say(member, sheet_like)
    in_theme = rooms.report_message(user=bruno, room=theme_room, seq=1)
    in_org = rooms.report_message(user=org_admin, room=sheet_like, seq=1)

    assert list(rooms.reports_for(moderator)) == [in_theme, in_org]
    assert list(rooms.reports_for(org_admin)) == [in_org]
    assert list(rooms.reports_for(bruno)) == []
    assert access.can_see_report_queue(bruno) is False


def test_handle_report_dismiss_is_logged(theme_room, alice, bruno, moderator):
    say(alice, theme_room)
    report = rooms.report_message(user=bruno, room=theme_room, seq=1)

    rooms.handle_report(moderator=moderator, report_id=report.pk, decision="dismiss")

    report.refresh_from_db()
    assert (report.status, report.outcome) == ("handled", "dismissed")
    assert RoomMessage.objects.get().hidden_at is None
    assert list(ModerationLog.objects.values_list("action", flat=True)) == ["dismiss"]
    with pytest.raises(RoomError):
        rooms.handle_report(moderator=moderator, report_id=report.pk, decision="hide")


def test_ban_with_hide_messages_hides_them_all(theme_room, alice, moderator):
    say(alice, theme_room)
    say(alice, theme_room)

    rooms.sanction(
        moderator=moderator, room=theme_room, target=alice, kind="ban", hide_messages=True
    )

    assert RoomMessage.objects.filter(hidden_at__isnull=False).count() == 2
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "ban",
        "hide",
        "hide",
    ]


def test_moderators_cannot_be_sanctioned(organisation, org_admin, moderator):
    room = rooms.organisation_room(organisation)

    with pytest.raises(RoomError):
        rooms.sanction(moderator=org_admin, room=room, target=org_admin, kind="ban")
    assert RoomSanction.objects.count() == 0


def test_lift_sanction_restores_writing(theme_room, alice, moderator):
    rooms.sanction(moderator=moderator, room=theme_room, target=alice, kind="mute")

    rooms.lift_sanction(moderator=moderator, room=theme_room, target=alice, kind="mute")

    assert access.can_write_room(alice, theme_room) is True
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "mute",
        "lift",
    ]


# --- page rooms ---------------------------------------------------------------------------


def test_ensure_page_room_is_idempotent_and_follows_the_title(organisation):
    from wagtail.models import Page

    home_page = Page.objects.get(depth=2)
    first = rooms.ensure_page_room(home_page, organisation=organisation)
    home_page.title = "Accueil"
    second = rooms.ensure_page_room(home_page, organisation=organisation)

    assert second.pk == first.pk
    assert (second.kind, second.title, second.organisation) == ("page", "Accueil", organisation)
    assert Room.objects.count() == 1


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
    assert mail.outbox[0].subject == "[Relais] On vous a mentionné·e dans un salon"
    assert "/salons/numerique-et-benevolat/#msg-1" in mail.outbox[0].body


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
    rooms.mark_read(user=bruno, room=theme_room, seq=1)  # Bruno has opened the room

    say(alice, theme_room, body="@Bruno, tu as vu ?")

    assert list(Mention.objects.values_list("user", flat=True)) == [bruno.pk]


def test_mention_ambiguous_handle_mentions_nobody(theme_room, alice):
    for _n in range(2):
        say(UserFactory(display_name="Sam Roy"), theme_room)

    say(alice, theme_room, body="@sam-roy ?")

    assert Mention.objects.count() == 0


def test_mention_of_someone_who_cannot_read_the_room(organisation, org_admin, alice):
    room = rooms.organisation_room(organisation)

    say(org_admin, room, body="@[Alice Martin] ?")

    assert Mention.objects.count() == 0
    assert Notification.objects.count() == 0


def test_mention_of_someone_present_notifies_without_email(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    rooms.join_presence(room_id=theme_room.pk, connection="c1", user=bruno)
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
    assert mail.outbox[0].subject == "[Relais] On vous a mentionné·e 2 fois dans les salons"
    assert "un" in mail.outbox[0].body and "deux" in mail.outbox[0].body
    assert Mention.objects.filter(emailed_at__isnull=True).count() == 0


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_mentions_over_time_are_grouped_by_one_deferred_task(
    theme_room, alice, bruno, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    from community.tasks import send_mention_digest

    default_task_backend.clear()
    mail.outbox.clear()
    for text in ("@[Bruno Lefèvre] un", "@[Bruno Lefèvre] deux", "@[Bruno Lefèvre] trois"):
        with django_capture_on_commit_callbacks(execute=True):
            say(alice, theme_room, body=text)
    rooms.mark_read(user=bruno, room=theme_room, seq=1)  # he saw the first one meanwhile

    queued = default_task_backend.results
    assert [(r.task.name, r.kwargs) for r in queued] == [
        ("send_mention_digest", {"user_id": bruno.pk})
    ]
    assert queued[0].task.run_after > timezone.now() + timedelta(seconds=500)

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_mention_digest.call(user_id=bruno.pk)

    assert sent == 2
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
    assert "deux" in mail.outbox[0].body and "trois" in mail.outbox[0].body
    assert "#msg-1" not in mail.outbox[0].body
    assert send_mention_digest.call(user_id=bruno.pk) == 0  # nothing pending any more


# --- direct messages ---------------------------------------------------------------------------


def test_direct_message_notifies_the_recipient_at_once_and_emails_them(
    alice, bruno, django_capture_on_commit_callbacks
):
    room = rooms.direct_room(alice, bruno)
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
        "[Relais] Un message vous attend sur Relais",
    )
    assert message.body == (
        "Bonjour Bruno Lefèvre,\n\n"
        "Un message vous est adressé depuis votre dernier passage :\n\n"
        "— Alice Martin, en message privé :\n"
        "Tu as un moment **demain** ?\n"
        f"http://127.0.0.1:8000{room.get_absolute_url()}#msg-1\n\n"
        "Retrouvez toutes vos notifications dans votre espace : http://127.0.0.1:8000/moi/\n\n"
        "— Relais"
    )


def test_direct_message_to_someone_present_notifies_without_email(
    alice, bruno, django_capture_on_commit_callbacks
):
    room = rooms.direct_room(alice, bruno)
    rooms.join_presence(room_id=room.pk, connection="c1", user=bruno)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        say(alice, room, body="Je te vois en ligne")
        say(alice, room, body="@[Bruno Lefèvre] tu es là ?")

    assert Notification.objects.filter(user=bruno).count() == 2
    assert Notification.objects.filter(user=alice).count() == 0
    assert mail.outbox == []


def test_direct_message_refused_notifies_nobody(alice, bruno):
    room = rooms.direct_room(alice, bruno)

    with pytest.raises(RoomError):
        say(alice, room, body="x" * 100_000)

    assert (Notification.objects.count(), Mention.objects.count()) == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_direct_messages_and_a_mention_make_one_email(alice, bruno, theme_room):
    room = rooms.direct_room(alice, bruno)
    mail.outbox.clear()
    with transaction.atomic():
        say(alice, room, body="Premier")
        say(alice, room, body="Second")
        say(alice, theme_room, body="@[Bruno Lefèvre] voir ici")

    (message,) = mail.outbox
    assert message.subject == "[Relais] 3 messages vous attendent sur Relais"
    assert (
        "3 messages vous sont adressés depuis votre dernier passage :\n\n"
        "— Alice Martin, en message privé :\nPremier\n"
    ) in message.body
    assert "— Alice Martin dans « Numérique et bénévolat » :\n@[Bruno Lefèvre] voir ici\n" in (
        message.body
    )
