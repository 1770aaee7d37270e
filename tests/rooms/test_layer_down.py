"""Redis down when a socket opens: the channel layer cannot answer. With either of the two
layers production may run (website/settings/base.py: "pubsub" fails as Channels
subscribes the socket's channel, before the handshake is answered; "lists" as the room's
group is joined), the socket is accepted and closed with "try again later" (1013), as when
the layer is lost later (`_layer_lost`): the client says it is reconnecting and tries
again, and the server logs a warning, not an error of the application (a 500)."""

from __future__ import annotations

import logging

import pytest

from tests.rooms.websocket import _fresh_channel_layer, closed_with, connected  # noqa: F401

CLOSE_TRY_AGAIN = 1013


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "backend",
    ["channels_redis.pubsub.RedisPubSubChannelLayer", "channels_redis.core.RedisChannelLayer"],
)
async def test_a_socket_opened_while_redis_is_down_is_told_to_try_again(
    backend, theme_room, alice, settings, caplog
):
    # Nothing listens on port 9 (discard): every connection is refused.
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": backend,
            "CONFIG": {"hosts": [{"address": "redis://127.0.0.1:9/0"}], "prefix": "relais-down"},
        }
    }
    with caplog.at_level(logging.WARNING):
        async with connected(theme_room.slug, alice, hello=False) as socket:
            assert await closed_with(socket) == CLOSE_TRY_AGAIN
    assert [r.levelno for r in caplog.records if r.levelno >= logging.ERROR] == []
