"""The calendar's emails, word for word: what they say is attached is attached, and a
cancelled date is named."""

from __future__ import annotations

import pytest

from events.models import Registration
from events.recurrence import occurrences
from events.services import publishing, registrations, reminders
from tests.events.conftest import brussels, parse_ics, publish_event, vevents_of

pytestmark = pytest.mark.django_db

LINK = "https://visio.example.org/atelier"
PAGE = "http://127.0.0.1:8000/agenda/atelier-en-ligne/"


@pytest.fixture
def online(calendar_page, federation):
    return publish_event(
        calendar_page,
        organisers=[federation],
        title="Atelier en ligne",
        start=brussels(2027, 3, 2, 14),
        end=brussels(2027, 3, 2, 16),
        venue="",
        online_url=LINK,
        capacity=1,
    )


def attached_link(message) -> str:
    ((name, content, mimetype),) = message.attachments
    assert (name, mimetype) == ("atelier-en-ligne.ics", "text/calendar")
    vevent = vevents_of(parse_ics(content.encode())[0])[0]
    return str(vevent["LOCATION"])


def test_reminder_email_carries_the_calendar_file_it_speaks_of(
    online, make_people, mailoutbox, django_capture_on_commit_callbacks
):
    (person,) = make_people(1)
    Registration.objects.create(event=online, user=person, status="confirmed")

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send(online, online.start) == 1

    (message,) = mailoutbox
    assert message.subject == "[Relais] Demain : Atelier en ligne"
    assert message.body == (
        f"Bonjour {person.name},\n\n"
        "Petit rappel : « Atelier en ligne », c'est demain.\n\n"
        "Quand : mardi 2 mars 2027, 14:00–16:00 (Europe/Brussels)\n"
        "En ligne : le lien est dans le fichier d'agenda joint et sur la page de l'évènement.\n"
        f"La page de l'évènement : {PAGE}\n\n"
        "Un empêchement ? Désinscrivez-vous depuis la page de l'évènement : la place ira à "
        "quelqu'un d'autre.\n\n"
        "— Relais\n"
    )
    assert attached_link(message) == LINK


def test_waitlist_email_promises_no_attachment_and_no_link(
    online, make_people, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = make_people(2)
    registrations.register(user=first, event=online)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(user=second, event=online)

    (message,) = mailoutbox
    assert message.subject == "[Relais] Liste d'attente : Atelier en ligne"
    assert message.body == (
        f"Bonjour {second.name},\n\n"
        "« Atelier en ligne » est complet : vous êtes sur la liste d'attente. Dès qu'une place "
        "se libère, elle est à vous et vous recevez un email avec le fichier d'agenda.\n\n"
        "Quand : mardi 2 mars 2027, 14:00–16:00 (Europe/Brussels)\n"
        "En ligne : le lien de connexion est donné aux personnes qui ont une place.\n"
        f"La page de l'évènement : {PAGE}\n\n"
        "— Relais\n"
    )
    assert message.attachments == []
    assert LINK not in message.body


def test_cancelling_one_date_names_it_to_everyone_registered(
    calendar_page,
    federation,
    federation_admin,
    make_people,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Atelier en ligne",
        start=brussels(2027, 3, 2, 14),
        end=brussels(2027, 3, 2, 16),
        rrule="FREQ=MONTHLY;BYDAY=1TU;COUNT=4",
        venue="",
        online_url=LINK,
        capacity=1,
    )
    placed, waiting = make_people(2)
    registrations.register(user=placed, event=event)
    registrations.register(user=waiting, event=event)
    second = occurrences(event)[1]
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        publishing.cancel_date(
            user=federation_admin, event=event, original_start=second.original_start
        )

    by_person = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_person) == sorted([placed.email, waiting.email])
    for person, online_line in (
        (placed, "le lien est dans le fichier d'agenda joint et sur la page de l'évènement."),
        (waiting, "le lien de connexion est donné aux personnes qui ont une place."),
    ):
        message = by_person[person.email]
        assert message.subject == "[Relais] Date annulée : Atelier en ligne"
        attached = " Le fichier joint (.ics) met votre agenda à jour." if person == placed else ""
        body, footer = message.body.split("\n-- \n")
        assert footer.startswith("Choisir ce que vous recevez et quand : http://")
        assert body == (
            f"Bonjour {person.name},\n\n"
            "Cette date de « Atelier en ligne » est annulée :\n"
            "- mardi 6 avril 2027, 14:00–16:00 (Europe/Brussels)\n\n"
            "Les autres dates ne changent pas : votre inscription vaut toujours pour elles."
            f"{attached}\n\n"
            "Prochaine date : mardi 2 mars 2027, 14:00–16:00 (Europe/Brussels)\n"
            f"En ligne : {online_line}\n"
            f"La page de l'évènement : {PAGE}\n\n"
            "— Relais\n"
        )
    assert attached_link(by_person[placed.email]) == LINK
    assert by_person[waiting.email].attachments == []


def test_change_email_mentions_the_attachment_only_to_people_who_get_it(
    online, make_people, mailoutbox, django_capture_on_commit_callbacks
):
    placed, waiting = make_people(2)
    registrations.register(user=placed, event=online)
    registrations.register(user=waiting, event=online)
    mailoutbox.clear()
    page = online.get_latest_revision_as_object()
    page.start, page.end = brussels(2027, 3, 2, 15), brussels(2027, 3, 2, 17)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    by_person = {message.to[0]: message for message in mailoutbox}
    for person, attached, online_line in (
        (
            placed,
            " Le fichier joint (.ics) met votre agenda à jour.",
            "le lien est dans le fichier d'agenda joint et sur la page de l'évènement.",
        ),
        (waiting, "", "le lien de connexion est donné aux personnes qui ont une place."),
    ):
        message = by_person[person.email]
        assert message.subject == "[Relais] Changement : Atelier en ligne"
        body, footer = message.body.split("\n-- \n")
        assert footer.startswith("Choisir ce que vous recevez et quand : http://")
        assert body == (
            f"Bonjour {person.name},\n\n"
            "L'heure, la date ou le lieu de « Atelier en ligne » ont changé. Voici ce qui vaut "
            f"désormais.{attached}\n\n"
            "Quand : mardi 2 mars 2027, 15:00–17:00 (Europe/Brussels)\n"
            f"En ligne : {online_line}\n"
            f"La page de l'évènement : {PAGE}\n\n"
            "— Relais\n"
        )
    assert attached_link(by_person[placed.email]) == LINK
    assert by_person[waiting.email].attachments == []
