"""The channel-layer groups and every broadcast to them.

Group names are built from ids, never from typed text. Writes are broadcast only once their
transaction commits (`transaction.on_commit`), so nobody is told of a message that is not
stored; should the channel layer be down, the write stands and clients catch up when they
sync. Called from synchronous code: the consumer reaches it through
`database_sync_to_async`, from whose worker thread `async_to_sync(group_send)` is safe."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from . import per_loop
from .payloads import message_dict, with_organisations

logger = logging.getLogger(__name__)


def group_name(room_id: int) -> str:
    """The channel-layer group of a room: built from its id, never from typed text."""
    return f"room.{room_id}"


def user_group_name(user_id: int) -> str:
    """The channel-layer group of one person's open room sockets, whatever the room."""
    return f"user.{user_id}"


def event(payload: dict, *, skip: str = "") -> dict:
    """A room event for the channel layer: the frame already written as JSON, which each
    socket sends as it is (a room of a thousand encodes it once, not a thousand times),
    with what the sockets look at: its kind, a message's number, a presence version and
    the connection that must not get it (`skip`)."""
    message = payload.get("message")
    return {
        "type": "room.event",
        "text": json.dumps(payload),
        "kind": payload["type"],
        "seq": message.get("seq") if isinstance(message, dict) else None,
        "v": payload.get("v"),
        "skip": skip,
    }


def send_now(room_id: int, event: dict) -> None:
    async_to_sync(get_channel_layer().group_send)(group_name(room_id), event)


def send_or_log(room_id: int, event: dict) -> None:
    """Broadcast what is already stored. Should the channel layer be down (Redis), the
    write still stands: it is logged, and clients get it when they sync (on reconnecting,
    on a gap, or on the next `tail` frame)."""
    try:
        send_now(room_id, event)
    except Exception:
        logger.warning("Room %s: broadcast failed, clients will sync", room_id, exc_info=True)


def broadcast_on_commit(room_id: int, payload: dict) -> None:
    """Tell everyone in the room, once the current transaction has committed."""
    transaction.on_commit(lambda: send_or_log(room_id, event(payload)))


def broadcast_updated(room, message) -> dict:
    anonymous = room.chatham_house
    payload = message_dict(
        with_organisations([message], anonymous=anonymous)[0], anonymous=anonymous
    )
    broadcast_on_commit(room.pk, {"type": "updated", "message": payload})
    return payload


def recheck_access_on_commit(user_ids) -> None:
    """Once the current transaction commits, ask every open room socket of these people to
    check their rights again (each closes with 4403 if they may no longer read its room).
    Called whenever access may have been lost: a membership ended or changed, an
    affiliation ended, an account deactivated or deleted (`community/signals.py`)."""
    ids = sorted({pk for pk in user_ids if pk})
    if not ids:
        return

    def send():
        layer = get_channel_layer()
        for pk in ids:
            try:
                async_to_sync(layer.group_send)(user_group_name(pk), {"type": "room.recheck"})
            except Exception:  # the periodic re-check of each socket still catches it
                logger.warning("Access re-check of user %s not sent", pk, exc_info=True)

    transaction.on_commit(send)


PROBE_GROUP = "layer.probe"  # nobody listens: a publish that only checks Redis answers


class LayerWatch:
    """Whether the channel layer answers, checked once a second per process while room
    sockets are open (one publish to a group nobody joined). When it stops answering (Redis
    down), every socket watched is told at once and closes with a code the client retries:
    the room says it is reconnecting instead of staying silent, and the sockets open again
    (with a sync of what they missed) once Redis is back."""

    EVERY = 1.0
    TIMEOUT = 2.0  # a Redis that hangs rather than refuses counts as down too

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.lost: dict[str, Callable[[], Awaitable[None]]] = {}
        self.task: asyncio.Task | None = None

    def watch(self, name: str, on_lost: Callable[[], Awaitable[None]]) -> None:
        self.lost[name] = on_lost
        if self.task is None or self.task.done():
            self.task = self.loop.create_task(self._run())

    def forget(self, name: str) -> None:
        self.lost.pop(name, None)

    async def _run(self) -> None:
        layer = get_channel_layer()
        while self.lost:
            await asyncio.sleep(self.EVERY)
            try:
                send = layer.group_send(PROBE_GROUP, {"type": "layer.probe"})
                await asyncio.wait_for(send, timeout=self.TIMEOUT)
            except Exception:
                logger.warning(
                    "Channel layer unreachable: closing %s room socket(s) for them to retry",
                    len(self.lost),
                    exc_info=True,
                )
                lost, self.lost = list(self.lost.values()), {}
                await asyncio.gather(*(on_lost() for on_lost in lost), return_exceptions=True)


layer_watch = per_loop(LayerWatch)
