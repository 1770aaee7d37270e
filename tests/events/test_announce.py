"""Announcing from /agenda/annoncer/: published at once for a federation's managers,
moderated for everyone else, refused with clear messages for bad input; and the rule of
repetition the form builds. What changing the time, cancelling the event or one of its
dates tells the registered people is in tests/events/test_event_changes.py."""

from __future__ import annotations

import datetime as dt

import pytest
from wagtail.models import Page, WorkflowState

from events.forms import build_rrule
from events.models import EventPage
from events.recurrence import occurrences
from tests.events.conftest import BRUSSELS, first_tuesday_ahead
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/agenda/annoncer/"


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
