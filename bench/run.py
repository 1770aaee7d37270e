"""`make bench` / `make bench-quick`: the project's own measurement (issue 11).

1. A fresh PostgreSQL database (`relais_bench`, or `--database`), migrated, filled by
   `bench.data` at the chosen scale (bulk: thousands of organisations, people, sheets,
   events, rooms and messages).
2. Servers started here with the production settings (`bench.settings`: production plus one
   minimal view), the same server and worker count for every row.
3. Each HTTP row: requests/s at saturation (wrk), then p50/p95/p99 from an open-loop
   generator at half that rate (bench/http.py), both in processes of their own.
4. One table, printed and written to bench/RESULTS.md with the machine, the versions and the
   date; every goal is a ratio or a bound measured in the same run.

`--scale quick` runs the same rows on a small data set with short measurements: CI runs it
to catch breakage, not to judge speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from bench import http, wsrows

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
DATA = ROOT / "bench" / ".data.json"

SCALES = {
    # seconds of each saturation run and of each open-loop run; the open-loop run of a slow
    # page lasts until `least` requests were due, within `longest` seconds
    "quick": {"seconds": 1.0, "least": 3, "longest": 4.0},
    "full": {"seconds": 10.0, "least": 10, "longest": 40.0},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str, redis_url: str, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", "bench-only-" + "x" * 50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_URL": "smtp://127.0.0.1:1",
        "PYTHONUNBUFFERED": "1",
    }


class Server:
    """uvicorn serving `app` with `workers` processes on a free loopback port."""

    def __init__(self, app: str, *, env: dict[str, str], port: int, workers: int):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = ROOT / "bench" / f".server-{port}.log"
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            app,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--lifespan",
            "off",
            "--no-access-log",
            # For a measurement of one server option against the default, side by side,
            # e.g. BENCH_UVICORN_ARGS="--ws-per-message-deflate false".
            *os.environ.get("BENCH_UVICORN_ARGS", "").split(),
        ]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=ROOT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{app} exited:\n{self.log.read_text()}")
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2).close()
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{app} did not start:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def prepare_database(database_url: str, env: dict[str, str], scale: str) -> float:
    """Drop and create the bench database, migrate it, fill it; return the seconds it took."""
    started = time.monotonic()
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    subprocess.run(
        ["psql", "-X", "-q", admin, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
        check=True,
    )
    subprocess.run(["psql", "-X", "-q", admin, "-c", f'CREATE DATABASE "{name}"'], check=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    subprocess.run(
        [sys.executable, "-m", "bench.data", "--scale", scale], env=env, cwd=ROOT, check=True
    )
    return time.monotonic() - started


def sample_and_session(env: dict[str, str], sample: dict) -> tuple[dict, dict[str, str]]:
    """The data set's addresses completed by bench/sample.py, and the signed-in rows' Cookie
    header (a session of the data set's sample member)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.sample", sample["member_email"]],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return {**found, **sample}, {"Cookie": found["cookie"]}


@dataclass
class Row:
    name: str
    label: str
    path: str
    signed_in: bool = False
    server: str = "relais"
    rps: float = 0.0
    latency: http.Latency | None = None
    notes: list[str] = field(default_factory=list)


def rows(sample: dict) -> list[Row]:
    return [
        Row("A0", "raw ASGI app (the ceiling)", "/", server="raw"),
        Row("A1", "minimal Django view, full middleware stack", "/bench/minimal/"),
        Row("A2", "home, visitor", "/"),
        Row("A2", "a sheet, visitor", sample["sheet"]),
        Row("A2", "the library, visitor", "/pratiques/"),
        Row("A2", "the calendar, visitor", "/agenda/"),
        Row("A2", "the programme list, visitor", "/soutiens/"),
        Row("A2", "a story, visitor", sample["story"]),
        Row("A2", "the stories list, visitor", "/recits/"),
        Row("A2", "the privacy page, visitor", "/confidentialite/"),
        Row("A3", "a sheet, signed in", sample["sheet"], signed_in=True),
        Row(
            "A3",
            "the library with two filters, signed in",
            f"/pratiques/?theme={sample['theme']}&region={sample['region']}",
            signed_in=True,
        ),
        Row("A3", "the directory, signed in", "/organisations/", signed_in=True),
        Row("A3", "the month grid, signed in", "/agenda/?view=month", signed_in=True),
        Row(
            "A3",
            "the programme list with two filters, signed in",
            f"/soutiens/?region={sample['programme_region']}&legal_form=cooperative",
            signed_in=True,
        ),
        Row(
            "A3",
            "the stories list with a theme, signed in",
            f"/recits/?theme={sample['story_theme']}",
            signed_in=True,
        ),
        Row(
            "A3",
            "a search of the library, signed in",
            f"/pratiques/?q={sample.get('sheet_query') or sample['word']}",
            signed_in=True,
        ),
        Row(
            "A3",
            "the site search, a common word, signed in",
            f"/recherche/?q={quote(sample['search_word'])}",
            signed_in=True,
        ),
        Row(
            "A3",
            "the site search, two unaccented words, signed in",
            f"/recherche/?q={quote(sample['search_words'])}",
            signed_in=True,
        ),
        Row(
            "A3",
            "the site search, a typo, signed in",
            f"/recherche/?q={quote(sample['search_typo'])}",
            signed_in=True,
        ),
        Row(
            "A3",
            "the search box's completion, signed in",
            f"/recherche/suggestions/?q={quote(sample['search_word'][:5])}",
            signed_in=True,
        ),
        Row(
            "A3",
            "a room page with its history, signed in",
            f"/salons/{sample['room']}/",
            signed_in=True,
        ),
        Row("A3", "the personal home, signed in", "/moi/", signed_in=True),
        Row(
            "A3",
            "the notification centre (2,000 notifications), signed in",
            "/moi/notifications/",
            signed_in=True,
        ),
        Row("A3", "the home, signed in", "/", signed_in=True),
        Row("A3", "my data (what Relais holds on me), signed in", "/moi/donnees/", signed_in=True),
        Row("A3", "deleting my account, signed in", "/moi/supprimer/", signed_in=True),
        Row(
            "A3",
            "a diagnostic's result (peers, sheets, events, programmes), signed in",
            sample["diagnostic"],
            signed_in=True,
        ),
        Row(
            "A3",
            "a screen of the questionnaire, signed in",
            sample["diagnostic_step"],
            signed_in=True,
        ),
        Row(
            "A3",
            "a federation's dashboard (its members over 12 months), signed in",
            sample["federation_dashboard"],
            signed_in=True,
        ),
        Row(
            "A3",
            "an intervision's room in session (36 harvest items, Chatham House), signed in",
            sample["intervision_room"],
            signed_in=True,
        ),
    ]


def measure(row: Row, base: str, headers: dict[str, str], scale: dict) -> None:
    seconds = scale["seconds"]
    url = base + row.path
    request = urllib.request.Request(url, headers={**http.PROXY_HEADERS, **headers})
    with urllib.request.urlopen(request, timeout=30) as response:  # a 4xx/5xx raises
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    row.rps = http.saturate(url, headers=headers, seconds=seconds)
    # Half the saturation rate, capped at what one Python generator can send on time.
    rate = max(0.05, min(row.rps / 2, 400.0))
    # Enough requests for the percentiles of a slow page, within a bound.
    duration = min(max(seconds, scale["least"] / rate), scale["longest"])
    row.latency = http.open_loop(url, rate=rate, seconds=duration, headers=headers)
    if row.latency.errors or row.latency.answered < row.latency.sent:
        row.notes.append(
            f"{row.latency.errors} errors, {row.latency.answered}/{row.latency.sent} answered"
        )


def verdicts(table: list[Row]) -> list[tuple[str, str, bool]]:
    """Each goal of issue 11 that these rows measure: (goal, measured, met)."""
    a0 = next((r.rps for r in table if r.name == "A0"), 0.0)
    a1 = next((r.rps for r in table if r.name == "A1"), 0.0)
    out = [("A1 ≥ 25% of A0 (requests/s)", f"{a1 / a0:.0%}", a1 >= 0.25 * a0)] if a0 else []
    for row in table:
        if row.name == "A2" and a1:
            out.append((f"A2 {row.label} ≥ 50% of A1", f"{row.rps / a1:.0%}", row.rps >= 0.5 * a1))
        if row.name == "A3" and row.latency:
            out.append(
                (
                    f"A3 {row.label}: p95 ≤ 150 ms at half its rate",
                    f"{row.latency.p95:.0f} ms",
                    row.latency.p95 <= 150,
                )
            )
    return out


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    redis = subprocess.run(
        ["redis-server", "--version"], capture_output=True, text=True
    ).stdout.split()[2:3]
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("Django", "wagtail", "channels", "channels-redis", "uvicorn", "psycopg")
    )
    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; {versions}; "
        f"{postgres}; Redis {' '.join(redis)}"
    )


