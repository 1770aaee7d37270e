"""The calendar in Chromium (issue 4, "Done means"): a federation manager announces an
intervision from /agenda/annoncer/ and it is live at once; a member registers and gets the
confirmation with a `.ics` that two independent parsers read; a second member lands on the
waiting list and is promoted, by email with the `.ics`, when the first one cancels. Also:
axe-core scans of the list, the month grid, an event page (anonymous and as its organiser)
and the announce form (empty and with errors), at desktop and phone widths, with
screenshots saved as /tmp/events-<page>-<width>.png for people to look at.

The site sends its emails through django-tasks' immediate backend once the request's
transaction commits, inside `live_server`'s thread of this same process: by the time the
page that follows a click is shown, the email is in `django.core.mail.outbox`.
"""

from __future__ import annotations

import datetime as dt
import email
import re
import zoneinfo

import icalendar
import pytest
import vobject
from django.utils import timezone
from playwright.sync_api import Page, expect

from events.models import CalendarPage, EventPage, OccurrenceChange, Registration
from tests.e2e import test_accessibility as a11y
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.e2e

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")

FEDERATION = "Fédération des Ressourceries"
TITLE = "Intervision des responsables numériques"
VENUE = "Rue de Fer 24\n5000 Namur"
ONLINE_URL = "https://visio.example/intervision-numerique"


# --- Fixtures ---------------------------------------------------------------------------


@pytest.fixture
def calendar(home_page) -> CalendarPage:
    """/agenda/ under the e2e `home_page`."""
    calendar = home_page.add_child(
        instance=CalendarPage(
            title="Agenda",
            slug="agenda",
            intro="Intervisions, ateliers et webinaires des fédérations du réseau.",
        )
    )
    calendar.save_revision().publish()
    return calendar


@pytest.fixture
def federation(db):
    return FederationFactory(name=FEDERATION, region=RegionFactory(name="Wallonie"))


@pytest.fixture
def manager(federation):
    """Camille, admin of the federation: a federation manager."""
    return MembershipFactory(
        organisation=federation,
        admin=True,
        user__display_name="Camille Fédé",
        user__email="camille@federation.example",
    ).user


def member_of(organisation_name: str, name: str, address: str):
    organisation = OrganisationFactory(name=organisation_name)
    return MembershipFactory(
        organisation=organisation, user__display_name=name, user__email=address
    ).user


def in_weeks(weeks: int, weekday: int = 1) -> dt.date:
    """A date `weeks` weeks from today (Brussels), moved to `weekday` (0 is Monday)."""
    day = timezone.localdate(timezone=BRUSSELS) + dt.timedelta(weeks=weeks)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def brussels(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BRUSSELS)


def mails_to(outbox, address: str) -> list:
    return [message for message in outbox if message.to == [address]]


def ics_of(message) -> bytes:
    """The text/calendar attachment of an email, as a mail client decodes it from the
    MIME message actually sent."""
    parsed = email.message_from_bytes(message.message().as_bytes())
    parts = [
        part
        for part in parsed.walk()
        if part.get_content_type() == "text/calendar"
        and (part.get_filename() or "").endswith(".ics")
    ]
    assert len(parts) == 1, [part.get_content_type() for part in parsed.walk()]
    return parts[0].get_payload(decode=True)


def assert_valid_ics(data: bytes, *, title: str, start: dt.datetime) -> None:
    """The file parses with `icalendar` and with `vobject`, and both read one VEVENT with
    the event's title, start and online link."""
    calendar = icalendar.Calendar.from_ical(data)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    vevent = events[0]
    assert str(vevent["summary"]) == title
    assert vevent.decoded("dtstart") == start
    assert ONLINE_URL in str(vevent["description"])
    assert str(vevent["uid"]).endswith("@relais")
    assert str(vevent["status"]) == "CONFIRMED"

    parsed = vobject.readOne(data.decode())
    assert parsed.vevent.summary.value == title
    assert parsed.vevent.dtstart.value == start
    assert ONLINE_URL in parsed.vevent.description.value


# --- The whole path ---------------------------------------------------------------------


