"""An intervision's group follows its registrations (intervisions/signals.py): someone
whose registration is cancelled leaves the room's roster and can no longer read it, nor
find it among their rooms; someone who registers joins it."""

from __future__ import annotations

import pytest
from django.test import Client

from events.services import registrations
from rooms import access as room_access

pytestmark = pytest.mark.django_db


def roster(group) -> set[str]:
    return set(group.room.roster.values_list("user__display_name", flat=True))


def as_user(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_a_cancelled_registration_leaves_the_group_and_its_room(
    group, django_capture_on_commit_callbacks
):
    room = group.room
    before = roster(group)
    could_read = as_user(group.bruno).get(room.get_absolute_url()).status_code

    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel(user=group.bruno, event=group.event)

    assert before == {"Anna Lambert", "Bruno Martin", "Fred Fédé"}
    assert could_read == 200
    assert roster(group) == {"Anna Lambert", "Fred Fédé"}
    assert not room_access.can_read_room(group.bruno, room)
    assert room not in room_access.readable_rooms(group.bruno)
    assert as_user(group.bruno).get(room.get_absolute_url()).status_code == 403
    assert as_user(group.bruno).get(f"/salons/{room.slug}/historique/").status_code == 403
    # The others still read it.
    assert room_access.can_read_room(group.anna, room)


def test_a_new_registration_joins_the_group(group, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(user=group.olga, event=group.event)

    assert "Olga Autre" in roster(group)
    assert room_access.can_read_room(group.olga, group.room)
