"""The rooms services and access rules: numbering, idempotency, limits, edits, read
markers, rights. Moderation and mentions are in test_moderation.py and test_mentions.py;
the pages and the WebSocket in their own modules."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from community.services import ServiceError
from rooms import access
from rooms.models import RoomMessage, RoomSanction
from rooms.services import (
    RoomError,
    creation,
    listing,
    moderation,
    payloads,
    posting,
    reading,
)
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
    first = posting.post_message(user=alice, room=theme_room, body="Salut", client_id=cid)
    again = posting.post_message(user=alice, room=theme_room, body="Salut", client_id=cid)

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
    assert payloads.message_dict(reply)["reply_to"] == 1


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

    again = posting.post_message(user=alice, room=theme_room, body="Bonjour !", client_id=cid)

    assert again.created is False


def test_post_stores_bidi_free_text_and_sanitised_html(theme_room, alice):
    message = say(alice, theme_room, body="<b>x</b>\u202e [y](javascript:z)")

    assert message.body_markdown == "<b>x</b> [y](javascript:z)"
    assert message.html == "<p>&lt;b&gt;x&lt;/b&gt; [y](javascript:z)</p>"


def test_message_dict_has_the_protocol_fields(theme_room, alice, organisation):
    MembershipFactory(user=alice, organisation=organisation)
    cid = uuid.uuid4()
    message = say(alice, theme_room, body="*hé*", client_id=cid)

    assert payloads.message_dict(payloads.with_organisations([message])[0]) == {
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
        "mine": False,
        "expired": False,
    }


# --- edit, delete, read markers ----------------------------------------------------------


def test_edit_own_message_renders_again(theme_room, alice):
    say(alice, theme_room, body="avant")

    payload = posting.edit_message(user=alice, room=theme_room, seq=1, body="**après**")

    assert (payload["html"], payload["edited"]) == ("<p><strong>après</strong></p>", True)


def test_edit_or_delete_someone_elses_message_is_forbidden(theme_room, alice, bruno):
    say(alice, theme_room, body="à moi")

    with pytest.raises(RoomError) as edit:
        posting.edit_message(user=bruno, room=theme_room, seq=1, body="non")
    with pytest.raises(RoomError) as delete:
        posting.delete_message(user=bruno, room=theme_room, seq=1)

    assert (edit.value.code, delete.value.code) == ("forbidden", "forbidden")
    assert RoomMessage.objects.get().body_markdown == "à moi"


def test_delete_erases_text_keeps_number(theme_room, alice):
    say(alice, theme_room, body="oups")

    payload = posting.delete_message(user=alice, room=theme_room, seq=1)

    stored = RoomMessage.objects.get()
    assert (stored.body_markdown, stored.html) == ("", "")
    assert (payload["seq"], payload["deleted"], payload["html"]) == (1, True, "")


def test_mark_read_only_moves_forward_and_clamps(theme_room, alice, bruno):
    for _n in range(3):
        say(alice, theme_room)

    reading.mark_read(user=bruno, room=theme_room, seq=2)
    reading.mark_read(user=bruno, room=theme_room, seq=1)
    assert listing.rooms_for(bruno).get().unread == 1

    reading.mark_read(user=bruno, room=theme_room, seq=99)
    assert listing.rooms_for(bruno).get().unread == 0


def test_posting_marks_own_message_read(theme_room, alice):
    say(alice, theme_room)

    assert listing.rooms_for(alice).get().unread == 0


# --- access ------------------------------------------------------------------------------


def test_rights_theme_room_signed_in_only(theme_room, alice):
    assert access.room_rights(AnonymousUser(), theme_room) == access.RoomRights()
    assert access.room_rights(alice, theme_room) == access.RoomRights(read=True, write=True)


def test_rights_federation_room_open_to_member_organisations(federation, federation_admin):
    room = creation.organisation_room(federation)
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
    room = creation.organisation_room(organisation)
    member = MembershipFactory(organisation=organisation).user
    pending = MembershipFactory(organisation=organisation, pending=True).user

    assert access.room_rights(org_admin, room).moderate is True
    assert access.room_rights(member, room) == access.RoomRights(read=True, write=True)
    assert access.can_read_room(pending, room) is False


def test_rights_direct_room_only_the_two(alice, bruno, moderator):
    room = creation.direct_room(bruno, alice)

    assert creation.direct_room(alice, bruno) == room
    assert (room.user_a_id, room.user_b_id) == tuple(sorted([alice.pk, bruno.pk]))
    assert access.room_rights(alice, room) == access.RoomRights(read=True, write=True)
    assert access.can_read_room(moderator, room) is False
    assert room.label_for(alice) == "Bruno Lefèvre"
    assert room.label_for(bruno) == "Alice Martin"


def test_direct_room_with_oneself_is_refused(alice):
    with pytest.raises(ServiceError):
        creation.direct_room(alice, alice)


def test_readable_rooms_matches_can_read_room(
    theme_room, organisation, org_admin, federation, alice, bruno
):
    rooms_ = [
        theme_room,
        creation.organisation_room(organisation),
        creation.organisation_room(federation),
        creation.direct_room(alice, bruno),
        creation.direct_room(alice, org_admin),
    ]
    RoomSanction.objects.create(room=theme_room, user=bruno, kind="ban")

    for person in (alice, bruno, org_admin):
        expected = {r for r in rooms_ if access.can_read_room(person, r)}
        assert set(access.readable_rooms(person)) == expected


def test_muted_reads_but_cannot_write(theme_room, alice, moderator):
    moderation.sanction(moderator=moderator, room=theme_room, target=alice, kind="mute")

    assert access.room_rights(alice, theme_room) == access.RoomRights(
        read=True, write=False, muted=True
    )
    with pytest.raises(RoomError) as refused:
        say(alice, theme_room)
    assert refused.value.code == "forbidden"


def test_expired_mute_no_longer_applies(theme_room, alice, moderator):
    moderation.sanction(
        moderator=moderator,
        room=theme_room,
        target=alice,
        kind="mute",
        until=timezone.now() - timedelta(minutes=1),
    )

    assert access.can_write_room(alice, theme_room) is True


def test_banned_can_neither_read_nor_write(theme_room, alice, moderator):
    moderation.sanction(moderator=moderator, room=theme_room, target=alice, kind="ban")

    assert access.room_rights(alice, theme_room) == access.RoomRights()
    assert list(access.readable_rooms(alice)) == []


def test_archived_room_is_read_only(theme_room, alice):
    theme_room.archived = True
    theme_room.save()

    assert access.room_rights(alice, theme_room) == access.RoomRights(read=True)
