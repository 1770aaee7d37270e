"""Presence is kept in the shared cache (Redis in production), one entry per room edited by
every process: joins and leaves at the same moment must not undo each other.

Against Redis (CI sets REDIS_URL) this test fails without the presence lock: the
read-modify-write of twelve threads loses some of their changes. The local-memory cache
of a run without Redis rarely shows the race, the interpreter's lock hiding it."""

from __future__ import annotations

import threading

import pytest

from rooms.services import presence, presence_store
from rooms.services.presence_store import MemoryStore, RedisStore

ROOM_ID = 987_654


@pytest.fixture(autouse=True, params=["configured", "memory"])
def kind_of_store(request, monkeypatch):
    """Every test twice: with the store of the settings (Redis when REDIS_URL is set, as in
    CI) and with the one of a machine without Redis (the process's own cache)."""
    if request.param == "memory":
        memory = MemoryStore()
        monkeypatch.setattr(presence, "store", lambda: memory)
    return request.param


def test_the_store_is_redis_when_the_cache_is(settings):
    expected = RedisStore if settings.REDIS_URL else MemoryStore
    assert type(presence_store.store()) is expected


def at_once(actions) -> None:
    barrier = threading.Barrier(len(actions))

    def run(action):
        barrier.wait()
        action()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class Person:
    """What presence reads of a person: the primary key and the name (`str`)."""

    def __init__(self, pk):
        self.pk = pk

    def __str__(self):
        return f"Personne {self.pk:02d}"


def test_simultaneous_joins_and_leaves_lose_nothing():
    people = [Person(pk) for pk in range(1, 13)]
    at_once(
        [
            lambda p=p: presence.join_presence(room_id=ROOM_ID, connection=f"conn-{p.pk}", user=p)
            for p in people
        ]
    )
    assert presence.present_user_ids(ROOM_ID) == [p.pk for p in people]

    leaving = people[::2]
    at_once(
        [
            lambda p=p: presence.leave_presence(room_id=ROOM_ID, connection=f"conn-{p.pk}")
            for p in leaving
        ]
    )
    assert presence.present_user_ids(ROOM_ID) == [p.pk for p in people[1::2]]
    assert [entry["name"] for entry in presence.present_people(ROOM_ID)] == [
        f"Personne {p.pk:02d}" for p in people[1::2]
    ]


class Clock:
    """`time` as presence reads it, moved by hand."""

    def __init__(self):
        self.now = 1_000_000.0

    def time(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_a_person_comes_with_the_first_connection_and_goes_with_the_last():
    anna, bruno = Person(1), Person(2)

    first = presence.join_presence(room_id=ROOM_ID, connection="anna-1", user=anna)
    second_tab = presence.join_presence(room_id=ROOM_ID, connection="anna-2", user=anna)
    bruno_came = presence.join_presence(room_id=ROOM_ID, connection="bruno", user=bruno)
    one_tab_closed = presence.leave_presence(room_id=ROOM_ID, connection="anna-1")
    anna_went = presence.leave_presence(room_id=ROOM_ID, connection="anna-2")

    assert first.frame() == {
        "type": "presence",
        "v": 1,
        "joined": [{"id": 1, "name": "Personne 01"}],
        "left": [],
    }
    assert (second_tab.joined, second_tab.left, second_tab.version) == ([], [], 1)
    assert (bruno_came.joined, bruno_came.version) == ([{"id": 2, "name": "Personne 02"}], 2)
    assert (one_tab_closed.joined, one_tab_closed.left, one_tab_closed.version) == ([], [], 2)
    assert (anna_went.joined, anna_went.left, anna_went.version) == ([], [1], 3)
    assert presence.snapshot(ROOM_ID) == {
        "type": "presence",
        "v": 3,
        "online": [{"id": 2, "name": "Personne 02"}],
    }


def test_people_whose_connections_expired_are_told_gone_once(monkeypatch, settings):
    clock = Clock()
    monkeypatch.setattr(presence, "time", clock)
    ttl = settings.RELAIS["ROOM_PRESENCE_TTL"]
    anna, bruno = Person(1), Person(2)
    presence.join_presence(room_id=ROOM_ID, connection="anna", user=anna)
    presence.join_presence(room_id=ROOM_ID, connection="bruno", user=bruno)

    clock.now += ttl / 2
    refreshed = presence.join_presence(room_id=ROOM_ID, connection="bruno", user=bruno)
    clock.now += ttl / 2 + 1  # Anna's process died: her entry was never refreshed
    expired = presence.join_presence(room_id=ROOM_ID, connection="bruno", user=bruno)
    again = presence.join_presence(room_id=ROOM_ID, connection="bruno", user=bruno)

    assert (refreshed.joined, refreshed.left, refreshed.version) == ([], [], 2)
    assert (expired.joined, expired.left, expired.version) == ([], [1], 3)
    assert (again.joined, again.left, again.version) == ([], [], 3)
    assert presence.present_user_ids(ROOM_ID) == [2]
