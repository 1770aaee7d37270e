"""An intervision ready to run: a federation organises it (Fred, its admin, facilitates),
Anna and Bruno are registered from two organisations, Olga is a member elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from community.models import Organisation, User
from events.models import EventPage
from events.services import registrations
from intervisions import services
from intervisions.models import Intervision
from rooms.models import Room
from tests.events.conftest import calendar_page, home_page, publish_event  # noqa: F401
from tests.factories import FederationFactory, MembershipFactory, OrganisationFactory
from tests.practices.conftest import practice_index  # noqa: F401


@dataclass
class Group:
    event: EventPage
    intervision: Intervision
    room: Room
    fred: User
    anna: User
    bruno: User
    olga: User
    federation: Organisation
    ressourcerie: Organisation
    epicerie: Organisation


def prepared_intervision(
    calendar, federation, *, facilitator, registered, chatham_house, retention_days=30
) -> tuple[EventPage, Intervision]:
    """An intervision of `federation` with `registered` registered, prepared by
    `facilitator` with the case protocol."""
    event = publish_event(
        calendar, organisers=[federation], title="Intervision inventaire", kind="intervision"
    )
    for person in registered:
        registrations.register(user=person, event=event)
    intervision = services.prepare(
        user=facilitator,
        event=event,
        facilitator=facilitator,
        protocol="case",
        minutes=None,
        chatham_house=chatham_house,
        retention_days=retention_days,
    )
    return event, intervision


def build_group(calendar, *, chatham_house=True, retention_days=30) -> Group:
    federation = FederationFactory(name="Fédération des Lucioles")
    ressourcerie = OrganisationFactory(name="La Ressourcerie du Val")
    epicerie = OrganisationFactory(name="L'Épicerie des Saules")
    fred = MembershipFactory(
        organisation=federation, admin=True, user__display_name="Fred Fédé"
    ).user
    anna = MembershipFactory(organisation=ressourcerie, user__display_name="Anna Lambert").user
    bruno = MembershipFactory(organisation=epicerie, user__display_name="Bruno Martin").user
    olga = MembershipFactory(
        organisation=OrganisationFactory(name="Ailleurs asbl"), user__display_name="Olga Autre"
    ).user
    event, intervision = prepared_intervision(
        calendar,
        federation,
        facilitator=fred,
        registered=(anna, bruno),
        chatham_house=chatham_house,
        retention_days=retention_days,
    )
    return Group(
        event=event,
        intervision=intervision,
        room=services.room_of(intervision),
        fred=fred,
        anna=anna,
        bruno=bruno,
        olga=olga,
        federation=federation,
        ressourcerie=ressourcerie,
        epicerie=epicerie,
    )


@pytest.fixture
def group(calendar_page, practice_index):  # noqa: F811
    """The group, with the library of sheets (where its draft sheet goes)."""
    return build_group(calendar_page)
