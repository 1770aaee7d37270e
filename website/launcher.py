"""`make run`: the web server and the task worker, started and stopped together.

The demo must show Relais as it works: emails, the reminder the day before an event and
the grouped mention emails are tasks, deferred with the database backend
(`django_tasks_db`) and run by `manage.py db_worker`. This starts uvicorn and that worker
side by side, with `TASKS_BACKEND=django_tasks_db.DatabaseBackend` and
`SITE_URL=http://HOST:PORT` unless the environment says otherwise; Ctrl-C (or SIGTERM, or
either process ending) stops both.

    python -m website.launcher --host 127.0.0.1 --port 8000
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess  # nosec B404 - fixed commands only
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
STOP_GRACE = 10.0  # seconds each process gets to finish before it is killed
# The worker says so for every task it starts and finishes; seeding the demo queues a few
# hundred of Wagtail's reference-index tasks, which would push the demo's logins off the
# screen. Failures, emails (printed by the console backend) and everything else pass.
ROUTINE_TASK_LINE = re.compile(r"^Task id=\S+ path=\S+ state=(RUNNING|SUCCESSFUL)\s*$")


def _forward(stream, to) -> None:
    """Copy the worker's output line by line, leaving out the routine task lines."""
    for line in iter(stream.readline, ""):
        if not ROUTINE_TASK_LINE.match(line):
            to.write(line)
            to.flush()
    stream.close()


def commands(host: str, port: int) -> list[list[str]]:
    python = sys.executable
    return [
        [
            python,
            "-m",
            "uvicorn",
            "website.asgi:application",
            "--host",
            host,
            "--port",
            str(port),
            "--lifespan",
            "off",
            # No line per visit: the privacy notice promises Relais does not log visits.
            "--no-access-log",
        ],
        # Every queue; the interval is the longest a due task waits.
        [python, "manage.py", "db_worker", "--queue-name", "*", "--interval", "2", "--no-reload"],
    ]


def environment(host: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("TASKS_BACKEND", DATABASE_BACKEND)
    env.setdefault("SITE_URL", f"http://{host}:{port}")
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def run(host: str, port: int) -> int:
    env = environment(host, port)
    server, worker = commands(host, port)
    processes: list[subprocess.Popen] = [  # the server's bytes, the worker's text
        subprocess.Popen(server, cwd=ROOT, env=env),  # nosec B603 - a fixed argument list, no shell
        subprocess.Popen(  # nosec B603 - a fixed argument list, no shell
            worker, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        ),
    ]
    threading.Thread(target=_forward, args=(processes[1].stdout, sys.stdout), daemon=True).start()
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not stopping and all(process.poll() is None for process in processes):
        time.sleep(0.2)
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # both shut down cleanly on SIGTERM
    deadline = time.monotonic() + STOP_GRACE
    for process in processes:
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    codes = [process.returncode for process in processes]
    # Stopped on purpose: success. Otherwise the code of the process that ended first.
    return 0 if stopping else next((code for code in codes if code), 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    return run(args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
