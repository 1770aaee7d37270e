"""Sessions cached in Redis, and a Redis cache that degrades instead of failing."""

from __future__ import annotations

import logging
import socket
import threading
import time
from urllib.parse import urlsplit

import pytest
from django.conf import global_settings, settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from redis.exceptions import ConnectionError as RedisConnectionError

from community.services.ratelimit import allow
from tests.e2e.asgi_server import free_port
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

    return f"redis://127.0.0.1:{free_port()}/0"


def test_cache_degrades_to_misses_and_skipped_writes_when_redis_is_unreachable(caplog):
    cache = ResilientRedisCache(unreachable_redis_url(), {"OPTIONS": base.REDIS_CACHE_OPTIONS})

    with caplog.at_level(logging.ERROR, logger="website.cache"):
        results = [
            cache.get("a", "default"),
            cache.get_many(["a", "b"]),
            cache.set("a", 1),
            cache.add("lock", 1),
            cache.has_key("a"),
            cache.delete("a"),
            cache.get_or_set("b", lambda: "computed"),
            cache.touch("a"),
        ]

    assert results == ["default", {}, None, True, False, False, "computed", False]
    # A counter cannot pretend: its callers count elsewhere (see the rate-limit test).
    with pytest.raises(RedisConnectionError):
        cache.incr("counter")
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

    # Counted in the process's memory meanwhile: the limit still holds.
    assert allowed == [True, True, False, False, False]


class RedisLink:
    """A TCP relay in front of the running Redis, on a loopback port of its own: `cut()`
    drops every connection and refuses new ones (a network fault: Redis keeps its data,
    nothing sent meanwhile reaches it), `restore()` listens again on the same port."""

    def __init__(self, target_port: int):
        self._socket, self._threading = socket, threading
        self.target_port = target_port
        self.connections: list = []
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.restore()

    def restore(self):
        self.listener = self._socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        self._threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        try:  # wakes the thread blocked in accept(): a bare close() would not
            self.listener.shutdown(self._socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        for link in self.connections:
            try:
                link.shutdown(self._socket.SHUT_RDWR)
            except OSError:
                pass
            link.close()
        self.connections.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = self._socket.create_connection(("127.0.0.1", self.target_port))
            self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                self._threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs a running Redis")
def test_cache_forgets_on_recovery_what_was_deleted_while_redis_did_not_answer():
    """A session deleted at sign-out while Redis was out of reach must not come back with
    Redis: the cookie would be signed in again."""

    location = urlsplit(settings.CACHES["default"]["LOCATION"])
    link = RedisLink(location.port or 6379)
    url = f"redis://127.0.0.1:{link.port}{location.path}"
    cache = ResilientRedisCache(
        url, {"KEY_PREFIX": "recovery", "OPTIONS": base.REDIS_CACHE_OPTIONS}
    )
    cache.RETRY_AFTER = 0.2
    cache.set("session-of-alice", {"_auth_user_id": "1"})
    cache.set("session-of-bob", {"_auth_user_id": "2"})
    try:
        link.cut()
        cache.delete("session-of-alice")  # cannot reach Redis, which still holds it
        link.restore()
        time.sleep(0.3)

        assert (cache.get("session-of-alice"), cache.get("session-of-bob")) == (
            None,
            {"_auth_user_id": "2"},
        )
    finally:
        link.cut()
