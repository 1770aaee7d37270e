"""Counting actions per person in the shared cache (Redis in production), so that a limit
holds across every server process."""

from django.core.cache import cache


def allow(key: str, *, limit: int, window: int) -> bool:
    """Count one more action for `key`; True while at most `limit` happened in the window
    that started with the first of them."""
    cache_key = f"ratelimit:{key}"
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit
