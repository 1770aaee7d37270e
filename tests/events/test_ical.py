"""iCalendar feeds, read by two independent parsers (icalendar and vobject): who sees the
online link, the private feed, an organisation's feed, filters, a query count that does not
grow with the calendar, and the properties every feed carries. An event's own content
(series across daylight saving, UIDs, SEQUENCE, plain text) is in
tests/events/test_ical_events.py."""

from __future__ import annotations

import datetime as dt

import pytest

from events.models import OccurrenceChange, Registration
from tests.events.conftest import build_calendar_site, future, parse_ics, publish_event, vevents_of
from tests.factories import RegionFactory, ThemeFactory
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db

LINK = "https://visio.example.org/intervision-42"


def summaries(content: bytes) -> list[str]:
    cal, _ = parse_ics(content)
    return sorted(str(v["SUMMARY"]) for v in vevents_of(cal) if "RECURRENCE-ID" not in v)


# --- The online link ---------------------------------------------------------------------------


@pytest.fixture
def online_event(calendar_page, federation):
    return publish_event(
        calendar_page, organisers=[federation], title="Webinaire RGPD", venue="", online_url=LINK
    )


def test_online_link_only_in_files_of_registered_people(client, online_event, make_people):
    registrant, waiting = make_people(2)
    Registration.objects.create(event=online_event, user=registrant, status="confirmed")
    Registration.objects.create(event=online_event, user=waiting, status="waitlist")
    url = f"/agenda/{online_event.slug}/event.ics"

    anonymous = client.get(url)
    assert LINK.encode() not in anonymous.content
    (vevent,) = vevents_of(parse_ics(anonymous.content)[0])
    assert str(vevent["LOCATION"]) == "En ligne"
    assert "le lien est donné aux personnes inscrites" in str(vevent["DESCRIPTION"])
    assert anonymous["Cache-Control"] == "public, max-age=300"

    client.force_login(waiting)
    assert LINK.encode() not in client.get(url).content

    client.force_login(registrant)
    mine = client.get(url)
    (vevent,) = vevents_of(parse_ics(mine.content)[0])
    assert str(vevent["LOCATION"]) == LINK
    assert f"Lien de connexion : {LINK}" in str(vevent["DESCRIPTION"])
    assert mine["Cache-Control"] == "private, no-store"
    # The public feed never carries it, whoever asks.
    assert LINK.encode() not in client.get("/agenda/feed.ics").content
    assert LINK.encode() not in client.get("/agenda/feed.ics", {"mode": "online"}).content


# --- The private feed --------------------------------------------------------------------------


def test_private_feed_created_regenerated_and_old_address_dead(
    client, calendar_page, federation, online_event, make_people, messages_of
):
    person, other = make_people(2)
    other_event = publish_event(calendar_page, organisers=[federation], title="Atelier cartes")
    waiting_event = publish_event(calendar_page, organisers=[federation], title="Conférence")
    Registration.objects.create(event=online_event, user=person, status="confirmed")
    Registration.objects.create(event=waiting_event, user=person, status="waitlist")
    Registration.objects.create(event=other_event, user=other, status="confirmed")
    client.force_login(person)

    response = client.post("/agenda/prive/nouveau/")
    assert response.status_code == 302
    assert response["Location"] == "/moi/#mes-evenements"
    assert messages_of(response) == [
        "Votre agenda personnel est prêt : copiez son adresse dans votre application d'agenda."
    ]
    token = person.calendar_token.token
    old_url = f"/agenda/prive/{token}.ics"

    client.logout()  # a calendar app has no session: the token is the key
    feed = client.get(old_url)
    assert feed.status_code == 200
    assert feed["Cache-Control"] == "private, no-store"
    cal, vcal = parse_ics(feed.content)
    assert [str(v["SUMMARY"]) for v in vevents_of(cal)] == ["Webinaire RGPD"]
    assert str(cal["X-WR-CALNAME"]) == "Mes évènements Relais"
    assert f"Lien de connexion : {LINK}" in vcal.vevent.description.value

    client.force_login(person)
    response = client.post("/agenda/prive/nouveau/")
    assert messages_of(response) == ["Nouvelle adresse créée : l'ancienne ne fonctionne plus."]
    person.calendar_token.refresh_from_db()
    assert person.calendar_token.token != token
    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(f"/agenda/prive/{person.calendar_token.token}.ics").status_code == 200
    assert client.get("/agenda/prive/pas-un-jeton.ics").status_code == 404


