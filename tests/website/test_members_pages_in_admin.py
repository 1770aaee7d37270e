"""Every page members can create opens in the Wagtail admin: what they write is stored as
rich text Wagtail's editor accepts (`<br/>`, not HTML5 `<br>`), and rows stored before the
fix are repaired by a data migration."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from events.models import EventPage
from practices.models import PracticeSheetPage, SheetDraft
from practices.services.submission import submit_draft
from tests.events.conftest import publish_event
from tests.events.test_announce import announce_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

MULTI_LINE = "Première ligne\r\ndeuxième ligne\r\n\r\nUn autre paragraphe & des <b>balises</b>."
STORED = (
    "<p>Première ligne<br/>deuxième ligne</p>"
    "<p>Un autre paragraphe &amp; des &lt;b&gt;balises&lt;/b&gt;.</p>"
)


def test_sheet_with_line_breaks_opens_in_admin(
    client,
    practice_index,
    member_with_org,
    member_org,
    sheet_data,
    editor,
):
    draft = SheetDraft.objects.create(
        author=member_with_org,
        organisation=member_org,
        data=sheet_data(why=MULTI_LINE, results=MULTI_LINE, social_impact=MULTI_LINE),
    )
    sheet = submit_draft(draft=draft, user=member_with_org)
    client.force_login(editor)

    response = client.get(f"/admin/pages/{sheet.pk}/edit/")

    assert response.status_code == 200
    stored = PracticeSheetPage.objects.get(pk=sheet.pk).get_latest_revision_as_object()
    assert (stored.why, stored.results, stored.social_impact) == (STORED, STORED, STORED)
    assert "ligne\\ndeuxi" in response.content.decode()  # in the editor's contentstate


@pytest.mark.parametrize("as_manager", [True, False], ids=["published", "moderated"])
def test_event_with_line_breaks_opens_in_admin(
    client,
    calendar_page,
    federation,
    federation_admin,
    affiliated_org,
    editor,
    as_manager,
):
    person = federation_admin if as_manager else MembershipFactory(organisation=affiliated_org).user
    organiser = federation if as_manager else affiliated_org
    client.force_login(person)
    response = client.post("/agenda/annoncer/", announce_data([organiser], description=MULTI_LINE))
    assert response.status_code == 302
    event = EventPage.objects.get()
    client.force_login(editor)

    response = client.get(f"/admin/pages/{event.pk}/edit/")

    assert response.status_code == 200
    assert event.get_latest_revision_as_object().description == STORED
    assert "ligne\\ndeuxi" in response.content.decode()  # in the editor's contentstate


@pytest.mark.parametrize(
    ("module", "model", "fields"),
    [
        ("practices.migrations.0002_rich_text_line_breaks", PracticeSheetPage, ("why",)),
        ("events.migrations.0002_rich_text_line_breaks", EventPage, ("description",)),
    ],
)
def test_migration_repairs_stored_line_breaks(
    client,
    module,
    model,
    fields,
    practice_index,
    calendar_page,
    member_with_org,
    member_org,
    sheet_data,
    federation,
    editor,
):
    if model is PracticeSheetPage:
        draft = SheetDraft.objects.create(
            author=member_with_org, organisation=member_org, data=sheet_data()
        )
        page = submit_draft(draft=draft, user=member_with_org)
    else:
        page = publish_event(calendar_page, organisers=[federation])
    old = "<p>un<br>deux</p>\n\n<p>trois</p>"
    model.objects.filter(pk=page.pk).update(**{field: old for field in fields})
    revision = page.latest_revision
    revision.content.update({field: old for field in fields})
    revision.save(update_fields=["content"])

    importlib.import_module(module).repair(apps, None)

    repaired = "<p>un<br/>deux</p>\n\n<p>trois</p>"
    page = model.objects.get(pk=page.pk)
    assert [getattr(page, f) for f in fields] == [repaired] * len(fields)
    assert [page.get_latest_revision_as_object().__dict__[f] for f in fields] == [repaired] * len(
        fields
    )
    client.force_login(editor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
