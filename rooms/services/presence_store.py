"""Where presence lives: who is connected to which room, never in the database.

In Redis (production, CI), each room has five keys changed only by Lua scripts, so a join
or a leave is one atomic round trip whatever the number of people, with no lock to wait
for and nothing read back and written whole:

- `…:c` sorted set: connection → the moment it expires unless refreshed;
- `…:u` hash: connection → user id;
- `…:k` hash: user id → how many of their connections are here;
- `…:n` hash: user id → name, for the people here;
- `…:v` the room's presence version, bumped when someone comes or goes.

Without Redis (a developer's machine on SQLite, one process) the same operations run on
a dictionary in the process's memory. Both answer in the same shapes: a version, whether
the person came (their first connection here), and the ids of those who went (last
connection closed, or expired because a process died without saying goodbye).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

# `drop` forgets one connection (noting its person in `gone` when it was their last);
# `clean` drops those whose time ran out and returns the ids of people left with none.
_CLEAN = """
local function drop(c, gone)
  if redis.call('ZREM', KEYS[1], c) == 0 then return end
  local uid = redis.call('HGET', KEYS[2], c)
  redis.call('HDEL', KEYS[2], c)
  if uid and redis.call('HINCRBY', KEYS[3], uid, -1) <= 0 then
    redis.call('HDEL', KEYS[3], uid)
    redis.call('HDEL', KEYS[4], uid)
    table.insert(gone, uid)
  end
end
local function clean(now)
  local gone = {}
  for _, c in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
    drop(c, gone)
  end
  return gone
end
local function version(changed)
  if changed then return redis.call('INCR', KEYS[5]) end
  return tonumber(redis.call('GET', KEYS[5]) or '0')
end
local function keep(seconds)
  for i = 1, 5 do redis.call('EXPIRE', KEYS[i], seconds) end
end
"""

# ARGV: connection, user id, name, now, expires at, keep keys for (s)
_JOIN = (
    _CLEAN
    + """
local gone = clean(ARGV[4])
local came = 0
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
  if redis.call('HINCRBY', KEYS[3], ARGV[2], 1) == 1 then came = 1 end
