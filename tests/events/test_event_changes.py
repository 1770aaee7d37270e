"""Changing an announced event: what changing the time or the number of places,
cancelling the event or one of its dates tells the registered people, who may change it,
a reviewed change that waits, and what an edit keeps (the admin's rule, the text as
written, a series' cancelled date)."""

from __future__ import annotations

import datetime as dt

import pytest
from wagtail.models import WorkflowState

from events.forms import EventForm
from events.models import CalendarPage, EventPage, OccurrenceChange, Registration, event_uid
from events.recurrence import occurrences
from events.services import registrations
from tests.events.conftest import (
    BRUSSELS,
    brussels,
    edit_data,
    first_tuesday_ahead,
    parse_ics,
    publish_event,
    vevents_of,
)
from tests.factories import FederationFactory, MembershipFactory, UserFactory
from tests.practices.conftest import build_home_page
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db


# --- Changes tell the registered people -------------------------------------------------------


def build_booked() -> dict:
    """A two-place event of `federation` with two confirmed people and one waiting, with
    what the `calendar_page`, `federation` and `make_people` fixtures give."""
    calendar_page = build_home_page().add_child(
        instance=CalendarPage(title="Agenda", slug="agenda")
    )
    federation = FederationFactory(name="Fédération des Coopératives")
    event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Atelier facturation",
        start=brussels(*first_tuesday_ahead().timetuple()[:3], 14),
        end=brussels(*first_tuesday_ahead().timetuple()[:3], 16),
        capacity=2,
        online_url="https://visio.example.org/facturation",
    )
    people = [MembershipFactory(user__display_name=f"Personne {i}").user for i in (1, 2, 3)]
    for person in people:
        registrations.register(user=person, event=event)
    return {"federation": federation, "booked": (event, people)}


# The tests of `TestBooked` start from the same booked event: built once for the class
# (tests/shared.py), each test's changes rolled back.
_booked = built_once_per_class(build_booked)


