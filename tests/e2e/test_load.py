"""Load: 64 concurrent clients against a real uvicorn (production settings) on PostgreSQL.

Under ASGI each request runs in a thread of its own; with persistent connections
(CONN_MAX_AGE > 0) every request left a PostgreSQL connection behind until garbage
collection, and 32 clients were enough to reach `max_connections` ("too many clients",
500 everywhere). The pool (website/settings/base.py) bounds them per process.
"""

from __future__ import annotations

import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from tests.e2e.asgi_server import database_url
from tests.e2e.production_server import ProductionServer, unreachable_redis_url
from tests.factories import MembershipFactory, OrganisationFactory

CLIENTS = 64
ROUNDS = 1  # each client fetches every page this many times
POOL_MAX = 4  # the server's DB_POOL_MAX_SIZE, small so that a leak shows at once

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="measures PostgreSQL connections"
)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to count (e.g. /moi/ sending a signed-out client away)."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, cookie: str | None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with OPENER.open(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class ConnectionSampler(threading.Thread):
    """Counts, every 20 ms, the server's connections in pg_stat_activity (they carry the
    application name given to the server), on a connection of its own."""

    def __init__(self, application_name: str):
        super().__init__(daemon=True)
        self.application_name = application_name
        self.samples: list[int] = []
        self.stop = threading.Event()
        db = connection.settings_dict
        self.params = {
            "dbname": db["NAME"],
            "user": db["USER"],
            "password": db["PASSWORD"] or None,
            "host": db["HOST"] or None,
            "port": db["PORT"] or None,
            "autocommit": True,
        }

    def run(self) -> None:
        with psycopg.connect(**{k: v for k, v in self.params.items() if v is not None}) as db:
            while not self.stop.is_set():
                (count,) = db.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                    [self.application_name],
                ).fetchone()
                self.samples.append(count)
                time.sleep(0.02)


@pytest.fixture
def production_server(transactional_db) -> Iterator[Callable[..., ProductionServer]]:
    servers = []

    def start(**options) -> ProductionServer:
        servers.append(ProductionServer(**options))
        return servers[-1].start()

    yield start
    for server in servers:
        server.stop()


def test_concurrent_clients_keep_connections_bounded_without_5xx(production_server, home_page):
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    member = MembershipFactory(organisation=organisation, admin=True).user
    client = Client()
    client.force_login(member)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    application_name = f"relais-load-{os.getpid()}"
    server = production_server(
        name="load",
        # This test run's Redis database when there is one (test settings pick it per
        # worker); else an address nobody answers at (the cache degrades, pages serve).
        redis_url=settings.CACHES["default"]["LOCATION"]
        if settings.REDIS_URL
        else unreachable_redis_url(),
        env={
            "DATABASE_URL": f"{database_url()}?application_name={application_name}",
            "DB_POOL_MIN_SIZE": "1",
            "DB_POOL_MAX_SIZE": str(POOL_MAX),
            "DB_POOL_TIMEOUT": "30",
        },
    )
    pages = [
        ("/", None),
        ("/organisations/", None),
        ("/outils/", None),
        (f"/organisations/{organisation.slug}/", None),
        ("/moi/", cookie),
    ]
    jobs = [(server.url + path, c) for _ in range(ROUNDS) for path, c in pages] * CLIENTS

    sampler = ConnectionSampler(application_name)
    sampler.start()
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            statuses = list(pool.map(lambda job: fetch(*job), jobs))
    finally:
        sampler.stop.set()
        sampler.join(timeout=5)
    elapsed = time.monotonic() - started

    assert set(statuses) == {200}, server.log()
    assert len(statuses) == CLIENTS * ROUNDS * len(pages)
    assert sampler.samples, "pg_stat_activity was never read"
    assert 1 <= max(sampler.samples) <= POOL_MAX
    assert elapsed < 180
