"""Filtering /agenda/ (by type, organiser, theme, region and format, in the list and the
month grid), bad input answered with a message rather than an error, and a page beyond the
last."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.conftest import (
    INVALID_CHOICE,
    WEBINAR_LINK,
    brussels,
    build_calendar_site,
    future,
    publish_event,
    titles,
)
from tests.factories import RegionFactory, ThemeFactory
from tests.shared import built_once_per_class

pytestmark = pytest.mark.django_db


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
        online_url=WEBINAR_LINK,
        start=future(days=5),
    )
    return site


# The five events are built once for the class's tests (tests/shared.py).
_varied = built_once_per_class(build_varied)


@pytest.fixture
def varied(_varied, db):
    return _varied.copy()


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
