"""Reporting messages is limited per person: 20 an hour (`moderation.report_message`);
the 21st is refused with the message saying when to try again."""

from __future__ import annotations

import uuid

import pytest

from rooms.models import MessageReport, RoomMessage
from rooms.services import RoomError, moderation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REPORTS_PER_HOUR = 20


def test_the_twenty_first_report_within_the_hour_is_refused(theme_room, alice, bruno):
    RoomMessage.objects.bulk_create(
        RoomMessage(
            room=theme_room,
            seq=seq,
            author=bruno,
            client_id=uuid.uuid4(),
            body_markdown=f"Message {seq}",
            html=f"<p>Message {seq}</p>",
        )
        for seq in range(1, REPORTS_PER_HOUR + 2)
    )
    for seq in range(1, REPORTS_PER_HOUR + 1):
        moderation.report_message(user=alice, room=theme_room, seq=seq, reason="Spam")

    with pytest.raises(RoomError) as refused:
        moderation.report_message(user=alice, room=theme_room, seq=REPORTS_PER_HOUR + 1)

    assert (refused.value.code, refused.value.message) == (
        "rate_limited",
        "Trop de signalements : réessayez dans une heure.",
    )
    assert MessageReport.objects.filter(reporter=alice).count() == REPORTS_PER_HOUR
    # The limit is Alice's own: someone else's report still goes through.
    other = moderation.report_message(user=UserFactory(), room=theme_room, seq=REPORTS_PER_HOUR + 1)
    assert other.pk
