"""Seeing the calendar: /agenda/ upcoming and past lists, the month grid in the viewer's
zone, my registrations in /moi/, the embeddable widget and an organisation's upcoming
events on its profile. Filters are in tests/events/test_listing_filters.py, the list's
query counts in tests/events/test_listing_queries.py."""

from __future__ import annotations

import datetime as dt

import pytest

from events.models import OccurrenceChange, Registration
from events.services import registrations
from tests.events.conftest import (
    INVALID_CHOICE,
    WEBINAR_LINK,
    brussels,
    future,
    publish_event,
    titles,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# --- Upcoming and past -------------------------------------------------------------------------


def test_upcoming_list_in_date_order_with_series_dates(client, calendar_page, federation):
    publish_event(calendar_page, organisers=[federation], title="Passé", start=future(days=-3))
    publish_event(calendar_page, organisers=[federation], title="Bientôt", start=future(days=2))
    publish_event(calendar_page, organisers=[federation], title="Plus tard", start=future(days=5))
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Hebdo",
        start=future(days=1),
        rrule="FREQ=WEEKLY;COUNT=2",
    )
    draft = publish_event(
        calendar_page, organisers=[federation], title="Brouillon", start=future(days=3)
    )
    draft.unpublish()

    response = client.get("/agenda/")

    assert response.status_code == 200
    assert titles(response) == ["Hebdo", "Bientôt", "Plus tard", "Hebdo"]
    assert response.context["when"] == "upcoming"
    assert response.context["filter_errors"] == []


def test_past_list_most_recent_first(client, calendar_page, federation):
    publish_event(
        calendar_page, organisers=[federation], title="Il y a 3 jours", start=future(days=-3)
    )
    publish_event(
        calendar_page, organisers=[federation], title="Il y a 10 jours", start=future(days=-10)
    )
    publish_event(calendar_page, organisers=[federation], title="Demain", start=future(days=1))

    response = client.get("/agenda/", {"when": "past"})

    assert titles(response) == ["Il y a 3 jours", "Il y a 10 jours"]
    assert "Évènements passés" in response.content.decode()


# --- The month grid ----------------------------------------------------------------------------


@pytest.fixture
def february(calendar_page, federation):
    """February 2027: a weekly series on Tuesdays at 14:00 in Brussels (the 16th
    cancelled) and a late-night webinar on the 10th at 01:30 in Brussels."""
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Intervision hebdo",
        start=brussels(2027, 2, 2, 14),
        end=brussels(2027, 2, 2, 16),
        rrule="FREQ=WEEKLY;COUNT=4",
        changes=[OccurrenceChange(original_start=brussels(2027, 2, 16, 14), cancelled=True)],
    )
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Webinaire de nuit",
        start=brussels(2027, 2, 10, 1, 30),
        end=brussels(2027, 2, 10, 2, 30),
        venue="",
        online_url=WEBINAR_LINK,
    )


def grid(response) -> dict[dt.date, list[tuple[str, bool]]]:
    """The month grid's non-empty days: (title, cancelled) of each date, in order."""
    return {
        cell["date"]: [(o.event.title, o.cancelled) for o in cell["occurrences"]]
        for week in response.context["weeks"]
        for cell in week
        if cell["occurrences"]
    }


def test_month_grid_in_brussels_for_visitors(client, february):
    response = client.get("/agenda/", {"view": "month", "month": "2027-02"})

    assert response.status_code == 200
    assert response.context["month"] == dt.date(2027, 2, 1)
    assert (response.context["previous_month"], response.context["next_month"]) == (
        "2027-01",
        "2027-03",
    )
    assert grid(response) == {
        dt.date(2027, 2, 2): [("Intervision hebdo", False)],
        dt.date(2027, 2, 9): [("Intervision hebdo", False)],
        dt.date(2027, 2, 10): [("Webinaire de nuit", False)],
        dt.date(2027, 2, 16): [("Intervision hebdo", True)],
        dt.date(2027, 2, 23): [("Intervision hebdo", False)],
    }
    assert [len(week) for week in response.context["weeks"]] == [7] * 4
    html = response.content.decode()
    assert '<time datetime="2027-02-10T01:30:00+01:00">01:30</time> Webinaire de nuit' in html
    assert (
        '<li class="is-cancelled"><a href="/agenda/intervision-hebdo/">'
        '<time datetime="2027-02-16T14:00:00+01:00">14:00</time> Intervision hebdo</a> '
        '<span class="badge badge--alert">Annulé</span></li>'
    ) in html


def test_month_grid_in_the_viewers_zone(client, february):
    client.force_login(UserFactory(time_zone="America/Toronto"))

    response = client.get("/agenda/", {"view": "month", "month": "2027-02"})

    # 01:30 in Brussels is 19:30 the evening before in Toronto; 14:00 is 08:00.
    assert grid(response) == {
        dt.date(2027, 2, 2): [("Intervision hebdo", False)],
        dt.date(2027, 2, 9): [("Intervision hebdo", False), ("Webinaire de nuit", False)],
        dt.date(2027, 2, 16): [("Intervision hebdo", True)],
        dt.date(2027, 2, 23): [("Intervision hebdo", False)],
    }
    html = response.content.decode()
    assert '<time datetime="2027-02-09T19:30:00-05:00">19:30</time> Webinaire de nuit' in html
    assert '<time datetime="2027-02-02T08:00:00-05:00">08:00</time> Intervision hebdo' in html


