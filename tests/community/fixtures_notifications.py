"""What the notification tests share (tests/community/test_notifications_*.py): Camille,
who is notified (`camille`, a fixture test modules make visible by assignment), a Brussels
wall-clock time, and notifying her or choosing her channels as the apps do."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from community.models import Notification
from community.services import notifications as service
from tests.factories import UserFactory

Kind = Notification.Kind
BRUSSELS = ZoneInfo("Europe/Brussels")


def at(*args) -> dt.datetime:
    """A Brussels wall-clock time."""
    return dt.datetime(*args, tzinfo=BRUSSELS)


@pytest.fixture
def camille(db):
    return UserFactory(display_name="Camille Dubois", email="camille@example.org")


def tell(person, kind, text, *, about=("page:7", "Atelier"), url="/pratiques/atelier/", **kw):
    return service.notify([person], kind=kind, message=text, url=url, about=about, **kw)


def choose(person, **channels):
    current = service.settings_for(person)
    service.save_preferences(
        user=person,
        channels={**current.all_channels(), **channels},
        digest_weekday=current.digest_weekday,
        digest_hour=current.digest_hour,
    )
