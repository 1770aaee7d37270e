"""PostgreSQL stops, then comes back (issue 16, "Faults"): a real uvicorn with the production
settings on a PostgreSQL cluster of this test only (tests/e2e/throwaway.py: the machine's
own PostgreSQL serves other runs and is never stopped), holding a copy of the test
database (pg_dump, a few seconds; migrating a new database would take much longer).

While the database is down a page asks for it gets a short error page in the person's
language (their language cookie, or their browser's), with no trace of the code, and
/healthz answers 503 naming the database; once it is back the site serves again by itself
(the connection pool opens new connections), with no restart.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from django.db import connection

from tests.e2e.asgi_server import database_url
from tests.e2e.production_server import ProductionServer
from tests.e2e.throwaway import ThrowawayPostgres, wait_until
from tests.factories import OrganisationFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="production runs PostgreSQL: its outage is tested against PostgreSQL",
    ),
]

# The words of templates/500.html in each language, and what must never be shown.
ERROR_TITLE = {
    "fr": "Une erreur est survenue",
    "nl": "Er is een fout opgetreden",
    "en": "Something went wrong",
}
POOL_TIMEOUT = 2
NEVER = ["Traceback", "psycopg", "OperationalError", "File &quot;", 'File "', "/site-packages/"]


@pytest.fixture
def postgres(transactional_db, home_page) -> Iterator[ThrowawayPostgres]:
    """A private cluster holding a copy of the test database as it is now."""
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore are needed to copy the test database")
    OrganisationFactory(name="Recyclerie des Deux Rives")  # something the pages list
    cluster = ThrowawayPostgres()
    try:
        cluster.init()
        subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
                        "relais"], check=True)  # fmt: skip
        dump = subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", "--no-privileges", "-d", database_url()],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(
            ["pg_restore", "--no-owner", "--no-privileges", "-d", cluster.url("relais")],
            input=dump,
            check=True,
            capture_output=True,
        )
        yield cluster
    finally:
        cluster.destroy()


def fetch(server, path: str, **headers) -> tuple[int, str]:
    request = urllib.request.Request(server.url + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode()


def test_postgres_down_gives_a_short_error_page_in_the_persons_language_then_recovers(
    postgres, redis
):
    server = ProductionServer(
        name="faults-postgres",
        redis_url=redis.url,
        # Visitors' pages are kept in Redis (website/page_cache.py), which would answer
        # for the database here: each request below must reach it.
        # A request waits for a pooled connection up to DB_POOL_TIMEOUT (10 s by default),
        # also while the database is down: shortened here to keep the test short.
        env={
            "DATABASE_URL": postgres.url("relais"),
            "PAGE_CACHE_SECONDS": "0",
            "DB_POOL_TIMEOUT": str(POOL_TIMEOUT),
        },
    )
    server.start()
    try:
        assert fetch(server, "/organisations/")[0] == 200, server.log()
        assert json.loads(fetch(server, "/healthz")[1])["checks"] == {
            "database": "ok",
            "redis": "ok",
        }

        postgres.stop()
        stopped = time.monotonic()
        answers = {
            "nl": fetch(server, "/organisations/", **{"Accept-Language": "nl-BE,nl;q=0.9"}),
            "en": fetch(server, "/outils/", Cookie="django_language=en"),
            "fr": fetch(server, "/", **{"Accept-Language": "fr-BE"}),
        }
        slowest = time.monotonic() - stopped
        health_status, health = fetch(server, "/healthz")

        for language, (status, page) in answers.items():
            assert status == 500, (language, status, page[:300], server.log())
            assert f"<h1>{ERROR_TITLE[language]}</h1>" in page, (language, page)
            assert f'<html lang="{language}">' in page, (language, page[:200])
            assert len(page) < 3000, (language, len(page))
            assert [word for word in NEVER if word in page] == [], (language, page)
        # Each waited for the pool, no longer: nothing hangs while the database is down.
        assert slowest < 3 * POOL_TIMEOUT + 5, f"the error pages took {slowest:.1f} s"
        assert health_status == 503
        assert json.loads(health)["checks"] == {"database": "error", "redis": "ok"}

        postgres.start()
        restarted = time.monotonic()
        # Back by itself: no restart of the site.
        wait_until(lambda: fetch(server, "/healthz")[0] == 200, 30, "healthz 200 again")
        print(f"error pages in {slowest:.1f} s; healthy {time.monotonic() - restarted:.1f} s "
              "after the database restarted")  # fmt: skip
        status, page = fetch(server, "/organisations/", **{"Accept-Language": "nl"})
        assert status == 200, server.log()
        assert "Recyclerie des Deux Rives" in page
        assert fetch(server, "/")[0] == 200
    finally:
        server.stop()
