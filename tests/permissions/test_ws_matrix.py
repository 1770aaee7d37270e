"""The permission matrix over the room WebSocket (issue 16, point 1): every frame type the
room consumer accepts (its own and those `rooms.extensions` registers), sent as each role
in each kind of room, the exact outcome asserted (ws_rows.py says which and why); a
refused frame stores nothing. And no frame type the consumer accepts is missing from the
table.

Over the real ASGI application (session cookie, origin check, routing), on a committed
database: the consumer reads it from its own threads. Each role meets each room on one
socket and sends the frames in the table's order, each followed by a probe (a frame of an
unknown type, whose `error` comes back once the frame before it was handled)."""

from __future__ import annotations

import json
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from community.models import Notification
from events.models import CalendarPage
from intervisions import services as intervisions
from rooms import access, extensions
from rooms.consumers import RoomConsumer
from rooms.models import Room
from rooms.services import creation
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.practices.fixtures_listing import build_home
from tests.rooms.websocket import (  # noqa: F401 (_fresh_channel_layer: an autouse fixture)
    TIMEOUT,
    _fresh_channel_layer,
)
from website.asgi import application

from .world import ROLES, _people, _say, _session_cookies, running_intervision
from .ws_rows import FRAMES, ROOMS, ROWS

BROADCASTS = ("message", "updated", "session")
UNSEEN = ("presence", "tail")  # as people come and go, or a room's last number


def build_ws_world() -> dict:
    """The people of world.py, two more (Anna, a member of the Ateliers registered for the
    intervision; Bruno, a member of nothing), and the rooms of ws_rows.py."""
    home = build_home()
    federation = FederationFactory(name="Fédération des Coopératives")
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    elsewhere = OrganisationFactory(name="L'Autre Asbl")
    AffiliationFactory(organisation=organisation, federation=federation)
    people = _people(organisation, elsewhere, federation)
    anna = MembershipFactory(organisation=organisation, user__display_name="Anna Hôte").user
    bruno = UserFactory(display_name="Bruno Tiers")

    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    _event, intervision, item = running_intervision(
        calendar,
        federation,
        facilitator=people["fed_manager"],
        group=[people["member"], anna],
        proposer=anna,
    )
    rooms = {
        "theme": creation.create_theme_room(title="Numérique et bénévolat"),
        "org": creation.organisation_room(organisation),
        "direct": creation.direct_room(anna, bruno),
        "intervision": intervisions.room_of(intervision),
        "archived": creation.create_theme_room(title="Archives 2023"),
    }
    assert rooms["intervision"].roster_only
    own, annas = {}, {}
    for name, room in rooms.items():
        # Setting the scene, not the test: whoever may write posts one message.
        for role, user in people.items():
            if access.can_write_room(user, room):
                own[name, role] = _say(user, room, f"Un mot de {user.display_name}").seq
        annas[name] = _say(anna, room, "Un mot d'Anna").seq
    Room.objects.filter(pk=rooms["archived"].pk).update(archived=True)
    cache.clear()  # rate limits: the scene's messages do not count
    return {
        "slugs": {name: room.slug for name, room in rooms.items()} | {"missing": "pas-de-salon"},
        "room_ids": {name: room.pk for name, room in rooms.items()},
        "own": own,
        "anna": annas,
        "item": item.pk,
        "organisation": organisation.pk,
        "cookies": _session_cookies(people),
    }


def _watched_models():
    """Everything a room frame could write: rooms, intervisions, notifications."""
    models = [*apps.get_app_config("rooms").get_models()]
    models += apps.get_app_config("intervisions").get_models()
    return [*models, Notification]


@database_sync_to_async
def fingerprint() -> str:
    """A digest of every row of the watched tables, every column (one query)."""
    digests = ", ".join(
        f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t)"
        for table in (
            connection.ops.quote_name(model._meta.db_table) for model in _watched_models()
        )
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT concat_ws(',', {digests})")  # noqa: S608 - table names
        return cursor.fetchone()[0]


@database_sync_to_async
def last_seq(room_id: int) -> int:
    return Room.objects.filter(pk=room_id).values_list("last_seq", flat=True).first() or 0


def _fill(value, names: dict):
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return names[value[1:-1]]
    return value


def frame_of(label: str, names: dict) -> dict:
    return {key: _fill(value, names) for key, value in FRAMES[label].items()}


def _headers(world: dict, role: str) -> list:
    headers = [(b"host", b"testserver"), (b"origin", b"http://testserver")]
    if role != "visitor":
        cookie = f"{settings.SESSION_COOKIE_NAME}={world['cookies'][role]}"
        headers.append((b"cookie", cookie.encode()))
    return headers


async def _receive(communicator, timeout=TIMEOUT) -> dict:
    output = await communicator.receive_output(timeout=timeout)
    if output["type"] == "websocket.close":
        return {"type": "close", "code": output.get("code")}
    return json.loads(output["text"])


