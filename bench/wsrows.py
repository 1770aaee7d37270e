"""The WebSocket rows of the bench (W1–W5): servers, members, the load client, the table.

Each row starts its own single-process uvicorn (two for W5, on the same Redis), so that a
row's figures are those of one process; members are the data set's people, each with a
session of their own (`bench/sessions.py`), in theme and page rooms (every member may read
them). The load client runs in a process of its own (`bench/ws.py`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SIZES = {
    "quick": {
        "w1": 20,
        "w1_senders": 3,
        "w2_rooms": 4,
        "w2_size": 5,
        "w3_senders": 2,
        "w3_receivers": 4,
        "w4": 100,
        "w4_seconds": 4.0,
        "seconds": 1.0,
    },
    "full": {
        "w1": 1000,
        "w1_senders": 10,
        "w2_rooms": 100,
        "w2_size": 10,
        "w3_senders": 20,
        "w3_receivers": 20,
        "w4": 5000,
        "w4_seconds": 30.0,
        "seconds": 20.0,
    },
}


@dataclass
class WsRow:
    name: str
    label: str
    summary: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _client(spec: dict, root, *, on=None, timeout: float = 900) -> dict:
    """Run the load client; `on[word]()` is called when it prints that word."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.ws"],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin and process.stdout
    process.stdin.write(json.dumps(spec))
    process.stdin.close()
    line = process.stdout.readline()
    while on and line.strip() in on:
        on[line.strip()]()
        line = process.stdout.readline()
    process.wait(timeout=timeout)
    if process.returncode != 0 or not line.strip():
        raise RuntimeError(f"the WebSocket load client failed ({process.returncode})")
    return json.loads(line)


def _spec(servers, members, **options) -> dict:
    return {
        "servers": [s.url.replace("http://", "ws://") for s in servers],
        "origin_of": {s.url.replace("http://", "ws://"): s.url for s in servers},
        "members": members,
        **options,
    }


