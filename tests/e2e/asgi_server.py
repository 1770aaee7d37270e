"""A real ASGI server (uvicorn) in a subprocess, for the tests that need WebSockets.

pytest-django's `live_server` is a WSGI server in the test process: it cannot speak
WebSocket. `AsgiServer` runs `uvicorn website.asgi:application` with the test settings on
a loopback port, pointed at the test process's own test database (tests using it must use
`transactional_db`, so that what they write is committed and visible to the server). With
`REDIS_URL` set both processes share the channel layer and the cache, and the same Redis
database: `PYTEST_XDIST_WORKER` is passed through, which test settings use to pick it.

On SQLite the test database is a file (see website/settings/test.py), for the same reason.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The URL of the database this test process uses now (the test database, once
    pytest-django has set it up), for django-environ in the server process."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        name = str(db["NAME"])
        if name == ":memory:" or name.startswith("file:"):
            raise RuntimeError(
                "the SQLite test database is in memory: another process cannot see it "
                "(website/settings/test.py should give it a file name)"
            )
        return f"sqlite:///{Path(name).resolve()}"
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise RuntimeError(f"no URL for database engine {db['ENGINE']}")
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}{'@' if credentials else ''}{host}{port}/{db['NAME']}"


class AsgiServer:
    """One uvicorn process serving the site on `http://127.0.0.1:<port>`; it can be
    killed and started again on the same port."""

    def __init__(self, port: int | None = None, name: str = "asgi", env: dict | None = None):
        self.port = port or free_port()
        self.name = name
        self.extra_env = env or {}
        self.process: subprocess.Popen | None = None
        log_dir = Path(tempfile.gettempdir()) / "relais-e2e-logs"
        log_dir.mkdir(exist_ok=True)
        self.log_path = log_dir / f"{name}-{os.getpid()}-{self.port}.log"
        self.log_path.write_text("")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # The browser fixture allows sync ORM calls next to Playwright's event loop in the
        # test process; the server must keep Django's async-safety check.
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        env["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
        env["DATABASE_URL"] = database_url()
        if settings.REDIS_URL:
            env["REDIS_URL"] = settings.REDIS_URL
        else:
            env.pop("REDIS_URL", None)
        env["PYTHONUNBUFFERED"] = "1"
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 30.0) -> AsgiServer:
        """Start uvicorn (settings from the environment, plus `env` given at creation)."""
        assert self.process is None or self.process.poll() is not None, "already running"
        with self.log_path.open("a") as log:
            log.write(f"--- start on port {self.port} at {time.strftime('%H:%M:%S')}\n")
            log.flush()
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "website.asgi:application",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--lifespan",
                    "off",
                    "--no-access-log",
                    "--timeout-graceful-shutdown",
                    "2",
                    "--log-level",
                    os.environ.get("RELAIS_E2E_SERVER_LOG_LEVEL", "warning"),
                ],
                cwd=ROOT,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: a signal reaches it only
            )
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited at start-up:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} not ready within {timeout}s:\n{self.log()}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Stop the process abruptly (by default): no clean WebSocket close, no goodbye."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:]
