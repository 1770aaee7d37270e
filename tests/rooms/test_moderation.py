"""Moderation through the services: hiding, reports, sanctions; and page rooms."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from rooms import access
from rooms.models import MessageReport, ModerationLog, Room, RoomMessage, RoomSanction
from rooms.services import (
    RoomError,
    creation,
    moderation,
)
from tests.factories import MembershipFactory

from .conftest import say

# --- moderation ------------------------------------------------------------------------------


def test_hide_message_closes_reports_and_is_logged(theme_room, alice, bruno, moderator):
    say(alice, theme_room, body="pub pub pub")
    report = moderation.report_message(user=bruno, room=theme_room, seq=1, reason="spam")

    payload = moderation.hide_message(moderator=moderator, room=theme_room, seq=1, reason="spam")

    report.refresh_from_db()
    assert (payload["hidden"], payload["deleted"], payload["html"]) == (True, True, "")
    assert (report.status, report.outcome, report.handled_by) == ("handled", "hidden", moderator)
    assert list(ModerationLog.objects.values_list("actor", "action", "target", "detail")) == [
        (moderator.pk, "hide", alice.pk, "spam")
    ]


def test_hide_by_plain_member_is_forbidden(theme_room, alice, bruno):
    say(alice, theme_room)

    with pytest.raises(RoomError) as refused:
        moderation.hide_message(moderator=bruno, room=theme_room, seq=1)

    assert refused.value.code == "forbidden"
    assert RoomMessage.objects.get().hidden_at is None


def test_report_twice_or_own_message_refused(theme_room, alice, bruno):
    say(alice, theme_room)
    moderation.report_message(user=bruno, room=theme_room, seq=1)

    with pytest.raises(RoomError):
        moderation.report_message(user=bruno, room=theme_room, seq=1)
    with pytest.raises(RoomError):
        moderation.report_message(user=alice, room=theme_room, seq=1)
    assert MessageReport.objects.count() == 1


def test_report_queue_scope(theme_room, organisation, org_admin, alice, bruno, moderator):
    sheet_like = creation.organisation_room(organisation)
    member = MembershipFactory(organisation=organisation).user
    say(alice, theme_room)
    say(member, sheet_like)
    in_theme = moderation.report_message(user=bruno, room=theme_room, seq=1)
    in_org = moderation.report_message(user=org_admin, room=sheet_like, seq=1)

    assert list(moderation.reports_for(moderator)) == [in_theme, in_org]
    assert list(moderation.reports_for(org_admin)) == [in_org]
    assert list(moderation.reports_for(bruno)) == []
    assert access.can_see_report_queue(bruno) is False


def test_handle_report_dismiss_is_logged(theme_room, alice, bruno, moderator):
    say(alice, theme_room)
    report = moderation.report_message(user=bruno, room=theme_room, seq=1)

    moderation.handle_report(moderator=moderator, report_id=report.pk, decision="dismiss")

    report.refresh_from_db()
    assert (report.status, report.outcome) == ("handled", "dismissed")
    assert RoomMessage.objects.get().hidden_at is None
    assert list(ModerationLog.objects.values_list("action", flat=True)) == ["dismiss"]
    with pytest.raises(RoomError):
        moderation.handle_report(moderator=moderator, report_id=report.pk, decision="hide")


def test_ban_with_hide_messages_hides_them_all(theme_room, alice, moderator):
    say(alice, theme_room)
    say(alice, theme_room)

    moderation.sanction(
        moderator=moderator, room=theme_room, target=alice, kind="ban", hide_messages=True
    )

    assert RoomMessage.objects.filter(hidden_at__isnull=False).count() == 2
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "ban",
        "hide",
        "hide",
    ]


def test_moderators_cannot_be_sanctioned(organisation, org_admin, moderator):
    room = creation.organisation_room(organisation)

    with pytest.raises(RoomError):
        moderation.sanction(moderator=org_admin, room=room, target=org_admin, kind="ban")
    assert RoomSanction.objects.count() == 0


def test_lift_sanction_restores_writing(theme_room, alice, moderator):
    moderation.sanction(moderator=moderator, room=theme_room, target=alice, kind="mute")

    moderation.lift_sanction(moderator=moderator, room=theme_room, target=alice, kind="mute")

    assert access.can_write_room(alice, theme_room) is True
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "mute",
        "lift",
    ]


# --- page rooms ---------------------------------------------------------------------------


def test_ensure_page_room_is_idempotent_and_follows_the_title(organisation):
    home_page = Page.objects.get(depth=2)
    first = creation.ensure_page_room(home_page, organisation=organisation)
    home_page.title = "Accueil"
    second = creation.ensure_page_room(home_page, organisation=organisation)

    assert second.pk == first.pk
    assert (second.kind, second.title, second.organisation) == ("page", "Accueil", organisation)
    assert Room.objects.count() == 1
