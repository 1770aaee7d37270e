"""Fixtures for the calendar tests: the page tree (home → /agenda/) and a way to publish
events as the announce form or an editor would."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
import vobject
from django.utils.text import slugify

from community.indexing import indexed_once
from events.forms import EventForm
from events.models import CalendarPage, EventPage, Registration
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
)
from tests.practices.conftest import home_page  # noqa: F401 (the same page tree)
from tests.practices.fixtures_listing import build_home

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def brussels(*args) -> dt.datetime:
    """An aware datetime, wall-clock time in Brussels."""
    return dt.datetime(*args, tzinfo=BRUSSELS)


@indexed_once()
def publish_event(calendar, *, organisers, title="Intervision numérique", **fields):
    """Create and publish an event under `calendar` (page_published runs, as for real)."""

    fields.setdefault(
        "start", dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=10)
    )
    fields.setdefault("end", fields["start"] + dt.timedelta(hours=2))
    fields.setdefault("venue", "Rue de la Loi 1, 1000 Bruxelles")
    changes = fields.pop("changes", [])
    themes = fields.pop("themes", [])
    event = EventPage(title=title, slug=fields.pop("slug", None) or None, **fields)
    if not event.slug:
        event.slug = slugify(title)
    event.occurrence_changes = changes
    calendar.add_child(instance=event)
    event.organisers.set(organisers)
    event.themes.set(themes)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


@pytest.fixture
def calendar_page(home_page):  # noqa: F811
    return home_page.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))


def build_calendar_site() -> dict:
    """What `calendar_page`, `federation` and `organisation` give, as plain rows: for the
    rows a class builds once (tests/shared.py)."""
    return {
        "calendar_page": build_home().add_child(
            instance=CalendarPage(title="Agenda", slug="agenda")
        ),
        "federation": FederationFactory(name="Fédération des Coopératives"),
        "organisation": OrganisationFactory(name="Les Ateliers Récup"),
    }


# --- Shared by the calendar's test modules -------------------------------------------------


def future(**delta) -> dt.datetime:
    """A UTC instant ahead of now, to the minute (times in forms have no seconds)."""
    return dt.datetime.now(dt.UTC).replace(second=0, microsecond=0) + dt.timedelta(**delta)


def parse_ics(content: bytes):
    """The same file read by two independent parsers: (icalendar Calendar, vobject
    component). Both must accept it as exactly one VCALENDAR."""

    text = content.decode("utf-8")
    parsed = list(vobject.readComponents(text))
    assert len(parsed) == 1
    assert parsed[0].name == "VCALENDAR"
    return icalendar.Calendar.from_ical(content), vobject.readOne(text)


def vevents_of(cal) -> list:
    """The VEVENTs of an icalendar Calendar, in file order."""
    return list(cal.walk("VEVENT"))


def first_tuesday_ahead() -> dt.date:
    """The first Tuesday of a month, at least a month from today."""
    today = dt.date.today()
    month = (today.replace(day=1) + dt.timedelta(days=40)).replace(day=1)
    return month + dt.timedelta(days=(1 - month.weekday()) % 7)


def edit_data(event, **changes) -> dict:
    """What the edit form (/agenda/<slug>/modifier/) posts for `event` as it is, with
    `changes`."""
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


def titles(response) -> list[str]:
    """The titles of the dates a calendar page lists, in order."""
    return [o.event.title for o in response.context["occurrences"]]


# Django's message for a value that is not among a field's choices.
INVALID_CHOICE = "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."

# The online link of the webinars the listing's tests publish.
WEBINAR_LINK = "https://visio.example.org/webinaire"


def register_url(event):
    """The address that registers the signed-in person to `event` (a POST)."""
    return f"/agenda/{event.slug}/inscription/"


def statuses(event) -> dict[str, str]:
    """The status of each person registered to `event`, by display name."""
    return {
        r.user.display_name: r.status
        for r in Registration.objects.filter(event=event).select_related("user")
    }


@pytest.fixture
def affiliated_org(federation):
    """An EES that is an active member of `federation`."""

    organisation = OrganisationFactory(name="Coopérative du Bocage")
    AffiliationFactory(organisation=organisation, federation=federation)
    return organisation


@pytest.fixture
def fed_member(affiliated_org):
    """A plain member of an organisation affiliated to `federation`."""

    return MembershipFactory(organisation=affiliated_org, user__display_name="Béa Bocage").user


@pytest.fixture
def make_people(db):
    """`make_people(n)`: n signed-up people, each a plain member of their own EES."""

    def build(n: int, prefix: str = "Personne"):
        return [MembershipFactory(user__display_name=f"{prefix} {i}").user for i in range(1, n + 1)]

    return build
