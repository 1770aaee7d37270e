"""The room WebSocket over the real ASGI application (origin check, session auth, routing).

Runs on the in-memory channel layer, or on Redis when REDIS_URL is set (CI): every test
here must pass both ways. The cache, and with Redis the channel layer's database, is
flushed around each test by the suite's autouse fixture.
"""

from __future__ import annotations

import uuid
from contextlib import AsyncExitStack

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from rooms.services import creation, listing, moderation, posting
from tests.factories import UserFactory

from .websocket import (  # noqa: F401 (_fresh_channel_layer: an autouse fixture)
    TIMEOUT,
    _application,
    _fresh_channel_layer,
    _headers,
    _send,
    closed_with,
    connected,
    count_messages,
    next_of,
    nothing_but_presence,
)

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

# --- who may connect ---------------------------------------------------------------------


async def test_signed_out_is_closed_4401(theme_room):
    async with connected(theme_room.slug, hello=False) as ws:
        assert await closed_with(ws) == 4401


async def test_unknown_room_is_closed_4404(alice):
    async with connected("nulle-part", alice, hello=False) as ws:
        assert await closed_with(ws) == 4404


async def test_outsider_of_organisation_room_is_closed_4403(organisation, org_admin, alice):
    room = await database_sync_to_async(creation.organisation_room)(organisation)

    async with connected(room.slug, alice, hello=False) as ws:
        assert await closed_with(ws) == 4403


