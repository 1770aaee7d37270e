"""Fifty people writing at once: every one of them ends up with every message.

Fifty real WebSocket clients against a real uvicorn (tests/e2e/asgi_server.py; Redis as
channel layer and cache when REDIS_URL is set, as in CI) each send twenty messages as fast
as they can. Each client follows the room protocol (DESIGN.md) like static/js/room.js: it
syncs after a gap in the numbers and when a `tail` frame announces a number it does not
hold. A live event may be dropped under load; a message may not be missed.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.test import Client
from websockets.asyncio.client import connect

from rooms.models import RoomMessage
from rooms.services import creation
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e

MEMBERS = 50
MESSAGES_EACH = 20
TOTAL = MEMBERS * MESSAGES_EACH
DEADLINE_SECONDS = 75  # about 35 s on a quiet two-core machine


class Member:
    """One client: what it holds, and the protocol's two sync rules."""

    def __init__(self, name: str, cookie: str):
        self.name = name
        self.cookie = cookie
        self.held: set[int] = set()
        self._contiguous = 0
        self.sync_from: int | None = None  # the `after` of the sync on its way, if any
        self.gaps = 0  # live events that never came: a later number arrived first
        self.tails = 0

    def contiguous(self) -> int:
        """The highest number up to which every message is held."""
        while self._contiguous + 1 in self.held:
            self._contiguous += 1
        return self._contiguous

    async def ask_sync(self, socket, up_to: int) -> None:
        after = self.contiguous()
        if after >= up_to or self.sync_from == after:
            return
        self.sync_from = after
        await socket.send(json.dumps({"type": "sync", "after": after}))

    async def run(self, server_url: str, ws_url: str, slug: str, everyone_in: asyncio.Barrier):
        async with connect(
            f"{ws_url}/ws/salons/{slug}/",
            origin=server_url,
            additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={self.cookie}"},
            open_timeout=20,
            max_queue=None,
        ) as socket:
            hello = json.loads(await socket.recv())
            assert hello["type"] == "hello", hello
            await everyone_in.wait()
            for n in range(MESSAGES_EACH):
                frame = {
                    "type": "send",
                    "body": f"{self.name}, message {n + 1}",
                    "client_id": str(uuid.uuid4()),
                    "reply_to": None,
                }
                await socket.send(json.dumps(frame))
            while self.contiguous() < TOTAL:
                frame = json.loads(await socket.recv())
                if frame["type"] == "message":
                    seq = frame["message"]["seq"]
                    self.held.add(seq)
                    if self.sync_from is not None and self.contiguous() > self.sync_from:
                        self.sync_from = None  # the sync has brought something
                    if seq > self.contiguous() + 1:
                        self.gaps += 1
                        await self.ask_sync(socket, seq)
                elif frame["type"] == "tail":
                    self.tails += 1
                    await self.ask_sync(socket, frame["last_seq"])
                elif frame["type"] == "error":
                    raise AssertionError(f"{self.name} got an error: {frame}")


async def _everyone(members, server, slug):
    everyone_in = asyncio.Barrier(len(members))
    runs = [m.run(server.url, server.ws_url, slug, everyone_in) for m in members]
    await asyncio.wait_for(asyncio.gather(*runs), timeout=DEADLINE_SECONDS)


def test_fifty_members_writing_at_once_each_receive_every_message(asgi_server, transactional_db):
    room = creation.create_theme_room(title="Assemblée générale", slug="assemblee")
    members = []
    for n in range(MEMBERS):
        client = Client()
        client.force_login(UserFactory(display_name=f"Membre {n + 1:02d}"))
        members.append(
            Member(f"Membre {n + 1:02d}", client.cookies[settings.SESSION_COOKIE_NAME].value)
        )
    server = asgi_server(name="load")

    started = time.monotonic()
    # In a thread of its own: when a browser test ran before, Playwright keeps an event
    # loop running in this one, where asyncio.run() is refused.
    with ThreadPoolExecutor(max_workers=1) as thread:
        try:
            thread.submit(asyncio.run, _everyone(members, server, room.slug)).result()
        except TimeoutError:
            pass  # said below, member by member
    elapsed = time.monotonic() - started

    missing = {m.name: TOTAL - len(m.held) for m in members if len(m.held) != TOTAL}
    assert missing == {}, (
        f"messages missing after {elapsed:.0f} s: {missing}; "
        f"gaps seen {sum(m.gaps for m in members)}, tails {sum(m.tails for m in members)}\n"
        f"{server.log()}"
    )
    assert all(m.held == set(range(1, TOTAL + 1)) for m in members)
    stored = list(
        RoomMessage.objects.filter(room=room).order_by("seq").values_list("seq", flat=True)
    )
    assert stored == list(range(1, TOTAL + 1))  # all stored, none doubled
    assert RoomMessage.objects.filter(room=room).values("author").distinct().count() == MEMBERS
