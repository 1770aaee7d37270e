"""What the WebSocket tests share: a connected communicator over the real ASGI
application, frames read past presence, a fresh channel layer per test."""

from __future__ import annotations

import uuid
from contextlib import asynccontextmanager

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from rooms.models import RoomMessage
from website.asgi import application

TIMEOUT = 3


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Each test runs in its own event loop: a layer built in an earlier loop would keep
    that loop's locks and connections (channels_redis), so each test builds its own."""

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def _application():
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
