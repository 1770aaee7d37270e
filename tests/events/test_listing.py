"""Seeing the calendar: /agenda/ upcoming and past lists, the month grid in the viewer's
zone, filters, bad input answered with a message, query counts that do not grow with the
calendar, my registrations in /moi/ and the embeddable widget."""

from __future__ import annotations

import datetime as dt

import pytest

from events.models import OccurrenceChange, Registration
from events.services import registrations
from tests.events.conftest import brussels, build_calendar_site, future, publish_event
from tests.factories import RegionFactory, ThemeFactory, UserFactory
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db

LINK = "https://visio.example.org/webinaire"


def titles(response) -> list[str]:
    return [o.event.title for o in response.context["occurrences"]]


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
        online_url=LINK,
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


# --- Filters -----------------------------------------------------------------------------------


def build_varied() -> dict:
    """Five events under /agenda/, each the only one with one of the filterable traits."""
    site = build_calendar_site()
    calendar_page, federation, organisation = (
        site["calendar_page"],
        site["federation"],
        site["organisation"],
    )
    wallonia = RegionFactory(name="Wallonie")
    gdpr = ThemeFactory(name="RGPD")
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Intervision",
        kind="intervision",
        start=future(days=1),
    )
    publish_event(
        calendar_page,
        organisers=[organisation],
        title="Atelier local",
        kind="workshop",
        start=future(days=2),
    )
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Formation RGPD",
        kind="training",
        themes=[gdpr],
        start=future(days=3),
    )
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Conférence wallonne",
        kind="conference",
        region=wallonia,
        start=future(days=4),
    )
    publish_event(
        calendar_page,
        organisers=[federation],
        title="Webinaire",
        kind="webinar",
        venue="",
        online_url=LINK,
        start=future(days=5),
    )
    return site


# The five events are built once for the class's tests (tests/shared.py).
_varied = built_once_per_class(build_varied)


@pytest.fixture
def varied(_varied, db):
    return _varied.copy()


INVALID_CHOICE = "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."


class TestFiltersOnFiveEvents:
    """Filters and bad input, on five events built once for the class."""

    @pytest.mark.parametrize(
        "query, expected",
        [
            (
                {},
                [
                    "Intervision",
                    "Atelier local",
                    "Formation RGPD",
                    "Conférence wallonne",
                    "Webinaire",
                ],
            ),
            ({"kind": "intervision"}, ["Intervision"]),
            ({"organiser": "les-ateliers-recup"}, ["Atelier local"]),
            ({"theme": "rgpd"}, ["Formation RGPD"]),
            ({"region": "wallonie"}, ["Conférence wallonne"]),
            ({"mode": "online"}, ["Webinaire"]),
            (
                {"mode": "onsite"},
                ["Intervision", "Atelier local", "Formation RGPD", "Conférence wallonne"],
            ),
            (
                {"organiser": "federation-des-cooperatives", "kind": "conference"},
                ["Conférence wallonne"],
            ),
        ],
    )
    def test_filters_narrow_the_list(self, client, varied, query, expected):
        response = client.get("/agenda/", query)

        assert titles(response) == expected
        assert response.context["active_filters"] is bool(query)

    @pytest.mark.parametrize(
        "query, errors, expected",
        [
            (
                {"kind": "zzz"},
                [("Type", "Sélectionnez un choix valide. zzz n’en fait pas partie.")],
                [
                    "Intervision",
                    "Atelier local",
                    "Formation RGPD",
                    "Conférence wallonne",
                    "Webinaire",
                ],
            ),
            ({"organiser": "inconnue"}, [("Organisé par", INVALID_CHOICE)], None),
            (
                {"organiser": "inconnue", "kind": "intervision"},
                [("Organisé par", INVALID_CHOICE)],
                ["Intervision"],
            ),
            (
                {"view": "month", "month": "2026-13"},
                [("Mois", "Un mois s'écrit AAAA-MM, par exemple 2026-12.")],
                "month",
            ),
            (
                {"view": "month", "month": "abc"},
                [("Mois", "Un mois s'écrit AAAA-MM, par exemple 2026-12.")],
                "month",
            ),
            (
                {"view": "month", "month": "0000-01"},
                [("Mois", "Choisissez un mois entre 1970 et 2199.")],
                "month",
            ),
            (
                {"view": "month", "month": "9999-12"},
                [("Mois", "Choisissez un mois entre 1970 et 2199.")],
                "month",
            ),
            (
                {"page": "-1"},
                [("Page", "Assurez-vous que cette valeur est supérieure ou égale à 1.")],
                None,
            ),
            ({"page": "abc"}, [("Page", "Saisissez un nombre entier.")], None),
            (
                {"when": "demain"},
                [("Période", "Sélectionnez un choix valide. demain n’en fait pas partie.")],
                None,
            ),
        ],
    )
    def test_invalid_values_answer_200_with_message(self, client, varied, query, errors, expected):
        response = client.get("/agenda/", query)

        assert response.status_code == 200
        assert response.context["filter_errors"] == errors
        html = response.content.decode()
        assert "Certains filtres ne sont pas valides et ont été ignorés :" in html
        for label, message in errors:
            assert f"<li>{label} : {message.replace(chr(39), '&#x27;')}</li>" in html
        if expected == "month":
            today = dt.date.today()
            assert response.context["month"] in (
                today.replace(day=1),
                (today + dt.timedelta(days=1)).replace(day=1),
            )
        elif expected is not None:
            assert titles(response) == expected
        else:
            assert len(titles(response)) == 5


