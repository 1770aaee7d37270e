"""`make soak` / `make soak-quick` (issue 16, "Faults"): simulated members browse and talk
for a long while; the server restarts and Redis restarts under them; nothing may be lost.

1. A PostgreSQL database (`relais_soak`, or `--database-url`), migrated and filled with the
   bench's generated network (`bench.data --scale quick`: 400 people); a Redis of the soak's own
   (`redis-server` on a free port: the soak stops it, so never the machine's).
2. uvicorn with the production settings (two worker processes) on a free port.
3. `--members` members (bench/roomclient.py: the room protocol, with back-off, sync and
   resend), spread over rooms of about twenty, each writing a message every few seconds
   and browsing the site's pages with its session between two messages.
4. During the run the server restarts `--server-restarts` times (SIGKILL, then SIGTERM,
   alternately) and Redis `--redis-restarts` times, evenly spread.
5. Then writing stops, each member catches up, and the verdict: no 5xx answer and no failed
   request outside the outages (from a kill to the server answering again; from Redis
   stopping to 10 s after it is back), no message lost or doubled on any member by
   sequence number, every acknowledged message stored once. Exit status 1 otherwise.

`make soak`: 200 members, 10 minutes, 3 server restarts, 1 Redis restart.
`make soak-quick` (or SOAK=short): 30 members, 60 s, one restart of each (CI runs it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from bench import http
from bench.roomclient import Member, verdict
from bench.run import ROOT, environment, free_port, prepare_database, ws_sessions

PROFILES = {
    "full": {"members": 200, "seconds": 600, "server_restarts": 3, "redis_restarts": 1},
    "short": {"members": 30, "seconds": 60, "server_restarts": 1, "redis_restarts": 1},
}
ROOM_SIZE = 20
REDIS_GRACE = 10.0  # seconds after Redis is back still counted as its outage
SERVER_GRACE = 1.0
PAGES = ["/", "/pratiques/", "/organisations/", "/agenda/", "/salons/", "/moi/", "/recits/",
         "/soutiens/", "/outils/", "/recherche/?q=num%C3%A9rique"]  # fmt: skip


class Redis:
    """The soak's own redis-server, stopped and started again on the same port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server") or sys.exit("The soak needs redis-server.")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            ping = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True)
            if ping.stdout.strip() == b"PONG":
                return
            time.sleep(0.1)
        sys.exit("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class Server:
    """uvicorn (production settings) in a process group of its own, so that a kill reaches
    its workers too; started again on the same port."""

    def __init__(self, env: dict[str, str], port: int, workers: int):
        self.env, self.port, self.workers = env, port, workers
        self.url = f"http://127.0.0.1:{port}"
        self.log = Path(tempfile.gettempdir()) / "relais-soak-server.log"
        self.log.write_text("")
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "website.asgi:application", "--host",
                 "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers),
                 "--lifespan", "off", "--no-access-log", "--timeout-graceful-shutdown", "3"],
                env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2).close()
                return
            except urllib.error.HTTPError:
                return  # it answers (503 while Redis is down)
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"the server did not start:\n{self.log.read_text()[-3000:]}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


class Browsing:
    """Every page a member asked for: when it was asked and answered, and its status (0: no
    answer)."""

    def __init__(self):
        self.answers: list[tuple[float, float, int, str]] = []

    async def get(self, server_url: str, path: str, cookie: str) -> None:
        port = int(server_url.rsplit(":", 1)[1])
        started = time.monotonic()
        status = 0
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port), timeout=10
            )
            try:
                request = (
                    f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
                    "Accept-Language: fr-BE\r\nConnection: close\r\n\r\n"
                )
                writer.write(request.encode("latin-1"))
                await writer.drain()
                status, _ = await asyncio.wait_for(http._read_response(reader), timeout=30)
            finally:
                writer.close()
        except (OSError, TimeoutError, ConnectionError, ValueError, IndexError,
                asyncio.IncompleteReadError):  # fmt: skip
            status = 0
        self.answers.append((started, time.monotonic(), status, path))


