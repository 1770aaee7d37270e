"""Another facilitator during a session, in real Chromium against uvicorn and Redis: the
organisers' admin hands the session over to Bruno on the preparation page; Bruno's panel
gets the step controls without a reload, Anna's stays without them, and nobody's panel
shows an error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from intervisions import services
from tests.e2e.fixtures_rooms import open_room  # noqa: F401
from tests.e2e.test_intervision import group  # noqa: F401

pytestmark = pytest.mark.e2e

NEXT = '#session [data-step-button="next"]'


def test_the_step_controls_follow_a_new_facilitator_live(
    asgi_server,
    open_room,  # noqa: F811
    group,  # noqa: F811
):
    g = group
    services.start_session(user=g.fred, intervision=g.intervision)
    server = asgi_server(name="facilitator")
    fred = open_room(server, g.fred, g.room)
    anna = open_room(server, g.anna, g.room)
    bruno = open_room(server, g.bruno, g.room)
    expect(fred.locator(NEXT)).to_be_visible()
    expect(bruno.locator(NEXT)).to_have_count(0)

    prepare = open_room(server, g.fred, g.room)
    prepare.goto(f"/intervisions/{g.event.pk}/preparer/")
    prepare.get_by_label("Animateur·rice").select_option(str(g.bruno.pk))
    prepare.get_by_role("button", name="Enregistrer").click()
    expect(prepare.get_by_text("L'intervision est prête.")).to_be_visible()

    expect(bruno.locator(NEXT)).to_be_visible()
    expect(bruno.locator("#session")).to_have_attribute("data-facilitator", str(g.bruno.pk))
    expect(anna.locator("#session")).to_have_attribute("data-facilitator", str(g.bruno.pk))
    expect(anna.locator(NEXT)).to_have_count(0)
    # Fred organises the event: he may still move the steps.
    expect(fred.locator(NEXT)).to_be_visible()
    for page in (fred, anna, bruno):
        expect(page.locator("#session-error")).to_be_hidden()