async def test_banned_person_is_closed_4403(theme_room, alice, moderator):
    await database_sync_to_async(moderation.sanction)(
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
    await database_sync_to_async(lambda: creation.create_theme_room(title="Autre"))()

    async with connected(theme_room.slug, alice) as ws:
        assert ws.hello == {
            "type": "hello",
            "room": {
                "slug": "numerique-et-benevolat",
                "title": "Numérique et bénévolat",
                "kind": "theme",
                "archived": False,
                "chatham_house": False,
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
    # The same message; this answer, to the author alone, also says it is theirs (the
    # broadcast cannot: in a Chatham House room it names nobody).
    assert first["message"]["mine"] is False
    assert again == {**first, "message": {**first["message"], "mine": True}}
    assert await count_messages() == 1


async def test_sync_after_a_gap_sends_what_was_missed_in_order(theme_room, alice, bruno):
    for n in range(1, 5):
        await database_sync_to_async(posting.post_message)(
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
    await database_sync_to_async(posting.post_message)(
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

        await database_sync_to_async(moderation.hide_message)(
            moderator=moderator, room=theme_room, seq=1
        )
        to_alice = await next_of(a, "updated")
        to_bruno = await next_of(b, "updated")

    assert to_alice == to_bruno
    assert to_bruno["message"]["hidden"] is True
    assert to_bruno["message"]["html"] == ""


async def test_ban_closes_the_banned_persons_connection(theme_room, alice, bruno, moderator):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        await database_sync_to_async(moderation.sanction)(
            moderator=moderator, room=theme_room, target=bruno, kind="ban"
        )
        error = await next_of(b, "error")

        assert error["code"] == "forbidden"
        assert await closed_with(b) == 4403
        assert await nothing_but_presence(a)


async def test_muted_person_gets_forbidden_on_send(theme_room, alice, moderator):
    await database_sync_to_async(moderation.sanction)(
        moderator=moderator, room=theme_room, target=alice, kind="mute"
    )
    async with connected(theme_room.slug, alice) as a:
        assert a.hello["me"]["can_write"] is False
        await a.send_json_to(_send("chut"))
        error = await next_of(a, "error")

    assert error["code"] == "forbidden"
    assert await count_messages() == 0


# --- presence, typing, read ----------------------------------------------------------------


async def test_presence_lists_who_is_here_then_tells_only_who_came_and_went(
    theme_room, alice, bruno
):
    async with connected(theme_room.slug, alice) as a:
        alone = await a.receive_json_from(timeout=TIMEOUT)
        async with connected(theme_room.slug, bruno) as b:
            bruno_sees = await b.receive_json_from(timeout=TIMEOUT)
            came = await a.receive_json_from(timeout=TIMEOUT)
            # A second tab of Bruno's: he was already here, nobody is told.
            async with connected(theme_room.slug, bruno) as b2:
                second_tab = await b2.receive_json_from(timeout=TIMEOUT)
                assert await a.receive_nothing(timeout=0.3)
            assert await a.receive_nothing(timeout=0.3)
        went = await a.receive_json_from(timeout=TIMEOUT)

    alice_ = {"id": alice.pk, "name": "Alice Martin"}
    bruno_ = {"id": bruno.pk, "name": "Bruno Lefèvre"}
    assert alone == {"type": "presence", "v": 1, "online": [alice_]}
    assert bruno_sees == {"type": "presence", "v": 2, "online": [alice_, bruno_]}
    assert came == {"type": "presence", "v": 2, "joined": [bruno_], "left": []}
    assert second_tab == {"type": "presence", "v": 2, "online": [alice_, bruno_]}
    assert went == {"type": "presence", "v": 3, "joined": [], "left": [bruno.pk]}


def apply(state: dict, frame: dict) -> None:
    """A presence frame applied as static/js/rooms/presence.js does: about each person,
    only news newer than what was applied counts."""
    version = frame["v"]
    for pk in frame["left"]:
        if version > state["seen"].get(pk, state["v"]):
            state["seen"][pk] = version
            state["here"].pop(pk, None)
    for person in frame["joined"]:
        if version > state["seen"].get(person["id"], state["v"]):
            state["seen"][person["id"]] = version
            state["here"][person["id"]] = person["name"]


async def test_a_crowd_arriving_costs_each_member_one_frame_a_second_naming_newcomers_only(
    theme_room,
):
    """Never the whole list to everyone on every join (issue 11): a member hears of the
    first newcomer at once, then of the others summed up, at most one frame a second,
    each frame naming newcomers only; applied as the client does, the list is right."""
    people = await database_sync_to_async(
        lambda: [UserFactory(display_name=f"Membre {n}") for n in range(6)]
    )()
    async with AsyncExitStack() as stack:
        sockets = [
            await stack.enter_async_context(connected(theme_room.slug, person)) for person in people
        ]
        snapshot = await sockets[0].receive_json_from(timeout=TIMEOUT)
        state = {"here": {p["id"]: p["name"] for p in snapshot["online"]}, "v": snapshot["v"]}
        state["seen"] = {}
        frames = []
        while len(state["here"]) < len(people):
            frames.append(await sockets[0].receive_json_from(timeout=TIMEOUT))
            apply(state, frames[-1])
        assert await sockets[0].receive_nothing(timeout=1.2)
        last = await sockets[-1].receive_json_from(timeout=TIMEOUT)

    newcomers = {p.pk for p in people[1:]}
    # (the first frame may also name Membre 0, read after the snapshot: news, not the list)
    assert snapshot == {
        "type": "presence",
        "v": 1,
        "online": [{"id": people[0].pk, "name": "Membre 0"}],
    }
    assert 1 <= len(frames) <= 2
    assert all(f["left"] == [] for f in frames)
    assert newcomers <= {p["id"] for f in frames for p in f["joined"]}
    assert sum(len(f["joined"]) for f in frames) <= len(people)
    assert state["here"] == {p.pk: f"Membre {n}" for n, p in enumerate(people)}
    assert last == {
        "type": "presence",
        "v": 6,
        "online": [{"id": p.pk, "name": f"Membre {n}"} for n, p in enumerate(people)],
    }


async def test_typing_reaches_others_and_is_not_stored(theme_room, alice, bruno):
    async with connected(theme_room.slug, alice) as a, connected(theme_room.slug, bruno) as b:
        await a.send_json_to({"type": "typing"})
        frame = await next_of(b, "typing")

        assert await nothing_but_presence(a)
    assert frame == {"type": "typing", "user": {"id": alice.pk, "name": "Alice Martin"}}
    assert await count_messages() == 0


async def test_read_frame_moves_the_read_marker(theme_room, alice, bruno):
    for _n in range(3):
        await database_sync_to_async(posting.post_message)(
            user=alice, room=theme_room, body="x", client_id=uuid.uuid4()
        )
    unread = database_sync_to_async(lambda: listing.rooms_for(bruno).get().unread)

    async with connected(theme_room.slug, bruno) as b:
        await b.send_json_to({"type": "read", "seq": 2})
        await b.send_json_to({"type": "typing"})  # a round trip: the read is processed
        assert await nothing_but_presence(b)

    assert await unread() == 1
