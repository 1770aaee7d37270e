"""A federation's dashboard counts its members' messages in public rooms only (themes and
pages open to all) and in the federation's own room: never in a member organisation's
private room, a private conversation, a room kept for its group (an intervision's) nor a
room under the Chatham House rule."""

from __future__ import annotations

import pytest
from django.utils.text import slugify
from wagtail.models import Page

from community.models import Affiliation, Membership
from diagnostic.federation import dashboard
from rooms.services import confidence, creation
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.rooms.conftest import say

pytestmark = pytest.mark.django_db


def page_titled(title: str) -> Page:
    """A page of the site (an intervision's event or a sheet, for the room)."""
    root = Page.get_first_root_node()
    return root.add_child(instance=Page(title=title, slug=slugify(title)))


def test_only_public_rooms_and_the_federations_own_are_counted():
    federation = FederationFactory(name="Fédération des Jardins")
    member = OrganisationFactory(name="Jardin du Nord")
    AffiliationFactory(organisation=member, federation=federation, status=Affiliation.Status.ACTIVE)
    lea = UserFactory(display_name="Léa Jardin")
    MembershipFactory(user=lea, organisation=member, status=Membership.Status.ACTIVE)
    elsewhere = UserFactory(display_name="Paul Ailleurs")

    theme = creation.create_theme_room(title="Numérique et jardins")
    page = creation.ensure_page_room(page_titled("Une fiche"))
    own = creation.organisation_room(federation)
    private = creation.organisation_room(member)
    conversation = creation.direct_room(lea, elsewhere)
    chatham = creation.create_theme_room(title="Parler librement")
    confidence.set_confidence(room=chatham, chatham_house=True, retention_days=None)
    group = creation.ensure_page_room(page_titled("Intervision compost"), organisation=federation)
    confidence.set_roster(room=group, user_ids=[lea.pk])
    for room in (theme, page, own, private, conversation, chatham, group):
        say(lea, room, body="Bonjour")

    seen = dashboard(federation, since=None)

    assert [(row.organisation.name, row.messages) for row in seen.members] == [
        ("Jardin du Nord", 3)
    ]
    assert sorted(bar.label for bar in seen.rooms["bars"]) == [
        "Fédération des Jardins",
        "Numérique et jardins",
        "Une fiche",
    ]
    by_month = next(chart for chart in seen.months if chart["label"] == "Messages dans les salons")
    assert sum(bar.value for bar in by_month["bars"]) == 3