async def member_life(member: Member, server_url: str, browsing: Browsing, stop, interval, rng):
    """Write a message every `interval` seconds (jittered); browse a page in between."""
    n = 0
    while not stop.is_set():
        wait = rng.uniform(*interval)
        await asyncio.sleep(wait / 2)
        path = rng.choice([*PAGES, f"/salons/{member.room}/"])
        await browsing.get(server_url, path, member.cookie)
        await asyncio.sleep(wait / 2)
        if stop.is_set():
            return
        n += 1
        member.write(f"{member.name} · message {n} : où en est le projet ?")
        await member.send_written()


def _spread(values: list[float]) -> dict:
    """Median, 95th and 99th percentile and maximum, in seconds."""
    if not values:
        return {}
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)

    return {"n": len(ordered), "p50": at(0.5), "p95": at(0.95), "p99": at(0.99),
            "max": round(ordered[-1], 2)}  # fmt: skip


def stored_messages(database_url: str, rooms: list[str]) -> dict[str, list[tuple[int, str]]]:
    names = ",".join("'" + slug.replace("'", "''") + "'" for slug in rooms)
    out = subprocess.run(
        ["psql", "-X", "-q", "-tA", "-F", " ", database_url, "-c",
         "SELECT r.slug, m.seq, m.client_id FROM rooms_roommessage m JOIN rooms_room r "
         f"ON r.id = m.room_id WHERE r.slug IN ({names}) ORDER BY r.slug, m.seq"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    result: dict[str, list[tuple[int, str]]] = {slug: [] for slug in rooms}
    for line in out.splitlines():
        slug, seq, client_id = line.split(" ")
        result[slug].append((int(seq), client_id))
    return result


def last_numbers(database_url: str, rooms: list[str]) -> dict[str, int]:
    """Each room's last message number now: what a member's page shows on opening."""
    names = ",".join("'" + slug.replace("'", "''") + "'" for slug in rooms)
    out = subprocess.run(
        ["psql", "-X", "-q", "-tA", "-F", " ", database_url, "-c",
         f"SELECT slug, last_seq FROM rooms_room WHERE slug IN ({names})"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return {slug: int(seq) for slug, seq in (line.split(" ") for line in out.splitlines())}


async def soak(args, server: Server, redis: Redis, sessions: dict) -> dict:
    rng = random.Random(16)
    rooms = sessions["rooms"][: max(1, args.members // ROOM_SIZE)]
    # Members start from the rooms as they are, as a page opened now does (its history
    # shown, then `sync` after its last number): the data set's and earlier runs'
    # messages are not theirs to fetch again (with --reuse-data they pile up run after
    # run), and the verdict counts every message written from here on.
    since = last_numbers(args.database_url, rooms)
    members = [
        Member(
            name=f"member-{i:03d}",
            cookie=cookie,
            ws_url=server.url.replace("http", "ws", 1),
            origin=server.url,
            room=rooms[i % len(rooms)],
            since=since[rooms[i % len(rooms)]],
        )
        for i, cookie in enumerate(sessions["cookies"][: args.members])
    ]
    browsing, done, stop = Browsing(), asyncio.Event(), asyncio.Event()
    interval = (3.0, 6.0) if args.members <= 50 else (6.0, 12.0)
    outages: list[tuple[str, float, float]] = []
    runs = [asyncio.ensure_future(m.run(done)) for m in members]
    lives = [
        asyncio.ensure_future(member_life(m, server.url, browsing, stop, interval, rng))
        for m in members
    ]
    kinds = ["server"] * args.server_restarts
    for i in range(args.redis_restarts):  # Redis between the server's restarts
        kinds.insert(min(len(kinds), 1 + 2 * i), "redis")
    started = time.monotonic()
    for i, kind in enumerate(kinds):
        at = started + args.seconds * (i + 1) / (len(kinds) + 1)
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        begun = time.monotonic()
        if kind == "server":
            sig = signal.SIGKILL if i % 2 == 0 else signal.SIGTERM
            await asyncio.to_thread(server.stop, sig)
            await asyncio.to_thread(server.start)
            outages.append((f"server ({signal.Signals(sig).name})", begun, time.monotonic()))
        else:
            await asyncio.to_thread(redis.stop)
            await asyncio.sleep(5)
            await asyncio.to_thread(redis.start)
            outages.append(("redis", begun, time.monotonic()))
        print(f"{time.monotonic() - started:6.1f} s: {outages[-1][0]} restarted in "
              f"{outages[-1][2] - begun:.1f} s", flush=True)  # fmt: skip
    await asyncio.sleep(max(0.0, started + args.seconds - time.monotonic()))
    stop.set()
    await asyncio.gather(*lives)
    settle = time.monotonic() + 120
    last = {}
    while time.monotonic() < settle:
        last = {room: len(rows) for room, rows in stored_messages(args.database_url, rooms).items()}
        if all(m.settled(last[m.room]) for m in members):
            break
        await asyncio.sleep(1)
    done.set()
    await asyncio.gather(*runs, return_exceptions=True)

    def in_outage(asked: float, answered: float) -> bool:
        """Whether the request was under way at some moment of an outage."""
        return any(
            asked <= end + (REDIS_GRACE if kind == "redis" else SERVER_GRACE) and answered >= begun
            for kind, begun, end in outages
        )

    outside = [
        (round(asked - started, 1), status, path)
        for asked, answered, status, path in browsing.answers
        if not in_outage(asked, answered)
    ]
    result = verdict(members, stored_messages(args.database_url, rooms))
    return {
        "members": len(members),
        "rooms": len(rooms),
        "seconds": round(time.monotonic() - started),
        "outages": [(kind, round(end - begun, 1)) for kind, begun, end in outages],
        "pages": len(browsing.answers),
        "statuses": dict(Counter(status for _, _, status, _ in browsing.answers)),
        "5xx_outside_outages": [a for a in outside if a[1] >= 500],
        "failed_outside_outages": [a for a in outside if a[1] == 0],
        "messages_written": sum(m.written for m in members),
        "messages_in_rooms": sum(last.values()),  # the data set's, and the soak's
        "messages_stored_by_soak": sum(last.values()) - sum(since.values()),
        "unacknowledged": sum(len(m.pending) for m in members),
        "reconnections": sum(max(0, m.connections - 1) for m in members),
        "errors": dict(sum((m.errors for m in members), Counter())),
        "connections_ended": dict(sum((m.ended for m in members), Counter())),
        "connections_ended_by_10_s": dict(
            sorted(
                Counter(int((t - started) // 10) * 10 for m in members for t in m.ended_at).items()
            )
        ),
        "sends": sum(m.sends for m in members),
        "syncs": dict(sum((m.syncs for m in members), Counter())),
        "hello_wait_s": _spread([w for m in members for w in m.hello_waits]),
        "ack_wait_s": _spread([w for m in members for w in m.ack_waits]),
        "unacknowledged_written_at_s": _spread(
            [m.first_sent[c] - started for m in members for c in m.pending if c in m.first_sent]
        ),
        "verdict": result.summary(),
        "ok": result.ok,
    }


def main() -> None:
    profile = "short" if os.environ.get("SOAK") == "short" else "full"
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--profile", choices=PROFILES, default=profile)
    for name in PROFILES["full"]:
        parser.add_argument(f"--{name.replace('_', '-')}", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/relais_soak"
        ),
    )
    parser.add_argument("--reuse-data", action="store_true", help="keep the previous data set")
    args = parser.parse_args()
    for name, value in PROFILES[args.profile].items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    resource.setrlimit(resource.RLIMIT_NOFILE, (20000, 20000))

    redis, port = Redis(), free_port()
    redis.start()
    env = {
        **environment(args.database_url, redis.url, port),
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECURE_SSL_REDIRECT": "False",
    }
    server = Server(env, port, args.workers)
    try:
        if not args.reuse_data:
            took = prepare_database(args.database_url, env, "quick")
            print(f"data set ready in {took:.0f} s", flush=True)
        sessions = ws_sessions(env, args.members)
        if len(sessions["cookies"]) < args.members:
            sys.exit(f"the data set has only {len(sessions['cookies'])} members")
        server.start()
        print(f"soak ({args.profile}): {args.members} members, {args.seconds} s, "
              f"{args.server_restarts} server and {args.redis_restarts} Redis restart(s)",
              flush=True)  # fmt: skip
        report = asyncio.run(soak(args, server, redis, sessions))
    finally:
        server.stop()
        redis.stop()
    print(json.dumps(report, indent=2, ensure_ascii=False))
    failed = not report["ok"] or report["5xx_outside_outages"] or report["failed_outside_outages"]
    failed = failed or report["unacknowledged"]
    if failed:
        print(f"SOAK FAILED (server log: {server.log})", file=sys.stderr)
        sys.exit(1)
    print("soak passed")


if __name__ == "__main__":
    main()
