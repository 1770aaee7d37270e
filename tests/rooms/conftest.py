"""Fixtures for the room tests: a thematic room, a few people, a site moderator."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import Group, Permission

from rooms.services import creation, posting
from tests.factories import UserFactory


@pytest.fixture
def theme_room(db):
    return creation.create_theme_room(
        title="Numérique et bénévolat", description="Outils pour les équipes bénévoles."
    )


@pytest.fixture
def alice(db):
    return UserFactory(display_name="Alice Martin", email="alice@example.org")


@pytest.fixture
def bruno(db):
    return UserFactory(display_name="Bruno Lefèvre", email="bruno@example.org")


@pytest.fixture
def moderator(db):
    """A member of the "Modérateurs" group, which holds `rooms.moderate_rooms`."""
    group, _created = Group.objects.get_or_create(name="Modérateurs")
    group.permissions.add(Permission.objects.get(codename="moderate_rooms"))
    person = UserFactory(display_name="Mona Modé")
    person.groups.add(group)
    return person


def say(user, room, body="Bonjour !", **kwargs):
    """Post through the service as the WebSocket and the form do; returns the message."""
    kwargs.setdefault("client_id", uuid.uuid4())
    return posting.post_message(user=user, room=room, body=body, **kwargs).message
