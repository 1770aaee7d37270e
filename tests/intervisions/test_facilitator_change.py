"""Another facilitator during a session: the room is told (a new version of the session,
naming the facilitator), so every panel is fetched again and the controls follow the role
(static/js/rooms/session-state.js `structuralChange`, tests/js/session.test.mjs)."""

from __future__ import annotations

import re

import pytest
from channels.db import database_sync_to_async

from intervisions import services
from intervisions.models import Session
from tests.intervisions.test_confidence import next_of
from tests.rooms.websocket import _fresh_channel_layer, connected  # noqa: F401


def prepare(group, facilitator):
    return services.prepare(
        user=group.fred,
        event=group.event,
        facilitator=facilitator,
        protocol="case",
        minutes=None,
        chatham_house=True,
        retention_days=30,
    )


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_new_facilitator_during_a_session_is_broadcast(group):
    session = await database_sync_to_async(services.start_session)(
        user=group.fred, intervision=group.intervision
    )
    async with connected(group.room.slug, group.anna) as anna:
        assert anna.hello["session"]["facilitator"] == group.fred.pk
        await database_sync_to_async(prepare)(group, group.bruno)
        state = (await next_of(anna, "session"))["session"]
    assert (state["version"], state["facilitator"]) == (session.version + 1, group.bruno.pk)


@pytest.mark.django_db
def test_the_same_facilitator_again_changes_no_version_and_the_panel_names_them(client, group):
    session = services.start_session(user=group.fred, intervision=group.intervision)
    prepare(group, group.fred)
    assert Session.objects.get(pk=session.pk).version == session.version

    client.force_login(group.anna)
    page = client.get(f"/salons/{group.room.slug}/").content.decode()
    assert re.findall(r'<section id="session"[^>]* data-facilitator="(\d+)"', page) == [
        str(group.fred.pk)
    ]
