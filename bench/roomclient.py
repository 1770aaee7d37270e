"""A room member as a program: the room protocol (DESIGN.md) as static/js/rooms/ speaks it,
with what a fault must not break counted by sequence number.

Used by the soak (`bench/soak.py`) and by the fault tests that kill the server
(tests/e2e/test_faults_kill.py). As the page does, it starts from the room as it is
(`since`: the page shows the history up to there) and only counts what comes after. A
`Member` connects, and after every lost connection connects again with the page's
back-off (full jitter, capped); after each `hello` it asks for what it missed (`sync`
after the highest number up to which it holds everything) and sends again, with the same
`client_id`, every message of its own not yet acknowledged; it syncs on a gap in the
numbers and on a `tail` frame. Like the page, it never sends a message again on a
connection that is still open (the server answers every frame of a connection in order:
a second copy only doubles its work), except one the server refused as too fast, which
its author sends again a little later (the page's "retry"). It counts:

- `held`: each number it holds and the `client_id` of the message under it;
- `repeats`: a number received again with the same message (a sync after the live event:
  the page shows it once, as this client keeps it once);
- `conflicts`: a number received again with another message (never allowed);
- `acked`: its own messages the server acknowledged (their echo came back).

`verdict()` compares what each member holds with what the database stored.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidHandshake, WebSocketException

CONNECT_FAILURES = (OSError, TimeoutError, InvalidHandshake, WebSocketException, EOFError)
# Back-off between connection attempts, as static/js/rooms/connection.js: anywhere between
# 0 and min(CAP, BASE * 2**attempt) seconds.
BACKOFF_BASE, BACKOFF_CAP = 0.5, 15.0
# A browser waits for `hello` as long as the connection stays open; this client gives up
# after this long (a server that accepted and then hung), well above a busy server's time.
HELLO_TIMEOUT = 60.0
# A message refused as too fast ("rate_limited") is sent again after this many seconds
# (jittered): its author pressing "retry" a little later.
RETRY_AFTER = (15.0, 30.0)


class Member:
    def __init__(
        self, *, name: str, cookie: str, ws_url: str, origin: str, room: str, since: int = 0
    ):
        self.name = name
        self.cookie = cookie  # the whole Cookie header: "sessionid=…"
        self.url = f"{ws_url}/ws/salons/{room}/"
        self.origin = origin
        self.room = room
        self.since = since  # the room's last number when this member opened its page
        self.held: dict[int, str] = {}
        self._contiguous = since
        self.repeats = 0
        self.conflicts = 0
        self.pending: dict[str, tuple[str, float]] = {}  # client_id -> (body, last sent)
        self.retry_at: dict[str, float] = {}  # refused as too fast: sent again at
        self.order: list[str] = []  # own client_ids in the order they were written
        self.acked: set[str] = set()
        self.errors: Counter[str] = Counter()
        self.connections = 0
        self.failed_connections = 0
        self.known_last = since
        self.socket = None
        self.sync_from: int | None = None
        self.written = 0
        # Diagnostics: how long the server took to say hello, and to acknowledge each
        # message from its first sending; why connections ended.
        self.first_sent: dict[str, float] = {}
        self.hello_waits: list[float] = []
        self.ack_waits: list[float] = []
        self.sends = 0
        self.ended: Counter[str] = Counter()
        self.syncs: Counter[str] = Counter()  # syncs sent, by what called for them
        self.ended_at: list[float] = []

    def contiguous(self) -> int:
        while self._contiguous + 1 in self.held:
            self._contiguous += 1
        return self._contiguous

    def settled(self, last_seq: int) -> bool:
        return not self.pending and self.contiguous() >= last_seq

    # --- the connection ------------------------------------------------------------------

    async def run(self, done: asyncio.Event) -> None:
        """Stay connected (or keep trying) until `done`."""
        attempt = 0
        while not done.is_set():
            try:
                async with connect(
                    self.url,
                    origin=self.origin,
                    additional_headers={"Cookie": self.cookie},
                    open_timeout=15,
                    max_queue=None,
                ) as socket:
                    await self._session(socket, done)
                    attempt = 0
            except CONNECT_FAILURES as failure:
                self.failed_connections += 1
                self.ended[_why(failure)] += 1
                self.ended_at.append(time.monotonic())
            self.socket = None
            if done.is_set():
                return
            ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt)
            delay = random.random() * ceiling  # noqa: S311 - jitter
            attempt += 1
            try:
                await asyncio.wait_for(done.wait(), timeout=delay)
            except TimeoutError:
                pass

    async def _session(self, socket, done: asyncio.Event) -> None:
        asked = time.monotonic()
        hello = json.loads(await asyncio.wait_for(socket.recv(), timeout=HELLO_TIMEOUT))
        self.hello_waits.append(time.monotonic() - asked)
        if hello.get("type") != "hello":
            raise EOFError(f"{self.name}: no hello but {hello}")
        self.connections += 1
        self.socket = socket
        self.sync_from = None
        self.known_last = max(self.known_last, hello["last_seq"])
        await self._sync(socket, "hello", force=True)
        self.retry_at.clear()
        for client_id in list(self.pending):
            await self._send(client_id)
        while not done.is_set():
            try:
                text = await asyncio.wait_for(socket.recv(), timeout=1.0)
            except TimeoutError:
                text = None
            if text is not None:
                await self._take(socket, json.loads(text))
            await self._retry_refused()

    async def _take(self, socket, frame: dict) -> None:
        kind = frame.get("type")
        if kind == "message":
            message = frame["message"]
            seq, client_id = message["seq"], message["client_id"]
            if seq <= self.since:
                pass  # shown by the page before this member's first connection
            elif seq in self.held:
                if self.held[seq] == client_id:
                    self.repeats += 1
                else:
                    self.conflicts += 1
            else:
                self.held[seq] = client_id
            if client_id in self.pending:
                del self.pending[client_id]
                self.retry_at.pop(client_id, None)
                self.acked.add(client_id)
                self.ack_waits.append(time.monotonic() - self.first_sent[client_id])
            self.known_last = max(self.known_last, seq)
            if self.sync_from is not None and self.contiguous() > self.sync_from:
                self.sync_from = None  # the sync has brought something
            if seq > self.contiguous() + 1:
                await self._sync(socket, "gap")
        elif kind == "tail":
            self.known_last = max(self.known_last, frame["last_seq"])
            await self._sync(socket, "tail")
        elif kind == "error":
            self.errors[frame.get("code") or "?"] += 1
            client_id = frame.get("client_id")
            if frame.get("code") == "rate_limited" and client_id in self.pending:
                wait = random.uniform(*RETRY_AFTER)  # noqa: S311 - jitter
                self.retry_at[client_id] = time.monotonic() + wait

    async def _sync(self, socket, why: str, force: bool = False) -> None:
        after = self.contiguous()
        if not force and (after >= self.known_last or self.sync_from == after):
            return
        self.syncs[why] += 1
        self.sync_from = after
        await socket.send(json.dumps({"type": "sync", "after": after}))

    # --- writing -------------------------------------------------------------------------

    def write(self, body: str) -> str:
        """A new message of this member: sent now if connected, else after the next hello."""
        client_id = str(uuid.uuid4())
        self.pending[client_id] = (body, 0.0)
        self.order.append(client_id)
        self.written += 1
        return client_id

    async def send_written(self) -> None:
        for client_id, (_, sent_at) in list(self.pending.items()):
            if sent_at == 0.0:
                await self._send(client_id)

    async def _send(self, client_id: str) -> None:
        body, _ = self.pending[client_id]
        self.pending[client_id] = (body, time.monotonic())
        self.first_sent.setdefault(client_id, time.monotonic())
        self.sends += 1
        frame = {"type": "send", "body": body, "client_id": client_id, "reply_to": None}
        if self.socket is not None:
            try:
                await self.socket.send(json.dumps(frame))
            except WebSocketException:
                pass  # sent again after the next hello

    async def _retry_refused(self) -> None:
        """Messages refused as too fast go again once their wait is over, with the same
        client_id (stored once whatever happens). Any other message not yet acknowledged
        goes again after the next `hello` only: on an open connection its answer comes."""
        now = time.monotonic()
        for client_id, at in list(self.retry_at.items()):
            if at <= now:
                del self.retry_at[client_id]
                if client_id in self.pending:
                    await self._send(client_id)


def _why(failure: BaseException) -> str:
    rcvd = getattr(failure, "rcvd", None)
    if rcvd is not None:
        return f"closed {rcvd.code}"
    return type(failure).__name__


@dataclass
class Verdict:
    lost: dict[str, list[int]] = field(default_factory=dict)  # member -> numbers missing
    conflicts: dict[str, int] = field(default_factory=dict)  # member -> two messages, one number
    mismatched: dict[str, int] = field(default_factory=dict)  # member -> not what was stored
    doubled: list[str] = field(default_factory=list)  # client_ids stored more than once
    acked_missing: list[str] = field(default_factory=list)  # acknowledged, not stored
    repeats: int = 0

    @property
    def ok(self) -> bool:
        return not (
            self.lost or self.conflicts or self.mismatched or self.doubled or self.acked_missing
        )

    def summary(self) -> str:
        return (
            f"lost {sum(len(v) for v in self.lost.values())} on {len(self.lost)} member(s), "
            f"conflicts {sum(self.conflicts.values())}, mismatched "
            f"{sum(self.mismatched.values())}, doubled {len(self.doubled)}, acknowledged but "
            f"not stored {len(self.acked_missing)}, repeats ignored {self.repeats}"
        )


def verdict(members: list[Member], stored: dict[str, list[tuple[int, str]]]) -> Verdict:
    """`stored`: for each room, its messages as (seq, client_id) in order, from the database.
    Every member must hold exactly the messages stored in its room, each once, under its
    number; every acknowledged message must be stored, once."""
    result = Verdict()
    by_room = {room: dict(rows) for room, rows in stored.items()}
    for room, rows in stored.items():
        counts = Counter(client_id for _, client_id in rows)
        result.doubled += [client_id for client_id, n in counts.items() if n > 1]
        seqs = [seq for seq, _ in rows]
        if seqs != list(range(1, len(seqs) + 1)):
            result.lost[f"database:{room}"] = sorted(set(range(1, len(seqs) + 1)) - set(seqs))
    for member in members:
        expected = {s: c for s, c in by_room.get(member.room, {}).items() if s > member.since}
        missing = sorted(set(expected) - set(member.held))
        if missing:
            result.lost[member.name] = missing
        if member.conflicts:
            result.conflicts[member.name] = member.conflicts
        wrong = sum(1 for seq, cid in member.held.items() if expected.get(seq) != cid)
        if wrong:
            result.mismatched[member.name] = wrong
        stored_ids = set(expected.values())
        result.acked_missing += sorted(member.acked - stored_ids)
        result.repeats += member.repeats
    return result
