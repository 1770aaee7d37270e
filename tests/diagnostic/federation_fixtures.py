"""A federation and `size` member organisations, each with a member who registered to
the federation's event and to another, talked in a public room and in a private one,
adopted a sheet; the first `diagnosed` of them have a diagnostic; one more organisation
waits for its affiliation to be accepted."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from community.models import Affiliation, Membership
from events.models import CalendarPage, Registration
from practices.models import Adoption
from rooms.services import creation
from tests.diagnostic.fixtures import build_questionnaire, diagnose
from tests.events.conftest import publish_event
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.rooms.conftest import say


def build_federation(size: int, diagnosed: int) -> dict:
    build_questionnaire()
    home = build_home()
    library = build_index()
    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    federation = FederationFactory(name="Fédération des Jardins")
    manager = UserFactory(display_name="Camille Dubois")
    MembershipFactory(
        user=manager,
        organisation=federation,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
    )
    elsewhere = OrganisationFactory(name="Ailleurs")
    ours = publish_event(calendar, organisers=[federation], title="Notre intervision")
    theirs = publish_event(calendar, organisers=[elsewhere], title="Leur atelier")
    tools = [make_tool(name) for name in ("Nextcloud", "Restic", "KeePassXC")]
    shared = make_sheet(library, title="Une fiche à adopter", tools=tools, organisation=elsewhere)
    public = creation.create_theme_room(title="Numérique et jardins")
    members = []
    for n in range(size):
        member = OrganisationFactory(name=f"Jardin {n:02d}")
        AffiliationFactory(
            organisation=member, federation=federation, status=Affiliation.Status.ACTIVE
        )
        person = UserFactory()
        MembershipFactory(user=person, organisation=member, status=Membership.Status.ACTIVE)
        Registration.objects.create(event=ours, user=person, status="confirmed")
        Registration.objects.create(event=theirs, user=person, status="confirmed")
        say(person, public, body="Bonjour à toutes et à tous")
        Adoption.objects.create(
            sheet=shared, organisation=member, author=person, outcome=Adoption.Outcome.WORKED
        )
        if n < diagnosed:
            diagnose(member, {"sauvegardes": 1}, when=timezone.now() - dt.timedelta(days=40))
        members.append(member)
    # One old sheet: outside the last 90 days, inside the last 12 months.
    make_sheet(
        library,
        title="Notre compost connecté",
        tools=tools,
        organisation=members[0],
        published_at=timezone.now() - dt.timedelta(days=200),
    )
    waiting = OrganisationFactory(name="Jardin en attente")
    AffiliationFactory(
        organisation=waiting, federation=federation, status=Affiliation.Status.PENDING
    )
    return {
        "federation": federation,
        "manager": manager,
        "members": members,
        "diagnosed": diagnosed,
    }