def test_private_feed_token_needs_sign_in_and_post(client):
    assert client.get("/agenda/prive/nouveau/").status_code in (302, 405)
    response = client.post("/agenda/prive/nouveau/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- Organisation feed and filters -------------------------------------------------------------


def test_organisation_feed_lists_only_its_events(client, calendar_page, federation, organisation):
    publish_event(calendar_page, organisers=[federation], title="Intervision fédérale")
    publish_event(calendar_page, organisers=[organisation], title="Atelier local")
    publish_event(calendar_page, organisers=[federation, organisation], title="Coorganisé")

    response = client.get(f"/organisations/{federation.slug}/agenda.ics")

    assert response.status_code == 200
    assert summaries(response.content) == ["Coorganisé", "Intervision fédérale"]
    cal, _ = parse_ics(response.content)
    assert str(cal["X-WR-CALNAME"]) == "Fédération des Coopératives — agenda Relais"
    assert client.get("/organisations/inconnue/agenda.ics").status_code == 404


def build_varied_calendar() -> dict:
    """Five events, each the only one with one of the filterable traits."""
    site = build_calendar_site()
    calendar_page, federation, organisation = (
        site["calendar_page"],
        site["federation"],
        site["organisation"],
    )
    wallonia = RegionFactory(name="Wallonie")
    gdpr = ThemeFactory(name="RGPD")
    publish_event(calendar_page, organisers=[federation], title="Intervision", kind="intervision")
    publish_event(calendar_page, organisers=[organisation], title="Atelier local", kind="workshop")
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Formation RGPD",
        kind="training",
        themes=[gdpr],
    )
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Conférence wallonne",
        kind="conference",
        region=wallonia,
    )
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Webinaire",
        kind="webinar",
        venue="",
        online_url=LINK,
    )
    return {"organisation": organisation, "federation": federation}


ALL = ["Atelier local", "Conférence wallonne", "Formation RGPD", "Intervision", "Webinaire"]
NOT_AVAILABLE = "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."

# The five events are built once for the class's tests (tests/shared.py).
_varied_calendar = built_once_per_class(build_varied_calendar)


@pytest.fixture
def varied_calendar(_varied_calendar, db):
    return _varied_calendar.copy()


class TestFeedFiltersOnFiveEvents:
    """Filters and bad input of the feed, on five events built once for the class."""

    @pytest.mark.parametrize(
        "query, expected",
        [
            ({}, ALL),
            ({"kind": "intervision"}, ["Intervision"]),
            ({"organiser": "les-ateliers-recup"}, ["Atelier local"]),
            ({"theme": "rgpd"}, ["Formation RGPD"]),
            ({"region": "wallonie"}, ["Conférence wallonne"]),
            ({"mode": "online"}, ["Webinaire"]),
            (
                {"mode": "onsite"},
                ["Atelier local", "Conférence wallonne", "Formation RGPD", "Intervision"],
            ),
            ({"kind": "training", "organiser": "federation-des-cooperatives"}, ["Formation RGPD"]),
            ({"kind": "training", "organiser": "les-ateliers-recup"}, []),
        ],
    )
    def test_feed_filters_select_events(self, client, varied_calendar, query, expected):
        response = client.get("/agenda/feed.ics", query)
        assert response.status_code == 200
        assert summaries(response.content) == expected

    @pytest.mark.parametrize(
        "query, message",
        [
            ({"kind": "zzz"}, "Type: Sélectionnez un choix valide. zzz n’en fait pas partie."),
            (
                {"organiser": "inconnue"},
                f"Organisé par: {NOT_AVAILABLE}",
            ),
            (
                {"theme": "inconnu"},
                f"Thème: {NOT_AVAILABLE}",
            ),
            (
                {"region": "atlantide"},
                f"Région: {NOT_AVAILABLE}",
            ),
            (
                {"mode": "télépathie"},
                "Format: Sélectionnez un choix valide. télépathie n’en fait pas partie.",
            ),
        ],
    )
    def test_feed_invalid_filter_answers_400_in_french(
        self, client, varied_calendar, query, message
    ):
        response = client.get("/agenda/feed.ics", query)
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response.content.decode() == message


# --- Query count -------------------------------------------------------------------------------

FEED_QUERIES = 3  # the events (with state and region), their changed dates, their organisers


@pytest.mark.parametrize("count", [2, 12])
def test_feed_query_count_independent_of_length(
    client, calendar_page, federation, count, django_assert_num_queries
):
    for n in range(count):
        publish_event(
            calendar_page,
            organisers=[federation],
            title=f"Intervision {n}",
            start=future(days=3 + n),
            rrule="FREQ=WEEKLY;COUNT=4" if n % 2 else "",
            changes=[OccurrenceChange(original_start=future(days=10 + n), cancelled=True)]
            if n % 2
            else [],
        )
    client.get("/agenda/feed.ics")  # warm-up: Wagtail's site root paths

    with django_assert_num_queries(FEED_QUERIES):
        response = client.get("/agenda/feed.ics")

    assert len(summaries(response.content)) == count


def test_feed_uses_utc_stamps_and_required_properties(client, calendar_page, federation):
    event = publish_event(calendar_page, organisers=[federation])
    cal, vcal = parse_ics(client.get("/agenda/feed.ics").content)
    assert (str(cal["VERSION"]), str(cal["PRODID"]), str(cal["METHOD"])) == (
        "2.0",
        "-//Relais//Agenda//FR",
        "PUBLISH",
    )
    (vevent,) = vevents_of(cal)
    assert vevent.decoded("DTSTAMP").tzinfo is not None
    assert vevent.decoded("DTSTAMP").utcoffset() == dt.timedelta(0)
    assert str(vevent["URL"]) == f"http://127.0.0.1:8000/agenda/{event.slug}/"
    assert vevent.decoded("DTSTART") == event.start
    assert vcal.vevent.dtend.value == event.end
