"""What posting a message costs the database (issue 11): at most four statements, none
reading the room's history, and mentions resolved before the room's row is locked."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rooms.services import creation, posting, reading
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def statements(queries) -> list[str]:
    """The SQL sent, without the savepoints of the test's transaction (BEGIN and COMMIT
    in production, which Django does not list)."""
    return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]


def post(user, room, body):
    with CaptureQueriesContext(connection) as queries:
        posting.post_message(user=user, room=room, body=body, client_id=uuid.uuid4())
    return statements(queries.captured_queries)


@pytest.fixture
def room():
    return creation.create_theme_room(title="Numérique", description="Outils.")


@pytest.mark.parametrize("history", [1, 40])
def test_a_message_costs_four_statements_whatever_the_history(room, history):
    alice = UserFactory(display_name="Alice Martin")
    others = [UserFactory(display_name=f"Membre {n}") for n in range(4)]
    for n in range(history):
        posting.post_message(
            user=others[n % 4], room=room, body=f"message {n}", client_id=uuid.uuid4()
        )
    post(alice, room, "Bonjour")  # her first: her read marker and organisation are new

    sql = post(alice, room, "Bonjour à tous")

    assert len(sql) == 4, sql
    assert [s.split()[0] for s in sql] == ["SELECT", "UPDATE", "INSERT", "UPDATE"]
    assert not any("rooms_roommessage" in s for s in sql if s.startswith("SELECT"))


def test_a_mention_is_resolved_before_the_room_is_locked_without_reading_history(room):
    alice = UserFactory(display_name="Alice Martin")
    bruno = UserFactory(display_name="Bruno Lefèvre")
    posting.post_message(user=bruno, room=room, body="Bonjour", client_id=uuid.uuid4())
    post(alice, room, "Bonjour")

    with CaptureQueriesContext(connection) as queries:
        posted = posting.post_message(
            user=alice, room=room, body="Merci @Bruno", client_id=uuid.uuid4()
        )
    sql = [q["sql"] for q in queries.captured_queries]

    assert [m.user for m in posted.message.mentions.all()] == [bruno]
    lock = next(i for i, s in enumerate(sql) if s.startswith('UPDATE "rooms_room"'))
    people = next(i for i, s in enumerate(sql) if 'FROM "community_user"' in s)
    assert people < lock
    assert not any("rooms_roommessage" in s for s in sql if s.startswith("SELECT"))


def test_idle_sockets_read_the_last_number_from_the_cache(
    room, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The tail check each socket makes while idle asks the database nothing once the
    number is known; a post, once committed, tells the cache its number."""
    alice = UserFactory(display_name="Alice Martin")
    assert reading.last_seq(room.pk) == 0  # read from the database once, then kept
    with django_assert_num_queries(0):
        assert reading.last_seq(room.pk) == 0

    with django_capture_on_commit_callbacks(execute=True):
        posting.post_message(user=alice, room=room, body="Bonjour", client_id=uuid.uuid4())

    with django_assert_num_queries(0):
        assert reading.last_seq(room.pk) == 1
