"""The room WebSocket over the real ASGI application (origin check, session auth, routing).

Runs on the in-memory channel layer, or on Redis when REDIS_URL is set (CI): every test
here must pass both ways. The cache, and with Redis the channel layer's database, is
flushed around each test by the suite's autouse fixture.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from contextlib import asynccontextmanager

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from community.models import RoomMessage
from community.services import rooms

from .conftest import say

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

TIMEOUT = 3


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Each test runs in its own event loop: a layer built in an earlier loop would keep
    that loop's locks and connections (channels_redis), so each test builds its own."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def _application():
    from website.asgi import application

    return application


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _headers(user=None, origin="http://testserver"):
    headers = [(b"host", b"testserver"), (b"origin", origin.encode())]
    if user is not None:
        cookie = f"{settings.SESSION_COOKIE_NAME}={_session_cookie(user)}"
        headers.append((b"cookie", cookie.encode()))
    return headers


@asynccontextmanager
async def connected(room_slug, user=None, *, hello=True, **kwargs):
    headers = await database_sync_to_async(_headers)(user, **kwargs)
    communicator = WebsocketCommunicator(
        _application(), f"/ws/salons/{room_slug}/", headers=headers
    )
    try:
        accepted, _subprotocol = await communicator.connect(timeout=TIMEOUT)
        assert accepted
        if hello:
            first = await communicator.receive_json_from(timeout=TIMEOUT)
            assert first["type"] == "hello"
            communicator.hello = first
        yield communicator
    finally:
        await communicator.disconnect()


async def next_of(communicator, kind):
    """The next frame of this type, skipping presence frames (which arrive as people come
    and go)."""
    while True:
        frame = await communicator.receive_json_from(timeout=TIMEOUT)
        if frame["type"] == kind:
            return frame
        assert frame["type"] == "presence", frame


async def closed_with(communicator, timeout=TIMEOUT):
    while True:
        output = await communicator.receive_output(timeout=timeout)
        if output["type"] == "websocket.close":
            return output.get("code")


async def nothing_but_presence(communicator):
    while not await communicator.receive_nothing(timeout=0.3):
        frame = await communicator.receive_json_from()
        assert frame["type"] == "presence", frame
    return True


def _send(body="Bonjour", client_id=None, reply_to=None):
    return {
        "type": "send",
        "body": body,
        "client_id": str(client_id or uuid.uuid4()),
        "reply_to": reply_to,
    }


count_messages = database_sync_to_async(lambda: RoomMessage.objects.count())


# --- who may connect ---------------------------------------------------------------------


async def test_signed_out_is_closed_4401(theme_room):
    async with connected(theme_room.slug, hello=False) as ws:
        assert await closed_with(ws) == 4401


async def test_unknown_room_is_closed_4404(alice):
    async with connected("nulle-part", alice, hello=False) as ws:
        assert await closed_with(ws) == 4404


async def test_outsider_of_organisation_room_is_closed_4403(organisation, org_admin, alice):
    room = await database_sync_to_async(rooms.organisation_room)(organisation)

    async with connected(room.slug, alice, hello=False) as ws:
        assert await closed_with(ws) == 4403


async def test_banned_person_is_closed_4403(theme_room, alice, moderator):
    await database_sync_to_async(rooms.sanction)(
        moderator=moderator, room=theme_room, target=alice, kind="ban"
    )

    async with connected(theme_room.slug, alice, hello=False) as ws:
        assert await closed_with(ws) == 4403


async def test_foreign_origin_is_rejected(theme_room, alice):
    headers = await database_sync_to_async(_headers)(alice, origin="https://evil.example")
    communicator = WebsocketCommunicator(
        _application(), f"/ws/salons/{theme_room.slug}/", headers=headers
    )
    accepted, _code = await communicator.connect(timeout=TIMEOUT)
    await communicator.disconnect()

    assert accepted is False


async def test_hello_describes_room_and_person(theme_room, alice):
    await database_sync_to_async(lambda: rooms.create_theme_room(title="Autre"))()

    async with connected(theme_room.slug, alice) as ws:
        assert ws.hello == {
            "type": "hello",
            "room": {
                "slug": "numerique-et-benevolat",
                "title": "Numérique et bénévolat",
                "kind": "theme",
                "archived": False,
            },
            "last_seq": 0,
            "me": {
                "id": alice.pk,
                "name": "Alice Martin",
                "can_write": True,
                "can_moderate": False,
            },
        }


# --- messages ------------------------------------------------------------------------------


async def test_send_reaches_both_and_is_stored(theme_room, alice, bruno):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        cid = uuid.uuid4()
        await a.send_json_to(_send("Salut **Bruno**", cid))

        to_alice = await next_of(a, "message")
        to_bruno = await next_of(b, "message")

    assert to_alice == to_bruno
    assert to_bruno["message"]["seq"] == 1
    assert to_bruno["message"]["client_id"] == str(cid)
    assert to_bruno["message"]["author"] == {
        "id": alice.pk,
        "name": "Alice Martin",
        "organisation": "",
    }
    assert to_bruno["message"]["html"] == "<p>Salut <strong>Bruno</strong></p>"
    assert await count_messages() == 1


async def test_resend_same_client_id_acks_sender_only(theme_room, alice, bruno):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        cid = uuid.uuid4()
        await a.send_json_to(_send("Une fois", cid))
        first = await next_of(a, "message")
        await next_of(b, "message")

        await a.send_json_to(_send("Une fois", cid))
        again = await next_of(a, "message")

        assert await nothing_but_presence(b)
    assert again == first
    assert await count_messages() == 1


async def test_sync_after_a_gap_sends_what_was_missed_in_order(theme_room, alice, bruno):
    for n in range(1, 5):
        await database_sync_to_async(rooms.post_message)(
            user=alice, room=theme_room, body=f"n° {n}", client_id=uuid.uuid4()
        )

    async with connected(theme_room.slug, bruno) as b:
        assert b.hello["last_seq"] == 4
        await b.send_json_to({"type": "sync", "after": 1})
        got = [await next_of(b, "message") for _n in range(3)]

        assert await nothing_but_presence(b)
    assert [f["message"]["seq"] for f in got] == [2, 3, 4]
    assert [f["message"]["html"] for f in got] == ["<p>n° 2</p>", "<p>n° 3</p>", "<p>n° 4</p>"]


async def test_rate_limit_error_frame(theme_room, alice, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_MESSAGES_PER_MINUTE": 1}
    async with connected(theme_room.slug, alice) as a:
        await a.send_json_to(_send("un"))
        await next_of(a, "message")
        cid = uuid.uuid4()
        await a.send_json_to(_send("deux", cid))
        error = await next_of(a, "error")

    assert error == {
        "type": "error",
        "code": "rate_limited",
        "detail": "Vous écrivez très vite : attendez une minute avant d'envoyer d'autres messages.",
        "client_id": str(cid),
    }
    assert await count_messages() == 1


async def test_too_long_error_frame(theme_room, alice, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_MESSAGE_MAX_CHARS": 20}
    async with connected(theme_room.slug, alice) as a:
        cid = uuid.uuid4()
        await a.send_json_to(_send("x" * 21, cid))
        error = await next_of(a, "error")

    assert (error["code"], error["client_id"]) == ("too_long", str(cid))
    assert error["detail"] == "Le message est trop long : 20 caractères au plus (vous en avez 21)."
    assert await count_messages() == 0


async def test_oversized_frame_closes_1009(theme_room, alice, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_FRAME_MAX_BYTES": 1000}
    async with connected(theme_room.slug, alice) as a:
        await a.send_json_to(_send("é" * 600))  # 1 200 bytes in UTF-8

        assert await closed_with(a) == 1009
    assert await count_messages() == 0


@pytest.mark.parametrize(
    "raw",
    [
        "pas du json",
        "[1, 2]",
        '"send"',
        '{"type": "danse"}',
        '{"type": "sync", "after": "x"}',
        '{"type": []}',
        '{"type": {"a": 1}}',
        '{"type": "read", "seq": Infinity}',
        '{"type": "read", "seq": NaN}',
        '{"type": "delete", "seq": 1e400}',
        '{"type": "sync", "after": Infinity}',
    ],
)
async def test_bad_frames_get_invalid_error(theme_room, alice, raw):
    async with connected(theme_room.slug, alice) as a:
        await a.send_to(text_data=raw)
        error = await next_of(a, "error")

        # The connection stays usable.
        await a.send_json_to(_send("toujours là"))
        assert (await next_of(a, "message"))["message"]["seq"] == 1
    assert error["code"] == "invalid"
    assert error["client_id"] is None


async def test_edit_and_delete_update_everyone(theme_room, alice, bruno):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        await a.send_json_to(_send("avant"))
        await next_of(a, "message")
        await next_of(b, "message")

        await a.send_json_to({"type": "edit", "seq": 1, "body": "*après*"})
        edited = await next_of(b, "updated")
        await next_of(a, "updated")
        await a.send_json_to({"type": "delete", "seq": 1})
        deleted = await next_of(b, "updated")

    assert (edited["message"]["html"], edited["message"]["edited"]) == (
        "<p><em>après</em></p>",
        True,
    )
    assert (deleted["message"]["seq"], deleted["message"]["deleted"]) == (1, True)
    assert deleted["message"]["html"] == ""


async def test_edit_of_someone_elses_message_is_forbidden(theme_room, alice, bruno):
    await database_sync_to_async(rooms.post_message)(
        user=alice, room=theme_room, body="à Alice", client_id=uuid.uuid4()
    )
    async with connected(theme_room.slug, bruno) as b:
        await b.send_json_to({"type": "edit", "seq": 1, "body": "volé"})
        error = await next_of(b, "error")

    assert error["code"] == "forbidden"


async def test_moderator_hide_updates_everyone(theme_room, alice, bruno, moderator):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        await a.send_json_to(_send("pub !"))
        await next_of(a, "message")
        await next_of(b, "message")

        await database_sync_to_async(rooms.hide_message)(
            moderator=moderator, room=theme_room, seq=1
        )
        to_alice = await next_of(a, "updated")
        to_bruno = await next_of(b, "updated")

    assert to_alice == to_bruno
    assert to_bruno["message"]["hidden"] is True
    assert to_bruno["message"]["html"] == ""


async def test_ban_closes_the_banned_persons_connection(theme_room, alice, bruno, moderator):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        await database_sync_to_async(rooms.sanction)(
            moderator=moderator, room=theme_room, target=bruno, kind="ban"
        )
        error = await next_of(b, "error")

        assert error["code"] == "forbidden"
        assert await closed_with(b) == 4403
        assert await nothing_but_presence(a)


async def test_muted_person_gets_forbidden_on_send(theme_room, alice, moderator):
    await database_sync_to_async(rooms.sanction)(
        moderator=moderator, room=theme_room, target=alice, kind="mute"
    )
    async with connected(theme_room.slug, alice) as a:
        assert a.hello["me"]["can_write"] is False
        await a.send_json_to(_send("chut"))
        error = await next_of(a, "error")

    assert error["code"] == "forbidden"
    assert await count_messages() == 0


# --- presence, typing, read ----------------------------------------------------------------


async def test_presence_lists_who_is_here(theme_room, alice, bruno):
    async with connected(theme_room.slug, alice) as a:
        alone = await a.receive_json_from(timeout=TIMEOUT)
        async with connected(theme_room.slug, bruno):
            both = await a.receive_json_from(timeout=TIMEOUT)
        after = await a.receive_json_from(timeout=TIMEOUT)

    alice_ = {"id": alice.pk, "name": "Alice Martin"}
    bruno_ = {"id": bruno.pk, "name": "Bruno Lefèvre"}
    assert alone == {"type": "presence", "online": [alice_]}
    assert both == {"type": "presence", "online": [alice_, bruno_]}
    assert after == {"type": "presence", "online": [alice_]}


async def test_typing_reaches_others_and_is_not_stored(theme_room, alice, bruno):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        await a.send_json_to({"type": "typing"})
        frame = await next_of(b, "typing")

        assert await nothing_but_presence(a)
    assert frame == {"type": "typing", "user": {"id": alice.pk, "name": "Alice Martin"}}
    assert await count_messages() == 0


async def test_read_frame_moves_the_read_marker(theme_room, alice, bruno):
    for _n in range(3):
        await database_sync_to_async(rooms.post_message)(
            user=alice, room=theme_room, body="x", client_id=uuid.uuid4()
        )
    unread = database_sync_to_async(lambda: rooms.rooms_for(bruno).get().unread)

    async with connected(theme_room.slug, bruno) as b:
        await b.send_json_to({"type": "read", "seq": 2})
        await b.send_json_to({"type": "typing"})  # a round trip: the read is processed
        assert await nothing_but_presence(b)

    assert await unread() == 1


# --- channel layer -------------------------------------------------------------------------


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set")
async def test_redis_channel_layer_in_use_when_configured():
    from channels_redis.core import RedisChannelLayer

    assert isinstance(get_channel_layer(), RedisChannelLayer)


async def test_a_member_who_leaves_is_disconnected_from_the_private_room(
    organisation, org_admin, alice, settings
):
    """Access is checked again while connected: someone who is no longer a member of the
    organisation stops receiving its room's messages (closed as forbidden)."""
    from community.models import Membership
    from tests.factories import MembershipFactory

    settings.RELAIS = {**settings.RELAIS, "ROOM_PRESENCE_TTL": 3}  # checked every second
    room = await database_sync_to_async(rooms.organisation_room)(organisation)
    await database_sync_to_async(MembershipFactory)(user=alice, organisation=organisation)

    async with connected(room.slug, alice) as a:
        await database_sync_to_async(
            Membership.objects.filter(user=alice, organisation=organisation).delete
        )()
        assert await closed_with(a, timeout=4) == 4403


