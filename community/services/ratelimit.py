"""Counting actions per person in the shared cache (Redis in production), so that a limit
holds across every server process.

Should the shared cache be unreachable, counting goes on in this process's memory: the
limit then holds per process rather than across them, and nobody is refused an action
because Redis is down."""

import logging

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

_local = LocMemCache("relais-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def _count(store, cache_key: str, window: int) -> int:
    store.add(cache_key, 0, timeout=window)
    try:
        return store.incr(cache_key)
    except ValueError:  # expired between add and incr
        store.set(cache_key, 1, timeout=window)
        return 1


def allow(key: str, *, limit: int, window: int) -> bool:
    """Count one more action for `key`; True while at most `limit` happened in the window
    that started with the first of them."""
    cache_key = f"ratelimit:{key}"
    try:
        count = _count(cache, cache_key, window)
    except Exception:  # the shared cache is down: degrade, do not fail
        logger.warning("Rate limit counted in memory: the cache is unreachable", exc_info=True)
        count = _count(_local, cache_key, window)
    return count <= limit