def ws_sessions(env: dict[str, str], count: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.sessions", str(count)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def render(
    table: list[Row], ws: list[wsrows.WsRow], *, scale: str, workers: int, prepared: float
) -> str:
    lines = [
        f"# Relais bench ({scale})",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}",
        f"- Server: uvicorn, {workers} worker process(es), production settings (`bench.settings`)",
        f"- Data set built in {prepared:.0f} s (`bench/data.py`, scale `{scale}`)",
        "- Requests/s: wrk at saturation (1 thread, 8 connections). Latency: open-loop generator",
        "  at half the row's own saturation rate (at most 400/s), timed from when each request",
        "  was due.",
        "",
        "| row | what | requests/s | p50 ms | p95 ms | p99 ms | notes |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in table:
        lat = row.latency
        cells = [f"{lat.p50:.1f}", f"{lat.p95:.1f}", f"{lat.p99:.1f}"] if lat else ["", "", ""]
        what = f"{row.label} (`{row.path}`)"
        notes = "; ".join(row.notes)
        rps = f"{row.rps:.0f}" if row.rps >= 10 else f"{row.rps:.1f}"
        lines.append(f"| {row.name} | {what} | {rps} | {' | '.join(cells)} | {notes} |")
    lines += [
        "",
        "WebSocket rows: one single-process uvicorn per row (two for W5), members of the",
        "data set in theme and page rooms, the load client in a process of its own",
        "(`bench/ws.py`); latency is from a message's sending to its arrival at the last",
        "member of the room; lost: not received 3 s after the last message was sent.",
    ]
    lines += wsrows.render(ws)
    lines += ["", "| goal | measured | met |", "| --- | ---: | --- |"]
    lines += [
        f"| {goal} | {value} | {'yes' if met else '**no**'} |"
        for goal, value, met in verdicts(table) + wsrows.verdicts(ws)
    ]
    profiles = ROOT / "bench" / "PROFILES.md"
    if profiles.exists():
        lines += ["", profiles.read_text().rstrip()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", choices=SCALES, default="full")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/relais_bench"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    )
    parser.add_argument(
        "--output", help="default: bench/RESULTS.md at full scale, bench/.results-quick.md quick"
    )
    parser.add_argument(
        "--rows",
        help="only these rows, e.g. W1,W5 or A2 (while working on one; the table then goes to"
        " bench/.results-partial.md unless --output says otherwise)",
    )
    parser.add_argument(
        "--reuse-data",
        action="store_true",
        help="keep the data set of the previous run of the same scale instead of building it",
    )
    args = parser.parse_args()
    only = {name.strip().upper() for name in args.rows.split(",")} if args.rows else None

    port, raw_port = free_port(), free_port()
    env = environment(args.database_url, args.redis_url, port)
    subprocess.run(["redis-cli", "-u", args.redis_url, "flushdb"], check=True, capture_output=True)
    prepared = 0.0 if args.reuse_data else prepare_database(args.database_url, env, args.scale)
    sample, signed_in = sample_and_session(env, json.loads(DATA.read_text()))

    servers = {
        "relais": Server("website.asgi:application", env=env, port=port, workers=args.workers),
        "raw": Server("bench.raw_asgi:app", env=env, port=raw_port, workers=args.workers),
    }
    table = [row for row in rows(sample) if only is None or row.name in only]
    try:
        for row in table:
            measure(
                row, servers[row.server].url, signed_in if row.signed_in else {}, SCALES[args.scale]
            )
            print(f"{row.name} {row.label}: {row.rps:.1f} req/s", flush=True)
    finally:
        for server in servers.values():
            server.stop()
    size = wsrows.SIZES[args.scale]
    sessions = ws_sessions(env, max(size["w1"], size["w4"], size["w2_rooms"] * size["w2_size"]))

    def start_server() -> Server:
        ws_port = free_port()
        return Server(
            "website.asgi:application",
            env=environment(args.database_url, args.redis_url, ws_port),
            port=ws_port,
            workers=1,
        )

    ws = wsrows.measure(
        scale=args.scale,
        start_server=start_server,
        sessions=sessions,
        database_url=args.database_url,
        root=ROOT,
        only=only,
    )
    text = render(table, ws, scale=args.scale, workers=args.workers, prepared=prepared)
    print(text)
    output = args.output or (
        RESULTS.with_name(".results-partial.md")
        if only
        else RESULTS
        if args.scale == "full"
        else RESULTS.with_name(".results-quick.md")
    )
    Path(output).write_text(text)


if __name__ == "__main__":
    main()
