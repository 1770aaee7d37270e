"""Two server processes on one Redis: what is said to one is heard on the other.

Production runs N ASGI processes behind a proxy; a room's members are spread over them.
Two uvicorn processes here (asgi_server.py) share the test database and Redis (channel
layer and cache, hence presence); one WebSocket client talks to each, with the protocol
of DESIGN.md, through the `websockets` library.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from websockets.sync.client import ClientConnection, connect

from community.models import User
from rooms.models import Room, RoomMessage
from rooms.services import creation
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not settings.REDIS_URL,
        reason="needs REDIS_URL: separate processes share messages and presence only "
        "through Redis (the CI sets it)",
    ),
]


@pytest.fixture
def room(transactional_db) -> Room:
    return creation.create_theme_room(title="Coopératives et données", slug="cooperatives")


@pytest.fixture
def anna(transactional_db) -> User:
    return MembershipFactory(
        organisation=OrganisationFactory(name="La Ressourcerie du Val"),
        user__display_name="Anna Lambert",
    ).user


@pytest.fixture
def bruno(transactional_db) -> User:
    return MembershipFactory(
        organisation=OrganisationFactory(name="Coopérative Vélo Liège"),
        user__display_name="Bruno Martin",
    ).user


def open_socket(server, user: User, room: Room) -> ClientConnection:
    """A WebSocket to the room on `server`, signed in as `user` (a session cookie) and
    from the site's own origin, as a browser would connect."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return connect(
        f"{server.ws_url}/ws/salons/{room.slug}/",
        origin=server.url,
        additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
        open_timeout=10,
    )


def wait_for(
    socket: ClientConnection, wanted: Callable[[dict], bool], timeout: float = 5.0
) -> dict:
    """The first frame from `socket` that is `wanted`, skipping the others."""
    deadline = time.monotonic() + timeout
    seen = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no such frame within {timeout}s; got {seen}")
        try:
            frame = json.loads(socket.recv(timeout=left))
        except TimeoutError:
            continue
        if wanted(frame):
            return frame
        seen.append(frame)


class Here:
    """Who is here as a room client sees it: one snapshot (`online`), then the changes
    (`joined`, `left`) newer than it, as static/js/rooms/presence.js applies them."""

    def __init__(self):
        self.people: dict[int, str] | None = None
        self.version = 0
        self.early: list[dict] = []

    def apply(self, frame: dict) -> None:
        if "online" in frame:
            self.people = {p["id"]: p["name"] for p in frame["online"]}
            self.version = frame["v"]
            early, self.early = self.early, []
            for change in early:
                self.apply(change)
        elif self.people is None:
            self.early.append(frame)
        elif frame["v"] > self.version:
            for pk in frame["left"]:
                self.people.pop(pk, None)
            self.people.update({p["id"]: p["name"] for p in frame["joined"]})

    def listed(self) -> list[dict]:
        return [{"id": pk, "name": n} for pk, n in sorted((self.people or {}).items())]


def presence_of(here: Here, *names: str) -> Callable[[dict], bool]:
    def wanted(frame: dict) -> bool:
        if frame["type"] != "presence":
            return False
        here.apply(frame)
        return sorted((here.people or {}).values()) == sorted(names)

    return wanted


def message_with(client_id: str) -> Callable[[dict], bool]:
    return lambda frame: frame["type"] == "message" and frame["message"]["client_id"] == client_id


def send(socket: ClientConnection, body: str) -> str:
    client_id = str(uuid.uuid4())
    socket.send(
        json.dumps({"type": "send", "body": body, "client_id": client_id, "reply_to": None})
    )
    return client_id


def test_two_processes_share_messages_and_presence_through_redis(asgi_server, room, anna, bruno):
    one = asgi_server(name="process-1")
    two = asgi_server(name="process-2")
    assert one.port != two.port

    with open_socket(one, anna, room) as on_one, open_socket(two, bruno, room) as on_two:
        hello = wait_for(on_one, lambda frame: frame["type"] == "hello")
        assert (hello["me"]["name"], hello["last_seq"]) == ("Anna Lambert", 0)
        wait_for(on_two, lambda frame: frame["type"] == "hello")

        # Each process knows who is connected to the other.
        for socket in (on_one, on_two):
            here = Here()
            wait_for(socket, presence_of(here, "Anna Lambert", "Bruno Martin"))
            assert here.listed() == sorted(
                [{"id": anna.pk, "name": "Anna Lambert"}, {"id": bruno.pk, "name": "Bruno Martin"}],
                key=lambda person: person["id"],
            )

        # Bruno, on process 2, writes; Anna, on process 1, reads it within a second.
        started = time.monotonic()
        client_id = send(on_two, "Bonjour depuis le **second** processus")
        frame = wait_for(on_one, message_with(client_id))
        elapsed = time.monotonic() - started
        assert elapsed < 1.0, f"process 1 got the message after {elapsed:.3f} s"
        message = frame["message"]
        assert (message["seq"], message["author"]["name"], message["html"]) == (
            1,
            "Bruno Martin",
            "<p>Bonjour depuis le <strong>second</strong> processus</p>",
        )
        assert wait_for(on_two, message_with(client_id))["message"]["seq"] == 1

        # And the other way round.
        started = time.monotonic()
        client_id = send(on_one, "Bien reçu sur le premier.")
        assert wait_for(on_two, message_with(client_id))["message"]["seq"] == 2
        elapsed = time.monotonic() - started
        assert elapsed < 1.0, f"process 2 got the answer after {elapsed:.3f} s"

    assert list(
        RoomMessage.objects.filter(room=room)
        .order_by("seq")
        .values_list("seq", "author__display_name", "body_markdown")
    ) == [
        (1, "Bruno Martin", "Bonjour depuis le **second** processus"),
        (2, "Anna Lambert", "Bien reçu sur le premier."),
    ]