def _federation_room_with_a_member(federation, organisation, alice):
    """The federation's room, which Alice enters as a member of an affiliated EES."""
    from tests.factories import AffiliationFactory, MembershipFactory

    AffiliationFactory(organisation=organisation, federation=federation)
    MembershipFactory(user=alice, organisation=organisation)
    return rooms.organisation_room(federation)


def _leave(alice, organisation, federation, federation_admin, org_admin):
    from community.services import organisations

    organisations.leave_organisation(user=alice, organisation=organisation)


def _removed_in_the_admin(alice, organisation, federation, federation_admin, org_admin):
    from community.models import Membership

    Membership.objects.get(user=alice, organisation=organisation).delete()


def _affiliation_ended(alice, organisation, federation, federation_admin, org_admin):
    from community.services import organisations

    organisations.end_affiliation(
        actor=federation_admin, organisation=organisation, federation=federation
    )


def _deactivated(alice, organisation, federation, federation_admin, org_admin):
    alice.is_active = False
    alice.save(update_fields=["is_active"])


def _banned_in_the_admin(alice, organisation, federation, federation_admin, org_admin):
    from community.models import Room, RoomSanction

    room = Room.objects.get(kind=Room.Kind.ORGANISATION, organisation=federation)
    RoomSanction.objects.create(room=room, user=alice, kind=RoomSanction.Kind.BAN)


