"""The Wagtail admin's edit forms of what members create (events, sheets) and of the
catalogue (tools, organisations) save back exactly what an editor did not change: the
edit page is read as a browser does and submitted unchanged (`BrowserForm`)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from community.models import Organisation
from events.models import EventPage
from practices.models import PracticeSheetPage, SheetDraft, Tool
from practices.services.submission import submit_draft
from rooms.models import Room
from tests.events.conftest import publish_event
from tests.factories import OrganisationFactory, RegionFactory, SectorFactory, ThemeFactory
from tests.website.form_round_trip import (
    EVENT_FIELDS,
    SHEET_FIELDS,
    resubmit,
    snapshot,
)

pytestmark = pytest.mark.django_db


def _rich(value):
    value = re.sub(r' data-block-key="[^"]*"', "", value)
    return "" if value == "<p></p>" else value


def without_block_keys(values: dict) -> dict:
    """Wagtail's editor writes a `data-block-key` on each block it saves back (its own
    bookkeeping, not a change); an empty editor comes back as one empty paragraph when no
    script runs (Draftail's script posts it as empty)."""
    return {
        name: _rich(value) if isinstance(value, str) else value for name, value in values.items()
    }


def test_admin_event_form_unchanged_keeps_everything(client, calendar_page, federation, editor):
    start = dt.datetime(2031, 10, 7, 12, 0, tzinfo=dt.UTC)
    event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Atelier CRM",
        start=start,
        end=start + dt.timedelta(days=1, hours=3),
        rrule="FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8",
        summary="Entre pairs.",
        venue="Maison de l'économie sociale\nRue de la Loi 1\n1000 Bruxelles",
        online_url="https://visio.example/salle",
        region=RegionFactory(),
        capacity=12,
        registration_deadline=start - dt.timedelta(days=2, hours=-4),
        audience=EventPage.Audience.FEDERATION,
        description="<p>L'atelier <b>pratique</b></p><ul><li>un</li></ul><p>a<br/>b</p>",
        themes=[ThemeFactory()],
    )
    before = without_block_keys(snapshot(event, EVENT_FIELDS))
    client.force_login(editor)

    response = resubmit(client, f"/admin/pages/{event.pk}/edit/", "title")

    assert response.status_code == 302
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert without_block_keys(snapshot(draft, EVENT_FIELDS)) == before


def test_admin_sheet_form_unchanged_keeps_everything(
    client, practice_index, member_with_org, member_org, sheet_data, editor
):
    draft = SheetDraft.objects.create(
        author=member_with_org,
        organisation=member_org,
        data=sheet_data(
            summary="Trois tableurs.\nUn CRM libre.",
            why="Ligne un\nligne deux\n\nParagraphe",
            sectors=[SectorFactory().pk],
            region=RegionFactory().pk,
        ),
    )
    sheet = submit_draft(draft=draft, user=member_with_org)
    before = without_block_keys(snapshot(sheet.get_latest_revision_as_object(), SHEET_FIELDS))
    client.force_login(editor)

    # The StreamField of images is drawn by the admin's script, which posts its count.
    response = resubmit(
        client, f"/admin/pages/{sheet.pk}/edit/", "title", extra=[("media-count", "0")]
    )

    assert response.status_code == 302
    after = PracticeSheetPage.objects.get(pk=sheet.pk).get_latest_revision_as_object()
    assert without_block_keys(snapshot(after, SHEET_FIELDS)) == before


@pytest.mark.parametrize("model", [Tool, Organisation, Room])
def test_admin_snippet_form_unchanged_keeps_everything(client, editor, model):
    if model is Tool:
        obj = Tool.objects.create(
            name="Gestiasso",
            category=Tool.Category.CRM,
            licence=Tool.Licence.FREEMIUM,
            website="https://gestiasso.example/",
            cost="gratuit jusqu'à 50 membres",
            description="Adhésions.\nCotisations.",
            live=False,
        )
        fields = ["name", "slug", "category", "website", "licence", "cost", "description", "live"]
    elif model is Room:
        obj = Room.objects.create(
            slug="numerique",
            title="Numérique et bénévolat",
            description="Outils pour les équipes.\nEt leurs bénévoles.",
        )
        fields = ["title", "slug", "description", "archived", "kind"]
    else:
        obj = OrganisationFactory(
            city="Namur", description="Nous réparons.\nNous formons.", volunteers=3
        )
        obj.sectors.set([SectorFactory()])
        fields = ["name", "slug", "kind", "legal_form", "sectors", "city", "description"]
    before = snapshot(obj, fields)
    client.force_login(editor)
    url = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/edit/{obj.pk}/"

    response = resubmit(client, url, "title" if model is Room else "name")

    assert response.status_code == 302
    assert snapshot(model.objects.get(pk=obj.pk), fields) == before