end
redis.call('ZADD', KEYS[1], ARGV[5], ARGV[1])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
local v = version(came == 1 or #gone > 0)
keep(ARGV[6])
return {v, came, gone}
"""
)

# ARGV: connection, now, keep keys for (s)
_LEAVE = (
    _CLEAN
    + """
local gone = clean(ARGV[2])
drop(ARGV[1], gone)
local v = version(#gone > 0)
keep(ARGV[3])
return {v, 0, gone}
"""
)

# ARGV: now. Everyone here (a flat list id, name, id, name…), after forgetting the expired.
_EVERYONE = (
    _CLEAN
    + """
local gone = clean(ARGV[1])
local v = version(#gone > 0)
return {v, redis.call('HGETALL', KEYS[4]), gone}
"""
)

# ARGV: user ids. The version and, for each id, the name if the person is here, else false.
_STATE = """
local v = tonumber(redis.call('GET', KEYS[5]) or '0')
local names = {}
for i, uid in ipairs(ARGV) do names[i] = redis.call('HGET', KEYS[4], uid) end
return {v, names}
"""


@dataclass
class Moved:
    """What one operation changed: the version after it, whether the person came, the ids
    of those who went."""

    version: int
    came: bool = False
    gone: set[int] = field(default_factory=set)


class RedisStore:
    def __init__(self, redis_cache: RedisCache):
        self.cache = redis_cache
        # Django's RedisCache keeps its redis-py client behind `_cache` (not typed).
        client = redis_cache._cache.get_client(write=True)  # type: ignore[attr-defined]
        self.scripts = {
            name: client.register_script(source)
            for name, source in (
                ("join", _JOIN),
                ("leave", _LEAVE),
                ("everyone", _EVERYONE),
                ("state", _STATE),
            )
        }

    def _keys(self, room_id: int) -> list[str]:
        base = self.cache.make_key(f"room-presence:{room_id}")
        return [f"{base}:{part}" for part in "cuknv"]

    def _run(self, name: str, room_id: int, args: list) -> list:
        return self.scripts[name](keys=self._keys(room_id), args=args)

    @staticmethod
    def _moved(answer: list) -> Moved:
        version, came, gone = answer
        return Moved(int(version), bool(came), {int(pk) for pk in gone})

    def join(self, room_id: int, connection: str, user_id: int, name: str, now: float, ttl):
        args = [connection, user_id, name, repr(now), repr(now + ttl), int(ttl * 2)]
        return self._moved(self._run("join", room_id, args))

    def leave(self, room_id: int, connection: str, now: float, ttl) -> Moved:
        return self._moved(self._run("leave", room_id, [connection, repr(now), int(ttl * 2)]))

    def everyone(self, room_id: int, now: float) -> tuple[Moved, dict[int, str]]:
        version, flat, gone = self._run("everyone", room_id, [repr(now)])
        pairs = iter(flat)
        people = {int(pk): name.decode() for pk, name in zip(pairs, pairs, strict=True)}
        return Moved(int(version), False, {int(pk) for pk in gone}), people

    def state(self, room_id: int, user_ids: list[int]) -> tuple[int, dict[int, str | None]]:
        version, names = self._run("state", room_id, list(user_ids))
        return int(version), {
            pk: (name.decode() if name else None) for pk, name in zip(user_ids, names, strict=True)
        }


class MemoryStore:
    """The same operations on the process's own cache (no Redis: one process only), a
    room's whole entry read and written under a lock of the process."""

    def __init__(self):
        self.lock = threading.Lock()

    @contextmanager
    def _room(self, room_id: int, ttl: float = 0) -> Iterator[dict]:
        key = f"room-presence:{room_id}"
        with self.lock:
            room = cache.get(key) or {"conns": {}, "counts": {}, "names": {}, "v": 0}
            yield room
            cache.set(key, room, timeout=max(ttl * 2, 180))

    @staticmethod
    def _clean(room: dict, now: float) -> set[int]:
        gone = set()
        for connection, (user_id, expires) in list(room["conns"].items()):
            if expires <= now:
                del room["conns"][connection]
                if MemoryStore._drop(room, user_id):
                    gone.add(user_id)
        return gone

    @staticmethod
    def _drop(room: dict, user_id: int) -> bool:
        room["counts"][user_id] -= 1
        if room["counts"][user_id] > 0:
            return False
        del room["counts"][user_id]
        room["names"].pop(user_id, None)
        return True

    @staticmethod
    def _version(room: dict, changed: bool) -> int:
        room["v"] += 1 if changed else 0
        return room["v"]

    def join(self, room_id, connection, user_id, name, now, ttl) -> Moved:
        with self._room(room_id, ttl) as room:
            gone = self._clean(room, now)
            came = False
            if connection not in room["conns"]:
                room["counts"][user_id] = room["counts"].get(user_id, 0) + 1
                came = room["counts"][user_id] == 1
            room["conns"][connection] = (user_id, now + ttl)
            room["names"][user_id] = name
            return Moved(self._version(room, came or bool(gone)), came, gone)

    def leave(self, room_id, connection, now, ttl) -> Moved:
        with self._room(room_id, ttl) as room:
            gone = self._clean(room, now)
            entry = room["conns"].pop(connection, None)
            if entry is not None and self._drop(room, entry[0]):
                gone.add(entry[0])
            return Moved(self._version(room, bool(gone)), False, gone)

    def everyone(self, room_id, now) -> tuple[Moved, dict[int, str]]:
        with self._room(room_id) as room:
            gone = self._clean(room, now)
            return Moved(self._version(room, bool(gone)), False, gone), dict(room["names"])

    def state(self, room_id, user_ids) -> tuple[int, dict[int, str | None]]:
        with self._room(room_id) as room:
            return room["v"], {pk: room["names"].get(pk) for pk in user_ids}


_memory = MemoryStore()
_redis: dict[int, RedisStore] = {}


def store() -> RedisStore | MemoryStore:
    """Redis when the default cache is Redis, else the process's own cache."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return _memory
    # One store (its scripts registered once) per Redis client, i.e. per settings.
    client = id(backend._cache)  # type: ignore[attr-defined]
    if client not in _redis:
        _redis[client] = RedisStore(backend)
    return _redis[client]
