"""Notifications in Chromium (issue 13, "Done means"): a member chooses a weekly digest on
Monday at 8:00; a mention, a direct message and a new sheet in their theme arrive; the
digest task runs at the slot; the email holds the new sheet and the mention once each, the
direct message was emailed at once and is not repeated; its links work; unsubscribing from
the email works signed out. Also: axe-core on the centre and the preferences form."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect

from community.models import Notification, NotificationSettings
from community.public import site_url
from community.tasks import send_due_digests
from practices.models import PracticeIndexPage
from rooms.services import creation
from tests.e2e import test_accessibility as a11y
from tests.factories import ThemeFactory, UserFactory
from tests.practices.fixtures_listing import make_sheet, make_tool
from tests.rooms.conftest import say

pytestmark = pytest.mark.e2e

BRUSSELS = ZoneInfo("Europe/Brussels")


def on_live(url: str, live_server) -> str:
    """An emailed link (on the public address) on the test's live server."""
    return url.replace(site_url(), live_server.url)


@pytest.fixture
def library(home_page) -> PracticeIndexPage:
    index = home_page.add_child(
        instance=PracticeIndexPage(title="Fiches pratiques", slug="pratiques", intro="Fiches.")
    )
    index.save_revision().publish()
    return index


def test_weekly_digest_from_choice_to_unsubscribe(
    page: Page, new_context, sign_in_as, live_server, library, mailoutbox
):
    theme = ThemeFactory(name="Bénévolat")
    dana = UserFactory(display_name="Dana Lambert", email="dana@example.org")
    dana.interests.add(theme)
    alice = UserFactory(display_name="Alice Martin", email="alice@example.org")
    bruno = UserFactory(display_name="Bruno Lefèvre", email="bruno@example.org")
    sign_in_as(page.context, dana)

    # Dana chooses: mentions in the weekly digest, on Monday at 8:00.
    page.goto("/moi/notifications/preferences/")
    page.locator("fieldset", has_text="On me mentionne dans un salon").get_by_label(
        "Dans un e-mail hebdomadaire"
    ).check()
    page.get_by_label("Jour du récapitulatif hebdomadaire").select_option(label="lundi")
    page.get_by_label("Heure des récapitulatifs").select_option(label="08:00")
    page.get_by_role("button", name="Enregistrer mes préférences").click()
    expect(page.get_by_text("Vos préférences de notification sont enregistrées.")).to_be_visible()
    chosen = NotificationSettings.objects.get(user=dana)
    assert (chosen.channel("mention"), chosen.channel("direct")) == ("weekly", "instant")
    assert (chosen.digest_weekday, chosen.digest_hour) == (0, 8)

    # Tuesday 1 December 2026: a mention, a direct message, a new sheet in her theme.
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=BRUSSELS), tick=False):
        room = creation.create_theme_room(title="Numérique et bénévolat", description="Outils.")
        say(alice, room, body="@[Dana Lambert] tu as vu la fiche sur les plannings ?")
        direct = creation.direct_room(bruno, dana)
        say(bruno, direct, body="Un café jeudi ?")
        tools = [make_tool(n) for n in ("Nextcloud", "Framadate", "Mattermost")]
        sheet = make_sheet(
            library, title="Un planning partagé pour les bénévoles", tools=tools, themes=[theme]
        )
    to_dana = [m for m in mailoutbox if m.to == ["dana@example.org"]]
    assert [m.subject for m in to_dana] == ["[Relais] Bruno Lefèvre vous a écrit un message privé."]
    assert "« Un café jeudi ? »" in to_dana[0].body

    # Her header counts three unread notifications.
    page.goto("/")
    expect(page.get_by_role("link", name=re.compile(r"Notifications 3 non lues"))).to_be_visible()

    # Sunday: nothing yet. Monday 7 December, 8:00 in Brussels: the digest.
    with time_machine.travel(dt.datetime(2026, 12, 6, 20, 0, tzinfo=BRUSSELS), tick=False):
        assert send_due_digests.call() == 0
    with time_machine.travel(dt.datetime(2026, 12, 7, 8, 0, tzinfo=BRUSSELS), tick=False):
        assert send_due_digests.call() == 2
        assert send_due_digests.call() == 0
    to_dana = [m for m in mailoutbox if m.to == ["dana@example.org"]]
    assert len(to_dana) == 2
    digest = to_dana[1]
    assert digest.subject == "[Relais] Votre semaine sur Relais : 2 nouveautés"
    body = digest.body
    assert body.count("Alice Martin vous a mentionné·e") == 1
    assert body.count("Un planning partagé pour les bénévoles") == 2  # the group and the line
    assert "Un café jeudi" not in body and "message privé" not in body
    assert Notification.objects.filter(user=dana, email_due=True).count() == 0

    # Its links work: the sheet, the mention in its room.
    links = re.findall(r"http://\S+", body)
    sheet_link = next(link for link in links if "/pratiques/" in link)
    page.goto(on_live(sheet_link, live_server))
    expect(page.get_by_role("heading", level=1)).to_have_text(sheet.title)
    room_link = next(link for link in links if "/salons/" in link)
    page.goto(on_live(room_link, live_server))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Numérique et bénévolat")

    # Unsubscribe from the email, signed out.
    unsubscribe = digest.extra_headers["List-Unsubscribe"].strip("<>")
    stranger = new_context().new_page()
    stranger.goto(on_live(unsubscribe, live_server))
    expect(stranger.get_by_text("On me mentionne dans un salon")).to_be_visible()
    stranger.get_by_role("button", name="Me désabonner de ces e-mails").click()
    expect(stranger.locator("main").get_by_role("status")).to_contain_text(
        "vous ne recevrez plus ces e-mails"
    )
    chosen = NotificationSettings.objects.get(user=dana)
    assert (chosen.channel("mention"), chosen.channel("new_sheet")) == ("app", "app")
    assert chosen.channel("direct") == "instant"


def test_centre_and_preferences_are_accessible(new_context, sign_in_as, home_page):
    dana = UserFactory(display_name="Dana Lambert")
    for n in range(3):
        Notification.objects.create(
            user=dana,
            kind="mention",
            message=f"Alice Martin vous a mentionné·e dans « Salon {n} ».",
            url=f"/salons/salon-{n}/#msg-1",
            about_key=f"room:{n}",
            about_label=f"Salon {n}",
            excerpt="Tu as vu la fiche ?",
        )
    context = new_context()
    sign_in_as(context, dana)
    page = context.new_page()
    failures = []
    for name, path in [
        ("notifications", "/moi/notifications/"),
        ("notification-preferences", "/moi/notifications/preferences/"),
        ("digest-preview", "/moi/notifications/apercu/"),
    ]:
        failures += a11y.scan(page, name, lambda path=path: page.goto(path))
    assert failures == []