@pytest.mark.parametrize(
    "lose_access",
    [_leave, _removed_in_the_admin, _affiliation_ended, _deactivated, _banned_in_the_admin],
)
async def test_losing_access_closes_the_private_room_socket_at_once(
    federation, federation_admin, organisation, org_admin, alice, lose_access
):
    """No waiting for the periodic re-check (every 30 s by default): the change itself
    tells the person's sockets, which close within the test's timeout of 3 s."""
    room = await database_sync_to_async(_federation_room_with_a_member)(
        federation, organisation, alice
    )

    async with connected(room.slug, alice) as a, connected(room.slug, federation_admin) as fed:
        await database_sync_to_async(lose_access)(
            alice, organisation, federation, federation_admin, org_admin
        )
        assert await closed_with(a) == 4403
        assert await nothing_but_presence(fed)  # the others stay connected


async def test_periodic_recheck_survives_a_database_error(
    organisation, org_admin, alice, settings, monkeypatch
):
    """One failed check (the database unreachable for a moment) must not end the checks:
    a membership changed behind the models' back (no signal) still closes the socket."""
    from django.db import OperationalError

    from community import consumers
    from community.models import Membership
    from tests.factories import MembershipFactory

    settings.RELAIS = {**settings.RELAIS, "ROOM_PRESENCE_TTL": 3}  # checked every second
    room = await database_sync_to_async(rooms.organisation_room)(organisation)
    await database_sync_to_async(MembershipFactory)(user=alice, organisation=organisation)
    real_check, calls = consumers._still_allowed, []

    def flaky_check(room_id, user_id):
        calls.append(user_id)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_check(room_id, user_id)

    monkeypatch.setattr(consumers, "_still_allowed", flaky_check)

    async with connected(room.slug, alice) as a:
        assert await nothing_but_presence(a)
        await asyncio.sleep(1.2)  # the first check has failed by now
        await database_sync_to_async(
            Membership.objects.filter(user=alice, organisation=organisation).update
        )(status=Membership.Status.PENDING)  # an UPDATE: no signal, no immediate re-check
        assert await closed_with(a, timeout=4) == 4403
    assert len(calls) >= 2


