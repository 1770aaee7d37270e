"""Presence and typing: who is in a room now. They live in the cache (Redis in
production), never in the database, and expire on their own.

A connection gets who is here once (`snapshot`), then only the changes (`Change`): a join
or a leave costs one small frame for each member, never the whole list to everyone (with
a thousand people, the list to everyone on every join made about a million entries).
Every change bumps the room's presence version, which both frames carry, so a client
applies only the changes newer than its snapshot, whatever the order they arrive in."""

from __future__ import annotations

import logging
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.cache import cache

from rooms import access
from rooms.models import Room

from . import limits
from .groups import send_now
from .payloads import person_dict

logger = logging.getLogger(__name__)


def _presence_key(room_id: int) -> str:
    return f"room-presence:{room_id}"


# The key of a room's presence entry that holds its version (the connections' keys are
# channel names, which never start with "_").
VERSION = "_v"


@dataclass
class Change:
    """What one join, refresh or leave changed in who is here: the people who came (no
    other connection of theirs was there), the ids of those who went (their last
    connection left, or expired: a process died), and the room's presence version after
    it. Clients apply changes newer than their snapshot (`snapshot`)."""

    version: int
    joined: list[dict] = field(default_factory=list)
    left: list[int] = field(default_factory=list)

    def frame(self) -> dict:
        return {"type": "presence", "v": self.version, "joined": self.joined, "left": self.left}


def _read(room_id: int) -> tuple[dict, int, set[int]]:
    """The live connections, the version and the people whose every connection expired."""
    now = time.time()
    stored = cache.get(_presence_key(room_id)) or {}
    version = stored.pop(VERSION, 0)
    live = {conn: e for conn, e in stored.items() if e[2] > now}
    expired = {e[0] for e in stored.values()} - {e[0] for e in live.values()}
    return live, version, expired


def _live_entries_or_none(room_id: int) -> tuple[dict, int]:
    """Presence as far as it can be known: nobody, when the cache is unreachable."""
    try:
        live, version, _expired = _read(room_id)
        return live, version
    except Exception:
        logger.warning("Room %s: presence unknown, the cache is unreachable", room_id)
        return {}, 0


def _people(entries: dict) -> list[dict]:
    people = {user_id: name for user_id, name, _expires in entries.values()}
    return [{"id": pk, "name": name} for pk, name in sorted(people.items(), key=lambda i: i[1])]


def present_people(room_id: int) -> list[dict]:
    """Who is in the room now, once each, by name."""
    return _people(_live_entries_or_none(room_id)[0])


def present_user_ids(room_id: int) -> list[int]:
    return [p["id"] for p in present_people(room_id)]


def snapshot(room_id: int) -> dict:
    """The frame a connection gets once, after joining: everyone here and the version."""
    entries, version = _live_entries_or_none(room_id)
    return {"type": "presence", "v": version, "online": _people(entries)}


PRESENCE_LOCK_SECONDS = 2


PRESENCE_LOCK_TRIES = 50


@contextmanager
def _presence_lock(room_id: int):
    """Serialise the read-modify-write of a room's presence entry across processes: a
    short lock taken with the cache's atomic `add` (SET NX in Redis), so two people
    leaving at the same moment cannot undo each other. If the lock cannot be had within
    about a second (a process died holding it: it expires), go on without it; the next
    refresh of each connection repairs the entry."""
    key = f"room-presence-lock:{room_id}"
    token = uuid.uuid4().hex
    held = False
    for _attempt in range(PRESENCE_LOCK_TRIES):
        if cache.add(key, token, timeout=PRESENCE_LOCK_SECONDS):
            held = True
            break
        time.sleep(0.02)
    try:
        yield
    finally:
        if held and cache.get(key) == token:
            cache.delete(key)


def _write(room_id: int, live: dict, version: int, *, joined=(), left=()) -> Change:
    """Store the entry; a new version only when someone came or went."""
    changed = bool(joined or left)
    if changed:
        version += 1
    ttl = limits()["ROOM_PRESENCE_TTL"]
    cache.set(_presence_key(room_id), {**live, VERSION: version}, timeout=ttl * 2)
    return Change(version, joined=list(joined), left=sorted(left))


def join_presence(*, room_id: int, connection: str, user) -> Change:
    """Note (or refresh) one connection in the room. Each entry expires after
    `ROOM_PRESENCE_TTL` seconds unless the connection refreshes it, so a crashed process
    leaves no ghost for long. Returns what changed: the person, if this is their first
    connection here, and whoever expired since."""
    ttl = limits()["ROOM_PRESENCE_TTL"]
    with _presence_lock(room_id):
        live, version, expired = _read(room_id)
        here = {e[0] for e in live.values()}
        live[connection] = (user.pk, str(user), time.time() + ttl)
        joined = [] if user.pk in here else [{"id": user.pk, "name": str(user)}]
        return _write(room_id, live, version, joined=joined, left=expired - {user.pk})


def leave_presence(*, room_id: int, connection: str) -> Change:
    """Forget one connection; the person has left once their last connection has."""
    with _presence_lock(room_id):
        live, version, expired = _read(room_id)
        entry = live.pop(connection, None)
        if entry is not None and entry[0] not in {e[0] for e in live.values()}:
            expired.add(entry[0])
        return _write(room_id, live, version, left=expired)


def arrive(*, room_id: int, connection: str, user) -> dict:
    """A connection joins: the others hear of the person if they just came; the snapshot
    this connection starts from is returned."""
    broadcast_change(
        room_id, join_presence(room_id=room_id, connection=connection, user=user), skip=connection
    )
    return snapshot(room_id)


def stay(*, room_id: int, connection: str, user) -> None:
    """The periodic refresh of a connection; tells the room of those who expired."""
    broadcast_change(room_id, join_presence(room_id=room_id, connection=connection, user=user))


def go(*, room_id: int, connection: str) -> None:
    broadcast_change(room_id, leave_presence(room_id=room_id, connection=connection))


def broadcast_change(room_id: int, change: Change, *, skip: str = "") -> None:
    """Tell the room who came and went (nothing when nobody did): one small frame for
    each member, whatever the number of people here."""
    if change.joined or change.left:
        send_now(room_id, {"type": "room.event", "payload": change.frame(), "skip": skip})


def typing(*, user, room: Room, connection: str = "") -> bool:
    """Tell the others in the room that someone is typing, at most every three seconds per
    person. Never stored."""
    if not cache.add(f"room-typing:{room.pk}:{user.pk}", 1, timeout=3):
        return False
    if not access.can_write_room(user, room):
        return False
    payload = {"type": "typing", "user": person_dict(user)}
    send_now(room.pk, {"type": "room.event", "payload": payload, "skip": connection})
    return True
