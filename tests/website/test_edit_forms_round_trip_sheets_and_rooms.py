"""A published sheet taken back through the wizard, and a room message's edit form,
submitted unchanged as a browser does (tests/website/form_round_trip.py), save back exactly
what is stored, an editor's formatting included."""

from __future__ import annotations

import pytest

from practices.models import PracticeSheetPage, SheetDraft
from practices.services.submission import submit_draft
from rooms.models import Room
from rooms.services import posting
from tests.factories import RegionFactory, SectorFactory, ThemeFactory
from tests.website.form_round_trip import SHEET_FIELDS, resubmit, snapshot

pytestmark = pytest.mark.django_db


def test_sheet_edit_through_wizard_unchanged_keeps_everything(
    client, practice_index, member_with_org, member_org, sheet_data, editor
):
    sectors, themes = [SectorFactory(), SectorFactory()], [ThemeFactory()]
    draft = SheetDraft.objects.create(
        author=member_with_org,
        organisation=member_org,
        data=sheet_data(
            summary="Trois tableurs.\nUn CRM libre.",
            sectors=[s.pk for s in sectors],
            themes=[t.pk for t in themes],
            region=RegionFactory().pk,
            dimensions=["processes", "strategy"],
            difficulties=[
                {"title": f"Difficulté {n}", "text": f"Ligne un\nligne deux {n}"} for n in (1, 2, 3)
            ],
        ),
    )
    sheet = submit_draft(draft=draft, user=member_with_org)
    revision = sheet.get_latest_revision_as_object()
    # An editor formatted the text in the admin before publishing.
    revision.why = (
        "<p>Les dossiers étaient <b>éparpillés</b> :</p><ul><li>papier</li><li>tableurs</li></ul>"
    )
    revision.results = '<p>Voir <a href="https://relais.example/">le bilan</a>.</p>'
    revision.save_revision(user=editor).publish()
    sheet = PracticeSheetPage.objects.get(pk=sheet.pk)
    before = snapshot(sheet, SHEET_FIELDS)
    client.force_login(member_with_org)

    response = client.post(f"/pratiques/proposer/modifier/{sheet.pk}/")
    url = response["Location"]
    for _step in range(20):
        if url.rstrip("/").endswith("/preview"):
            break
        response = resubmit(client, url, "action", button={"value": "next"})
        assert response.status_code == 302, response.content.decode()[:2000]
        url = response["Location"]
    response = resubmit(client, url, "action", button={"value": "submit"})

    assert (response.status_code, response["Location"]) == (302, "/moi/")
    after = PracticeSheetPage.objects.get(pk=sheet.pk).get_latest_revision_as_object()
    assert snapshot(after, SHEET_FIELDS) == before


def test_room_message_edit_form_unchanged_keeps_the_message(client, org_admin, organisation):
    room = Room.objects.create(slug="numerique", title="Numérique", kind=Room.Kind.THEME)
    posted = posting.post_message(
        user=org_admin,
        room=room,
        body="Bonjour,\nune question :\n\n- où trouver un CRM ?",
        client_id="3f2b8c1e-0000-4000-8000-000000000001",
    )
    message = posted.message
    fields = ["body_markdown", "html", "seq", "deleted_at", "hidden_at"]
    before = snapshot(message, fields)
    client.force_login(org_admin)

    response = resubmit(
        client, f"/salons/{room.slug}/", "body", action="/edit/", button={"type": "submit"}
    )

    assert response.status_code == 302
    message.refresh_from_db()
    assert snapshot(message, fields) == before
