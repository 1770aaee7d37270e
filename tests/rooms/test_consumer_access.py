"""Losing access to a room closes its sockets, whatever took the access away; the channel
layer in use. Over the real ASGI application, like test_consumer.py."""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels_redis.pubsub import RedisPubSubChannelLayer
from django.db import OperationalError, transaction
from django.db.models import F

from community.access import Refusal
from community.models import Membership
from community.services import organisations
from rooms import consumers
from rooms.models import Room, RoomMessage, RoomSanction
from rooms.services import creation, reading
from tests.factories import AffiliationFactory, MembershipFactory

from .conftest import say
from .websocket import (  # noqa: F401 (_fresh_channel_layer: an autouse fixture)
    _fresh_channel_layer,
    closed_with,
    connected,
    next_of,
    nothing_but_presence,
)

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

# --- channel layer -------------------------------------------------------------------------


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set")
async def test_redis_channel_layer_in_use_when_configured():
    assert isinstance(get_channel_layer(), RedisPubSubChannelLayer)


async def test_a_member_who_leaves_is_disconnected_from_the_private_room(
    organisation, org_admin, alice, settings
):
    """Access is checked again while connected: someone who is no longer a member of the
    organisation stops receiving its room's messages (closed as forbidden)."""

    # checked every second
    settings.RELAIS = {**settings.RELAIS, "ROOM_PRESENCE_TTL": 3, "ROOM_RECHECK_SECONDS": 1}
    room = await database_sync_to_async(creation.organisation_room)(organisation)
    await database_sync_to_async(MembershipFactory)(user=alice, organisation=organisation)

    async with connected(room.slug, alice) as a:
        await database_sync_to_async(
            Membership.objects.filter(user=alice, organisation=organisation).delete
        )()
        assert await closed_with(a, timeout=4) == 4403


def _federation_room_with_a_member(federation, organisation, alice):
    """The federation's room, which Alice enters as a member of an affiliated EES."""

    AffiliationFactory(organisation=organisation, federation=federation)
    MembershipFactory(user=alice, organisation=organisation)
    return creation.organisation_room(federation)


def _leave(alice, organisation, federation, federation_admin, org_admin):
    organisations.leave_organisation(user=alice, organisation=organisation)


def _removed_in_the_admin(alice, organisation, federation, federation_admin, org_admin):
    Membership.objects.get(user=alice, organisation=organisation).delete()


def _affiliation_ended(alice, organisation, federation, federation_admin, org_admin):
    organisations.end_affiliation(
        actor=federation_admin, organisation=organisation, federation=federation
    )


def _deactivated(alice, organisation, federation, federation_admin, org_admin):
    alice.is_active = False
    alice.save(update_fields=["is_active"])


def _banned_in_the_admin(alice, organisation, federation, federation_admin, org_admin):
    room = Room.objects.get(kind=Room.Kind.ORGANISATION, organisation=federation)
    RoomSanction.objects.create(room=room, user=alice, kind=RoomSanction.Kind.BAN)


@pytest.mark.parametrize(
    "lose_access",
    [_leave, _removed_in_the_admin, _affiliation_ended, _deactivated, _banned_in_the_admin],
)
async def test_losing_access_closes_the_private_room_socket_at_once(
    federation, federation_admin, organisation, org_admin, alice, lose_access
):
    """No waiting for the periodic re-check (every 30 s by default): the change itself
    tells the person's sockets, which close within the test's timeout of 3 s."""
    room = await database_sync_to_async(_federation_room_with_a_member)(
        federation, organisation, alice
    )

    async with connected(room.slug, alice) as a, connected(room.slug, federation_admin) as fed:
        await database_sync_to_async(lose_access)(
            alice, organisation, federation, federation_admin, org_admin
        )
        assert await closed_with(a) == 4403
        assert await nothing_but_presence(fed)  # the others stay connected


