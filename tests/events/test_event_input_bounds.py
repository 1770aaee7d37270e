"""Event input that makes no sense is refused with a clear French message, in the announce
form and in the admin: dates outside the calendar's years, an end before the start or
weeks after it, a deadline after the event, a time the clocks skip. A time that happens
twice (clocks going back) is its first occurrence, in summer time."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import EventPage, OccurrenceChange
from events.recurrence import event_errors
from tests.events.conftest import BRUSSELS, publish_event
from tests.events.test_announce import announce_data
from tests.factories import UserFactory
from tests.website.form_round_trip import BrowserForm

pytestmark = pytest.mark.django_db

URL = "/agenda/annoncer/"
LAST_YEAR = timezone.localdate().year + 5
BOUNDS = f"Choisissez une date entre 2000 et {LAST_YEAR}."


def last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 31)
    return day - dt.timedelta(days=(day.weekday() - 6) % 7)


SPRING = last_sunday(timezone.localdate().year + 1, 3)  # 02:00 → 03:00 in Brussels
AUTUMN = last_sunday(timezone.localdate().year + 1, 10)  # 03:00 → 02:00 in Brussels


def errors_of(response) -> list[tuple[str, str]]:
    assert response.status_code == 200
    return response.context["errors"]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"date": "9999-12-31"}, [("Date", BOUNDS)]),
        ({"date": "1999-06-01"}, [("Date", BOUNDS)]),
        ({"registration_deadline": "9999-01-01"}, [("Inscriptions jusqu'au", BOUNDS)]),
        (
            {"end_date": "9999-01-01"},
            [("Date de fin", BOUNDS)],
        ),
        (
            {"end_date": "+40"},
            [
                (
                    "Heure de fin",
                    "Un évènement dure au plus 31 jours. Pour des dates régulières, "
                    "utilisez la répétition.",
                )
            ],
        ),
        (
            {"end_date": "-1"},
            [("Heure de fin", "La fin doit suivre le début.")],
        ),
        (
            {"date": SPRING.isoformat(), "start_time": "02:30", "end_time": "04:00"},
            [
                (
                    "Heure de début",
                    f"02:30 n’existe pas le {SPRING.day} mars {SPRING.year} : les horloges "
                    "avancent d’une heure (passage à l’heure d’été). Choisissez par exemple "
                    "03:30.",
                )
            ],
        ),
    ],
    ids=[
        "year-9999",
        "before-2000",
        "deadline-year-9999",
        "end-date-year-9999",
        "forty-days",
        "end-date-before-date",
        "spring-gap",
    ],
)
def test_announce_nonsense_dates_refused_with_french_message(
    client, calendar_page, federation, federation_admin, changes, errors
):
    data = announce_data([federation], **changes)
    if changes.get("end_date", "").startswith(("+", "-")):
        first = dt.date.fromisoformat(data["date"])
        data["end_date"] = (first + dt.timedelta(days=int(changes["end_date"]))).isoformat()
    client.force_login(federation_admin)

    response = client.post(URL, data)

    found = [(label, message.replace("'", "’")) for label, message in errors_of(response)]
    assert found == [(label, message.replace("'", "’")) for label, message in errors]
    assert EventPage.objects.count() == 0


def test_announce_hour_repeated_in_autumn_is_its_first_occurrence(
    client, calendar_page, federation, federation_admin
):
    client.force_login(federation_admin)

    response = client.post(
        URL,
        announce_data([federation], date=AUTUMN.isoformat(), start_time="02:30", end_time="03:30"),
    )

    assert response.status_code == 302
    event = EventPage.objects.get()
    # 02:30 summer time (UTC+2), then 03:30 winter time (UTC+1): two hours.
    assert (event.start, event.end) == (
        dt.datetime.combine(AUTUMN, dt.time(0, 30), tzinfo=dt.UTC),
        dt.datetime.combine(AUTUMN, dt.time(2, 30), tzinfo=dt.UTC),
    )


def test_rules_shared_with_the_admin_refuse_nonsense_dates():
    start = dt.datetime(9999, 1, 1, 14, tzinfo=BRUSSELS)
    long_start = dt.datetime(2030, 1, 1, 14, tzinfo=BRUSSELS)

    assert event_errors({"start": start, "end": start + dt.timedelta(hours=2)}) == [
        ("start", BOUNDS),
        ("end", BOUNDS),
    ]
    assert event_errors({"start": long_start, "end": long_start + dt.timedelta(days=60)}) == [
        (
            "end",
            "Un évènement dure au plus 31 jours. Pour des dates régulières, utilisez la "
            "répétition.",
        )
    ]


@pytest.fixture
def editor(db):
    return UserFactory(staff=True)


def _admin_post(client, event, **changes):
    """The admin's edit form of `event`, as a browser submits it, with `changes`."""
    url = f"/admin/pages/{event.pk}/edit/"
    page = BrowserForm(client.get(url).content.decode())
    form = page.form_with("title")
    pairs = [(name, changes.get(name, value)) for name, value in BrowserForm.submission(form)]
    return client.post(url, urlencode(pairs), content_type="application/x-www-form-urlencoded")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("9999-01-01 14:00", "9999-01-01 16:00", BOUNDS),
        (
            f"{SPRING.isoformat()} 02:30",
            f"{SPRING.isoformat()} 04:00",
            f"02:30 n'existe pas le {SPRING.day} mars {SPRING.year} : les horloges avancent "
            "d'une heure (passage à l'heure d'été). Choisissez par exemple 03:30.",
        ),
    ],
    ids=["year-9999", "spring-gap"],
)
def test_admin_event_form_refuses_nonsense_dates(
    client, calendar_page, federation, editor, start, end, message
):
    event = publish_event(calendar_page, organisers=[federation])
    client.force_login(editor)

    response = _admin_post(client, event, start=start, end=end)

    assert response.status_code == 200
    form = response.context["form"]
    assert message in [str(m) for m in form.errors.get("start", [])]
    assert EventPage.objects.get(pk=event.pk).start == event.start


