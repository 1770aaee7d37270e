"""The WebSocket load client of the bench (rows W1–W5), in a process of its own.

`python -m bench.ws < spec.json` connects every member of the spec to its room (each with
its own session cookie, on one of the servers), waits until all have said hello, then has
the senders write at the given rate for the given seconds, and prints one JSON line: for
every message, when it was sent and when each member got it; for every member, the
sequence numbers in the order they came. From these the bench computes delivery latency
to the last member, and messages lost, doubled or out of order (`summarise`).

Spec: {"servers": [ws base URLs], "origin_of": {ws base: http origin},
       "members": [{"room": slug, "cookie": "...", "server": i, "sends": bool}],
       "rate": messages/s per room, "seconds": s, "settle": s}
With "flood" true, each sender sends as fast as its own messages come back (W3); with
"idle" true nobody sends: the client prints "ready" once all are connected and stays
connected for the given seconds (W4).
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
import uuid
from collections import defaultdict

from websockets.asyncio.client import connect


class Member:
    def __init__(self, spec: dict, url: str, origin: str):
        self.spec, self.url, self.origin = spec, url, origin
        self.seqs: list[int] = []
        self.arrivals: dict[str, float] = {}  # client_id -> when it came
        self.hello = asyncio.Event()
        self.acks: asyncio.Queue[str] = asyncio.Queue()
        self.socket = None
        self.frames = 0

    async def run(self, stop: asyncio.Event) -> None:
        headers = {"Cookie": self.spec["cookie"]}
        async with connect(
            self.url,
            origin=self.origin,
            additional_headers=headers,
            open_timeout=60,
            max_queue=None,
            ping_interval=None,
        ) as socket:
            self.socket = socket
            reader = asyncio.ensure_future(self.read(socket))
            await stop.wait()
            reader.cancel()

    async def read(self, socket) -> None:
        async for text in socket:
            now = time.monotonic()
            self.frames += 1
            frame = json.loads(text)
            if frame["type"] == "hello":
                self.hello.set()
            elif frame["type"] == "message":
                message = frame["message"]
                self.seqs.append(message["seq"])
                self.arrivals.setdefault(message["client_id"], now)
                if self.spec["sends"]:  # a sender of W3 waits for its own to come back
                    self.acks.put_nowait(message["client_id"])

    async def send(self, body: str) -> str:
        client_id = str(uuid.uuid4())
        frame = {"type": "send", "body": body, "client_id": client_id, "reply_to": None}
        await self.socket.send(json.dumps(frame))
        return client_id


async def main(spec: dict) -> dict:
    resource.setrlimit(resource.RLIMIT_NOFILE, (20000, 20000))
    members = [
        Member(
            m,
            f"{spec['servers'][m['server']]}/ws/salons/{m['room']}/",
            spec["origin_of"][spec["servers"][m["server"]]],
        )
        for m in spec["members"]
    ]
    stop = asyncio.Event()
    started = time.monotonic()
    tasks = []
    # W4 connects a tenth first ("warm": the server has served sockets), then the rest.
    first = len(members) // 10 if spec.get("idle") else len(members)
    for n, member in enumerate(members):
        if n == first:
            await asyncio.wait_for(asyncio.gather(*(m.hello.wait() for m in members[:n])), 300)
            await asyncio.sleep(1.0)
            print("warm", flush=True)
        tasks.append(asyncio.ensure_future(member.run(stop)))
        if n % 50 == 49:
            await asyncio.sleep(0.05)  # a crowd arriving, not one burst of handshakes
    await asyncio.wait_for(asyncio.gather(*(m.hello.wait() for m in members)), 300)
    joined = time.monotonic() - started
    await asyncio.sleep(spec.get("settle", 1.0))  # the presence frames of the arrivals

    sent: dict[str, tuple[str, float]] = {}  # client_id -> (room, when)
    senders = [m for m in members if m.spec["sends"]]
    by_room: dict[str, list[Member]] = defaultdict(list)
    for sender in senders:
        by_room[sender.spec["room"]].append(sender)
    deadline = time.monotonic() + spec["seconds"]

    async def room_sender(room: str, people: list[Member]) -> None:
        n = 0
        interval = 1.0 / spec["rate"]
        next_at = time.monotonic()
        while time.monotonic() < deadline:
            person = people[n % len(people)]
            client_id = await person.send(f"Message {n} du banc d'essai")
            sent[client_id] = (room, time.monotonic())
            n += 1
            next_at += interval
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))

    async def flooder(person: Member) -> None:
        n = 0
        while time.monotonic() < deadline:
            client_id = await person.send(f"Message {n} du banc d'essai")
            sent[client_id] = (person.spec["room"], time.monotonic())
            n += 1
            while await asyncio.wait_for(person.acks.get(), 30) != client_id:
                pass

    if spec.get("idle"):
        # W4: everyone connected and quiet; the bench reads the server meanwhile.
        print("ready", flush=True)
        await asyncio.sleep(spec["seconds"])
    elif spec.get("flood"):
        await asyncio.gather(*(flooder(s) for s in senders))
    else:
        await asyncio.gather(*(room_sender(r, p) for r, p in by_room.items()))
    await asyncio.sleep(spec.get("drain", 3.0))
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {
        "joined_seconds": joined,
        "sent": {cid: [room, when] for cid, (room, when) in sent.items()},
        "members": [
            {"room": m.spec["room"], "seqs": m.seqs, "arrivals": m.arrivals, "frames": m.frames}
            for m in members
        ],
        "seconds": spec["seconds"],
    }


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summarise(result: dict) -> dict:
    """Latency to the last member of the room (p50, p99, ms); messages lost (a member of
    the room had not got one by the end of the run, `drain` seconds after the last was
    sent), doubled, out of order; messages/s delivered to everyone."""
    sent = result["sent"]
    by_room: dict[str, list[dict]] = defaultdict(list)
    for member in result["members"]:
        by_room[member["room"]].append(member)
    latencies, lost, delivered = [], 0, 0
    for client_id, (room, when) in sent.items():
        arrivals = [m["arrivals"].get(client_id) for m in by_room[room]]
        got = [a for a in arrivals if a is not None]
        lost += len(arrivals) - len(got)
        if got and len(got) == len(arrivals):
            latencies.append((max(got) - when) * 1000)
            delivered += 1
    doubled = sum(len(m["seqs"]) - len(set(m["seqs"])) for m in result["members"])
    disorder = sum(
        sum(1 for a, b in zip(m["seqs"], m["seqs"][1:], strict=False) if b < a)
        for m in result["members"]
    )
    return {
        "messages": len(sent),
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "lost": lost,
        "doubled": doubled,
        "out_of_order": disorder,
        "delivered_per_second": delivered / result["seconds"],
        "joined_seconds": result["joined_seconds"],
        "frames": sum(m["frames"] for m in result["members"]),
    }


if __name__ == "__main__":
    print(json.dumps(summarise(asyncio.run(main(json.load(sys.stdin))))))