def test_month_grid_other_month_is_empty(client, february):
    response = client.get("/agenda/", {"view": "month", "month": "2027-04"})

    assert grid(response) == {}
    assert "Aucun évènement ce mois-ci." in response.content.decode()


# --- My registrations --------------------------------------------------------------------------


def test_me_lists_my_upcoming_registrations(client, calendar_page, federation, make_people):
    me, other = make_people(2)
    later = publish_event(
        calendar_page, organisers=[federation], title="Plus tard", start=future(days=9)
    )
    soon = publish_event(
        calendar_page, organisers=[federation], title="Bientôt", start=future(days=2), capacity=1
    )
    past = publish_event(
        calendar_page, organisers=[federation], title="Passé", start=future(days=-2)
    )
    left = publish_event(
        calendar_page, organisers=[federation], title="Quitté", start=future(days=3)
    )
    not_mine = publish_event(
        calendar_page, organisers=[federation], title="Pas à moi", start=future(days=4)
    )
    registrations.register(user=other, event=soon)
    registrations.register(user=me, event=soon)  # full: waiting list
    registrations.register(user=me, event=later)
    Registration.objects.create(event=past, user=me, status="confirmed")
    registrations.register(user=me, event=left)
    registrations.cancel(user=me, event=left)
    registrations.register(user=other, event=not_mine)
    client.force_login(me)

    response = client.get("/moi/")

    (section,) = [
        s for s in response.context["sections"] if s["template"] == "events/dashboard_section.html"
    ]
    assert [
        (row["registration"].event.title, row["registration"].status)
        for row in section["event_rows"]
    ] == [
        ("Bientôt", "waitlist"),
        ("Plus tard", "confirmed"),
    ]
    html = response.content.decode()
    assert '<a href="/agenda/bientot/">Bientôt</a>' in html
    assert '<a href="/agenda/plus-tard/">Plus tard</a>' in html
    assert "Passé" not in html and "Quitté" not in html and "Pas à moi" not in html
    assert "Obtenir l'adresse de mon agenda personnel" in html


# --- The widget --------------------------------------------------------------------------------


def test_widget_embeddable_and_lists_one_organisers_upcoming_dates(
    client, calendar_page, federation, organisation
):
    publish_event(
        calendar_page, organisers=[federation], title="Intervision A", start=future(days=2)
    )
    publish_event(calendar_page, organisers=[federation], title="Passée", start=future(days=-2))
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Annulée",
        start=future(days=3),
        cancelled=True,
    )
    publish_event(
        calendar_page, organisers=[federation, organisation], title="Ensemble", start=future(days=4)
    )
    publish_event(
        calendar_page, organisers=[organisation], title="Autre organisateur", start=future(days=1)
    )

    response = client.get("/agenda/widget/", {"organiser": federation.slug})

    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    csp = response.headers["Content-Security-Policy"]
    # Any site may frame the widget ('self' is kept from the site-wide policy).
    assert "frame-ancestors *" in [part.strip() for part in csp.split(";")]
    assert [o.event.title for o in response.context["occurrences"]] == ["Intervision A", "Ensemble"]
    html = response.content.decode()
    assert 'href="http://127.0.0.1:8000/agenda/intervision-a/" target="_blank"' in html
    assert "Autre organisateur" not in html


def test_widget_unknown_organiser_answers_200_with_message(client, calendar_page, federation):
    publish_event(
        calendar_page, organisers=[federation], title="Intervision A", start=future(days=2)
    )

    response = client.get("/agenda/widget/", {"organiser": "inconnue"})

    assert response.status_code == 200
    assert response.context["errors"] == [("Organisé par", INVALID_CHOICE)]
    assert "Organisé par : " + INVALID_CHOICE in response.content.decode()


def test_other_pages_may_not_be_framed(client, calendar_page):
    response = client.get("/agenda/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("size", [1, 6])
def test_organisation_profile_lists_its_upcoming_events(
    client, calendar_page, federation, organisation, size, django_assert_num_queries
):
    """An organisation's profile lists its upcoming events (and series), not past ones nor
    other organisations' ones, at a cost that does not grow with their number."""
    for n in range(size):
        publish_event(
            calendar_page, organisers=[federation], title=f"Atelier {n}", start=future(days=5 + n)
        )
    publish_event(
        calendar_page, organisers=[federation], title="Déjà passé", start=future(days=-20)
    )
    publish_event(calendar_page, organisers=[organisation], title="Autre organisateur")
    url = federation.get_absolute_url()
    client.get(url)  # warm the site-root-paths cache

    with django_assert_num_queries(9):
        response = client.get(url)

    html = response.content.decode()
    assert [f"Atelier {n}" in html for n in range(size)] == [True] * size
    assert "Déjà passé" not in html
    assert "Autre organisateur" not in html
    assert f'href="/organisations/{federation.slug}/agenda.ics"' in html