def describe(frames: list[dict], last: int) -> str:
    """The frames as ws_rows.py writes them (without the `+`/`=` ending)."""
    messages = [f for f in frames if f["type"] == "message"]
    parts = []
    if len(messages) > 1 and [m["message"]["seq"] for m in messages] == list(range(1, last + 1)):
        parts.append("history")
        frames = [f for f in frames if f["type"] != "message"]
    for frame in frames:
        if frame["type"] == "error":
            parts.append(f"error/{frame['code']}/{frame['detail']}")
        elif frame["type"] == "close":
            parts.append(f"close {frame['code']}")
        else:
            parts.append(frame["type"])
    return " ".join(sorted(parts))


def hello_of(frame: dict) -> str:
    if frame["type"] != "hello":
        return describe([frame], 0)
    me = frame["me"]
    rights = "r" + "w" * me["can_write"] + "m" * me["can_moderate"]
    return f"hello {rights}" + (" session" if "session" in frame else "")


async def _answer(communicator, expected: str, probe: str) -> list[dict]:
    """The frames the socket sent after a frame: up to the probe's error, then
    any broadcast the table expects that has not come yet (it travels through the channel
    layer, and may come after the direct reply)."""
    frames = []
    while (frame := await _receive(communicator))["type"] != "close":
        if frame["type"] == "error" and frame.get("client_id") == probe:
            break
        if frame["type"] not in UNSEEN:
            frames.append(frame)
    else:
        frames.append(frame)
        return frames
    wanted = {kind for kind in BROADCASTS if kind in expected[:-1].split()}
    try:
        while wanted - {f["type"] for f in frames}:
            frame = await _receive(communicator)
            if frame["type"] not in UNSEEN:
                frames.append(frame)
    except TimeoutError:
        pass
    return frames


async def _meet(world: dict, role: str, room: str) -> dict[str, str]:
    """One role in one room: every frame of the table on one socket; each label's
    outcome."""
    names = {
        "own": world["own"].get((room, role)),
        "anna": world["anna"].get(room),
        "item": world["item"],
        "organisation": world["organisation"],
    }
    communicator = WebsocketCommunicator(
        application, f"/ws/salons/{world['slugs'][room]}/", headers=_headers(world, role)
    )
    outcomes = {}
    before = await fingerprint()
    try:
        accepted, _subprotocol = await communicator.connect(timeout=TIMEOUT)
        assert accepted, (role, room)
        first = await _receive(communicator)
        if first["type"] == "close":
            # Refused: each frame sent at once after the handshake is ignored. The socket
            # handles its input in order: once the disconnection is handled, so are they.
            for label in FRAMES:
                if label != "connect":
                    await communicator.send_json_to(
                        frame_of(label, {**names, "cid": str(uuid.uuid4())})
                    )
            await communicator.disconnect()
            changed = "+" if await fingerprint() != before else "="
            late = not communicator.output_queue.empty()
            said = f"{first['code']} and more" if late else str(first["code"])
            return dict.fromkeys(FRAMES, said + changed)
        after = await fingerprint()
        outcomes["connect"] = hello_of(first) + ("+" if after != before else "=")
        before = after
        for label in FRAMES:
            if label == "connect":
                continue
            expected = ROWS[label][room][role]
            probe = f"probe-{label}"
            await communicator.send_json_to(frame_of(label, {**names, "cid": str(uuid.uuid4())}))
            await communicator.send_json_to({"type": "probe", "client_id": probe})
            frames = await _answer(communicator, expected, probe)
            last = await last_seq(world["room_ids"][room])
            after = await fingerprint()
            outcomes[label] = describe(frames, last) + ("+" if after != before else "=")
            before = after
            if frames and frames[-1]["type"] == "close":
                break
    finally:
        await communicator.disconnect()
    return outcomes


def test_every_frame_type_the_consumer_accepts_is_in_the_table():
    accepted = set(RoomConsumer.handlers) | set(extensions._frames)
    tried = {frame["type"] for frame in FRAMES.values() if frame}

    assert sorted(accepted - tried) == []
    assert sorted(tried - accepted) == []
    # Every frame, every room, every role, in the table.
    assert set(ROWS) == set(FRAMES)
    for label, rooms in ROWS.items():
        assert set(rooms) == set(ROOMS), label
        for room, outcomes in rooms.items():
            assert set(outcomes) == set(ROLES), (label, room)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_each_role_gets_exactly_the_designed_outcome_on_the_room_socket():
    world = await database_sync_to_async(build_ws_world)()
    mismatches = []
    for room in ROOMS:
        for role in ROLES:
            outcomes = await _meet(world, role, room)
            for label in FRAMES:
                expected, got = ROWS[label][room][role], outcomes.get(label, "(not sent)")
                if got != expected:
                    mismatches.append(
                        f"{label} | {room} | {role}: expected {expected!r}, got {got!r}"
                    )

    assert mismatches == [], "\n".join(mismatches)
