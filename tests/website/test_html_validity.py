"""Every main page is valid HTML: the Nu Html Checker (vnu.jar, installed by `make test`
from npm) reads them all in one process, signed out and signed in, and finds no error."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.template.loader import render_to_string
from django.test import Client
from wagtail.models import Page
from wagtail.rich_text import RichText

from community.models import Notification, Organisation
from community.services.notifications import notify
from community.templatetags.time_tags import html_datetime
from rooms.models import Room
from rooms.services import moderation
from tests.factories import MembershipFactory, UserFactory
from website.models import StandardPage

pytestmark = pytest.mark.django_db

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Pages everyone sees, then pages of signed-in members. `{...}` from the `whole_site` fixture.
PUBLIC = [
    "/",
    "/pratiques/",
    "/pratiques/?theme=zzz&q=cloud",
    "/pratiques/{sheet}/",
    "/outils/",
    "/outils/{tool}/",
    "/agenda/",
    "/agenda/?view=month",
    "/agenda/?when=past",
    "/agenda/{event}/",
    "/agenda/widget/",
    "/recits/",
    "/recits/?theme=zzz",
    "/recits/{story}/",
    "/soutiens/",
    "/soutiens/?region=zzz&legal_form=cooperative",
    "/soutiens/?when=closed",
    "/soutiens/{programme}/",
    "/organisations/",
    "/organisations/?kind=zzz",
    "/organisations/{organisation}/",
    "/recherche/",
    "/recherche/?q=cloud",
    "/recherche/?q=cloud&type=sheet&theme=zzz",
    "/recherche/?q=nextclod",
    "/recherche/?q=zorglub+cloud",
    "/diagnostic/",
    "/confidentialite/",
    "/cette-page-n-existe-pas/",
]
ACCOUNTS = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
MEMBERS = [
    *PUBLIC,
    "/moi/",
    "/moi/profil/",
    "/moi/donnees/",
    "/moi/supprimer/",
    "/moi/notifications/",
    "/moi/notifications/preferences/",
    "/moi/notifications/apercu/",
    "/salons/",
    "/salons/{room}/",
    "/salons/moderation/",
    "/organisations/creer/",
    "/organisations/{organisation}/modifier/",
    "/pratiques/proposer/",
    "/agenda/annoncer/",
    "/agenda/{event}/inscriptions/",
    "/soutiens/pour-mon-organisation/",
    "/diagnostic/",
    "/diagnostic/{diagnostic}/",
    "/diagnostic/{diagnostic}/repondre/infrastructure/",
    "/diagnostic/{diagnostic}/repondre/envoyer/",
    "/diagnostic/{diagnostic}/plan/",
    "/personnes/{member_id}/",
    "/admin/",  # the 403 page of a member who is not an editor
    "{wizard_step}",
    "/salons/{room}/moderation/",  # a 403 too: only moderators moderate a thematic room
]
# The same pages in the English interface: French content marked `lang="fr"` inside.
IN_ENGLISH = ["/", "/pratiques/{sheet}/", "/agenda/{event}/", "/organisations/", "/salons/{room}/"]


def _vnu_errors(files: list[Path]) -> list[str]:
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # 0: no error; 1: errors, listed as JSON on stderr; anything else: the checker failed.
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = json.loads(result.stderr or '{"messages": []}')
    assert bool(report["messages"]) == (result.returncode == 1)
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']} "
        f"| {m.get('extract', '')!r}"
        for m in report["messages"]
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


@pytest.mark.skipif(shutil.which("java") is None, reason="the HTML checker needs Java")
@pytest.mark.skipif(not VNU_JAR.exists(), reason="vnu.jar not installed (make vnu)")
def test_main_pages_are_valid_html_signed_out_and_signed_in(whole_site, tmp_path):
    member, names = whole_site
    names = {**names, "member_id": member.pk}
    visitor, signed_in = Client(), Client()
    signed_in.force_login(member)
    # Something in the notification centre and the digest's preview.
    notify(
        [member],
        kind=Notification.Kind.NEW_SHEET,
        message="Nouvelle fiche dans vos thèmes : « Un <planning> & des bénévoles »",
        url="/pratiques/",
        about=("page:1", "Un <planning> & des bénévoles"),
        excerpt="Un planning partagé « pour tous ».",
    )
    names["wizard_step"] = signed_in.post("/pratiques/proposer/nouvelle/")["Location"]
    # The 500 page is rendered without a request (it must not need the database).
    (tmp_path / "500.html").write_text(render_to_string("500.html"))
    files, statuses = [tmp_path / "500.html"], {}
    english = Client()
    english.force_login(member)
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    home = Page.objects.get(depth=2)
    home.add_child(
        instance=StandardPage(
            title="À propos",
            slug="a-propos",
            intro="Qui nous sommes.",
            body=[("paragraph", RichText("<p>Le réseau <b>Relais</b>.</p>"))],
        )
    )
    # The error pages that come from Django's handlers: a host the site does not serve
    # (400) and a form without its CSRF token (403).
    for name, response in (
        ("400", visitor.get("/", HTTP_HOST="not-relais.example")),
        ("403-csrf", Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "x"})),
    ):
        (tmp_path / f"{name}.html").write_bytes(response.content)
        files.append(tmp_path / f"{name}.html")
    # A site moderator, with one report waiting: the moderation pages.
    moderator = UserFactory(display_name="Mona Modé")
    group, _created = Group.objects.get_or_create(name="Modérateurs")
    group.permissions.add(Permission.objects.get(codename="moderate_rooms"))
    moderator.groups.add(group)
    room = Room.objects.get(slug=names["room"])
    moderation.report_message(user=moderator, room=room, seq=1, reason="Hors sujet")
    moderating = Client()
    moderating.force_login(moderator)
    # A federation's manager: its dashboard.
    managing = Client()
    managing.force_login(
        MembershipFactory(
            organisation=Organisation.objects.get(slug=names["federation"]), admin=True
        ).user
    )
    visits = (
        ("moderator", moderating, ["/salons/moderation/", "/salons/{room}/moderation/"]),
        ("manager", managing, ["/organisations/{federation}/tableau-de-bord/"]),
        ("visitor", visitor, [*PUBLIC, *ACCOUNTS, "/a-propos/"]),
        ("member", signed_in, MEMBERS),
        ("english", english, IN_ENGLISH),
    )
    for who, client, urls in visits:
        for url in urls:
            address = url.format(**names)
            response = client.get(address)
            statuses[(who, address)] = response.status_code
            name = re.sub(r"[^a-z0-9]+", "-", f"{who}{address}".lower()).strip("-")
            path = tmp_path / f"{name}.html"
            path.write_bytes(response.content)
            files.append(path)

    assert {k: s for k, s in statuses.items() if s != 200} == {
        ("visitor", "/cette-page-n-existe-pas/"): 404,
        ("member", "/cette-page-n-existe-pas/"): 404,
        ("member", "/admin/"): 403,
        ("member", f"/salons/{names['room']}/moderation/"): 403,
    }
    assert _vnu_errors(files) == []


def test_html_datetime_keeps_whole_seconds_in_the_viewers_zone():
    moment = dt.datetime(2026, 11, 29, 18, 17, 3, 658294, tzinfo=dt.UTC)

    assert html_datetime(moment) == "2026-11-29T19:17:03+01:00"
    assert html_datetime(dt.date(2026, 11, 29)) == "2026-11-29"
    assert html_datetime(None) == ""
