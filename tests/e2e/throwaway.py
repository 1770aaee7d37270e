"""Throwaway Redis and PostgreSQL servers for the fault tests (tests/e2e/test_faults_*.py).

The Redis and PostgreSQL of the machine serve other test runs: a fault test never stops
them. It starts its own, on a free loopback port, and stops and starts that one:

- `ThrowawayRedis`: `redis-server` without persistence, a subprocess of the test;
- `ThrowawayPostgres`: a private cluster (`initdb` in a temporary directory, `pg_ctl`),
  run as the `postgres` OS user when the tests run as root (PostgreSQL refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.e2e.asgi_server import free_port


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_until(condition, timeout: float, what: str, interval: float = 0.05):
    """Poll `condition()` until it returns something true; its value, or AssertionError."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(interval)


class ThrowawayRedis:
    """A `redis-server` of this test only; `stop()` and `start()` again on the same port."""

    def __init__(self):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("redis-server is not installed: the Redis fault test needs its own")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> ThrowawayRedis:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: _answers(self.port), 10, f"redis-server on port {self.port}")
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()  # as a crash: no goodbye to its clients
            self.process.wait(timeout=10)
        wait_until(lambda: not _answers(self.port), 10, "redis-server stopped")


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: p.split("/")[4])
    return Path(found[-1]).parent if found else None


class ThrowawayPostgres:
    """A private PostgreSQL cluster in a temporary directory, owned by `postgres` when this
    runs as root; `stop()` (immediate: as a crash) and `start()` again on the same port."""

    def __init__(self):
        self.bin = _postgres_bin()
        if self.bin is None:
            pytest.skip("PostgreSQL's server programs are not installed (/usr/lib/postgresql)")
        self.as_postgres: list[str] = []
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                pytest.skip("running as root without runuser: cannot start PostgreSQL")
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        elif _current_user() != "postgres":
            pytest.skip(
                "a private PostgreSQL cluster needs root (to run it as the postgres user) "
                "or the postgres user itself; the shared one is never stopped"
            )
        self.dir = Path(tempfile.mkdtemp(prefix="relais-pg-"))
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
            (self.dir / "commands.log").touch()
            shutil.chown(self.dir / "commands.log", "postgres", "postgres")
        self.data = self.dir / "data"
        self.port = free_port()

    def _run(self, *command: str) -> None:
        # Output to a file, not a pipe: the server `pg_ctl start` leaves running would hold
        # a pipe open, and this would wait for its end.
        with (self.dir / "commands.log").open("a") as log:
            subprocess.run(
                [*self.as_postgres, *command],
                check=True,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.dir,
                timeout=60,
            )

    def init(self) -> ThrowawayPostgres:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        return self.start()

    def start(self) -> ThrowawayPostgres:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.dir / "server.log"), "-w", "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [*self.as_postgres, str(self.bin / "pg_ctl"), "-D", str(self.data)]
                + ["-m", "immediate", "stop"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60,
            )
        shutil.rmtree(self.dir, ignore_errors=True)


def _current_user() -> str:
    import pwd  # noqa: PLC0415 - POSIX only, like the rest of this module

    return pwd.getpwuid(os.geteuid()).pw_name
