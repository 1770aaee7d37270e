"""Presence is kept in the shared cache (Redis in production), one entry per room edited by
every process: joins and leaves at the same moment must not undo each other.

Against Redis (CI sets REDIS_URL) this test fails without the presence lock: the
read-modify-write of twelve threads loses some of their changes. The local-memory cache
of a run without Redis rarely shows the race, the interpreter's lock hiding it."""

from __future__ import annotations

import threading

from rooms.services import presence

ROOM_ID = 987_654


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
