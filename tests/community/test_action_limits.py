"""Every action that creates something or makes Relais send email is limited per person and,
loosely, per address, with a clear message (issue 16; `community/services/limits.py`,
numbers in `settings.RELAIS["ACTION_LIMITS"]`). One table: each action's service, called
by someone who may do it, is refused once its limit is reached, with the exact words."""

from __future__ import annotations

import pytest

from community.models import Organisation
from community.services import limits
from community.services import organisations as org_services
from diagnostic import services as diagnostic_services
from events.models import CalendarPage
from events.services import feeds, publishing, registrations
from practices.models import SheetDraft
from practices.services import submission
from programmes import services as programme_services
from programmes.models import ProgrammeIndexPage
from rooms.services import creation
from tests.diagnostic.fixtures import build_questionnaire
from tests.events.conftest import publish_event
from tests.factories import FederationFactory, MembershipFactory, OrganisationFactory, UserFactory
from tests.practices.conftest import (
    build_home_page,
    build_practice_index,
    make_tools,
    sheet_data_with,
)
from tests.programmes.conftest import publish_programme

pytestmark = pytest.mark.django_db


def organisation(user):
    org_services.create_organisation(
        user=user,
        kind=Organisation.Kind.EES,
        name=f"Asso {UserFactory._meta.model.objects.count()}",
    )


def affiliation(user):
    admin = MembershipFactory(admin=True).user if user is None else user
    own = admin.memberships.get().organisation
    org_services.request_affiliation(actor=admin, organisation=own, federation=FederationFactory())


def conversation(user):
    creation.start_direct_conversation(user=user, other=MembershipFactory().user)


def draft(user):
    submission.start_draft(user=user)


def sheet(user):
    index = build_practice_index(build_home_page())
    organisation = user.memberships.get().organisation
    made = SheetDraft.objects.create(
        author=user, organisation=organisation, data=sheet_data_with(make_tools())()
    )
    assert index.pk
    submission.submit_draft(draft=made, user=user)


def event(user):
    calendar = build_home_page().add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    assert calendar.pk
    publishing.announce(user=user, organisers=[])


def registration(user):
    calendar = build_home_page().add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    happening = publish_event(calendar, organisers=[OrganisationFactory()], title="Atelier")
    registrations.register(user=user, event=happening)


def follow(user):
    index = build_home_page().add_child(
        instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens")
    )
    programme_services.follow(user=user, programme=publish_programme(index, title="Aide"))


def calendar(user):
    feeds.renew_private_feed(user=user)


def diagnostic(user):
    build_questionnaire()
    organisation = user.memberships.get().organisation
    diagnostic_services.start(organisation=organisation, user=user, role="staff")


ACTIONS = {
    "organisation": (
        organisation,
        "Trop de créations d'organisation en peu de temps : réessayez demain.",
    ),
    "affiliation": (
        affiliation,
        "Trop de demandes d'affiliation en peu de temps : réessayez demain.",
    ),
    "conversation": (
        conversation,
        "Trop de conversations privées ouvertes en peu de temps : réessayez dans une heure.",
    ),
    "draft": (draft, "Trop de fiches commencées en peu de temps : réessayez demain."),
    "sheet": (sheet, "Trop de fiches envoyées à la relecture en peu de temps : réessayez demain."),
    "event": (event, "Trop d'évènements proposés en peu de temps : réessayez demain."),
    "registration": (
        registration,
        "Trop d'inscriptions en peu de temps : réessayez dans une heure.",
    ),
    "follow": (follow, "Trop de programmes suivis en peu de temps : réessayez dans une heure."),
    "calendar": (
        calendar,
        "Trop de nouvelles adresses d'agenda en peu de temps : réessayez dans une heure.",
    ),
    "diagnostic": (diagnostic, "Trop de diagnostics commencés en peu de temps : réessayez demain."),
}


def limit(settings, action, *, per_person, per_address=100):
    window = settings.RELAIS["ACTION_LIMITS"][action][2]
    settings.RELAIS = {
        **settings.RELAIS,
        "ACTION_LIMITS": {
            **settings.RELAIS["ACTION_LIMITS"],
            action: (per_person, per_address, window),
        },
    }


def test_every_action_is_in_the_table(settings):
    assert set(settings.RELAIS["ACTION_LIMITS"]) == set(ACTIONS) == set(limits.WHAT)


@pytest.mark.parametrize("action", ACTIONS)
def test_an_action_beyond_its_limit_is_refused_with_its_words(action, settings):
    do, words = ACTIONS[action]
    person = MembershipFactory(admin=True).user
    limit(settings, action, per_person=0)
    with pytest.raises(limits.LimitReached) as refused:
        do(person)
    assert refused.value.message == words


def test_the_address_counts_loosely_across_people(settings):
    limit(settings, "calendar", per_person=5, per_address=2)
    people = [UserFactory() for _ in range(3)]
    token = limits.client_address.set("203.0.113.7")
    try:
        feeds.renew_private_feed(user=people[0])
        feeds.renew_private_feed(user=people[1])
        with pytest.raises(limits.LimitReached):
            feeds.renew_private_feed(user=people[2])
    finally:
        limits.client_address.reset(token)
    # Elsewhere, the third person is not refused.
    feeds.renew_private_feed(user=people[2])


def test_pages_refuse_clearly_in_the_persons_language(client, settings, messages_of):
    """Through the pages: the refusal is a message on the next page, never a 500, in the
    person's own language; the per-address count is the client's address."""
    limit(settings, "calendar", per_person=1)
    person = UserFactory(preferred_language="en")
    client.force_login(person)
    first = client.post("/agenda/prive/nouveau/")
    assert first.status_code == 302
    again = client.post("/agenda/prive/nouveau/")
    assert again.status_code == 302
    assert messages_of(again)[-1] == (
        "Too many new calendar addresses in a short time: try again in an hour."
    )
    limit(settings, "calendar", per_person=10, per_address=0)
    other = UserFactory()
    client.force_login(other)
    refused = client.post("/agenda/prive/nouveau/", REMOTE_ADDR="198.51.100.4")
    assert messages_of(refused)[-1].startswith("Trop de nouvelles adresses d'agenda")


def test_the_demo_seeder_is_not_limited(settings):
    limit(settings, "calendar", per_person=0, per_address=0)
    person = UserFactory()
    with limits.suspended():
        assert feeds.renew_private_feed(user=person) is True
