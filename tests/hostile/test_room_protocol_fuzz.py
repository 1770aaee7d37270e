"""Any frame at all on a room's WebSocket: the consumer answers with its `error` frame, or
with what the frame asked for, or closes with an explicit code (1009 for a frame too
large); never an unhandled exception, never a connection dropped without a code.

Hypothesis draws the frames; one connection serves many of them. After each frame a probe
(an unknown type with its own `client_id`) tells when the consumer has finished with it:
its error frame comes back last, on a connection still open. The test drives its own
event loop from a plain (synchronous) test, so that hypothesis can call it example after
example; the ORM then runs on Channels' database thread, hence the transactional
database."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from intervisions import services as intervisions
from tests.events.conftest import calendar_page, home_page  # noqa: F401
from tests.intervisions.conftest import build_group
from tests.practices.conftest import practice_index  # noqa: F401
from tests.rooms.websocket import (  # noqa: F401 (_fresh_channel_layer: an autouse fixture)
    TIMEOUT,
    _fresh_channel_layer,
    _send,
    connected,
    next_of,
)

from .corpus import MARK, PAYLOADS, live_markup

pytestmark = pytest.mark.django_db(transaction=True)

ROOM_TYPES = ["send", "sync", "read", "typing", "edit", "delete"]
SESSION_TYPES = [
    "session.propose",
    "session.support",
    "session.keep",
    "session.step",
    "session.consent",
]
KEYS = ["type", "body", "client_id", "reply_to", "after", "seq", "part", "text", "item"]
KEYS += ["on", "step", "organisation", "from_message"]
# Frames whose (required) fields have the wrong type must be answered with an error frame.
WRONG_TYPED = {
    "send": ("body", str),
    "edit": ("body", str),
    "sync": ("after", int),
    "delete": ("seq", int),
}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=50),
    st.sampled_from(["", "\x00", "\u202e", "<script>window.__xss=1</script>", "9" * 40]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
# An object whose keys are the protocol's own, with any values; its type one of the real
# ones (or anything).
frames = st.fixed_dictionaries(
    {"type": st.one_of(st.sampled_from(ROOM_TYPES + SESSION_TYPES), json_values)},
    optional={key: json_values for key in KEYS[1:]},
)
# What travels as text: JSON of any value, those frames, text that is not JSON, or JSON
# nested deeper than a parser's recursion.
texts = st.one_of(
    frames.map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=200),
    st.integers(min_value=50, max_value=15_000).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=50, max_value=15_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
)
inputs = st.one_of(
    texts.map(lambda t: ("text", t)), st.binary(max_size=200).map(lambda b: ("bytes", b))
)


class Socket:
    """One connection, opened again whenever a frame (rightly) closed it."""

    def __init__(self, loop, slug, user):
        self.loop, self.slug, self.user = loop, slug, user
        self.context = self.ws = None

    def run(self, coroutine):
        return self.loop.run_until_complete(coroutine)

    def open(self):
        if self.ws is None:
            self.context = connected(self.slug, self.user)
            self.ws = self.run(self.context.__aenter__())
        return self.ws

    def close(self):
        if self.context is not None:
            self.run(self.context.__aexit__(None, None, None))
        self.context = self.ws = None

    async def answers_to(self, kind: str, payload) -> tuple[list[dict], int | None]:
        """The frames that came back for `payload` before the probe's answer, and the close
        code if the consumer closed instead."""
        ws = self.ws
        # As the server receives it (the communicator's `send_to` refuses an empty frame).
        key = "bytes" if kind == "bytes" else "text"
        await ws.send_input({"type": "websocket.receive", key: payload})
        probe = f"probe-{uuid.uuid4()}"
        await ws.send_json_to({"type": "probe", "client_id": probe})
        received = []
        while True:
            output = await ws.receive_output(timeout=TIMEOUT)
            if output["type"] == "websocket.close":
                return received, output.get("code", "missing")
            frame = json.loads(output["text"])
            if frame == {
                "type": "error",
                "code": "invalid",
                "detail": "Type de message inconnu.",
                "client_id": probe,
            }:
                return received, None
            received.append(frame)


def _check(socket: Socket, sent):
    kind, payload = sent
    socket.open()
    received, code = socket.run(socket.answers_to(kind, payload))
    if code is not None:
        socket.close()
        too_big = kind == "text" and len(payload.encode()) > settings.RELAIS["ROOM_FRAME_MAX_BYTES"]
        assert (code, too_big) == (1009, True), (payload[:80], code)
        return
    errors = [f for f in received if f["type"] == "error"]
    assert {f["type"] for f in received} <= {
        "error",
        "message",
        "updated",
        "presence",
        "typing",
        "tail",
        "session",
        "session.ack",
    }, received
    assert all(f["code"] in {"invalid", "too_long", "rate_limited", "forbidden"} for f in errors)
    assert all(f["detail"] and isinstance(f["detail"], str) for f in errors)
    frame = json.loads(payload) if kind == "text" and _is_json(payload) else None
    if not isinstance(frame, dict):
        assert [f["code"] for f in errors] == ["invalid"], (payload[:80], received)
        return
    wanted = frame.get("type")
    if not isinstance(wanted, str) or wanted not in ROOM_TYPES + SESSION_TYPES:
        assert [f["code"] for f in errors] == ["invalid"], (frame, received)
    elif wanted in WRONG_TYPED:
        key, kind_of = WRONG_TYPED[wanted]
        value = frame.get(key)
        missing_means_zero = wanted == "sync" and key not in frame  # "after" defaults to 0
        if not missing_means_zero and (not isinstance(value, kind_of) or isinstance(value, bool)):
            assert len(errors) == 1, (frame, received)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


@pytest.fixture
def intervision_room(calendar_page, practice_index):  # noqa: F811
    """An intervision's room with its session under way (its frames then reach the
    intervision's services), and Anna, registered, who may write there."""
    group = build_group(calendar_page)
    intervisions.start_session(user=group.fred, intervision=group.intervision)
    return group.room.slug, group.anna