def test_filters_apply_to_month_grid(client, calendar_page, federation, organisation):
    publish_event(
        calendar_page, organisers=[federation], title="Fédé", start=brussels(2027, 3, 3, 10)
    )
    publish_event(
        calendar_page, organisers=[organisation], title="Local", start=brussels(2027, 3, 4, 10)
    )

    response = client.get(
        "/agenda/", {"view": "month", "month": "2027-03", "organiser": organisation.slug}
    )

    assert [o.event.title for o in response.context["month_occurrences"]] == ["Local"]


def test_page_beyond_last_shows_last_page(client, calendar_page, federation):
    for n in range(22):
        publish_event(
            calendar_page,
            organisers=[federation],
            title=f"Atelier {n:02d}",
            start=future(days=1 + n),
        )

    first = client.get("/agenda/")
    last = client.get("/agenda/", {"page": "7"})

    assert titles(first) == [f"Atelier {n:02d}" for n in range(20)]
    assert titles(last) == ["Atelier 20", "Atelier 21"]
    assert last.context["filter_errors"] == []


# --- Query counts ------------------------------------------------------------------------------

# Measured, then pinned: the same with 2 and 12 events (steady state, after a warm-up request).
# The list reads one page of dates, and counts them for the pagination (events/dates.py).
LIST_QUERIES = 15
LIST_QUERIES_SIGNED_IN_FILTERED = 20
MONTH_QUERIES = 14
EVENT_PAGE_QUERIES = 25


def month_ahead() -> dt.date:
    """The first day of a month that is entirely ahead."""
    return (dt.date.today().replace(day=1) + dt.timedelta(days=40)).replace(day=1)


def populate(calendar_page, organisers, count, theme, region):
    """`count` events in `month_ahead()`, every other one a weekly series of three dates
    with its second date cancelled."""
    first = month_ahead()
    events = []
    for n in range(count):
        events.append(
            publish_event(
                calendar_page,
                organisers=organisers,
                title=f"Évènement {n:02d}",
                kind="intervision",
                start=brussels(first.year, first.month, 3 + n, 10),
                rrule="FREQ=WEEKLY;COUNT=3" if n % 2 else "",
                changes=[
                    OccurrenceChange(
                        original_start=brussels(first.year, first.month, 10 + n, 10), cancelled=True
                    )
                ]
                if n % 2
                else [],
                capacity=10,
                themes=[theme],
                region=region,
            )
        )
    return events


