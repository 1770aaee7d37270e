"""Sessions cached in Redis, and a Redis cache that degrades instead of failing."""

from __future__ import annotations

import logging

import pytest
from django.conf import global_settings, settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from community.services.ratelimit import allow
from tests.factories import UserFactory
from website.cache import ResilientRedisCache
from website.settings import base

# What dev and production run with (base.py). The test settings keep database sessions so
# that the query counts other tests pin are the same with and without Redis.
SITE_SESSION_ENGINE = getattr(base, "SESSION_ENGINE", global_settings.SESSION_ENGINE)


@pytest.mark.skipif(not settings.REDIS_URL, reason="sessions are cached when Redis is there")
@override_settings(SESSION_ENGINE=SITE_SESSION_ENGINE)
def test_signed_in_request_reads_no_session_row_when_redis_is_configured(client, site_settings):
    user = UserFactory(display_name="Alice Admin")
    client.force_login(user)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/moi/")

    assert response.status_code == 200
    assert response.wsgi_request.user == user
    assert [q["sql"] for q in queries.captured_queries if "django_session" in q["sql"]] == []


def unreachable_redis_url() -> str:
    """A Redis address on a loopback port nobody listens on: a real refused connection."""
    from tests.e2e.asgi_server import free_port

    return f"redis://127.0.0.1:{free_port()}/0"


def test_cache_degrades_to_misses_and_skipped_writes_when_redis_is_unreachable(caplog):
    cache = ResilientRedisCache(unreachable_redis_url(), {"OPTIONS": base.REDIS_CACHE_OPTIONS})

    with caplog.at_level(logging.ERROR, logger="website.cache"):
        results = [
            cache.get("a", "default"),
            cache.get_many(["a", "b"]),
            cache.set("a", 1),
            cache.add("lock", 1),
            cache.incr("counter"),
            cache.has_key("a"),
            cache.delete("a"),
            cache.get_or_set("b", lambda: "computed"),
            cache.touch("a"),
        ]

    assert results == ["default", {}, None, True, 1, False, False, "computed", False]
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "Redis cache unreachable, serving without it"
    ]


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs a running Redis")
def test_cache_stores_and_reads_when_redis_is_reachable():
    cache = ResilientRedisCache(settings.CACHES["default"]["LOCATION"], {"KEY_PREFIX": "rt"})

    cache.set("a", {"x": 1})

    assert cache.get("a") == {"x": 1}
    assert cache.add("a", 2) is False
    assert cache.add("n", 0) is True
    assert cache.incr("n", 3) == 3
    cache.delete_many(["a", "n"])
    assert cache.get("a") is None


def test_rate_limits_let_people_through_while_redis_is_unreachable():
    unreachable = {
        "default": {
            "BACKEND": "website.cache.ResilientRedisCache",
            "LOCATION": unreachable_redis_url(),
            "OPTIONS": base.REDIS_CACHE_OPTIONS,
        }
    }
    with override_settings(CACHES=unreachable):
        allowed = [allow("room:1:user:1", limit=2, window=60) for _ in range(5)]

    assert allowed == [True] * 5