def test_admin_event_form_hour_repeated_in_autumn_is_its_first_occurrence(
    client, calendar_page, federation, editor
):
    event = publish_event(calendar_page, organisers=[federation])
    client.force_login(editor)

    response = _admin_post(
        client, event, start=f"{AUTUMN.isoformat()} 02:30", end=f"{AUTUMN.isoformat()} 04:00"
    )

    assert response.status_code == 302
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    # In UTC: an aware time in the repeated hour never equals one of another zone.
    assert (draft.start.astimezone(dt.UTC), draft.end.astimezone(dt.UTC)) == (
        dt.datetime.combine(AUTUMN, dt.time(0, 30), tzinfo=dt.UTC),
        dt.datetime.combine(AUTUMN, dt.time(3, 0), tzinfo=dt.UTC),
    )


def test_admin_moved_date_refuses_nonsense_dates():
    moved = dt.datetime(9999, 1, 1, 14, tzinfo=BRUSSELS)
    change = OccurrenceChange(
        original_start=dt.datetime(2030, 1, 1, 14, tzinfo=BRUSSELS),
        new_start=moved,
        new_end=moved + dt.timedelta(hours=2),
    )

    with pytest.raises(ValidationError) as raised:
        change.clean()

    assert raised.value.messages == [BOUNDS]


def test_admin_moved_date_reads_the_repeated_autumn_hour_as_its_first(
    calendar_page, federation, editor
):
    first = dt.datetime(2030, 1, 1, 14, tzinfo=BRUSSELS)
    event = publish_event(
        calendar_page,
        organisers=[federation],
        start=first,
        end=first + dt.timedelta(hours=2),
        rrule="FREQ=WEEKLY;COUNT=4",
        changes=[OccurrenceChange(original_start=first, cancelled=True)],
    )
    form_class = EventPage.get_edit_handler().get_form_class()

    (change_form,) = (
        form_class(instance=event, for_user=editor).formsets["occurrence_changes"].forms
    )

    assert change_form.fields["new_start"].clean(f"{AUTUMN.isoformat()} 02:30").astimezone(
        dt.UTC
    ) == dt.datetime.combine(AUTUMN, dt.time(0, 30), tzinfo=dt.UTC)
