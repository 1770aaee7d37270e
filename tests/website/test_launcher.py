"""`make run` starts the task worker beside the web server (website/launcher.py): a
deferred task queued in the database really runs, and Ctrl-C stops both processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.utils import timezone

from community.tasks import send_email
from tests.e2e.asgi_server import ROOT, database_url, free_port

pytestmark = pytest.mark.django_db(transaction=True)


def children_of(pid: int) -> dict[int, tuple[str, dict[str, str]]]:
    """The processes started by `pid`: their command line and environment (from /proc)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            parent = int(next(x for x in status.splitlines() if x.startswith("PPid:")).split()[1])
            if parent != pid:
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            environ = dict(
                item.split("=", 1)
                for item in (entry / "environ").read_bytes().decode().split("\0")
                if "=" in item
            )
        except (OSError, StopIteration):
            continue
        found[int(entry.name)] = (command, environ)
    return found


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def test_make_run_uses_the_launcher_with_the_database_task_backend():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout

    assert (
        "SITE_URL=http://127.0.0.1:8123 TASKS_BACKEND=django_tasks_db.DatabaseBackend "
        ".venv/bin/python -m website.launcher --host 127.0.0.1 --port 8123"
    ) in dry_run
    assert (
        "SITE_URL=http://127.0.0.1:8123 TASKS_BACKEND=django_tasks_db.DatabaseBackend "
        ".venv/bin/python manage.py seed_demo"
    ) in dry_run


def test_launcher_runs_server_and_worker_and_stops_both(settings):
    # A deferred email, queued in the database as the site does under `make run`.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued = send_email.using(run_after=timezone.now()).enqueue(
        subject="Rappel : atelier demain", body="À demain !", to=["lea@example.org"]
    )
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("TASKS_BACKEND", "SITE_URL", "PYTEST_XDIST_WORKER")
    }
    env.update(DJANGO_SETTINGS_MODULE="website.settings.dev", DATABASE_URL=database_url())
    log = tempfile.NamedTemporaryFile(prefix="relais-launcher-", suffix=".log", delete=False)
    launcher = subprocess.Popen(
        [sys.executable, "-m", "website.launcher", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        children = wait_for(
            lambda: len(children_of(launcher.pid)) == 2 and children_of(launcher.pid),
            30,
            "two processes",
        )
        kinds = sorted(
            "worker" if "manage.py db_worker" in command else "web"
            for command, _env in children.values()
            if "manage.py db_worker" in command or "-m uvicorn website.asgi:application" in command
        )
        assert kinds == ["web", "worker"]
        for _command, environ in children.values():
            assert environ["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
            assert environ["SITE_URL"] == f"http://127.0.0.1:{port}"

        wait_for(lambda: healthy(port), 60, "the web server")
        queued = wait_for(
            lambda: (queued.refresh() or queued).status == "SUCCESSFUL" and queued, 60, "the task"
        )
        # The demo's console email backend wrote the email in the worker's output; the
        # worker's line for each task it runs is left out (it would bury the demo logins).
        output = wait_for(
            lambda: "Subject: Rappel : atelier demain" in (text := Path(log.name).read_text())
            and text,
            10,
            "the email in the output",
        )
        assert "state=SUCCESSFUL" not in output

        launcher.send_signal(signal.SIGINT)
        assert launcher.wait(timeout=20) == 0
        assert all(not Path(f"/proc/{pid}").exists() for pid in children)
    finally:
        if launcher.poll() is None:
            launcher.kill()
            for pid in children_of(launcher.pid):
                os.kill(pid, signal.SIGKILL)
        Path(log.name).unlink(missing_ok=True)
