"""Announcing from /agenda/annoncer/: published at once for a federation's managers,
moderated for everyone else, refused with clear messages for bad input; and what changing
the time, cancelling the event or one of its dates tells the registered people."""

from __future__ import annotations

import datetime as dt

import pytest
from wagtail.models import Page, WorkflowState

from events.forms import EventForm, build_rrule
from events.models import CalendarPage, EventPage, OccurrenceChange, Registration, event_uid
from events.recurrence import occurrences
from events.services import registrations
from tests.events.conftest import BRUSSELS, brussels, parse_ics, publish_event, vevents_of
from tests.factories import FederationFactory, MembershipFactory, UserFactory
from tests.practices.conftest import build_home_page
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db

URL = "/agenda/annoncer/"


def first_tuesday_ahead() -> dt.date:
    """The first Tuesday of a month, at least a month from today."""
    today = dt.date.today()
    month = (today.replace(day=1) + dt.timedelta(days=40)).replace(day=1)
    return month + dt.timedelta(days=(1 - month.weekday()) % 7)


def announce_data(organisers, **changes) -> dict:
    data = {
        "title": "Intervision du premier mardi",
        "kind": "intervision",
        "organisers": [o.pk for o in organisers],
        "summary": "Entre pairs, sur nos projets numériques.",
        "date": first_tuesday_ahead().isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "time_zone": "Europe/Brussels",
        "repeat": "none",
        "repeat_count": "",
        "venue": "Rue de la Loi 1, 1000 Bruxelles",
        "region": "",
        "online_url": "",
        "capacity": "12",
        "registration_deadline": "",
        "audience": "open",
        "description": "Premier paragraphe.\n\nSecond <b>paragraphe</b>.",
    }
    data.update(changes)
    return data


def test_default_moderation_workflow_exists(calendar_page):
    """Wagtail's migrations attach their default workflow ("Relecture éditoriale", named in
    French by website/migrations/0002) to the root page; the proposals
    below rely on it."""
    root = Page.get_first_root_node()
    assert [w.name for w in [root.get_workflow()]] == ["Relecture éditoriale"]
    assert calendar_page.get_workflow().name == "Relecture éditoriale"


def test_federation_manager_announces_published_at_once(
    client, calendar_page, federation, federation_admin, messages_of
):
    client.force_login(federation_admin)
    assert "Publier l'évènement" in client.get(URL).content.decode()

    response = client.post(
        URL, announce_data([federation], repeat="monthly_weekday", repeat_count="6")
    )

    assert response.status_code == 302
    assert response["Location"] == "/agenda/intervision-du-premier-mardi/"
    assert messages_of(response) == ["Votre évènement est publié dans l'agenda."]
    event = EventPage.objects.get()
    first = first_tuesday_ahead()
    assert (event.live, event.get_parent().pk, event.proposed_by, event.owner) == (
        True,
        calendar_page.pk,
        federation_admin,
        federation_admin,
    )
    assert event.rrule == "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"
    assert event.start == dt.datetime.combine(first, dt.time(14), tzinfo=BRUSSELS)
    assert event.end == dt.datetime.combine(first, dt.time(16), tzinfo=BRUSSELS)
    assert (event.kind, event.capacity, event.audience, event.time_zone) == (
        "intervision",
        12,
        "open",
        "Europe/Brussels",
    )
    assert list(event.organisers.all()) == [federation]
    assert (
        event.description
        == "<p>Premier paragraphe.</p><p>Second &lt;b&gt;paragraphe&lt;/b&gt;.</p>"
    )
    dates = [o.start.astimezone(BRUSSELS) for o in occurrences(event)]
    assert len(dates) == 6
    assert all((d.weekday(), d.day <= 7, d.hour, d.minute) == (1, True, 14, 0) for d in dates)
    assert WorkflowState.objects.count() == 0

    page = client.get("/agenda/intervision-du-premier-mardi/")
    assert page.status_code == 200
    assert page.context["page"].pk == event.pk
    assert '<span class="places">0 / 12 places</span>' in page.content.decode()


def test_member_proposal_waits_in_moderation(client, calendar_page, organisation, messages_of):
    member = MembershipFactory(organisation=organisation, user__display_name="Paul Plain").user
    client.force_login(member)
    assert "Envoyer pour relecture" in client.get(URL).content.decode()

    response = client.post(URL, announce_data([organisation], title="Atelier tableur"))

    assert response.status_code == 302
    assert response["Location"] == "/moi/"
    assert messages_of(response) == [
        "Merci ! Votre proposition est envoyée à l'équipe éditoriale, qui la publiera "
        "après relecture."
    ]
    event = EventPage.objects.get()
    assert (event.live, event.slug, event.proposed_by) == (False, "atelier-tableur", member)
    state = WorkflowState.objects.get()
    assert (state.status, int(state.object_id), state.requested_by) == (
        WorkflowState.STATUS_IN_PROGRESS,
        event.pk,
        member,
    )
    assert state.workflow.name == "Relecture éditoriale"
    assert client.get("/agenda/atelier-tableur/").status_code == 404
    assert b"Atelier tableur" not in client.get("/agenda/feed.ics").content


