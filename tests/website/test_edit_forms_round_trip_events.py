"""An event's edit form, submitted unchanged as a browser does (`BrowserForm`, in
tests/website/form_round_trip.py), saves back exactly what is stored, for a single event, a
series set in the admin and one over several days; shows its dates as ISO values; keeps a
change waiting for review; and sends nothing to the editors when nothing changed."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from urllib.parse import urlencode

import pytest
from wagtail.models import WorkflowState

from events.models import EventPage
from tests.events.conftest import publish_event
from tests.factories import RegionFactory, ThemeFactory
from tests.website.form_round_trip import EVENT_FIELDS, BrowserForm, resubmit, snapshot

pytestmark = pytest.mark.django_db


def _next_weekday(weekday: int, weeks: int = 3) -> dt.date:
    day = dt.date.today() + dt.timedelta(weeks=weeks)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


@pytest.mark.parametrize(
    "shape",
    ["single", "series_from_the_admin", "several_days"],
)
def test_event_edit_form_unchanged_keeps_everything(
    client, calendar_page, federation, federation_admin, shape
):
    zone = zoneinfo.ZoneInfo(
        "America/Montreal" if shape == "series_from_the_admin" else "Europe/Brussels"
    )
    day = _next_weekday(1)
    start = dt.datetime.combine(day, dt.time(14, 0), tzinfo=zone)
    fields = {
        "start": start,
        "end": start + dt.timedelta(hours=2),
        "time_zone": str(zone),
        "summary": "Entre pairs, sur nos projets numériques.",
        "venue": "Maison de l'économie sociale\nRue de la Loi 1\n1000 Bruxelles",
        "online_url": "https://visio.example/salle",
        "region": RegionFactory(),
        "capacity": 12,
        # Set in the admin at 18:00, two days before: not the form's "end of the day".
        "registration_deadline": start - dt.timedelta(days=2) + dt.timedelta(hours=4),
        "audience": EventPage.Audience.FEDERATION,
        "kind": EventPage.Kind.WORKSHOP,
        "description": (
            "<p>L'atelier <b>pratique</b> &amp; la suite</p>"
            '<ul><li>un</li><li>deux <a href="https://relais.example/">lien</a></li></ul>'
            "<p>Deuxième<br/>ligne</p>"
        ),
        "themes": [ThemeFactory(), ThemeFactory()],
    }
    if shape == "series_from_the_admin":
        fields["rrule"] = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8"
    if shape == "several_days":
        fields["end"] = start + dt.timedelta(days=1, hours=3)
    event = publish_event(calendar_page, organisers=[federation], title="Atelier CRM", **fields)
    before = snapshot(event, EVENT_FIELDS)
    client.force_login(federation_admin)

    response = resubmit(client, f"/agenda/{event.slug}/modifier/", "title")

    assert (response.status_code, response["Location"]) == (302, f"/agenda/{event.slug}/")
    event = EventPage.objects.get(pk=event.pk)
    assert not event.has_unpublished_changes
    assert snapshot(event, EVENT_FIELDS) == before


def test_event_edit_form_shows_iso_dates(client, calendar_page, federation, federation_admin):
    start = dt.datetime(2031, 3, 4, 13, 0, tzinfo=dt.UTC)
    event = publish_event(
        calendar_page,
        organisers=[federation],
        start=start,
        end=start + dt.timedelta(hours=2),
        registration_deadline=start - dt.timedelta(days=1),
    )
    client.force_login(federation_admin)

    html = client.get(f"/agenda/{event.slug}/modifier/").content.decode()

    values = {
        name: value
        for name, value in re.findall(
            r'<input type="(?:date|time)" name="(\w+)" value="([^"]*)"', html
        )
    }
    assert values == {
        "date": "2031-03-04",
        "start_time": "14:00",
        "end_time": "16:00",
        "registration_deadline": "2031-03-03",
    }


def test_event_edit_form_shows_the_change_waiting_for_review(
    client, calendar_page, organisation, org_admin
):
    event = publish_event(calendar_page, organisers=[organisation], title="Atelier CRM")
    client.force_login(org_admin)
    url = f"/agenda/{event.slug}/modifier/"
    page = BrowserForm(client.get(url).content.decode())
    pairs = [
        (name, "Atelier CRM libre" if name == "title" else value)
        for name, value in BrowserForm.submission(page.form_with("title"))
    ]
    client.post(url, urlencode(pairs), content_type="application/x-www-form-urlencoded")
    event = EventPage.objects.get(pk=event.pk)
    assert (event.title, event.has_unpublished_changes) == ("Atelier CRM", True)

    # Saved again unchanged: the waiting change is kept, not reverted to what is online.
    response = resubmit(client, url, "title")

    assert response.status_code == 302
    latest = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert (latest.title, EventPage.objects.get(pk=event.pk).title) == (
        "Atelier CRM libre",
        "Atelier CRM",
    )


def test_event_edit_form_unchanged_sends_nothing_to_the_editors(
    client, calendar_page, organisation, org_admin, messages_of
):
    """An organiser who cannot publish at once saves without changing anything: no new
    version, no review for the editors, and the page says nothing changed."""

    event = publish_event(calendar_page, organisers=[organisation], title="Atelier CRM")
    revisions = event.revisions.count()
    client.force_login(org_admin)

    response = resubmit(client, f"/agenda/{event.slug}/modifier/", "title")

    event = EventPage.objects.get(pk=event.pk)
    assert response.status_code == 302
    assert messages_of(response) == ["Rien n'a changé : l'évènement reste tel quel."]
    assert (event.revisions.count(), event.has_unpublished_changes) == (revisions, False)
    assert WorkflowState.objects.filter(object_id=str(event.pk)).count() == 0
