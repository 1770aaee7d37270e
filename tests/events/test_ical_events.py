"""An event in iCalendar files, read by two independent parsers (icalendar and vobject): a
recurring series with a moved and a cancelled date that round-trips across daylight-saving
changes, stable UIDs, SEQUENCE, cancelled events, and descriptions in plain text in every
feed, in emails and on the event's page. The feeds themselves are in
tests/events/test_ical.py."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from dateutil.rrule import rruleset, rrulestr
from django.utils.html import escape

from events.models import CalendarToken, EventPage, OccurrenceChange, Registration, event_uid
from events.recurrence import occurrences
from events.services import registrations
from tests.events.conftest import (
    BRUSSELS,
    brussels,
    edit_data,
    future,
    parse_ics,
    publish_event,
    vevents_of,
)

pytestmark = pytest.mark.django_db


def republish(event: EventPage, **changes) -> EventPage:
    """A new revision published, as an editor would in the admin."""
    page = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


# --- A series across daylight saving ----------------------------------------------------------

# The first Tuesday of each month at 14:00 in Brussels, six times, with the second date
# moved (a day later, at 15:00) and the third cancelled.
SERIES = {
    "dst-end": dict(
        start=brussels(2026, 10, 6, 14),  # CEST; summer time ends on 25 October 2026
        moved=(brussels(2026, 11, 3, 14), brussels(2026, 11, 4, 15)),
        cancelled=brussels(2026, 12, 1, 14),
        expected_utc=[
            dt.datetime(2026, 10, 6, 12, tzinfo=dt.UTC),
            dt.datetime(2026, 11, 4, 14, tzinfo=dt.UTC),
            dt.datetime(2027, 1, 5, 13, tzinfo=dt.UTC),
            dt.datetime(2027, 2, 2, 13, tzinfo=dt.UTC),
            dt.datetime(2027, 3, 2, 13, tzinfo=dt.UTC),
        ],
    ),
    "dst-start": dict(
        start=brussels(2027, 3, 2, 14),  # CET; summer time starts on 28 March 2027
        moved=(brussels(2027, 4, 6, 14), brussels(2027, 4, 7, 15)),
        cancelled=brussels(2027, 5, 4, 14),
        expected_utc=[
            dt.datetime(2027, 3, 2, 13, tzinfo=dt.UTC),
            dt.datetime(2027, 4, 7, 13, tzinfo=dt.UTC),
            dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC),
            dt.datetime(2027, 7, 6, 12, tzinfo=dt.UTC),
            dt.datetime(2027, 8, 3, 12, tzinfo=dt.UTC),
        ],
    ),
}


def publish_series(calendar_page, organisers, *, start, moved, cancelled, **extra):
    original, new_start = moved
    return publish_event(
        calendar_page,
        organisers=organisers,
        title="Intervision du premier mardi",
        start=start,
        end=start + dt.timedelta(hours=2),
        rrule="FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
        changes=[
            OccurrenceChange(
                original_start=original,
                new_start=new_start,
                new_end=new_start + dt.timedelta(hours=2),
                note="Salle indisponible",
            ),
            OccurrenceChange(original_start=cancelled, cancelled=True),
        ],
        **extra,
    )


def expand_with_vobject(vcal) -> list[dt.datetime]:
    main = [v for v in vcal.vevent_list if not hasattr(v, "recurrence_id")]
    overrides = [v for v in vcal.vevent_list if hasattr(v, "recurrence_id")]
    assert len(main) == 1
    starts = {moment.astimezone(dt.UTC) for moment in main[0].getrruleset(addRDate=True)}
    for override in overrides:
        starts.discard(override.recurrence_id.value.astimezone(dt.UTC))
        if override.status.value != "CANCELLED":
            starts.add(override.dtstart.value.astimezone(dt.UTC))
    return sorted(starts)


def expand_with_icalendar(cal) -> list[dt.datetime]:
    events = vevents_of(cal)
    main = [v for v in events if "RECURRENCE-ID" not in v]
    assert len(main) == 1
    first = main[0].decoded("DTSTART")
    rules = rruleset()
    rules.rrule(rrulestr(main[0]["RRULE"].to_ical().decode(), dtstart=first))
    exdates = main[0].get("EXDATE", [])
    for group in exdates if isinstance(exdates, list) else [exdates]:
        for moment in group.dts:
            rules.exdate(moment.dt)
    starts = {moment.astimezone(dt.UTC) for moment in rules}
    for override in events:
        if "RECURRENCE-ID" in override:
            starts.discard(override.decoded("RECURRENCE-ID").astimezone(dt.UTC))
            if str(override["STATUS"]) != "CANCELLED":
                starts.add(override.decoded("DTSTART").astimezone(dt.UTC))
    return sorted(starts)


@pytest.mark.parametrize("case", SERIES, ids=list(SERIES))
def test_series_round_trips_across_dst_with_both_parsers(client, calendar_page, federation, case):
    spec = SERIES[case]
    event = publish_series(
        calendar_page,
        [federation],
        start=spec["start"],
        moved=spec["moved"],
        cancelled=spec["cancelled"],
    )
    ours = [o.start for o in occurrences(event) if not o.cancelled]
    assert ours == spec["expected_utc"]

    for url in ("/agenda/feed.ics", f"/agenda/{event.slug}/event.ics"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        cal, vcal = parse_ics(response.content)

        assert expand_with_vobject(vcal) == spec["expected_utc"]
        assert expand_with_icalendar(cal) == spec["expected_utc"]

        main = [v for v in vevents_of(cal) if "RECURRENCE-ID" not in v][0]
        assert main["RRULE"].to_ical() == b"FREQ=MONTHLY;COUNT=6;BYDAY=1TU"
        assert main["DTSTART"].params["TZID"] == "Europe/Brussels"
        # The cancelled date is an override that says so, not an EXDATE that hides it.
        assert "EXDATE" not in main
        assert [
            (v.decoded("RECURRENCE-ID"), v.decoded("DTSTART"), str(v["STATUS"]))
            for v in vevents_of(cal)
            if str(v["STATUS"]) == "CANCELLED"
        ] == [(spec["cancelled"], spec["cancelled"], "CANCELLED")]
        assert [
            (v.recurrence_id.value, v.status.value)
            for v in vcal.vevent_list
            if hasattr(v, "recurrence_id") and v.recurrence_id.value == spec["cancelled"]
        ] == [(spec["cancelled"], "CANCELLED")]
        # The same wall-clock time in Brussels on both sides of the change of offset.
        local = [moment.astimezone(BRUSSELS) for moment in expand_with_vobject(vcal)]
        assert [(m.hour, m.minute) for m in local] == [(14, 0), (15, 0), (14, 0), (14, 0), (14, 0)]
        assert spec["cancelled"].astimezone(dt.UTC) not in expand_with_vobject(vcal)
        # One VTIMEZONE for the zone used, as RFC 5545 asks for a TZID.
        assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Brussels"]


def test_series_override_shares_uid_and_sequence(client, calendar_page, federation):
    spec = SERIES["dst-end"]
    event = publish_series(
        calendar_page,
        [federation],
        start=spec["start"],
        moved=spec["moved"],
        cancelled=spec["cancelled"],
    )

    cal, vcal = parse_ics(client.get(f"/agenda/{event.slug}/event.ics").content)

    events = vevents_of(cal)
    assert [str(v["UID"]) for v in events] == [event_uid(event)] * 3
    assert [v["SEQUENCE"] for v in events] == [0, 0, 0]
    assert [str(v["STATUS"]) for v in events] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]
    override = events[1]
    assert override.decoded("RECURRENCE-ID") == spec["moved"][0]
    assert override.decoded("DTSTART") == spec["moved"][1]
    assert override.decoded("DTEND") == spec["moved"][1] + dt.timedelta(hours=2)
    assert [v.uid.value for v in vcal.vevent_list] == [event_uid(event)] * 3


# --- Stable UID, SEQUENCE, cancellation --------------------------------------------------------


def first_vevent(client, event):
    cal, vcal = parse_ics(client.get(f"/agenda/{event.slug}/event.ics").content)
    (vevent,) = vevents_of(cal)
    assert vcal.vevent.uid.value == str(vevent["UID"])
    return vevent


def test_uid_stable_and_sequence_bumped_only_by_time_or_place(client, calendar_page, federation):
    start = future(days=12)
    event = publish_event(calendar_page, organisers=[federation], start=start)
    first = first_vevent(client, event)
    uid = str(first["UID"])
    assert uid == event_uid(event)
    assert uid.endswith("@relais")
    assert first["SEQUENCE"] == 0

    event = republish(event, title="Intervision numérique (nouveau titre)")
    renamed = first_vevent(client, event)
    assert (str(renamed["UID"]), renamed["SEQUENCE"], str(renamed["SUMMARY"])) == (
        uid,
        0,
        "Intervision numérique (nouveau titre)",
    )

    event = republish(event, start=start + dt.timedelta(hours=1), end=start + dt.timedelta(hours=3))
    moved = first_vevent(client, event)
    assert (str(moved["UID"]), moved["SEQUENCE"]) == (uid, 1)
    assert moved.decoded("DTSTART") == start + dt.timedelta(hours=1)

    event = republish(event, venue="Place Saint-Aubain 2, 5000 Namur")
    relocated = first_vevent(client, event)
    assert (str(relocated["UID"]), relocated["SEQUENCE"]) == (uid, 2)
    assert str(relocated["LOCATION"]) == "Place Saint-Aubain 2, 5000 Namur"

    event = republish(event, slug="intervision-renommee")
    assert client.get("/agenda/intervision-numerique/event.ics").status_code == 404
    renamed_slug = first_vevent(client, event)
    assert (str(renamed_slug["UID"]), renamed_slug["SEQUENCE"]) == (uid, 2)


def test_cancelled_event_stays_in_feed_as_cancelled(client, calendar_page, federation):
    event = publish_event(calendar_page, organisers=[federation])
    republish(event, cancelled=True)

    cal, vcal = parse_ics(client.get("/agenda/feed.ics").content)

    (vevent,) = vevents_of(cal)
    assert (str(vevent["UID"]), str(vevent["STATUS"]), vevent["SEQUENCE"]) == (
        event_uid(event),
        "CANCELLED",
        1,
    )
    assert vcal.vevent.status.value == "CANCELLED"


# --- Plain text --------------------------------------------------------------------------------

RICH = (
    "<p>Préparer l&#x27;intervision &amp; le matériel fourni.</p>"
    "<ul><li>Créer un compte</li><li>Inviter l&#x27;équipe</li></ul>"
    '<p>Synchroniser : <a href="https://docs.example.org/sync">le guide</a></p>'
)
PLAIN = (
    "Préparer l'intervision & le matériel fourni.\n\n- Créer un compte\n- Inviter l'équipe"
    "\n\nSynchroniser : le guide (https://docs.example.org/sync)"
)


def descriptions(content: bytes) -> tuple[str, str]:
    """The DESCRIPTION of the one VEVENT, as read by icalendar and by vobject."""
    cal, vcal = parse_ics(content)
    (vevent,) = vevents_of(cal)
    return str(vevent["DESCRIPTION"]), vcal.vevent.description.value


def test_description_is_plain_text_in_every_feed(
    client, calendar_page, federation, make_people, mailoutbox, django_capture_on_commit_callbacks
):
    event = publish_event(
        calendar_page, organisers=[federation], summary="En bref.", description=RICH
    )
    expected = f"En bref.\n\n{PLAIN}\n\nhttp://127.0.0.1:8000/agenda/{event.slug}/"
    (person,) = make_people(1)
    Registration.objects.create(event=event, user=person, status="confirmed")
    token = CalendarToken.objects.create(user=person)

    for url in (
        "/agenda/feed.ics",
        f"/agenda/{event.slug}/event.ics",
        f"/organisations/{federation.slug}/agenda.ics",
        f"/agenda/prive/{token.token}.ics",
    ):
        assert descriptions(client.get(url).content) == (expected, expected), url


def test_description_is_plain_text_after_an_edit_on_the_site(
    client, calendar_page, federation, federation_admin
):
    event = publish_event(calendar_page, organisers=[federation], summary="", description="")
    client.force_login(federation_admin)
    text = "Préparer l'intervision & le café.\n\nCe qui est fourni :\nun écran"

    client.post(f"/agenda/{event.slug}/modifier/", edit_data(event, description=text))

    assert "&#x27;" in EventPage.objects.get(pk=event.pk).description
    expected = f"{text}\n\nhttp://127.0.0.1:8000/agenda/{event.slug}/"
    assert descriptions(client.get(f"/agenda/{event.slug}/event.ics").content) == (
        expected,
        expected,
    )


def test_description_is_plain_text_in_the_ics_attached_to_emails(
    calendar_page, federation, make_people, mailoutbox, django_capture_on_commit_callbacks
):
    event = publish_event(calendar_page, organisers=[federation], summary="", description=RICH)
    (person,) = make_people(1)

    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(user=person, event=event)

    ((_name, content, _type),) = mailoutbox[0].attachments
    expected = f"{PLAIN}\n\nhttp://127.0.0.1:8000/agenda/{event.slug}/"
    assert descriptions(content.encode()) == (expected, expected)


def test_event_page_json_ld_and_meta_description_are_plain_text(client, calendar_page, federation):
    event = publish_event(calendar_page, organisers=[federation], summary="", description=RICH)

    html = client.get(event.public_path).content.decode()

    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block)["description"] == PLAIN
    (meta,) = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert meta == escape(" ".join(PLAIN.split()))