async def test_periodic_recheck_survives_a_database_error(
    organisation, org_admin, alice, settings, monkeypatch
):
    """One failed check (the database unreachable for a moment) must not end the checks:
    a membership changed behind the models' back (no signal) still closes the socket."""

    # checked every second
    settings.RELAIS = {**settings.RELAIS, "ROOM_PRESENCE_TTL": 3, "ROOM_RECHECK_SECONDS": 1}
    room = await database_sync_to_async(creation.organisation_room)(organisation)
    await database_sync_to_async(MembershipFactory)(user=alice, organisation=organisation)
    real_check, calls = consumers._still_allowed, []

    def flaky_check(room_id, user_id):
        calls.append(user_id)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_check(room_id, user_id)

    monkeypatch.setattr(consumers, "_still_allowed", flaky_check)

    async with connected(room.slug, alice) as a:
        assert await nothing_but_presence(a)
        await asyncio.sleep(1.2)  # the first check has failed by now
        await database_sync_to_async(
            Membership.objects.filter(user=alice, organisation=organisation).update
        )(status=Membership.Status.PENDING)  # an UPDATE: no signal, no immediate re-check
        assert await closed_with(a, timeout=4) == 4403
    assert len(calls) >= 2


# --- tail: a client learns of messages whose broadcast never reached it ---------------------


def _store_without_broadcast(room, author, body):
    """A message stored as `post_message` stores it, whose live event is lost (as when a
    socket's channel-layer queue is full): only the numbers can reveal it."""

    with transaction.atomic():
        Room.objects.filter(pk=room.pk).update(last_seq=F("last_seq") + 1)
        seq = Room.objects.filter(pk=room.pk).values_list("last_seq", flat=True).get()
        RoomMessage.objects.create(
            room=room,
            seq=seq,
            author=author,
            client_id=uuid.uuid4(),
            body_markdown=body,
            html=f"<p>{body}</p>",
        )
        transaction.on_commit(lambda: reading.remember_last_seq(room.pk, seq))
    return seq


async def test_tail_frame_reveals_a_message_never_received(theme_room, alice, bruno, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_TAIL_SECONDS": 1}

    async with connected(theme_room.slug, alice) as a:
        await database_sync_to_async(_store_without_broadcast)(theme_room, bruno, "Perdu ?")
        assert await next_of(a, "tail") == {"type": "tail", "last_seq": 1}
        await a.send_json_to({"type": "sync", "after": 0})
        synced = await next_of(a, "message")
        assert (synced["message"]["seq"], synced["message"]["html"]) == (1, "<p>Perdu ?</p>")
        await asyncio.sleep(1.2)  # a periodic check has run since: nothing more to tell
        assert await nothing_but_presence(a)


async def test_tail_frame_follows_a_burst_whose_end_was_lost(theme_room, alice, bruno, settings):
    """The periodic check is far off (60 s): the tail comes from the burst going quiet."""
    settings.RELAIS = {**settings.RELAIS, "ROOM_TAIL_SECONDS": 60, "ROOM_TAIL_QUIET_SECONDS": 0.5}

    async with connected(theme_room.slug, alice) as a:
        await database_sync_to_async(say)(bruno, theme_room, "Premier")
        assert (await next_of(a, "message"))["message"]["seq"] == 1
        await database_sync_to_async(_store_without_broadcast)(theme_room, bruno, "Dernier")
        assert await next_of(a, "tail") == {"type": "tail", "last_seq": 2}


async def test_no_tail_frame_when_every_message_arrived(theme_room, alice, bruno, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_TAIL_SECONDS": 0.5, "ROOM_TAIL_QUIET_SECONDS": 0.2}

    async with connected(theme_room.slug, alice) as a:
        await database_sync_to_async(say)(bruno, theme_room, "Premier")
        assert (await next_of(a, "message"))["message"]["seq"] == 1
        await asyncio.sleep(1.2)
        assert await nothing_but_presence(a)


async def test_losing_access_says_why_before_closing(
    federation, federation_admin, organisation, org_admin, alice
):
    room = await database_sync_to_async(_federation_room_with_a_member)(
        federation, organisation, alice
    )

    async with connected(room.slug, alice) as a:
        await database_sync_to_async(_leave)(
            alice, organisation, federation, federation_admin, org_admin
        )
        error = await next_of(a, "error")

        assert (error["code"], error["detail"]) == ("forbidden", str(Refusal.ROOM_ORGANISATION))
        assert await closed_with(a) == 4403