class TestBooked:
    """What changing or cancelling an event tells the people registered, and who may: on
    one booked event built once for the class; `federation`, its organiser, of the same
    rows."""

    @pytest.fixture
    def rows(self, _booked, db):
        return _booked.copy()

    @pytest.fixture
    def booked(self, rows):
        """A two-place event with two confirmed people and one waiting."""
        return rows["booked"]

    @pytest.fixture
    def federation(self, rows):
        return rows["federation"]

    def test_organiser_changes_time_everyone_registered_emailed_once(
        self,
        client,
        booked,
        federation_admin,
        mailoutbox,
        messages_of,
        django_capture_on_commit_callbacks,
    ):
        event, (first, second, waiting) = booked
        mailoutbox.clear()
        client.force_login(federation_admin)

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/agenda/{event.slug}/modifier/",
                edit_data(event, start_time="15:00", end_time="17:00"),
            )

        assert response.status_code == 302
        assert response["Location"] == "/agenda/atelier-facturation/"
        assert messages_of(response) == [
            "L'évènement est mis à jour ; les personnes inscrites sont prévenues si l'heure ou "
            "le lieu ont changé."
        ]
        assert sorted((m.to[0], m.subject, len(m.attachments)) for m in mailoutbox) == sorted(
            [
                (first.email, "[Relais] Changement : Atelier facturation", 1),
                (second.email, "[Relais] Changement : Atelier facturation", 1),
                (waiting.email, "[Relais] Changement : Atelier facturation", 0),
            ]
        )
        new_start = brussels(*first_tuesday_ahead().timetuple()[:3], 15)
        for message in mailoutbox:
            assert "15:00–17:00" in message.body
            for _name, content, _type in message.attachments:
                cal, vcal = parse_ics(content.encode())
                (vevent,) = vevents_of(cal)
                assert (str(vevent["UID"]), vevent["SEQUENCE"]) == (event_uid(event), 1)
                assert vevent.decoded("DTSTART") == new_start
                assert vcal.vevent.dtstart.value == new_start
        assert EventPage.objects.get(pk=event.pk).start == new_start

    def test_organiser_title_only_change_emails_nobody(
        self, client, booked, federation_admin, mailoutbox, django_capture_on_commit_callbacks
    ):
        event, _people = booked
        mailoutbox.clear()
        client.force_login(federation_admin)

        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                f"/agenda/{event.slug}/modifier/", edit_data(event, title="Atelier factures")
            )

        assert EventPage.objects.get(pk=event.pk).title == "Atelier factures"
        assert mailoutbox == []

    def test_editor_revision_changing_time_emails_registered_once(
        self, booked, mailoutbox, django_capture_on_commit_callbacks
    ):
        event, people = booked
        mailoutbox.clear()
        page = EventPage.objects.get(pk=event.pk)
        page.start += dt.timedelta(days=1)
        page.end += dt.timedelta(days=1)

        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision(user=UserFactory(staff=True)).publish()

        assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
        assert {m.subject for m in mailoutbox} == {"[Relais] Changement : Atelier facturation"}

    def test_more_places_promote_waiting_people(
        self, booked, mailoutbox, django_capture_on_commit_callbacks
    ):
        event, (_first, _second, waiting) = booked
        mailoutbox.clear()
        page = EventPage.objects.get(pk=event.pk)
        page.capacity = 3

        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

        assert Registration.objects.get(user=waiting).status == "confirmed"
        assert [(m.to, m.subject) for m in mailoutbox] == [
            ([waiting.email], "[Relais] Une place s'est libérée : Atelier facturation")
        ]

    def test_cancel_event_emails_annule_and_feed_shows_cancelled(
        self,
        client,
        booked,
        federation_admin,
        mailoutbox,
        messages_of,
        django_capture_on_commit_callbacks,
    ):
        event, people = booked
        client.force_login(federation_admin)
        refused = client.post(f"/agenda/{event.slug}/annuler/")
        assert messages_of(refused) == ["Cochez la case de confirmation pour annuler l'évènement."]
        assert EventPage.objects.get(pk=event.pk).cancelled is False
        client.get(refused["Location"])  # the page shows (and uses up) the message
        mailoutbox.clear()

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/agenda/{event.slug}/annuler/", {"confirm": "1"})

        assert response["Location"] == "/agenda/atelier-facturation/#gerer"
        assert messages_of(response) == [
            "L'évènement est annulé ; les personnes inscrites sont prévenues."
        ]
        assert sorted((m.to[0], m.subject) for m in mailoutbox) == sorted(
            (p.email, "[Relais] Annulé : Atelier facturation") for p in people
        )
        cal, vcal = parse_ics(client.get("/agenda/feed.ics").content)
        (vevent,) = vevents_of(cal)
        assert (str(vevent["UID"]), str(vevent["STATUS"]), vevent["SEQUENCE"]) == (
            event_uid(event),
            "CANCELLED",
            1,
        )
        assert "Cet évènement est annulé." in client.get(event.public_path).content.decode()

    @pytest.mark.parametrize(
        "method, path", [("get", "modifier/"), ("post", "annuler/"), ("post", "annuler-une-date/")]
    )
    def test_changes_only_for_organiser_admins(
        self, client, booked, organisation, org_admin, federation, method, path
    ):
        event, people = booked
        plain = MembershipFactory(organisation=federation).user
        for person in (plain, org_admin, people[0]):
            client.force_login(person)
            response = getattr(client, method)(f"/agenda/{event.slug}/{path}", {"confirm": "1"})
            assert response.status_code == 403
        assert EventPage.objects.get(pk=event.pk).cancelled is False


def test_cancel_one_date_of_series_publishes_it_as_cancelled(
    client,
    calendar_page,
    federation,
    federation_admin,
    make_people,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    first = first_tuesday_ahead()
    event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Intervision mensuelle",
        start=brussels(first.year, first.month, first.day, 14),
        end=brussels(first.year, first.month, first.day, 16),
        rrule="FREQ=MONTHLY;BYDAY=1TU;COUNT=4",
    )
    (person,) = make_people(1)
    registrations.register(user=person, event=event)
    second = occurrences(event)[1]
    client.force_login(federation_admin)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/agenda/{event.slug}/annuler-une-date/", {"date": second.key})

    assert response["Location"] == "/agenda/intervision-mensuelle/#dates"
    assert list(OccurrenceChange.objects.values_list("original_start", "cancelled")) == [
        (second.start, True)
    ]
    cal, vcal = parse_ics(client.get(f"/agenda/{event.slug}/event.ics").content)
    series, cancelled = vevents_of(cal)
    assert "EXDATE" not in series
    assert (series["SEQUENCE"], str(series["STATUS"])) == (1, "CONFIRMED")
    assert (
        str(cancelled["UID"]),
        cancelled.decoded("RECURRENCE-ID"),
        cancelled.decoded("DTSTART"),
        cancelled["SEQUENCE"],
        str(cancelled["STATUS"]),
    ) == (
        event_uid(event),
        second.start.astimezone(BRUSSELS),
        second.start.astimezone(BRUSSELS),
        1,
        "CANCELLED",
    )
    assert [(v.recurrence_id.value, v.status.value) for v in vcal.vevent_list[1:]] == [
        (second.start.astimezone(BRUSSELS), "CANCELLED")
    ]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([person.email], "[Relais] Date annulée : Intervision mensuelle")
    ]

    again = client.post(f"/agenda/{event.slug}/annuler-une-date/", {"date": second.key})
    assert again.status_code == 302
    assert OccurrenceChange.objects.count() == 1
    bogus = client.post(f"/agenda/{event.slug}/annuler-une-date/", {"date": "20000101T000000Z"})
    assert bogus.status_code == 302
    assert OccurrenceChange.objects.count() == 1


