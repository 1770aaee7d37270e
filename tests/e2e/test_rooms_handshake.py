"""The WebSocket handshake's Origin check, over real handshakes to a real uvicorn.

A page may open a room socket only from the site's own origins, scheme and port
included (community/origins.py): a page on another port of the same host, or served over
plain HTTP where the site is HTTPS, is refused before the room's code runs.
"""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.test import Client
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from rooms.services import creation
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e


def handshake(server, slug: str, cookie: str, origin: str | None) -> int | str:
    """101 → the first frame's type; refused → the HTTP status of the refusal."""
    try:
        with connect(
            f"{server.ws_url}/ws/salons/{slug}/",
            origin=origin,
            additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"},
            open_timeout=10,
        ) as socket:
            return json.loads(socket.recv(timeout=10))["type"]
    except InvalidStatus as refused:
        return refused.response.status_code


def test_room_handshake_origin_checked_with_scheme_and_port(asgi_server, transactional_db):
    room = creation.create_theme_room(title="Tiers-lieux", slug="tiers-lieux")
    client = Client()
    client.force_login(UserFactory(display_name="Awa Diallo"))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    server = asgi_server(
        env={
            "SITE_URL": "https://relais.example",
            "CSRF_TRUSTED_ORIGINS": "https://*.partenaires.example,https://salons.example:8443",
        }
    )
    other_port = server.port + 1 if server.port < 65535 else server.port - 1
    origins = [
        server.url,  # the page the socket is opened from, on the same address
        "https://relais.example",  # the public address
        "https://federation.partenaires.example",  # a trusted subdomain
        "https://salons.example:8443",  # a trusted origin with its port
        f"http://127.0.0.1:{other_port}",  # same host, another port
        f"https://127.0.0.1:{server.port}",  # same host and port, another scheme
        "http://relais.example",  # the public host over plain HTTP
        "https://relais.example:8443",  # the public host on another port
        "https://salons.example",  # a trusted origin without its port
        "https://partenaires.example.evil.test",  # looks like a trusted one
        "https://evil.example",
        None,  # no Origin header at all
    ]
    outcomes = {origin: handshake(server, room.slug, cookie, origin) for origin in origins}
    assert outcomes == {
        server.url: "hello",
        "https://relais.example": "hello",
        "https://federation.partenaires.example": "hello",
        "https://salons.example:8443": "hello",
        f"http://127.0.0.1:{other_port}": 403,
        f"https://127.0.0.1:{server.port}": 403,
        "http://relais.example": 403,
        "https://relais.example:8443": 403,
        "https://salons.example": 403,
        "https://partenaires.example.evil.test": 403,
        "https://evil.example": 403,
        None: 403,
    }
