"""HTTP load for the bench: saturation with wrk, latency with an open-loop generator.

- `saturate(url)`: requests/s when the server is kept busy (wrk, closed loop: a fixed number
  of connections, each sending its next request when the previous one is answered).
- `open_loop(url, rate)`: requests sent at a fixed rate whatever the answers, each timed from
  the moment it was due, not from when it could be sent: a slow answer delays the ones behind
  it and shows in the percentiles instead of slowing the generator down (no coordinated
  omission). It runs in a process of its own (`python -m bench.http`), so that its own CPU
  does not share a Python interpreter with anything else.

Every request carries the headers a reverse proxy adds (`X-Forwarded-Proto: https`), since the
server runs the production settings, and a session cookie for the signed-in rows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}


def _header_args(headers: dict[str, str]) -> list[str]:
    args = []
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    return args


def saturate(url: str, *, headers: dict[str, str], seconds: float, connections: int = 8) -> float:
    """Requests per second answered at saturation (wrk); non-2xx answers make it fail."""
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "60s", "--latency"]
        + _header_args({**PROXY_HEADERS, **headers})
        + [url],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx or 3xx responses" in result.stdout:
        raise RuntimeError(f"{url} answered errors under load:\n{result.stdout}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    if not found:
        raise RuntimeError(f"no rate in wrk's output:\n{result.stdout}{result.stderr}")
    return float(found.group(1))


@dataclass
class Latency:
    sent: int
    answered: int
    errors: int
    p50: float
    p95: float
    p99: float


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """The status of one response, read whole, and whether the connection stays open."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    length = None
    chunked = False
    close = False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name = name.strip().lower()
        value = value.strip()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
        elif name == "connection" and value.lower() == "close":
            close = True
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length is not None:
        await reader.readexactly(length)
    return status, not close


async def _open_loop(url: str, rate: float, seconds: float, headers: dict[str, str]) -> Latency:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    head = f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept-Encoding: gzip\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in {**PROXY_HEADERS, **headers}.items())
    request = (head + "\r\n").encode("latin-1")
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    latencies: list[float] = []
    errors = 0

    async def exchange(connection) -> tuple[int, bool]:
        reader, writer = connection
        writer.write(request)
        await writer.drain()
        return await _read_response(reader)

    failures = (OSError, asyncio.IncompleteReadError, ValueError, IndexError)

    async def one(due: float) -> None:
        nonlocal errors
        reused = bool(idle)
        connection = idle.pop() if reused else await asyncio.open_connection(host, port)
        try:
            status, keep = await exchange(connection)
        except failures:
            connection[1].close()
            if not reused:
                errors += 1
                return
            # The server closed an idle keep-alive connection (as browsers and proxies
            # see, they send again on a new one, and so does this client; the latency
            # still counts from when the request was due).
            connection = await asyncio.open_connection(host, port)
            try:
                status, keep = await exchange(connection)
            except failures:
                errors += 1
                connection[1].close()
                return
        latencies.append(time.perf_counter() - due)
        if status >= 400:
            errors += 1
        if keep:
            idle.append(connection)
        else:
            connection[1].close()

    interval = 1.0 / rate
    start = time.perf_counter()
    count = int(rate * seconds)
    tasks = []
    for n in range(count):
        due = start + n * interval
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(due)))
    await asyncio.gather(*tasks)
    for _, writer in idle:
        writer.close()
    ms = [value * 1000 for value in latencies]
    return Latency(
        sent=count,
        answered=len(latencies),
        errors=errors,
        p50=percentile(ms, 0.50),
        p95=percentile(ms, 0.95),
        p99=percentile(ms, 0.99),
    )


def open_loop(url: str, *, rate: float, seconds: float, headers: dict[str, str]) -> Latency:
    """Run the open-loop generator in a process of its own and return what it measured."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.http", url, str(rate), str(seconds), json.dumps(headers)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Latency(**json.loads(result.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("rate", type=float)
    parser.add_argument("seconds", type=float)
    parser.add_argument("headers", nargs="?", default="{}")
    args = parser.parse_args()
    latency = asyncio.run(_open_loop(args.url, args.rate, args.seconds, json.loads(args.headers)))
    print(json.dumps(latency.__dict__))


if __name__ == "__main__":
    main()
