"""Presence and typing: who is in a room now. They live in the cache (Redis in
production), never in the database, and expire on their own.

A connection gets who is here once (`snapshot`), then only the changes: never the whole
list to everyone on every join (with a thousand people that made about a million
entries). Changes are told by the process's `Announcer`, at most one frame a second per
room summing up who came and went (a crowd arriving costs each member one small frame a
second, not one per newcomer). Every change bumps the room's presence version, which the
frames carry, so a client applies about each person only news newer than what it has,
whatever the order frames of two processes arrive in. The store (Redis, or the process's
own cache without it) is in `presence_store`."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.core.cache import cache

from rooms import access
from rooms.models import Room

from . import limits, per_loop
from .groups import event, group_name, send_now
from .payloads import person_dict
from .presence_store import Moved, store

logger = logging.getLogger(__name__)


@dataclass
class Change:
    """What one join, refresh or leave changed in who is here: the people who came (no
    other connection of theirs was there), the ids of those who went (their last
    connection left, or expired: a process died), and the room's presence version after
    it."""

    version: int
    joined: list[dict] = field(default_factory=list)
    left: list[int] = field(default_factory=list)

    def frame(self) -> dict:
        return {"type": "presence", "v": self.version, "joined": self.joined, "left": self.left}

    @property
    def people(self) -> set[int]:
        return {p["id"] for p in self.joined} | set(self.left)


def _change(moved: Moved, user=None) -> Change:
    joined = [{"id": user.pk, "name": str(user)}] if user is not None and moved.came else []
    gone = moved.gone - ({user.pk} if user is not None else set())
    return Change(moved.version, joined=joined, left=sorted(gone))


def join_presence(*, room_id: int, connection: str, user) -> Change:
    """Note (or refresh) one connection in the room. Each entry expires after
    `ROOM_PRESENCE_TTL` seconds unless the connection refreshes it, so a crashed process
    leaves no ghost for long. Returns what changed: the person, if this is their first
    connection here, and whoever expired since. One atomic operation of the store
    (`presence_store`), whatever the number of people here."""
    ttl = limits()["ROOM_PRESENCE_TTL"]
    try:
        moved = store().join(room_id, connection, user.pk, str(user), time.time(), ttl)
    except Exception:
        logger.warning("Room %s: presence not noted, the cache is unreachable", room_id)
        return Change(0)
    return _change(moved, user)


def leave_presence(*, room_id: int, connection: str) -> Change:
    """Forget one connection; the person has left once their last connection has."""
    ttl = limits()["ROOM_PRESENCE_TTL"]
    try:
        return _change(store().leave(room_id, connection, time.time(), ttl))
    except Exception:
        logger.warning("Room %s: presence not updated, the cache is unreachable", room_id)
        return Change(0)


def _everyone(room_id: int) -> tuple[Change, list[dict]]:
    """Who is here now, by name, and who was found expired on the way (to be told)."""
    try:
        moved, people = store().everyone(room_id, time.time())
    except Exception:
        logger.warning("Room %s: presence unknown, the cache is unreachable", room_id)
        return Change(0), []
    listed = [{"id": pk, "name": name} for pk, name in sorted(people.items(), key=lambda i: i[1])]
    return _change(moved), listed


def present_people(room_id: int) -> list[dict]:
    """Who is in the room now, once each, by name."""
    return _everyone(room_id)[1]


def present_user_ids(room_id: int) -> list[int]:
    return [p["id"] for p in present_people(room_id)]


def snapshot(room_id: int) -> dict:
    """The frame a connection gets once, after joining: everyone here and the version."""
    change, people = _everyone(room_id)
    return {"type": "presence", "v": change.version, "online": people}


def state_frame(room_id: int, user_ids: set[int]) -> dict:
    """A presence frame about these people as they are now: those here in `joined`, the
    others in `left`, with the version it was read at. Whatever changes it sums up, a
    client applies it as one change (static/js/rooms/presence.js: about each person, only
    news newer than what it applied counts), so frames of two processes may cross."""
    ids = sorted(user_ids)
    version, names = store().state(room_id, ids)
    here = sorted(((pk, name) for pk, name in names.items() if name), key=lambda i: i[1])
    return {
        "type": "presence",
        "v": version,
        "joined": [{"id": pk, "name": name} for pk, name in here],
        "left": [pk for pk in ids if not names[pk]],
    }


class Announcer:
    """Tells each room who came and went, at most once every `ROOM_PRESENCE_EVERY`
    seconds per room and process: the first change after a quiet moment at once, the
    changes of a crowd arriving summed up in one frame a second. With a thousand people
    joining, each member gets about one frame a second instead of one per newcomer.
    Above `FRAMES_PER_SECOND` people in a room, frames are spaced further so that a room
    costs the process at most that many presence frames a second (5,000 people: one
    frame every ten seconds each). One per event loop (`announcer()`)."""

    FRAMES_PER_SECOND = 500

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.touched: dict[int, set[int]] = {}
        self.last: dict[int, float] = {}
        self.sizes: dict[int, int] = {}
        self.snapshots: dict[int, tuple[float, int, str, int]] = {}
        self.timers: dict[int, asyncio.TimerHandle] = {}
        self.tasks: set[asyncio.Task] = set()

    def note(self, room_id: int, change: Change, *, present: int | None = None) -> None:
        """`present`: how many people the room holds, when the caller just read it."""
        if present is not None:
            self.sizes[room_id] = present
        if not change.people:
            return
        self.touched.setdefault(room_id, set()).update(change.people)
        if room_id in self.timers:
            return
        crowd = self.sizes.get(room_id, 0) / self.FRAMES_PER_SECOND
        every = limits()["ROOM_PRESENCE_EVERY"] * max(1.0, crowd)
        delay = max(0.0, self.last.get(room_id, -every) + every - self.loop.time())
        self.timers[room_id] = self.loop.call_later(delay, self._start, room_id)

    # Above this many people, a snapshot read less than SHARED_FOR seconds ago is handed to
    # the next sockets joining in this process: a crowd of thousands arriving would
    # otherwise read and encode the whole list once per newcomer. The newcomer may be
    # missing from it; the announcer's next frame about them (a newer version) adds them.
    SHARE_ABOVE = 100
    SHARED_FOR = 0.5

    async def snapshot(self, room_id: int) -> tuple[int, int, str]:
        """The snapshot frame for a socket joining: its version, how many people it
        lists, and the frame as JSON."""
        shared = self.snapshots.get(room_id)
        if (
            shared
            and shared[3] > self.SHARE_ABOVE
            and self.loop.time() - shared[0] < self.SHARED_FOR
        ):
            return shared[1], shared[3], shared[2]
        frame = await sync_to_async(snapshot, thread_sensitive=False)(room_id)
        text = json.dumps(frame)
        self.snapshots[room_id] = (self.loop.time(), frame["v"], text, len(frame["online"]))
        return frame["v"], len(frame["online"]), text

    def _start(self, room_id: int) -> None:
        task = self.loop.create_task(self._flush(room_id))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _flush(self, room_id: int) -> None:
        self.timers.pop(room_id, None)
        self.last[room_id] = self.loop.time()
        people = self.touched.pop(room_id, set())
        try:
            frame = await sync_to_async(state_frame, thread_sensitive=False)(room_id, people)
            await get_channel_layer().group_send(group_name(room_id), event(frame))
        except Exception:
            logger.warning("Room %s: presence not told", room_id, exc_info=True)


# The announcer of the running event loop (one per server process).
announcer = per_loop(Announcer)


def typing(*, user, room: Room, connection: str = "") -> bool:
    """Tell the others in the room that someone is typing, at most every three seconds per
    person. Never stored."""
    if not cache.add(f"room-typing:{room.pk}:{user.pk}", 1, timeout=3):
        return False
    if not access.can_write_room(user, room):
        return False
    # Under the Chatham House rule, "someone is typing": who writes is not said.
    who = {"id": None, "name": ""} if room.chatham_house else person_dict(user)
    payload = {"type": "typing", "user": who}
    send_now(room.pk, event(payload, skip=connection))
    return True
