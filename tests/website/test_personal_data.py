"""A person's data in their hands (issue 16): "Mes données" prepares a plain ZIP file (a
page to read in their language, JSON and CSV), once a day, offered through a signed link
that only they can use and that expires."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import Notification
from rooms.services import creation, posting
from tests.factories import MembershipFactory, ThemeFactory, UserFactory
from website import personal_data
from website.models import PersonalDataExport

pytestmark = pytest.mark.django_db

FILES = [
    "index.html",
    "data.json",
    "profile.csv",
    "memberships.csv",
    "messages.csv",
    "registrations.csv",
    "reactions.csv",
    "notifications.csv",
    "diagnostics.csv",
    "sheets.csv",
    "questions.csv",
    "harvest.csv",
]


@pytest.fixture
def nora():
    membership = MembershipFactory(
        organisation__name="La Ressourcerie du Val",
        user__display_name="Nora Petit",
        user__preferred_language="en",
    )
    nora = membership.user
    room = creation.create_theme_room(title="Réemploi")
    posting.post_message(
        user=nora, room=room, body="=SUM(A1:A2) et nos dons", client_id=uuid.uuid4()
    )
    return nora


def test_a_member_gets_a_zip_of_everything_readable_in_their_language(
    client, nora, messages_of, django_capture_on_commit_callbacks
):
    client.force_login(nora)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/moi/donnees/")
    assert response["Location"] == "/moi/donnees/"
    told = Notification.objects.get(user=nora)
    assert told.url == "/moi/donnees/"
    page = client.get("/moi/donnees/").content.decode()
    link = page.split('class="button" href="', 1)[1].split('"', 1)[0]
    assert link.startswith("/moi/donnees/")
    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="relais-mes-donnees.zip"'
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.namelist() == FILES
    data = json.loads(archive.read("data.json"))
    assert data["profile"][0]["display_name"] == "Nora Petit"
    assert [m["text"] for m in data["messages"]] == ["=SUM(A1:A2) et nos dons"]
    assert data["memberships"][0]["organisation"] == "La Ressourcerie du Val"
    html = archive.read("index.html").decode()
    assert '<html lang="en">' in html
    assert "Nora Petit" in html and "=SUM(A1:A2) et nos dons" in html
    # A spreadsheet opening the CSV runs nothing.
    messages_csv = archive.read("messages.csv").decode("utf-8-sig")
    assert "'=SUM(A1:A2) et nos dons" in messages_csv

    # Once a day.
    again = client.post("/moi/donnees/")
    assert messages_of(again)[-1].startswith("You already asked for your data today")
    assert PersonalDataExport.objects.count() == 1

    # The link is Nora's only, and expires.
    client.force_login(UserFactory())
    assert client.get(link).status_code == 404
    client.force_login(nora)
    assert client.get(link[:-3] + "xyz/").status_code == 404


def test_the_link_expires_after_a_week(
    client, nora, time_machine, django_capture_on_commit_callbacks
):
    client.force_login(nora)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/moi/donnees/")
    page = client.get("/moi/donnees/").content.decode()
    link = page.split('class="button" href="', 1)[1].split('"', 1)[0]
    time_machine.move_to(dt.datetime.now(dt.UTC) + dt.timedelta(days=8))
    assert client.get(link).status_code == 404
    # Seven days from when the file was made: a link shown later is no longer offered.
    assert 'class="button" href="' not in client.get("/moi/donnees/").content.decode()
    # The next export removes the old file, and deleting the account removes the last.
    export = PersonalDataExport.objects.get()
    old = Path(settings.PRIVATE_ROOT) / "exports" / export.file_name
    assert old.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/moi/donnees/")
    assert not old.exists()
    new = Path(settings.PRIVATE_ROOT) / "exports" / PersonalDataExport.objects.first().file_name
    assert new.is_file()
    nora.delete()
    assert not new.exists()


def test_collecting_costs_the_same_queries_whatever_the_amount(nora):
    nora.interests.add(ThemeFactory())
    with CaptureQueriesContext(connection) as few:
        personal_data.collect(nora)
    room = creation.create_theme_room(title="Numérique")
    for n in range(5):
        posting.post_message(user=nora, room=room, body=f"Message {n}", client_id=uuid.uuid4())
        MembershipFactory(user=nora)
    with CaptureQueriesContext(connection) as many:
        data = personal_data.collect(nora)
    assert len(data["messages"]) == 6
    assert len(many) == len(few)