def test_manager_announces_members_register_and_the_waiting_list_moves_up(
    page: Page, new_context, sign_in_as, calendar, federation, manager, mailoutbox
):
    alice = member_of("Les Ateliers du Cœur", "Alice Membre", "alice@ateliers.example")
    bruno = member_of("Recyclerie du Val", "Bruno Membre", "bruno@recyclerie.example")
    day = in_weeks(3)

    # Camille announces an intervision for her federation.
    sign_in_as(page.context, manager)
    page.goto("/agenda/annoncer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annoncer un évènement")
    expect(page.get_by_text("Vous gérez une fédération")).to_be_visible()
    page.get_by_label("Titre (obligatoire)", exact=True).fill(TITLE)
    page.get_by_label("Type (obligatoire)", exact=True).select_option(label="Intervision")
    page.get_by_label(FEDERATION, exact=True).check()
    page.get_by_label("En une phrase", exact=True).fill(
        "Deux heures entre pairs pour parler de nos projets numériques."
    )
    page.get_by_label("Date (obligatoire)", exact=True).fill(day.isoformat())
    page.get_by_label("Heure de début (obligatoire)", exact=True).fill("14:00")
    page.get_by_label("Heure de fin (obligatoire)", exact=True).fill("16:30")
    page.get_by_label("Adresse du lieu", exact=True).fill(VENUE)
    page.get_by_label("Lien de connexion", exact=True).fill(ONLINE_URL)
    page.get_by_label("Nombre de places", exact=True).fill("1")
    page.get_by_role("button", name="Publier l'évènement").click()

    # The event is live at once, under the calendar.
    expect(page).to_have_url(re.compile(r"/agenda/intervision-des-responsables-numeriques/$"))
    expect(page.get_by_role("status")).to_have_text("Votre évènement est publié dans l'agenda.")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    event = EventPage.objects.get(title=TITLE)
    start = brussels(day, 14)
    assert event.live and not event.has_unpublished_changes
    assert event.get_parent().specific == calendar
    assert (event.kind, event.capacity, event.online_url) == ("intervision", 1, ONLINE_URL)
    assert (event.start, event.end) == (start, brussels(day, 16, 30))
    assert event.venue.splitlines() == VENUE.splitlines()
    assert list(event.organisers.all()) == [federation]
    assert event.state.sequence == 0
    url = event.public_path
    assert mailoutbox == []

    # An anonymous visitor sees it in the agenda, without the online link.
    visitor = new_context().new_page()
    visitor.goto("/agenda/")
    results = visitor.get_by_role("region", name="Prochaines dates")
    expect(results.get_by_role("heading", level=3)).to_have_text([TITLE])
    expect(results).to_contain_text("0 / 1 places")
    visitor.goto(url)
    expect(
        visitor.get_by_text("Le lien de connexion est donné aux personnes inscrites.")
    ).to_be_visible()
    expect(visitor.get_by_role("link", name=ONLINE_URL)).to_have_count(0)

    # Alice registers: she has the place, and the link.
    alice_page = new_context().new_page()
    sign_in_as(alice_page.context, alice)
    alice_page.goto(url)
    expect(alice_page.locator(".places")).to_have_text("0 / 1 places")
    alice_page.get_by_role("button", name="M'inscrire").click()
    registration = alice_page.get_by_role("region", name="Inscription")
    expect(registration).to_contain_text("Vous êtes inscrit·e")
    expect(alice_page.locator(".places")).to_have_text("1 / 1 places")
    expect(alice_page.get_by_role("link", name=ONLINE_URL)).to_have_attribute("href", ONLINE_URL)
    expect(alice_page.get_by_role("status")).to_have_text(
        "Vous êtes inscrit·e. La confirmation, avec le fichier d'agenda, part par email."
    )

    # Her confirmation carries the event as a .ics that two parsers read.
    (confirmation,) = mails_to(mailoutbox, alice.email)
    assert confirmation.subject == f"[Relais] Inscription confirmée : {TITLE}"
    assert "Bonjour Alice Membre," in confirmation.body
    assert f"http://127.0.0.1:8000{url}" in confirmation.body
    assert_valid_ics(ics_of(confirmation), title=TITLE, start=start)
    assert len(mailoutbox) == 1

    # Bruno registers: it is full, he is on the waiting list and told so by email.
    bruno_page = new_context().new_page()
    sign_in_as(bruno_page.context, bruno)
    bruno_page.goto(url)
    expect(bruno_page.get_by_text("C'est complet : en vous inscrivant")).to_be_visible()
    bruno_page.get_by_role("button", name="Rejoindre la liste d'attente").click()
    registration = bruno_page.get_by_role("region", name="Inscription")
    expect(registration).to_contain_text("Vous êtes sur la liste d'attente (position 1).")
    expect(bruno_page.locator(".places")).to_have_text("1 / 1 places")
    expect(bruno_page.get_by_role("link", name=ONLINE_URL)).to_have_count(0)
    (waitlisted,) = mails_to(mailoutbox, bruno.email)
    assert waitlisted.subject == f"[Relais] Liste d'attente : {TITLE}"
    assert "liste d'attente" in waitlisted.body
    assert waitlisted.attachments == []  # no link for people without a place
    assert list(Registration.objects.filter(event=event).values_list("user__email", "status")) == [
        (alice.email, "confirmed"),
        (bruno.email, "waitlist"),
    ]

    # Alice cancels: Bruno gets her place at once, by email with the .ics.
    mailoutbox.clear()
    alice_page.get_by_role("button", name="Me désinscrire").click()
    expect(alice_page.get_by_role("status")).to_have_text("Votre inscription est annulée.")
    expect(alice_page.get_by_role("button", name="M'inscrire")).to_have_count(0)
    expect(alice_page.get_by_role("button", name="Rejoindre la liste d'attente")).to_be_visible()
    expect(alice_page.locator(".places")).to_have_text("1 / 1 places")
    assert [message.to for message in mailoutbox] == [[bruno.email]]
    promoted = mailoutbox[0]
    assert promoted.subject == f"[Relais] Une place s'est libérée : {TITLE}"
    assert "Une place s'est libérée" in promoted.subject
    assert_valid_ics(ics_of(promoted), title=TITLE, start=start)

    bruno_page.reload()
    registration = bruno_page.get_by_role("region", name="Inscription")
    expect(registration).to_contain_text("Vous êtes inscrit·e")
    expect(bruno_page.get_by_role("button", name="Me désinscrire")).to_be_visible()
    expect(bruno_page.get_by_role("link", name=ONLINE_URL)).to_be_visible()
    assert list(Registration.objects.filter(event=event).values_list("user__email", "status")) == [
        (alice.email, "cancelled"),
        (bruno.email, "confirmed"),
    ]

    # Camille, as organiser, sees Bruno in the list of registrations.
    page.goto(url)
    manage = page.get_by_role("region", name="Gérer l'évènement")
    manage.get_by_role("link", name="Voir les inscriptions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Inscriptions · {TITLE}")
    expect(page.get_by_role("table")).to_contain_text("Bruno Membre")
    expect(page.get_by_role("table")).not_to_contain_text("Alice Membre")


