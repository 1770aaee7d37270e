"""Each refusal of a room says what it is: a ban from a room is a ban, a private
conversation is private, never a message about organisation admins (the 403 page shows
the reason of the rule that refused; the other refusals: tests/community/test_refusals.py)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.html import escape
from django.utils.translation import override

from community.access import Refusal
from rooms.models import RoomSanction
from rooms.services import RoomError, creation, moderation, posting
from tests.factories import UserFactory
from tests.refusal_page import refusal_of as _refusal_of
from tests.refusal_page import signed_in as _as

pytestmark = pytest.mark.django_db


def test_refusal_writing_to_a_deactivated_person_says_why():
    me, gone = UserFactory(), UserFactory(is_active=False)

    with pytest.raises(PermissionDenied) as refused:
        creation.start_direct_conversation(user=me, other=gone)

    assert str(refused.value) == str(Refusal.VIEW_PERSON)


def test_refusal_of_a_room_ban_says_it_is_a_ban(client):
    room = creation.create_theme_room(title="Numérique et bénévolat")
    banned = UserFactory()
    RoomSanction.objects.create(room=room, user=banned, kind=RoomSanction.Kind.BAN)

    response = _as(client, banned).get(f"/salons/{room.slug}/")

    assert _refusal_of(response) == escape(Refusal.ROOM_BANNED)


def test_refusal_of_a_room_ban_is_in_the_persons_language(client):
    room = creation.create_theme_room(title="Numérique et bénévolat")
    banned = UserFactory()
    RoomSanction.objects.create(room=room, user=banned, kind=RoomSanction.Kind.BAN)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    page = _as(client, banned).get(f"/salons/{room.slug}/")
    history = client.get(f"/salons/{room.slug}/historique/")

    with override("nl"):
        reason = str(Refusal.ROOM_BANNED)
    assert reason.startswith("De moderatoren")
    assert _refusal_of(page) == escape(reason)
    assert (history.status_code, history.json()) == (403, {"error": reason})


def test_refusal_posting_in_a_room_after_a_ban_says_it_is_a_ban():
    room = creation.create_theme_room(title="Numérique et bénévolat")
    banned = UserFactory()
    RoomSanction.objects.create(room=room, user=banned, kind=RoomSanction.Kind.BAN)

    with pytest.raises(RoomError) as refused:
        posting.post_message(user=banned, room=room, body="Coucou", client_id=None)

    assert refused.value.message == str(Refusal.ROOM_BANNED)


def test_refusal_of_someone_elses_conversation_says_it_is_private(client):
    room = creation.direct_room(UserFactory(), UserFactory())

    response = _as(client, UserFactory()).get(f"/salons/{room.slug}/")

    assert _refusal_of(response) == escape(Refusal.ROOM_DIRECT)


def test_refusal_of_an_organisation_room_says_it_is_for_its_members(client, organisation):
    response = _as(client, UserFactory()).get(f"/organisations/{organisation.slug}/salon/")

    assert _refusal_of(response) == escape(Refusal.ROOM_ORGANISATION)


def test_refusal_of_a_rooms_moderation_page_says_who_moderates(client):
    room = creation.create_theme_room(title="Numérique et bénévolat")

    response = _as(client, UserFactory()).get(f"/salons/{room.slug}/moderation/")

    assert _refusal_of(response) == escape(Refusal.MODERATE_ROOM)


def test_refusal_deleting_or_reporting_in_a_private_room_says_it_is_private():
    room = creation.direct_room(UserFactory(), UserFactory())
    outsider = UserFactory()

    with pytest.raises(RoomError) as deleting:
        posting.delete_message(user=outsider, room=room, seq=1)
    with pytest.raises(RoomError) as reporting:
        moderation.report_message(user=outsider, room=room, seq=1)

    assert deleting.value.message == reporting.value.message == str(Refusal.ROOM_DIRECT)


def test_refusal_of_the_report_queue_says_who_handles_reports(client):
    response = _as(client, UserFactory()).get("/salons/moderation/")

    assert _refusal_of(response) == escape(Refusal.REPORT_QUEUE)
