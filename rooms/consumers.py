"""The room WebSocket (protocol: "The room protocol" in DESIGN.md).

Thin: authenticate, parse a frame, call one function of `rooms.services` through `db`
(`database_sync_to_async` keeping its connection through a burst), turn its answer or its
`RoomError` into a frame. Access rules live in `rooms/access.py`; writes, presence and
broadcasts in `rooms/services/`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time

from asgiref.sync import SyncToAsync, sync_to_async
from channels.consumer import get_handler_name
from channels.db import DatabaseSyncToAsync, database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import close_old_connections, connections
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from community.models import User
from community.services import ServiceError
from rooms.services import RoomError, groups, payloads, per_loop, posting, presence, reading

from . import access, extensions
from .models import Room

logger = logging.getLogger(__name__)

CLOSE_SIGNED_OUT = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NO_ROOM = 4404
CLOSE_TOO_BIG = 1009
# The channel layer (Redis) stopped answering: "try again later", which the client does.
CLOSE_TRY_AGAIN = 1013


class SocketDatabase(DatabaseSyncToAsync):
    """`database_sync_to_async` for the room sockets, whose calls share one thread per
    process. Channels' version gives the connection back to the pool after each call and
    borrows one again for the next: with page requests holding the pool, that thread
    waited for a connection before nearly every call (half its time in a 200-member soak)
    and every socket's messages queued behind it. While more calls wait for the thread,
    this one keeps its connection for the next (still dropped if broken, and health-checked
    before use); the last call of a burst gives it back."""

    lock = threading.Lock()
    waiting = 0  # calls made and not finished, for the sockets' thread

    async def __call__(self, *args, **kwargs):
        with SocketDatabase.lock:
            SocketDatabase.waiting += 1
        try:
            return await super().__call__(*args, **kwargs)
        finally:
            with SocketDatabase.lock:
                SocketDatabase.waiting -= 1

    def thread_handler(self, loop, *args, **kwargs):
        close_old_connections()
        try:
            return SyncToAsync.thread_handler(self, loop, *args, **kwargs)
        finally:
            if SocketDatabase.waiting > 1:  # this call and at least one more
                soon = time.monotonic() + 1.0
                for conn in connections.all(initialized_only=True):
                    if conn.connection is not None and conn.close_at is not None:
                        conn.close_at = max(conn.close_at, soon)
            close_old_connections()  # with more calls waiting, drops only a broken one


db = SocketDatabase


def _load(slug: str, user):
    room = Room.objects.select_related("user_a", "user_b").filter(slug=slug).first()
    if room is None:
        return None, None
    return room, access.room_rights(user, room)


def _refusal(room_id: int, user_id: int) -> str:
    """Why this person may no longer read the room (`access.room_refusal`)."""
    room = Room.objects.filter(pk=room_id).first()
    user = User.objects.filter(pk=user_id).first()
    if room is None or user is None:
        return str(_("Vous n'avez pas accès à ce salon."))
    return str(access.room_refusal(user, room))


def _still_allowed(room_id: int, user_id: int) -> bool:
    room = Room.objects.filter(pk=room_id).first()
    user = User.objects.filter(pk=user_id).first()
    return bool(room and user and access.can_read_room(user, room))


def _fresh(room_id: int):
    return Room.objects.select_related("user_a", "user_b").get(pk=room_id)


def _extension(handler, room_id: int, user, frame: dict):
    return handler(user=user, room=_fresh(room_id), frame=frame)


def _post(room_id: int, user, frame: dict):
    room = _fresh(room_id)
    return room, posting.post_message(
        user=user,
        room=room,
        body=frame.get("body"),
        client_id=frame.get("client_id"),
        reply_to=frame.get("reply_to"),
    )


def _sync(room: Room, after: int, viewer_id: int) -> list[dict]:
    missed, more = [], True
    while more:
        batch, more = reading.history(room=room, after=after, limit=200)
        missed += [
            payloads.message_dict(m, anonymous=room.chatham_house, viewer_id=viewer_id)
            for m in batch
        ]
        after = batch[-1].seq if batch else after
    return missed


class LastNumbers:
    """The rooms' last message numbers as the sockets of one process ask for them: a
    thousand sockets of a room checking their tail at the same moment (one second after a
    message) cost one cache read, not a thousand trips through the database thread. A
    number read less than `FRESH` seconds ago is reused: it only grows, so an old one can
    delay a `tail` frame to the next check, never send a wrong one."""

    FRESH = 0.1

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.known: dict[int, tuple[float, int]] = {}
        self.asking: dict[int, asyncio.Future] = {}

    async def get(self, room_id: int) -> int:
        read_at, value = self.known.get(room_id, (-1.0, 0))
        if self.loop.time() - read_at < self.FRESH:
            return value
        if room_id not in self.asking:
            self.asking[room_id] = asyncio.ensure_future(self._read(room_id))
        return await asyncio.shield(self.asking[room_id])

    async def _read(self, room_id: int) -> int:
        try:
            value = await database_sync_to_async(reading.last_seq, thread_sensitive=False)(room_id)
            self.known[room_id] = (self.loop.time(), value)
            return value
        finally:
            del self.asking[room_id]


last_numbers = per_loop(LastNumbers)


class RoomConsumer(AsyncJsonWebsocketConsumer):
    joined = False
    answered = False  # the handshake is accepted
    heartbeat = None
    tail_watch = None
    # The highest message number this socket has sent its client (hello, message, sync):
    # when the room's is higher, the client may have missed the end of a burst (an event
    # dropped by a full channel-layer queue reveals itself by no later number), so the
    # socket tells it with a `tail` frame and the client syncs.
    sent_seq = 0
    last_forward = 0.0
    presence_version = 0
    # Handling an event or a frame (`dispatch`): the room's events for this socket wait in
    # its queue meanwhile, so a number above `sent_seq` is no sign of a lost one.
    busy = False

    async def __call__(self, scope, receive, send):
        """Leave the room however the socket ends. A send to a client already gone raises
        (uvicorn: `ClientDisconnected`) and ends this application at once, without the
        `websocket.disconnect` that calls `disconnect`: the heartbeat would then go on
        for ever on a dead socket (failing every round), with the presence, the groups
        and the channel-layer watch it holds."""
        try:
            await super().__call__(scope, receive, send)
        except RedisError:  # not uvicorn's ClientDisconnected (an OSError): the client is gone
            # The channel layer does not answer (Redis down): Channels subscribes the
            # socket's own channel before the handshake and listens on it all along. Tell
            # the client to try again later, as when the layer is lost later, rather than
            # fail the handshake (a 500) or the socket (1011).
            logger.warning("Channel layer unreachable: a room socket is told to try again")
            with contextlib.suppress(Exception):  # the client may be gone already
                if not self.answered and (await receive())["type"] == "websocket.connect":
                    await send({"type": "websocket.accept"})
                await send({"type": "websocket.close", "code": CLOSE_TRY_AGAIN})
        finally:
            await self.disconnect(None)

    async def connect(self):
        self.user = self.scope.get("user")
        slug = self.scope["url_route"]["kwargs"]["slug"]
        # Accept first, then close: a close code sent during the handshake never reaches
        # the browser.
        await self.accept()
        self.answered = True
        if not (self.user and self.user.is_authenticated):
            await self.close(code=CLOSE_SIGNED_OUT)
            return
        room, rights = await db(_load)(slug, self.user)
        if room is None:
            await self.close(code=CLOSE_NO_ROOM)
            return
        if not rights.read:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.room = room
        self.group = groups.group_name(room.pk)
        self.user_group = groups.user_group_name(self.user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.channel_layer.group_add(self.user_group, self.channel_name)
        self.joined = True
        self.sent_seq = room.last_seq
        extra = await db(extensions.hello_parts)(room=room, user=self.user)
        await self.send_json(
            {
                **extra,
                "type": "hello",
                "room": payloads.room_dict(room, self.user),
                "last_seq": room.last_seq,
                "me": {
                    **payloads.person_dict(self.user),
                    "can_write": rights.write,
                    "can_moderate": rights.moderate,
                },
            }
        )
        await self._join()
        self.heartbeat = asyncio.ensure_future(self._keep_present())
        groups.layer_watch().watch(self.channel_name, self._layer_lost)

    async def _layer_lost(self):
        """The channel layer is unreachable: nothing said in the room would reach this
        socket. Close it; the client says it is reconnecting and tries again until Redis
        answers, then syncs what it missed."""
        await self.close(code=CLOSE_TRY_AGAIN)

    async def _join(self):
        change = await sync_to_async(presence.join_presence, thread_sensitive=False)(
            room_id=self.room.pk, connection=self.channel_name, user=self.user
        )
        announcer = presence.announcer()
        self.presence_version, present, snapshot = await announcer.snapshot(self.room.pk)
        await self.send(text_data=snapshot)
        announcer.note(self.room.pk, change, present=present)

    async def _keep_present(self):
        """Refresh this connection's presence; and check again that the person may still
        read the room: if not, close as a forbidden connection. Losing access closes the
        socket at once (`room_recheck`); this periodic check, every
        `ROOM_RECHECK_SECONDS`, is the safety net for changes made without the models'
        signals (raw SQL, `QuerySet.update`...): rare enough that a socket idle for five
        minutes asks the database once, not every thirty seconds (bench row W4).
        An error (database or cache unreachable for a moment) is logged and the next round
        tries again: the check never stops while the socket is open."""
        presence_every = max(1, settings.RELAIS["ROOM_PRESENCE_TTL"] // 3)
        recheck_every = settings.RELAIS["ROOM_RECHECK_SECONDS"]
        tick = max(0.2, min(presence_every, recheck_every, settings.RELAIS["ROOM_TAIL_SECONDS"]))
        loop = asyncio.get_running_loop()
        next_presence = loop.time() + presence_every
        next_recheck = loop.time() + recheck_every
        while True:
            await asyncio.sleep(tick)
            try:
                await self._send_tail()
                if loop.time() >= next_recheck:
                    next_recheck = loop.time() + recheck_every
                    if not await db(_still_allowed)(self.room.pk, self.user.pk):
                        await self._forbidden()
                        return
                if loop.time() < next_presence:
                    continue
                next_presence = loop.time() + presence_every
                change = await sync_to_async(presence.join_presence, thread_sensitive=False)(
                    room_id=self.room.pk, connection=self.channel_name, user=self.user
                )
                presence.announcer().note(self.room.pk, change)
            except Exception:
                logger.warning("Room socket re-check failed; trying again", exc_info=True)

    async def _send_tail(self):
        """`{"type": "tail", "last_seq": n}` when the room holds a message this socket has
        not sent its client (the number from the cache: `reading.last_seq`). Not while the
        socket is busy or its messages still flow: they are on their way, and a `tail`
        then only made every client of a slow server ask again for what was coming (a
        `sync` each, more work for the slow server)."""
        quiet = settings.RELAIS["ROOM_TAIL_QUIET_SECONDS"]
        if self.busy or asyncio.get_running_loop().time() - self.last_forward < quiet:
            return
        last = await last_numbers().get(self.room.pk)
        if last > self.sent_seq:
            await self.send_json({"type": "tail", "last_seq": last})

    async def _tail_after_quiet(self):
        """Once no message has gone out for ROOM_TAIL_QUIET_SECONDS (a burst is over and
        this socket's queue is drained), check the tail."""
        quiet = settings.RELAIS["ROOM_TAIL_QUIET_SECONDS"]
        loop = asyncio.get_running_loop()
        while self.busy or (wait := self.last_forward + quiet - loop.time()) > 0:
            await asyncio.sleep(quiet if self.busy else wait)
        try:
            await self._send_tail()
        except Exception:
            logger.warning("Room tail check failed", exc_info=True)

    async def _sent_message(self, seq):
        if isinstance(seq, int) and seq > self.sent_seq:
            self.sent_seq = seq
        self.last_forward = asyncio.get_running_loop().time()
        if self.tail_watch is None or self.tail_watch.done():
            self.tail_watch = asyncio.ensure_future(self._tail_after_quiet())

    async def _forbidden(self):
        try:
            reason = await db(_refusal)(self.room.pk, self.user.pk)
        except Exception:  # noqa: BLE001 - the socket closes all the same
            logger.warning("Room refusal unavailable for user %s", self.user.pk, exc_info=True)
            reason = _("Vous n'avez pas accès à ce salon.")
        await self._error("forbidden", reason)
        await self.close(code=CLOSE_FORBIDDEN)

    async def disconnect(self, code):
        """Stop the socket's tasks and leave the room; called once more as the application
        ends (`__call__`), when it does nothing."""
        for task in (self.heartbeat, self.tail_watch):
            if task:
                task.cancel()
        if self.joined:
            self.joined = False
            groups.layer_watch().forget(self.channel_name)
            try:
                await self.channel_layer.group_discard(self.group, self.channel_name)
                await self.channel_layer.group_discard(self.user_group, self.channel_name)
            except Exception:  # noqa: BLE001 - Redis down: the socket is gone all the same
                logger.warning("Room socket left its groups uncleanly", exc_info=True)
            change = await sync_to_async(presence.leave_presence, thread_sensitive=False)(
                room_id=self.room.pk, connection=self.channel_name
            )
            presence.announcer().note(self.room.pk, change)

    # --- client → server -----------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        if not self.joined:
            return
        if text_data is None:
            await self._error("invalid", _("Seuls les messages texte (JSON) sont acceptés."))
            return
        if len(text_data.encode()) > settings.RELAIS["ROOM_FRAME_MAX_BYTES"]:
            await self.close(code=CLOSE_TOO_BIG)
            return
        try:
            frame = json.loads(text_data)
        except (ValueError, RecursionError):
            # RecursionError: arrays or objects nested deeper than the parser goes ("[[[…").
            frame = None
        if not isinstance(frame, dict):
            await self._error("invalid", _("Message illisible : un objet JSON est attendu."))
            return
        kind = frame.get("type")
        handler = self.handlers.get(kind) if isinstance(kind, str) else None
        client_id = frame.get("client_id") if isinstance(frame.get("client_id"), str) else None
        added = extensions.frame_handler(kind) if isinstance(kind, str) else None
        if handler is None and added is None:
            await self._error("invalid", _("Type de message inconnu."), client_id)
            return
        try:
            if handler is not None:
                await handler(self, frame)
            else:
                reply = await db(_extension)(added, self.room.pk, self.user, frame)
                if reply is not None:
                    await self.send_json(reply)
        except RoomError as error:
            await self._error(error.code, error.message, client_id)
        except ServiceError as error:
            await self._error("invalid", error.message, client_id)
        except PermissionDenied as refusal:
            reason = str(refusal) or _("Vous n'avez pas accès à ce salon.")
            await self._error("forbidden", reason, client_id)
        except (TypeError, ValueError, OverflowError, AttributeError):
            # A frame of the right type with fields of the wrong shape: say so, and keep
            # the connection (and its presence) in a sane state.
            logger.warning("Unreadable room frame from user %s", self.user.pk, exc_info=True)
            await self._error("invalid", _("Message illisible."), client_id)

    async def _error(self, code, detail, client_id=None):
        await self.send_json(
            {"type": "error", "code": code, "detail": str(detail), "client_id": client_id}
        )

    async def _room(self) -> Room:
        self.room = await db(_fresh)(self.room.pk)
        return self.room

    async def on_send(self, frame):
        # One trip to the database thread: the room read fresh, then the post.
        self.room, posted = await db(_post)(self.room.pk, self.user, frame)
        if not posted.created:
            # Already stored: acknowledge again, to this client only.
            await self.send_json({"type": "message", "message": posted.payload})

    async def on_sync(self, frame):
        after = frame.get("after", 0)
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            raise RoomError("invalid", _("Numéro de message invalide."))
        room = await self._room()
        if not await db(access.can_read_room)(self.user, room):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        missed = await db(_sync)(room, after, self.user.pk)
        for payload in missed:
            await self.send_json({"type": "message", "message": payload})
        if missed:
            self.sent_seq = max(self.sent_seq, missed[-1]["seq"])

    async def on_read(self, frame):
        await db(reading.mark_read)(user=self.user, room=self.room, seq=frame.get("seq"))

    async def on_typing(self, frame):
        await db(presence.typing)(user=self.user, room=self.room, connection=self.channel_name)

    async def on_edit(self, frame):
        await db(posting.edit_message)(
            user=self.user, room=await self._room(), seq=frame.get("seq"), body=frame.get("body")
        )

    async def on_delete(self, frame):
        await db(posting.delete_message)(
            user=self.user, room=await self._room(), seq=frame.get("seq")
        )

    handlers = {
        "send": on_send,
        "sync": on_sync,
        "read": on_read,
        "typing": on_typing,
        "edit": on_edit,
        "delete": on_delete,
    }

    # --- channel layer → client ----------------------------------------------------------

    async def dispatch(self, message):
        """As Channels dispatches, without its hop to the database thread before every event
        (`aclose_old_connections`): with a thousand sockets in a room, that was a thousand
        hops per message, all on the one thread. Every database call of this consumer goes
        through `db` or `database_sync_to_async`, which close old connections themselves."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        self.busy = True
        try:
            await handler(message)
        finally:
            self.busy = False

    async def room_event(self, event):
        """A frame for the room (`groups.event`), sent as it was written."""
        if event["skip"] and event["skip"] == self.channel_name:
            return
        if event["kind"] == "presence" and event["v"] <= self.presence_version:
            return  # read before this socket's snapshot, which already says it
        await self.send(text_data=event["text"])
        if event["kind"] == "message":
            await self._sent_message(event["seq"])

    async def room_recheck(self, event):
        """This person's access may have changed (`groups.recheck_access_on_commit`)."""
        if not await db(_still_allowed)(self.room.pk, self.user.pk):
            await self._forbidden()

    async def room_kick(self, event):
        if event.get("user_id") == self.user.pk:
            await self._error("forbidden", _("La modération vous a exclu·e de ce salon."))
            await self.close(code=CLOSE_FORBIDDEN)
