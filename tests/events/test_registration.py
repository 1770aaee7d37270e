"""Registering and cancelling in one click, the waiting list and its automatic promotion,
the confirmation email with its .ics, and the organiser's list of registrations with its CSV
export. Who may register and concurrent clicks are in
tests/events/test_registration_limits.py."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from community.models import Notification
from events.models import CalendarPage, Registration, event_uid
from events.services import registrations
from tests.events.conftest import parse_ics, publish_event, register_url, statuses, vevents_of
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.practices.conftest import build_home_page
from tests.shared import built_once_per_class

LINK = "https://visio.example.org/salle-7"


def build_small_event() -> dict:
    """`small_event` (two places, online and on site), and its organiser `federation`, as
    the `calendar_page` and `federation` fixtures give them: for the rows a class builds
    once (tests/shared.py)."""
    calendar_page = build_home_page().add_child(
        instance=CalendarPage(title="Agenda", slug="agenda")
    )
    federation = FederationFactory(name="Fédération des Coopératives")
    small_event = publish_event(
        calendar_page,
        organisers=[federation],
        title="Intervision gouvernance",
        capacity=2,
        online_url=LINK,
    )
    return {"federation": federation, "small_event": small_event}


# The tests of `TestOneClickAndTheWaitingList` start from the same event: built once for
# the class (tests/shared.py), each test's registrations rolled back.
_small_event = built_once_per_class(build_small_event)


def unregister_url(event):
    return f"/agenda/{event.slug}/desinscription/"


# --- One click each way ------------------------------------------------------------------------


class TestOneClickAndTheWaitingList:
    """Registering and cancelling in one click and the waiting list, on `small_event`
    built once for the class."""

    @pytest.fixture
    def small_event(self, _small_event, db):
        return _small_event.copy()["small_event"]

    @pytest.mark.django_db
    def test_register_confirms_and_emails_one_ics(
        self,
        client,
        small_event,
        make_people,
        mailoutbox,
        messages_of,
        django_capture_on_commit_callbacks,
    ):
        (person,) = make_people(1)
        client.force_login(person)

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(register_url(small_event))

        assert response.status_code == 302
        assert response["Location"] == "/agenda/intervision-gouvernance/#inscription"
        assert messages_of(response) == [
            "Vous êtes inscrit·e. La confirmation, avec le fichier d'agenda, part par email."
        ]
        assert statuses(small_event) == {"Personne 1": "confirmed"}
        assert [(m.to, m.subject) for m in mailoutbox] == [
            ([person.email], "[Relais] Inscription confirmée : Intervision gouvernance")
        ]
        (attachment,) = mailoutbox[0].attachments
        filename, content, mimetype = attachment
        assert (filename, mimetype) == ("intervision-gouvernance.ics", "text/calendar")
        cal, vcal = parse_ics(content.encode())
        (vevent,) = vevents_of(cal)
        assert str(vevent["UID"]) == event_uid(small_event)
        assert vcal.vevent.uid.value == event_uid(small_event)
        assert f"Lien de connexion : {LINK}" in vcal.vevent.description.value
        assert LINK not in mailoutbox[0].body  # the body only points at the file and the page

        page = client.get(small_event.public_path)
        assert '<span class="places">1 / 2 places</span>' in page.content.decode()
        assert "Vous êtes inscrit·e." in page.content.decode()
        assert f'<a href="{LINK}" rel="nofollow noopener">{LINK}</a>' in page.content.decode()

    @pytest.mark.django_db
    def test_register_twice_changes_nothing(
        self, client, small_event, make_people, mailoutbox, django_capture_on_commit_callbacks
    ):
        (person,) = make_people(1)
        client.force_login(person)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(register_url(small_event))
        first = Registration.objects.get()
        mailoutbox.clear()

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(register_url(small_event))

        assert response.status_code == 302
        assert list(Registration.objects.values_list("pk", "status", "queued_at")) == [
            (first.pk, "confirmed", first.queued_at)
        ]
        assert mailoutbox == []

    @pytest.mark.django_db
    def test_unregister_in_one_post(self, client, small_event, make_people, messages_of):
        (person,) = make_people(1)
        client.force_login(person)
        client.get(client.post(register_url(small_event))["Location"])  # shows its message

        response = client.post(unregister_url(small_event))

        assert response.status_code == 302
        assert messages_of(response) == ["Votre inscription est annulée."]
        assert statuses(small_event) == {"Personne 1": "cancelled"}
        page = client.get(small_event.public_path).content.decode()
        assert '<span class="places">0 / 2 places</span>' in page
        assert LINK not in page

        again = client.post(unregister_url(small_event))
        assert messages_of(again) == ["Vous n'étiez pas inscrit·e : rien n'a changé."]

    @pytest.mark.django_db
    def test_register_again_after_cancelling_requeues(self, client, small_event, make_people):
        (person,) = make_people(1)
        client.force_login(person)
        client.post(register_url(small_event))
        client.post(unregister_url(small_event))
        before = Registration.objects.get().queued_at

        client.post(register_url(small_event))

        registration = Registration.objects.get()
        assert registration.status == "confirmed"
        assert registration.queued_at > before

    # --- The waiting list ------------------------------------------------------------------

    @pytest.mark.django_db
    def test_full_event_waitlists_with_position_and_email(
        self,
        client,
        small_event,
        make_people,
        mailoutbox,
        messages_of,
        django_capture_on_commit_callbacks,
    ):
        first, second, third, fourth = make_people(4)
        for person in (first, second, third):
            registrations.register(user=person, event=small_event)
        client.force_login(fourth)
        mailoutbox.clear()

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(register_url(small_event))

        assert messages_of(response) == [
            "C'est complet : vous êtes sur la liste d'attente. Vous recevrez un email si une place "
            "se libère."
        ]
        assert statuses(small_event) == {
            "Personne 1": "confirmed",
            "Personne 2": "confirmed",
            "Personne 3": "waitlist",
            "Personne 4": "waitlist",
        }
        assert [(m.to, m.subject, m.attachments) for m in mailoutbox] == [
            ([fourth.email], "[Relais] Liste d'attente : Intervision gouvernance", [])
        ]
        page = client.get(small_event.public_path).content.decode()
        assert "Vous êtes sur la liste d'attente (position 2)." in page
        assert '<span class="places">2 / 2 places</span>' in page
        assert LINK not in page  # a place on the list is not a place

    @pytest.mark.django_db
    def test_cancelling_a_place_promotes_first_on_waitlist(
        self, client, small_event, make_people, mailoutbox, django_capture_on_commit_callbacks
    ):
        first, second, third, fourth = make_people(4)
        for person in (first, second, third, fourth):
            registrations.register(user=person, event=small_event)
        mailoutbox.clear()
        client.force_login(second)

        with django_capture_on_commit_callbacks(execute=True):
            client.post(unregister_url(small_event))

        assert statuses(small_event) == {
            "Personne 1": "confirmed",
            "Personne 2": "cancelled",
            "Personne 3": "confirmed",
            "Personne 4": "waitlist",
        }
        assert [(m.to, m.subject) for m in mailoutbox] == [
            ([third.email], "[Relais] Une place s'est libérée : Intervision gouvernance")
        ]
        (attachment,) = mailoutbox[0].attachments
        cal, _ = parse_ics(attachment[1].encode())
        assert str(vevents_of(cal)[0]["UID"]) == event_uid(small_event)
        assert list(Notification.objects.values_list("user", "message", "url")) == [
            (
                third.pk,
                "Une place s'est libérée : vous êtes inscrit·e à « Intervision gouvernance ».",
                "/agenda/intervision-gouvernance/",
            )
        ]
        client.force_login(fourth)
        page = client.get(small_event.public_path).content.decode()
        assert "Vous êtes sur la liste d'attente (position 1)." in page

    @pytest.mark.django_db
    def test_leaving_the_waitlist_promotes_nobody(self, small_event, make_people, mailoutbox):
        first, second, third = make_people(3)
        for person in (first, second, third):
            registrations.register(user=person, event=small_event)

        registrations.cancel(user=third, event=small_event)

        assert statuses(small_event) == {
            "Personne 1": "confirmed",
            "Personne 2": "confirmed",
            "Personne 3": "cancelled",
        }
        assert Notification.objects.count() == 0

    # --- Who may register: a visitor (the other cases below) --------------------------------

    @pytest.mark.django_db
    def test_anonymous_register_redirects_to_login(self, client, small_event):
        response = client.post(register_url(small_event))

        assert response.status_code == 302
        assert (
            response["Location"] == "/accounts/login/?next=%2Fagenda%2Fintervision-gouvernance%2F"
        )
        assert Registration.objects.count() == 0
        assert client.get(register_url(small_event)).status_code == 405


# --- The organiser's list and CSV --------------------------------------------------------------


def build_registered() -> dict:
    """`small_event` and three people on it: two places taken, one waiting, one who left."""
    rows = build_small_event()
    small_event, federation = rows["small_event"], rows["federation"]
    affiliated_org = OrganisationFactory(name="Coopérative du Bocage")
    AffiliationFactory(organisation=affiliated_org, federation=federation)
    alice = MembershipFactory(
        organisation=affiliated_org,
        user__display_name="Alice Dupont",
        user__email="alice@example.org",
    ).user
    MembershipFactory(user=alice, organisation=OrganisationFactory(name="Épicerie Sociale"))
    MembershipFactory(user=alice, organisation=OrganisationFactory(name="En Attente"), pending=True)
    formula = UserFactory(display_name='=HYPERLINK("http://evil.example")', email="eve@example.org")
    waiting = UserFactory(display_name="Zoé Attente", email="zoe@example.org")
    gone = UserFactory(display_name="Parti", email="parti@example.org")
    for person in (alice, gone, formula, waiting):
        registrations.register(user=person, event=small_event)
    registrations.cancel(user=gone, event=small_event)
    return {**rows, "registered": {"alice": alice, "formula": formula, "waiting": waiting}}


# The tests of `TestTheOrganisersList` read the same registrations: built once for the
# class (tests/shared.py).
_registered = built_once_per_class(build_registered)


def local(moment: dt.datetime) -> str:
    return moment.astimezone(zoneinfo.ZoneInfo("Europe/Brussels")).strftime("%Y-%m-%d %H:%M")


class TestTheOrganisersList:
    """The organiser's list and its CSV, on `small_event` and its registrations built once
    for the class; `federation`, its organiser, is of the same rows."""

    @pytest.fixture
    def rows(self, _registered, db):
        return _registered.copy()

    @pytest.fixture
    def small_event(self, rows):
        return rows["small_event"]

    @pytest.fixture
    def federation(self, rows):
        return rows["federation"]

    @pytest.fixture
    def registered(self, rows):
        """Three people on `small_event`: two places taken, one waiting, one who left."""
        return rows["registered"]

    @pytest.mark.django_db
    def test_registration_list_for_organiser_admin(
        self, client, small_event, registered, federation_admin
    ):
        client.force_login(federation_admin)

        response = client.get(f"/agenda/{small_event.slug}/inscriptions/")

        assert response.status_code == 200
        assert [r.user.display_name for r in response.context["confirmed"]] == [
            "Alice Dupont",
            '=HYPERLINK("http://evil.example")',
        ]
        assert [r.user.display_name for r in response.context["waiting"]] == ["Zoé Attente"]
        html = response.content.decode()
        assert "2 / 2 places" in html
        assert "Parti" not in html
        # On a phone the table scrolls in its own box (named by its heading), not the page.
        assert (
            '<div class="table-scroll" role="region" aria-labelledby="confirmed-title" '
            'tabindex="0">\n<table class="table">'
        ) in html

    @pytest.mark.django_db
    def test_registration_csv_exact_rows_bom_and_formula_guard(
        self, client, small_event, registered, federation_admin
    ):
        client.force_login(federation_admin)

        response = client.get(f"/agenda/{small_event.slug}/inscriptions.csv")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert (
            response["Content-Disposition"]
            == 'attachment; filename="inscriptions-intervision-gouvernance.csv"'
        )
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        when = {
            r.user.email: local(r.queued_at)
            for r in Registration.objects.filter(event=small_event).select_related("user")
        }
        assert text[1:].split("\r\n") == [
            "Nom,E-mail,Organisations,Statut,Depuis le",
            'Alice Dupont,alice@example.org,"Coopérative du Bocage, Épicerie Sociale",inscrit·e,'
            + when["alice@example.org"],
            f'"\'=HYPERLINK(""http://evil.example"")",eve@example.org,,inscrit·e,{when["eve@example.org"]}',
            f"Zoé Attente,zoe@example.org,,en liste d'attente,{when['zoe@example.org']}",
            "",
        ]

    @pytest.mark.django_db
    @pytest.mark.parametrize("path", ["inscriptions/", "inscriptions.csv"])
    def test_registration_list_and_csv_only_for_organiser_admins(
        self, client, small_event, registered, federation, organisation, org_admin, path
    ):
        url = f"/agenda/{small_event.slug}/{path}"
        plain_member = MembershipFactory(organisation=federation).user
        for person in (plain_member, org_admin, registered["alice"]):
            client.force_login(person)
            assert client.get(url).status_code == 403
        client.logout()
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
