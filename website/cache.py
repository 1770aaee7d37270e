"""A Redis cache that degrades instead of failing when Redis cannot be reached.

Everything Relais keeps in the cache can be lost or recomputed: cached sessions (the
database holds them too), allauth's rate-limit counters, room presence and typing.
So when Redis is down the pages keep serving: a read is a miss, a write is skipped, and
the error is logged (once per pause, not once per call). After a failure Redis is left
alone for `RETRY_AFTER` seconds, so that a host that does not answer costs one short
timeout per process and pause, not one per cache call.

Rate limits fail open while Redis is down: refusing every sign-in of the network because
a counter cannot be read would be an outage of its own; the outage is logged as an error
and `/healthz` answers 503, so it does not go unnoticed. `incr` is the exception: it raises,
so that Relais's own counters (`community.services.ratelimit`) go on counting in the
process's memory instead of letting everything through.

A write that could not reach Redis leaves what Redis held before, which would come back
once Redis answers again: a session deleted at sign-out would sign its cookie in again.
So every key written or deleted during a pause is remembered (per process) and deleted
from Redis before anything else is done there once it answers again; reads then go to the
database, which holds the truth for sessions.
"""

from __future__ import annotations

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _written_keys(method_name, args, kwargs) -> list:
    """The keys a write operation would have changed in Redis (none for a read)."""
    if method_name in ("set", "add", "touch", "delete"):
        return [args[0] if args else kwargs["key"]]
    if method_name == "set_many":
        return list((args[0] if args else kwargs["data"]).keys())
    if method_name == "delete_many":
        return list(args[0] if args else kwargs["keys"])
    return []


def _degrades(fallback):
    """Run the cache operation; while Redis is unreachable return `fallback(*args, **kw)`
    (or raise, when `fallback` is None) and remember the keys a write could not change."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            paused = self._down_until() > time.monotonic()
            try:
                if paused:
                    raise RedisConnectionError("Redis was unreachable a moment ago")
                if self._down_until():
                    self._recover()
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                if not paused:
                    self._mark_down(error)
                version = kwargs.get("version")
                self._remember_stale(
                    (key, version) for key in _written_keys(method.__name__, args, kwargs)
                )
                if fallback is None:
                    raise
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _true(*args, **kwargs):
    return True


def _empty_dict(*args, **kwargs):
    return {}


def _empty_list(*args, **kwargs):
    return []


def _get_or_set(key, default, timeout=None, version=None):
    return default() if callable(default) else default


# Django makes one cache object per thread (and ASGI runs each request in a thread of its
# own), so whether Redis is down is remembered per process, by server address.
_DOWN_UNTIL: dict[str, float] = {}
# Keys written or deleted while Redis was unreachable, deleted there once it answers.
_STALE: dict[str, set] = {}
_STALE_MAX = 100_000
_STATE_LOCK = threading.Lock()


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, degrading on connection errors (see the module docstring)."""

    RETRY_AFTER = 5.0  # seconds Redis is left alone after a failure

    def _state_key(self) -> str:
        return ",".join(self._servers)  # type: ignore[attr-defined]  # private: not in django-stubs

    def _down_until(self) -> float:
        return _DOWN_UNTIL.get(self._state_key(), 0.0)

    def _mark_down(self, error: Exception) -> None:
        with _STATE_LOCK:
            already_down = _DOWN_UNTIL.get(self._state_key(), 0.0) > 0
            _DOWN_UNTIL[self._state_key()] = time.monotonic() + self.RETRY_AFTER
        if not already_down:
            logger.error("Redis cache unreachable, serving without it: %s", error)

    def _remember_stale(self, keys) -> None:
        keys = list(keys)
        if not keys:
            return
        with _STATE_LOCK:
            stale = _STALE.setdefault(self._state_key(), set())
            if len(stale) + len(keys) > _STALE_MAX:
                logger.error("Too many keys written while Redis was down: some may be stale")
                return
            stale.update(keys)

    def _recover(self) -> None:
        """Redis may answer again: first delete what was written while it did not (raises
        if it still does not answer), then use it again."""
        with _STATE_LOCK:
            stale = list(_STALE.get(self._state_key(), ()))
        for version in {version for _, version in stale}:
            super().delete_many([key for key, v in stale if v == version], version=version)
        with _STATE_LOCK:
            _STALE.get(self._state_key(), set()).difference_update(stale)
            was_down = _DOWN_UNTIL.pop(self._state_key(), None) is not None
        if was_down:
            logger.warning("Redis cache reachable again")

    @_degrades(_default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrades(_true)
    def add(self, key, value, timeout=None, version=None):
        # True: the caller goes ahead (a lock is "taken", a first event is "new"). Never
        # False: allauth's rate limiter waits in a loop until its lock's `add` succeeds.
        return super().add(key, value, timeout, version)

    @_degrades(_nothing)
    def set(self, key, value, timeout=None, version=None):
        return super().set(key, value, timeout, version)

    @_degrades(_false)
    def touch(self, key, timeout=None, version=None):
        return super().touch(key, timeout, version)

    @_degrades(_false)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_degrades(_empty_dict)
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_degrades(_false)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_degrades(None)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_degrades(_empty_list)
    def set_many(self, data, timeout=None, version=None):
        return super().set_many(data, timeout, version)

    @_degrades(_nothing)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_degrades(_get_or_set)
    def get_or_set(self, key, default, timeout=None, version=None):
        return super().get_or_set(key, default, timeout, version)

    @_degrades(_false)
    def clear(self):
        return super().clear()