def test_pending_reviewed_change_is_neither_published_by_a_cancel_nor_doubled(
    client, calendar_page, organisation, org_admin, messages_of
):
    """An organiser who cannot publish at once (not a federation) edits an approved event:
    the change waits for the editors. Editing again keeps one review (no error), and
    cancelling a date is refused rather than publishing the unreviewed change."""
    event = publish_event(
        calendar_page, organisers=[organisation], title="Atelier test", rrule="FREQ=WEEKLY;COUNT=4"
    )
    client.force_login(org_admin)

    first = client.post(f"/agenda/{event.slug}/modifier/", edit_data(event, title="Titre non relu"))
    second = client.post(
        f"/agenda/{event.slug}/modifier/", edit_data(event, title="Titre non relu, encore")
    )

    assert (first.status_code, second.status_code) == (302, 302)
    event.refresh_from_db()
    assert event.title == "Atelier test"
    assert WorkflowState.objects.filter(object_id=str(event.pk), status="in_progress").count() == 1
    date = next(o for o in occurrences(event) if not o.cancelled)
    refused = client.post(f"/agenda/{event.slug}/annuler-une-date/", {"date": date.key})
    assert messages_of(refused)[-1:] == [
        "Une modification de cet évènement attend la relecture de l'équipe éditoriale : "
        "demandez-lui d'annuler, ou attendez sa décision."
    ]
    event.refresh_from_db()
    assert event.title == "Atelier test"
    assert not event.occurrence_changes.exists()


def test_editing_keeps_the_admin_rule_and_the_text_as_written(
    client, calendar_page, federation, federation_admin
):
    """A rule the form cannot express and a description with apostrophes survive an
    organiser's edit of something else."""
    event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Permanence",
        rrule="FREQ=WEEKLY;BYDAY=TU,TH",
        description="<p>L'atelier &amp; la <b>suite</b></p><p>Deuxième<br/>ligne</p>",
    )
    form = EventForm(user=federation_admin, event=event)
    assert form.initial["description"] == "L'atelier & la suite\n\nDeuxième\nligne"
    client.force_login(federation_admin)

    response = client.post(
        f"/agenda/{event.slug}/modifier/", edit_data(event, title="Permanence numérique")
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.rrule) == ("Permanence numérique", "FREQ=WEEKLY;BYDAY=TU,TH")
    # Unchanged in the form: stored as the editor wrote it, emphasis included.
    assert event.description == "<p>L'atelier &amp; la <b>suite</b></p><p>Deuxième<br/>ligne</p>"


def test_series_moved_to_another_hour_keeps_its_cancelled_date(
    client, calendar_page, federation, federation_admin
):
    """Cancelled and moved dates are keyed by the date the rule gives: moving the whole
    series from 14:00 to 15:00 moves those keys with it, so the cancelled date stays
    cancelled (and out of the feed)."""
    first = first_tuesday_ahead()
    start = dt.datetime.combine(first, dt.time(14, 0), tzinfo=BRUSSELS)
    event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Intervision mensuelle",
        start=start,
        end=start + dt.timedelta(hours=2),
        rrule="FREQ=MONTHLY;BYDAY=1TU;COUNT=4",
    )
    second = occurrences(event)[1]
    event.occurrence_changes = [
        OccurrenceChange(original_start=second.original_start, cancelled=True)
    ]
    event.save_revision().publish()
    client.force_login(federation_admin)

    response = client.post(
        f"/agenda/{event.slug}/modifier/", edit_data(event, start_time="15:00", end_time="17:00")
    )

    assert response.status_code == 302
    event = EventPage.objects.get(pk=event.pk)
    dates = occurrences(event)
    assert [o.start.astimezone(BRUSSELS).hour for o in dates] == [15, 15, 15, 15]
    assert [o.cancelled for o in dates] == [False, True, False, False]
    assert dates[1].start.astimezone(BRUSSELS).date() == second.start.astimezone(BRUSSELS).date()
