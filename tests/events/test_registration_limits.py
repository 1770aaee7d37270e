"""Who may register (an event for a federation's members, a deadline passed, a cancelled
event) and concurrent clicks that never overbook an event nor register one person twice."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from events.models import EventPage, Registration
from events.services import registrations
from tests.events.conftest import future, publish_event, register_url, statuses
from tests.factories import AffiliationFactory, MembershipFactory, OrganisationFactory

# --- Who may register --------------------------------------------------------------------------


@pytest.fixture
def federation_event(calendar_page, federation):
    return publish_event(
        calendar_page,
        organisers=[federation],
        title="Intervision des membres",
        audience=EventPage.Audience.FEDERATION,
    )


@pytest.mark.django_db
def test_federation_audience_admits_members_of_affiliated_organisations(
    client, federation_event, fed_member
):
    client.force_login(fed_member)

    client.post(register_url(federation_event))

    assert statuses(federation_event) == {"Béa Bocage": "confirmed"}


@pytest.mark.django_db
def test_federation_audience_refuses_outsider_and_stores_nothing(
    client,
    federation_event,
    federation,
    mailoutbox,
    messages_of,
    django_capture_on_commit_callbacks,
):
    outsider = MembershipFactory(organisation=OrganisationFactory(name="Hors Réseau")).user
    # An affiliation that is only requested does not open the event either.

    AffiliationFactory(
        organisation=outsider.memberships.get().organisation, federation=federation, pending=True
    )
    client.force_login(outsider)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(federation_event))

    assert response.status_code == 302
    assert messages_of(response) == [
        "Cet évènement est réservé aux membres de la fédération qui l'organise et de ses "
        "organisations membres."
    ]
    assert Registration.objects.count() == 0
    assert mailoutbox == []
    page = client.get(federation_event.public_path).content.decode()
    assert "M&#x27;inscrire" not in page and "M'inscrire" not in page


@pytest.mark.django_db
def test_registration_after_deadline_refused(
    client, calendar_page, federation, make_people, messages_of, mailoutbox
):
    event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Atelier clos",
        registration_deadline=future(hours=-1),
    )
    (person,) = make_people(1)
    client.force_login(person)

    response = client.post(register_url(event))

    assert messages_of(response) == ["Les inscriptions à cet évènement sont closes."]
    assert Registration.objects.count() == 0
    assert "Les inscriptions sont closes." in client.get(event.public_path).content.decode()


@pytest.mark.django_db
def test_registration_to_cancelled_event_refused(
    client, calendar_page, federation, make_people, messages_of
):
    event = publish_event(calendar_page, organisers=[federation], title="Annulé", cancelled=True)
    (person,) = make_people(1)
    client.force_login(person)

    response = client.post(register_url(event))

    assert messages_of(response) == ["Les inscriptions à cet évènement sont closes."]
    assert Registration.objects.count() == 0


# --- Concurrent clicks -------------------------------------------------------------------------


def at_once(calls) -> list:
    """Run the calls in as many threads, released together; each thread closes its own
    database connection. Returns what each returned (or raised)."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 (reported to the test)
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


concurrent = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite has no row locks (select_for_update is a no-op) and refuses concurrent "
    "writers with 'database is locked': run against PostgreSQL (DATABASE_URL) to test this.",
)


@concurrent
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook(
    calendar_page, federation, make_people, mailoutbox
):
    event = publish_event(calendar_page, organisers=[federation], title="Trois places", capacity=3)
    people = make_people(8)

    def click(person):
        return lambda: registrations.register(
            user=person, event=EventPage.objects.get(pk=event.pk)
        ).status

    results = at_once([click(person) for person in people])

    assert sorted(results) == ["confirmed"] * 3 + ["waitlist"] * 5
    assert Registration.objects.filter(event=event, status="confirmed").count() == 3
    assert Registration.objects.filter(event=event, status="waitlist").count() == 5
    subjects = sorted(m.subject for m in mailoutbox)
    assert (
        subjects
        == ["[Relais] Inscription confirmée : Trois places"] * 3
        + ["[Relais] Liste d'attente : Trois places"] * 5
    )


@concurrent
@pytest.mark.django_db(transaction=True)
def test_concurrent_clicks_of_one_person_store_one_registration(
    calendar_page, federation, make_people, mailoutbox
):
    event = publish_event(calendar_page, organisers=[federation], title="Un clic", capacity=3)
    (person,) = make_people(1)

    def click():
        return registrations.register(user=person, event=EventPage.objects.get(pk=event.pk)).pk

    results = at_once([click] * 4)

    registration = Registration.objects.get(event=event)
    assert results == [registration.pk] * 4
    assert registration.status == "confirmed"
    assert [m.subject for m in mailoutbox] == ["[Relais] Inscription confirmée : Un clic"]