# --- Accessibility and screenshots ------------------------------------------------------


def publish(calendar, *, title, organisers, start, end, themes=(), changes=(), **fields):
    event = EventPage(title=title, start=start, end=end, **fields)
    event.occurrence_changes = list(changes)
    calendar.add_child(instance=event)
    event.organisers.set(organisers)
    event.themes.set(themes)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


@pytest.fixture
def agenda(calendar, federation, manager):
    """A calendar with a monthly series (one date cancelled, one moved), a full workshop
    with a waiting list, a webinar and a past conference; returns the series."""
    other = FederationFactory(name="Coupole bruxelloise")
    ees = OrganisationFactory(name="Les Ateliers du Cœur")
    AffiliationFactory(organisation=ees, federation=federation)
    theme = ThemeFactory(name="Outils collaboratifs", slug="outils-collaboratifs")
    first = in_weeks(1, weekday=1)
    series_start = brussels(first, 14)
    moved = brussels(first + dt.timedelta(weeks=4), 14)  # the second date
    cancelled = brussels(first + dt.timedelta(weeks=8), 14)  # the third date
    series = publish(
        calendar,
        title=TITLE,
        slug="intervision-des-responsables-numeriques",
        organisers=[federation],
        kind="intervision",
        summary="Deux heures et demie entre pairs, chaque mois, sur nos projets numériques.",
        description="<p>Chaque participant·e apporte une question ; le groupe y répond.</p>",
        start=series_start,
        end=series_start + dt.timedelta(hours=2, minutes=30),
        rrule="FREQ=WEEKLY;INTERVAL=4;COUNT=6",
        venue=VENUE,
        online_url=ONLINE_URL,
        capacity=12,
        themes=[theme],
        changes=[
            OccurrenceChange(
                original_start=moved,
                new_start=moved + dt.timedelta(days=2),
                new_end=moved + dt.timedelta(days=2, hours=2, minutes=30),
                note="Déplacée au jeudi : la salle est prise le mardi.",
            ),
            OccurrenceChange(original_start=cancelled, cancelled=True, note="Congé de carnaval."),
        ],
    )
    workshop_day = in_weeks(2, weekday=3)
    workshop = publish(
        calendar,
        title="Atelier : un agenda partagé pour les bénévoles",
        slug="atelier-agenda-partage",
        organisers=[other, ees],
        kind="workshop",
        summary="Mettre en place un agenda partagé libre, pas à pas.",
        start=brussels(workshop_day, 9, 30),
        end=brussels(workshop_day, 12, 30),
        venue="Rue de la Loi 1\n1000 Bruxelles",
        capacity=2,
    )
    for n in range(3):
        person = member_of(f"Organisation {n}", f"Personne {n}", f"personne{n}@example.org")
        Registration.objects.create(
            event=workshop,
            user=person,
            status="confirmed" if n < 2 else "waitlist",
        )
    webinar_day = in_weeks(1, weekday=4)
    publish(
        calendar,
        title="Webinaire : le RGPD en vingt minutes",
        slug="webinaire-rgpd",
        organisers=[federation],
        kind="webinar",
        start=brussels(webinar_day, 12),
        end=brussels(webinar_day, 12, 45),
        online_url="https://visio.example/rgpd",
    )
    past = timezone.localdate(timezone=BRUSSELS) - dt.timedelta(days=20)
    publish(
        calendar,
        title="Conférence : l'économie sociale à l'heure du numérique",
        slug="conference-numerique",
        organisers=[other],
        kind="conference",
        start=brussels(past, 9),
        end=brussels(past, 17),
        venue="Place Saint-Lambert 1\n4000 Liège",
    )
    return series