def test_federation_manager_with_a_non_federation_co_organiser_goes_to_moderation(
    client, calendar_page, federation, federation_admin, organisation
):
    MembershipFactory(organisation=organisation, user=federation_admin)
    client.force_login(federation_admin)

    client.post(URL, announce_data([federation, organisation]))

    assert EventPage.objects.get().live is False
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS


def test_announce_without_organisation_forbidden(client, calendar_page):
    client.force_login(UserFactory())

    response = client.get(URL)

    assert response.status_code == 403
    assert "rejoignez d'abord une organisation" in response.content.decode()
    assert client.post(URL, announce_data([])).status_code == 403
    assert EventPage.objects.count() == 0


def test_announce_anonymous_redirected_to_login(client, calendar_page):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/agenda/annoncer/"


def yesterday() -> str:
    return (dt.date.today() - dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    "changes, errors",
    [
        ({"end_time": "13:00"}, [("Heure de fin", "La fin doit suivre le début.")]),
        ({"date": yesterday()}, [("Date", "Cette date est déjà passée.")]),
        (
            {"repeat": "weekly", "repeat_count": ""},
            [("Nombre de dates", "Combien de dates ? Entre 2 et 52.")],
        ),
        (
            {"repeat": "weekly", "repeat_count": "60"},
            [("Nombre de dates", "Assurez-vous que cette valeur est inférieure ou égale à 52.")],
        ),
        (
            {"venue": "  ", "online_url": ""},
            [("", "Indiquez une adresse, un lien de connexion, ou les deux.")],
        ),
        (
            {"capacity": "0"},
            [("Nombre de places", "Assurez-vous que cette valeur est supérieure ou égale à 1.")],
        ),
        (
            {"time_zone": "Mars/Olympus_Mons"},
            [
                (
                    "Fuseau horaire",
                    "Sélectionnez un choix valide. Mars/Olympus_Mons n’en fait pas partie.",
                )
            ],
        ),
        (
            {"online_url": "javascript:alert(1)"},
            [("Lien de connexion", "Saisissez une URL valide.")],
        ),
        (
            {"registration_deadline": (first_tuesday_ahead() + dt.timedelta(days=10)).isoformat()},
            [
                (
                    "Inscriptions jusqu'au",
                    "Les inscriptions ne peuvent pas fermer après la date de l'évènement.",
                )
            ],
        ),
    ],
    ids=[
        "end-before-start",
        "past-date",
        "repeat-without-count",
        "too-many-dates",
        "neither-venue-nor-link",
        "capacity-zero",
        "bogus-time-zone",
        "bad-link",
        "deadline-after-event",
    ],
)
def test_announce_bad_input_shows_french_errors_and_creates_nothing(
    client, calendar_page, federation, federation_admin, changes, errors
):
    client.force_login(federation_admin)

    response = client.post(URL, announce_data([federation], **changes))

    assert response.status_code == 200
    # The summary lists field errors; an error of the whole form is shown once, by the form.
    assert response.context["errors"] == [(label, message) for label, message in errors if label]
    html = response.content.decode()
    for _label, message in errors:
        assert message.replace("'", "&#x27;") in html
    assert EventPage.objects.count() == 0
    assert Page.objects.filter(depth__gt=3).count() == 0


def test_announce_refuses_organiser_one_is_not_member_of(
    client, calendar_page, federation, federation_admin, organisation
):
    client.force_login(federation_admin)

    response = client.post(URL, announce_data([organisation]))

    assert response.status_code == 200
    assert [label for label, _message in response.context["errors"]] == ["Organisé par"]
    assert EventPage.objects.count() == 0


@pytest.mark.parametrize(
    "repeat, first, rule",
    [
        ("monthly_weekday", dt.date(2027, 2, 2), "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"),
        ("monthly_weekday", dt.date(2027, 2, 18), "FREQ=MONTHLY;BYDAY=3TH;COUNT=6"),
        ("monthly_weekday", dt.date(2027, 3, 30), "FREQ=MONTHLY;BYDAY=-1TU;COUNT=6"),
        ("monthly_date", dt.date(2027, 3, 15), "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6"),
        ("weekly", dt.date(2027, 3, 15), "FREQ=WEEKLY;COUNT=6"),
        ("biweekly", dt.date(2027, 3, 15), "FREQ=WEEKLY;INTERVAL=2;COUNT=6"),
        ("none", dt.date(2027, 3, 15), ""),
    ],
)
def test_build_rrule(repeat, first, rule):
    assert build_rrule(repeat, 6, first) == rule


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


def edit_data(event, **changes) -> dict:
    initial = EventForm.initial_from(event)
    data = {
        key: value
        for key, value in initial.items()
        if key not in ("organisers", "themes", "region") and value is not None
    }
    data["organisers"] = [o.pk for o in initial["organisers"]]
    data["date"] = initial["date"].isoformat()
    data["start_time"] = initial["start_time"].strftime("%H:%M")
    data["end_time"] = initial["end_time"].strftime("%H:%M")
    data["region"] = ""
    data["repeat_count"] = data.get("repeat_count") or ""
    data.update(changes)
    return data


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
