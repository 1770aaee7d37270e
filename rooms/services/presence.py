"""Presence and typing: who is in a room now. They live in the cache (Redis in
production), never in the database, and expire on their own."""

from __future__ import annotations

import logging
import time
import uuid
from contextlib import contextmanager

from django.core.cache import cache

from rooms import access
from rooms.models import Room

from . import limits
from .groups import send_now
from .payloads import person_dict

logger = logging.getLogger(__name__)


def _presence_key(room_id: int) -> str:
    return f"room-presence:{room_id}"


def _live_entries(room_id: int) -> dict:
    now = time.time()
    entries = cache.get(_presence_key(room_id)) or {}
    return {conn: e for conn, e in entries.items() if e[2] > now}


def _live_entries_or_none(room_id: int) -> dict:
    """Presence as far as it can be known: nobody, when the cache is unreachable."""
    try:
        return _live_entries(room_id)
    except Exception:
        logger.warning("Room %s: presence unknown, the cache is unreachable", room_id)
        return {}


def present_people(room_id: int) -> list[dict]:
    """Who is in the room now, once each, by name."""
    people = {}
    for user_id, name, _expires in _live_entries_or_none(room_id).values():
        people[user_id] = name
    return [{"id": pk, "name": name} for pk, name in sorted(people.items(), key=lambda i: i[1])]


def present_user_ids(room_id: int) -> list[int]:
    return [p["id"] for p in present_people(room_id)]


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


def join_presence(*, room_id: int, connection: str, user) -> None:
    """Note (or refresh) one connection in the room. Each entry expires after
    `ROOM_PRESENCE_TTL` seconds unless the connection refreshes it, so a crashed process
    leaves no ghost for long."""
    ttl = limits()["ROOM_PRESENCE_TTL"]
    with _presence_lock(room_id):
        entries = _live_entries(room_id)
        entries[connection] = (user.pk, str(user), time.time() + ttl)
        cache.set(_presence_key(room_id), entries, timeout=ttl * 2)


def leave_presence(*, room_id: int, connection: str) -> None:
    with _presence_lock(room_id):
        entries = _live_entries(room_id)
        if entries.pop(connection, None) is not None:
            cache.set(_presence_key(room_id), entries, timeout=limits()["ROOM_PRESENCE_TTL"] * 2)


def broadcast_presence(room_id: int) -> None:
    send_now(
        room_id,
        {"type": "room.event", "payload": {"type": "presence", "online": present_people(room_id)}},
    )


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