def _fuzz(slug, user, examples: int):
    loop = asyncio.new_event_loop()
    socket = Socket(loop, slug, user)
    # A first real message, so that edit/delete/reply_to/sync have a number to point at.
    socket.open()
    socket.run(socket.ws.send_json_to(_send("Premier message")))

    @hyp_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(inputs)
    def check(sent):
        _check(socket, sent)

    try:
        check()
    finally:
        socket.close()
        loop.close()


def test_any_frame_in_a_theme_room_gets_an_error_or_a_close_code(theme_room, alice):
    _fuzz(theme_room.slug, alice, examples=120)


def test_any_frame_in_an_intervision_session_gets_an_error_or_a_close_code(intervision_room):
    slug, anna = intervision_room
    _fuzz(slug, anna, examples=60)


@pytest.mark.parametrize(
    "payload",
    [
        "[" * 15_000 + "]" * 15_000,
        '{"type": "send", "body": ' + "[" * 10_000 + "]" * 10_000 + "}",
        '{"type": "send", "body": "\\ud800", "client_id": "x"}',
        '{"type": "sync", "after": 1e999}',
        "NaN",
        '{"type": "read", "seq": "le dernier"}',
    ],
    ids=["deep-list", "deep-body", "lone-surrogate", "infinite", "nan", "word-for-number"],
)
def test_edge_frames_get_an_invalid_error(theme_room, alice, payload):
    loop = asyncio.new_event_loop()
    socket = Socket(loop, theme_room.slug, alice)
    try:
        socket.open()
        received, code = socket.run(socket.answers_to("text", payload))
    finally:
        socket.close()
        loop.close()

    assert (code, [f["code"] for f in received if f["type"] == "error"]) == (None, ["invalid"])


def test_frame_over_the_limit_closes_with_1009(theme_room, alice):
    loop = asyncio.new_event_loop()
    socket = Socket(loop, theme_room.slug, alice)
    body = "x" * (settings.RELAIS["ROOM_FRAME_MAX_BYTES"] + 1)
    try:
        socket.open()
        received, code = socket.run(socket.answers_to("text", json.dumps(_send(body))))
    finally:
        socket.close()
        loop.close()

    assert ([f for f in received if f["type"] != "presence"], code) == ([], 1009)


def test_hostile_messages_reach_everyone_as_inert_html(theme_room, alice, bruno):
    """Every payload of the corpus sent as a message: the frame each member receives
    carries sanitised HTML (no live markup) and the author's hostile name as plain text."""
    loop = asyncio.new_event_loop()
    sender = Socket(loop, theme_room.slug, alice)
    reader = Socket(loop, theme_room.slug, bruno)
    bodies = [p for p in PAYLOADS if p.strip("\0 ")][:18]  # within the per-minute limit
    try:
        sender.open()
        reader.open()
        for body in bodies:
            loop.run_until_complete(sender.ws.send_json_to(_send(body)))
        frames = [loop.run_until_complete(next_of(reader.ws, "message")) for _ in bodies]
    finally:
        sender.close()
        reader.close()
        loop.close()

    assert [f["message"]["seq"] for f in frames] == list(range(1, len(bodies) + 1))
    assert [
        (f["message"]["seq"], live_markup(f["message"]["html"], whole_page=False))
        for f in frames
        if live_markup(f["message"]["html"], whole_page=False)
    ] == []
    assert sum(MARK in f["message"]["html"] for f in frames) >= len(bodies) - 2
