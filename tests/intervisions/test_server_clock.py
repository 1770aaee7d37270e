"""The step's time left counts down on the server's clock: the session's frames, the
`hello` and the panel's markup carry the server's time, from which the client corrects its
own clock (static/js/rooms/session-state.js `clockOffset`, tests/js/session.test.mjs)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from intervisions import frames, services
from intervisions.state import session_frame

pytestmark = pytest.mark.django_db


def close_to_now(value: str) -> bool:
    return abs(dt.datetime.fromisoformat(value) - timezone.now()) < dt.timedelta(seconds=5)


def test_frames_hello_and_panel_carry_the_servers_clock(client, group):
    session = services.start_session(user=group.fred, intervision=group.intervision)

    frame = session_frame(session)
    hello = frames.hello(room=group.room, user=group.anna)
    client.force_login(group.anna)
    page = client.get(f"/salons/{group.room.slug}/").content.decode()

    assert set(frame) == {"type", "session", "now"}
    assert close_to_now(frame["now"])
    assert close_to_now(hello["session_now"])
    (now,) = re.findall(r'<section id="session"[^>]* data-now="([^"]+)"', page)
    assert close_to_now(now)