# --- tail: a client learns of messages whose broadcast never reached it ---------------------


def _store_without_broadcast(room, author, body):
    """A message stored as `post_message` stores it, whose live event is lost (as when a
    socket's channel-layer queue is full): only the numbers can reveal it."""
    from django.db import transaction
    from django.db.models import F

    from community.models import Room

    with transaction.atomic():
        Room.objects.filter(pk=room.pk).update(last_seq=F("last_seq") + 1)
        seq = Room.objects.filter(pk=room.pk).values_list("last_seq", flat=True).get()
        RoomMessage.objects.create(
            room=room,
            seq=seq,
            author=author,
            client_id=uuid.uuid4(),
            body_markdown=body,
            html=f"<p>{body}</p>",
        )
    return seq


async def test_tail_frame_reveals_a_message_never_received(theme_room, alice, bruno, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_TAIL_SECONDS": 1}

    async with connected(theme_room.slug, alice) as a:
        await database_sync_to_async(_store_without_broadcast)(theme_room, bruno, "Perdu ?")
        assert await next_of(a, "tail") == {"type": "tail", "last_seq": 1}
        await a.send_json_to({"type": "sync", "after": 0})
        synced = await next_of(a, "message")
        assert (synced["message"]["seq"], synced["message"]["html"]) == (1, "<p>Perdu ?</p>")
        await asyncio.sleep(1.2)  # a periodic check has run since: nothing more to tell
        assert await nothing_but_presence(a)


async def test_tail_frame_follows_a_burst_whose_end_was_lost(theme_room, alice, bruno, settings):
    """The periodic check is far off (60 s): the tail comes from the burst going quiet."""
    settings.RELAIS = {**settings.RELAIS, "ROOM_TAIL_SECONDS": 60, "ROOM_TAIL_QUIET_SECONDS": 0.5}

    async with connected(theme_room.slug, alice) as a:
        await database_sync_to_async(say)(bruno, theme_room, "Premier")
        assert (await next_of(a, "message"))["message"]["seq"] == 1
        await database_sync_to_async(_store_without_broadcast)(theme_room, bruno, "Dernier")
        assert await next_of(a, "tail") == {"type": "tail", "last_seq": 2}


async def test_no_tail_frame_when_every_message_arrived(theme_room, alice, bruno, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_TAIL_SECONDS": 0.5, "ROOM_TAIL_QUIET_SECONDS": 0.2}

    async with connected(theme_room.slug, alice) as a:
        await database_sync_to_async(say)(bruno, theme_room, "Premier")
        assert (await next_of(a, "message"))["message"]["seq"] == 1
        await asyncio.sleep(1.2)
        assert await nothing_but_presence(a)


async def test_losing_access_says_why_before_closing(
    federation, federation_admin, organisation, org_admin, alice
):
    from community.access import Refusal

    room = await database_sync_to_async(_federation_room_with_a_member)(
        federation, organisation, alice
    )

    async with connected(room.slug, alice) as a:
        await database_sync_to_async(_leave)(
            alice, organisation, federation, federation_admin, org_admin
        )
        error = await next_of(a, "error")

        assert (error["code"], error["detail"]) == ("forbidden", str(Refusal.ROOM_ORGANISATION))
        assert await closed_with(a) == 4403