def _proc(pid: int) -> tuple[int, float]:
    """Resident memory (bytes) and CPU seconds of a process."""
    proc = Path("/proc") / str(pid)
    rss = next(
        int(line.split()[1]) * 1024
        for line in (proc / "status").read_text().splitlines()
        if line.startswith("VmRSS:")
    )
    fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
    return rss, (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in ticks of 1/100 s


def _transactions(database_url: str) -> int:
    parts = urlsplit(database_url)
    admin = parts._replace(path="/postgres").geturl()
    name = parts.path.lstrip("/")
    out = subprocess.run(
        [
            "psql",
            "-X",
            "-qAt",
            admin,
            "-c",
            f"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '{name}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip())


def measure(
    *, scale: str, start_server, sessions: dict, database_url: str, root, only=None
) -> list[WsRow]:
    """`start_server()` returns a started single-process server (`bench.run.Server`);
    `only`: the names of the rows to measure (all when None)."""
    size = SIZES[scale]
    cookies, rooms = sessions["cookies"], sessions["rooms"]
    seconds = size["seconds"]
    table = []

    def members(room: str, count: int, senders: int, offset: int = 0, servers: int = 1):
        return [
            {
                "room": room,
                "cookie": cookies[(offset + n) % len(cookies)],
                "server": n % servers,
                "sends": n < senders,
            }
            for n in range(count)
        ]

    def row(name, label, servers, people, **options):
        entry = WsRow(name, label)
        if only is not None and name not in only:
            return entry
        started = [start_server() for _ in range(servers)]
        try:
            entry.summary = _client(_spec(started, people, **options), root)
        except Exception as error:  # noqa: BLE001 - the table says it, the other rows go on
            entry.notes.append(f"failed: {error}")
        finally:
            for server in started:
                server.stop()
        table.append(entry)
        print(f"{name} {label}: {entry.summary}", flush=True)
        return entry

    w1 = members(rooms[0], size["w1"], size["w1_senders"])
    row("W1", f"one room, {size['w1']} members, 1 message/s", 1, w1, rate=1.0, seconds=seconds)
    w2 = [
        m
        for r, room in enumerate(rooms[1 : 1 + size["w2_rooms"]])
        for m in members(room, size["w2_size"], 2, offset=r * size["w2_size"])
    ]
    row(
        "W2",
        f"{size['w2_rooms']} rooms of {size['w2_size']} members, 1 message/s each",
        1,
        w2,
        rate=1.0,
        seconds=seconds,
    )
    w3 = members(rooms[0], size["w3_senders"] + size["w3_receivers"], size["w3_senders"])
    row(
        "W3",
        f"one room, {size['w3_senders']} senders as fast as answered",
        1,
        w3,
        flood=True,
        seconds=seconds,
    )

    if only is not None and "W4" not in only:
        w5 = members(rooms[0], size["w1"], size["w1_senders"], servers=2)
        row("W5", "W1 across two server processes on one Redis", 2, w5, rate=1.0, seconds=seconds)
        return table
    entry = WsRow("W4", f"{size['w4']} idle connections, one process")
    server = start_server()
    readings: dict[str, tuple] = {}

    def reading(name):
        def read():
            rss, cpu = _proc(server.process.pid)
            readings[name] = (rss, cpu, _transactions(database_url), time.monotonic())

        return read

    try:
        spec = _spec(
            [server], members(rooms[0], size["w4"], 0), idle=True, seconds=size["w4_seconds"]
        )
        _client(spec, root, on={"warm": reading("warm"), "ready": reading("ready")})
        reading("end")()
    except Exception as error:  # noqa: BLE001 - the table says it, the other rows go on
        entry.notes.append(f"failed: {error}")
    finally:
        server.stop()
    if not entry.notes:
        warm, ready, end = readings["warm"], readings["ready"], readings["end"]
        span = end[3] - ready[3]
        entry.summary = {
            "kb_per_connection": (ready[0] - warm[0]) / (size["w4"] - size["w4"] // 10) / 1024,
            "idle_cpu_percent": (end[1] - ready[1]) / span * 100,
            # The reading's own transaction counts once.
            "transactions_per_second": max(0, end[2] - ready[2] - 1) / span,
        }
    table.append(entry)
    print(f"W4: {entry.summary or entry.notes}", flush=True)

    w5 = members(rooms[0], size["w1"], size["w1_senders"], servers=2)
    row("W5", "W1 across two server processes on one Redis", 2, w5, rate=1.0, seconds=seconds)
    return table


def render(table: list[WsRow]) -> list[str]:
    lines = [
        "",
        "| row | what | messages | last member p50 ms | p99 ms | lost | doubled | out of order "
        "| delivered/s | all joined in s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    w4 = [
        "",
        "| row | what | KB per connection | CPU while idle | DB transactions/s while idle |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in table:
        s = row.summary
        if not s:
            lines.append(f"| {row.name} | {row.label} | {'; '.join(row.notes)} |" + " |" * 7)
            continue
        if row.name == "W4":
            w4.append(
                f"| W4 | {row.label} | {s['kb_per_connection']:.0f} | "
                f"{s['idle_cpu_percent']:.1f}% | {s['transactions_per_second']:.1f} |"
            )
            continue
        lines.append(
            f"| {row.name} | {row.label} | {s['messages']} | {s['p50']:.0f} | {s['p99']:.0f} "
            f"| {s['lost']} | {s['doubled']} | {s['out_of_order']} "
            f"| {s['delivered_per_second']:.0f} | {s['joined_seconds']:.1f} |"
        )
    return lines + w4


def verdicts(table: list[WsRow]) -> list[tuple[str, str, bool]]:
    """Each goal of issue 11 about the rows measured (all of them, or those of `--rows`)."""
    out = [(f"{row.name} ran to the end", "failed", False) for row in table if not row.summary]
    by = {row.name: row.summary for row in table if row.summary}
    for name in ("W1", "W2"):
        if s := by.get(name):
            out.append((f"{name} last-member p50 ≤ 50 ms", f"{s['p50']:.0f} ms", s["p50"] <= 50))
            out.append((f"{name} last-member p99 ≤ 200 ms", f"{s['p99']:.0f} ms", s["p99"] <= 200))
    if "W1" in by and "W5" in by:
        ratio = by["W5"]["p99"] / by["W1"]["p99"] if by["W1"]["p99"] else float("inf")
        out.append(("W5 p99 within 1.5× of W1", f"{ratio:.2f}×", ratio <= 1.5))
    for name in ("W1", "W2", "W3", "W5"):
        if s := by.get(name):
            bad = s["lost"] + s["doubled"] + s["out_of_order"]
            out.append((f"{name}: none lost, doubled or out of order", str(bad), bad == 0))
    if "W3" in by:
        w3 = by["W3"]["delivered_per_second"]
        out.append(("W3 ≥ 500 stored-and-delivered messages/s", f"{w3:.0f}/s", w3 >= 500))
    if w4 := by.get("W4"):
        out.append(
            (
                "W4 ≤ 50 KB per idle connection",
                f"{w4['kb_per_connection']:.0f} KB",
                w4["kb_per_connection"] <= 50,
            )
        )
        out.append(
            (
                "W4 no SQL while idle",
                f"{w4['transactions_per_second']:.1f} transactions/s",
                w4["transactions_per_second"] <= 0.05,
            )
        )
    return out