def build_bigger(count: int) -> dict:
    """/agenda/ with `populate`'s `count` events, organised by a federation and an
    organisation, three people registered to each."""
    site = build_calendar_site()
    theme = ThemeFactory(name="Numérique")
    region = RegionFactory(name="Bruxelles")
    events = populate(
        site["calendar_page"], [site["federation"], site["organisation"]], count, theme, region
    )
    people = [UserFactory() for _ in range(count)]
    for event in events:
        for person in people[:3]:
            Registration.objects.create(event=event, user=person, status="confirmed")
    return {"count": count, "events": events, "people": people, "federation": site["federation"]}


# One calendar of each size (2, then 12 events), built once for the class's tests
# (tests/shared.py): each test runs once per size, as a `parametrize` would.
_bigger = built_once_per_class(build_bigger, params=[2, 12])


@pytest.fixture
def bigger(_bigger, db, site_settings) -> dict:
    return _bigger.copy()


@pytest.fixture
def count(bigger) -> int:
    """The number of events in `bigger`: 2, then 12."""
    return bigger["count"]


class TestQueryCountsOnTwoThenTwelveEvents:
    def test_list_query_count_independent_of_length(
        self, client, bigger, count, django_assert_num_queries
    ):
        client.get("/agenda/")  # warm-up: Wagtail's site root paths and the like

        with django_assert_num_queries(LIST_QUERIES):
            response = client.get("/agenda/")

        # Every event once, the series twice more, but their cancelled date once too.
        assert len(response.context["occurrences"]) == min(count + 2 * (count // 2), 20)

    def test_list_query_count_signed_in_with_filters(
        self, client, bigger, count, django_assert_num_queries
    ):
        events, people, federation = bigger["events"], bigger["people"], bigger["federation"]
        client.force_login(people[0])
        query = {
            "kind": "intervision",
            "organiser": federation.slug,
            "theme": "numerique",
            "region": "bruxelles",
            "mode": "onsite",
        }
        client.get("/agenda/", query)

        with django_assert_num_queries(LIST_QUERIES_SIGNED_IN_FILTERED):
            response = client.get("/agenda/", query)

        assert {o.event.title for o in response.context["occurrences"]} == {e.title for e in events}

    def test_month_grid_query_count_independent_of_length(
        self, client, bigger, count, django_assert_num_queries
    ):
        query = {"view": "month", "month": month_ahead().strftime("%Y-%m")}
        client.get("/agenda/", query)

        with django_assert_num_queries(MONTH_QUERIES):
            response = client.get("/agenda/", query)

        assert len({o.event.pk for o in response.context["month_occurrences"]}) == count


@pytest.mark.parametrize("count", [2, 12])
def test_event_page_query_count_independent_of_size(
    client, calendar_page, federation, organisation, site_settings, count, django_assert_num_queries
):
    """A series of `count` dates with `count` changed dates, `count` people registered,
    `count` themes, signed in as one of them."""
    event = publish_event(
        calendar_page,
        organisers=[federation, organisation],
        title="Série",
        start=future(days=1),
        rrule=f"FREQ=WEEKLY;COUNT={count * 2}",
        changes=[
            OccurrenceChange(original_start=future(days=1 + 7 * n), cancelled=True)
            for n in range(1, count + 1)
        ],
        themes=[ThemeFactory(name=f"Thème {n}") for n in range(count)],
        capacity=100,
    )
    people = [UserFactory() for _ in range(count)]
    for person in people:
        registrations.register(user=person, event=event)
    client.force_login(people[0])
    client.get(event.public_path)

    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        response = client.get(event.public_path)

    assert response.context["confirmed_count"] == count
    assert len(response.context["themes"]) == count


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