@pytest.fixture
def shots(monkeypatch):
    """The screenshots of these scans, when taken, go to their own folder."""
    if a11y.SHOTS_DIR:
        monkeypatch.setattr(a11y, "SHOTS_DIR", a11y.SHOTS_DIR / "events")


def test_calendar_pages_have_no_serious_violation(
    page: Page, new_context, sign_in_as, agenda, manager, shots
):
    series = agenda
    month = series.start.astimezone(BRUSSELS).strftime("%Y-%m")
    organiser = new_context().new_page()
    sign_in_as(organiser.context, manager)

    def listing():
        page.goto("/agenda/")
        results = page.get_by_role("region", name="Prochaines dates")
        expect(results.get_by_role("heading", level=3).first).to_be_visible()
        expect(results).to_contain_text("Date déplacée")
        expect(results).to_contain_text("Annulé")
        expect(results).to_contain_text("2 / 2 places")

    def month_current():
        page.goto("/agenda/?view=month")
        expect(page.get_by_role("link", name="Mois", exact=True)).to_have_attribute(
            "aria-current", "page"
        )

    def month_grid():
        page.goto(f"/agenda/?view=month&month={month}")
        width = page.viewport_size["width"]
        if width > 700:
            expect(page.locator("table.month-grid")).to_be_visible()
            expect(page.locator(".month-list")).to_be_hidden()
            expect(
                page.locator("table.month-grid").get_by_role("link", name=TITLE).first
            ).to_be_visible()
        else:
            # Under 700 px the grid gives way to a list of the same dates.
            expect(page.locator("table.month-grid")).to_be_hidden()
            expect(page.locator(".month-list")).to_be_visible()
            expect(
                page.locator(".month-list").get_by_role("link", name=TITLE).first
            ).to_be_visible()

    def event_anonymous():
        page.goto(series.public_path)
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        dates = page.get_by_role("region", name="Les prochaines dates")
        expect(dates).to_contain_text("Déplacée")
        expect(dates).to_contain_text("Annulée")
        expect(page.get_by_role("link", name="Se connecter pour s'inscrire")).to_be_visible()

    def event_organiser():
        organiser.goto(series.public_path)
        expect(organiser.get_by_role("region", name="Gérer l'évènement")).to_be_visible()
        expect(
            organiser.get_by_role("button", name=re.compile("^Annuler cette date")).first
        ).to_be_visible()

    def announce_empty():
        organiser.goto("/agenda/annoncer/")
        expect(organiser.get_by_role("button", name="Publier l'évènement")).to_be_visible()

    def announce_errors():
        organiser.goto("/agenda/annoncer/")
        organiser.get_by_label("Date (obligatoire)", exact=True).fill(in_weeks(2).isoformat())
        organiser.get_by_label("Heure de début (obligatoire)", exact=True).fill("16:00")
        organiser.get_by_label("Heure de fin (obligatoire)", exact=True).fill("14:00")
        organiser.get_by_label("Lien de connexion", exact=True).fill("pas une adresse")
        organiser.get_by_role("button", name="Publier l'évènement").click()
        errors = organiser.locator("#form-errors")
        expect(errors).to_contain_text("points à corriger")
        expect(errors.get_by_role("listitem")).to_have_text(
            [
                "Titre : Champ requis.",
                "Organisé par : Champ requis.",
                "Lien de connexion : Saisissez une URL valide.",
                "Heure de fin : La fin doit suivre le début.",
            ]
        )

    a11y.assert_no_blocking_violation(
        a11y.scan(page, "events-list", listing)
        + a11y.scan(page, "events-month-current", month_current)
        + a11y.scan(page, "events-month", month_grid)
        + a11y.scan(page, "events-event-anonymous", event_anonymous)
        + a11y.scan(organiser, "events-event-organiser", event_organiser)
        + a11y.scan(organiser, "events-announce", announce_empty)
        + a11y.scan(organiser, "events-announce-errors", announce_errors)
    )
    assert EventPage.objects.count() == 4  # the bad POST created nothing
