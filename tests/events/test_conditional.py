"""What calendar apps and feed readers poll: every feed, calendar file and the widget
answers with ETag and Last-Modified, 304 when the copy the app holds is current, and text
answers are compressed."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date

from events.models import CalendarPage, CalendarToken, EventPage, EventState, Registration
from tests.events.conftest import publish_event
from tests.factories import FederationFactory, MembershipFactory
from tests.practices import fixtures_listing
from tests.practices.conftest import build_home_page
from tests.practices.fixtures_listing import make_sheet
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db


def build_polled():
    """An event with a registered person and a sheet: every address a program polls."""
    calendar_page = build_home_page().add_child(
        instance=CalendarPage(title="Agenda", slug="agenda")
    )
    federation = FederationFactory(name="Fédération des Coopératives")
    sheet_index = fixtures_listing.build_index()
    catalogue = fixtures_listing.build_catalogue()
    event = publish_event(calendar_page, organisers=[federation], title="Atelier RGPD")
    person = MembershipFactory(user__display_name="Personne 1").user
    Registration.objects.create(event=event, user=person, status="confirmed")
    token = CalendarToken.objects.create(user=person)
    make_sheet(sheet_index, title="Une fiche", tools=list(catalogue.values())[:3])
    return (
        event,
        person,
        [
            "/agenda/feed.ics",
            f"/agenda/{event.slug}/event.ics",
            f"/organisations/{federation.slug}/agenda.ics",
            f"/agenda/prive/{token.token}.ics",
            f"/agenda/widget/?organiser={federation.slug}",
            "/pratiques/feed/",
        ],
    )


# Every test of the module polls the same addresses: built once (tests/shared.py).
_polled = built_once_per_module(build_polled)


@pytest.fixture
def polled(_polled, db):
    return _polled.copy()


def test_polled_addresses_answer_304_when_nothing_changed(client, polled):
    event, person, urls = polled
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        etag, modified = first["ETag"], first["Last-Modified"]
        assert etag.startswith('W/"'), url

        # The same validators again: nothing to download (the DTSTAMP of a calendar
        # file, the moment it was made, does not count as a change).
        again = client.get(url)
        assert (again["ETag"], again["Last-Modified"]) == (etag, modified), url
        by_etag = client.get(url, headers={"if-none-match": etag})
        assert (by_etag.status_code, by_etag.content) == (304, b""), url
        assert by_etag["ETag"] == etag
        by_date = client.get(url, headers={"if-modified-since": modified})
        assert (by_date.status_code, by_date.content) == (304, b""), url
        other = client.get(url, headers={"if-none-match": 'W/"something-else"'})
        assert other.status_code == 200, url


def test_calendar_changed_answers_200_with_new_validators(client, polled):
    event, _person, urls = polled
    # Published a minute ago (HTTP dates count whole seconds).
    a_minute_ago = timezone.now() - dt.timedelta(minutes=1)
    EventPage.objects.filter(pk=event.pk).update(last_published_at=a_minute_ago)
    EventState.objects.filter(event=event).update(changed_at=a_minute_ago)
    old = {url: client.get(url) for url in urls[:3]}

    page = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    page.venue = "Place Saint-Lambert, Liège"
    page.save_revision().publish()

    for url, before in old.items():
        response = client.get(url, headers={"if-none-match": before["ETag"]})
        assert response.status_code == 200, url
        assert response["ETag"] != before["ETag"]
        assert b"Place Saint-Lambert" in response.content
        stale = client.get(url, headers={"if-modified-since": before["Last-Modified"]})
        assert stale.status_code == 200, url


def test_event_leaving_a_feed_is_not_hidden_from_a_client_sending_only_a_date(client, polled):
    """Unpublishing an event, or cancelling one's registration, dates nothing newer in
    what is still listed: a client that sends only If-Modified-Since must still get it."""
    event, person, urls = polled
    other = publish_event(
        event.get_parent().specific, organisers=event.organisers.all(), title="Autre atelier"
    )
    Registration.objects.create(event=other, user=person, status="confirmed")
    feeds = [urls[0], urls[2], urls[3]]  # the whole calendar, the organiser's, the private one
    before = {url: client.get(url) for url in feeds}

    Registration.objects.filter(event=event, user=person).delete()
    EventPage.objects.get(pk=event.pk).unpublish()

    for url in feeds:
        response = client.get(url, headers={"if-modified-since": before[url]["Last-Modified"]})
        assert response.status_code == 200, url
        assert b"Atelier RGPD" not in response.content, url
        assert b"Autre atelier" in response.content, url


def test_last_modified_moves_on_with_each_new_answer_even_within_a_second(client, polled):
    event, _person, urls = polled
    first = client.get(urls[0])

    Registration.objects.all().delete()
    EventPage.objects.get(pk=event.pk).unpublish()
    second = client.get(urls[0])

    assert first["ETag"] != second["ETag"]
    assert parse_http_date(second["Last-Modified"]) > parse_http_date(first["Last-Modified"])


@pytest.mark.parametrize(
    "url, content_type",
    [
        ("/agenda/feed.ics", "text/calendar; charset=utf-8"),
        ("/pratiques/feed/", "application/atom+xml; charset=utf-8"),
        ("/agenda/", "text/html; charset=utf-8"),
    ],
)
def test_text_answers_are_compressed(client, polled, url, content_type):
    plain = client.get(url)

    response = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})

    assert (response.status_code, response["Content-Type"]) == (200, content_type)
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    body = gzip.decompress(response.content)
    if url.endswith(".ics"):  # DTSTAMP: the moment the file was made
        assert body.split(b"DTSTAMP")[0] == plain.content.split(b"DTSTAMP")[0]
    elif url == "/pratiques/feed/":
        assert body == plain.content
    else:
        assert b"</html>" in body
