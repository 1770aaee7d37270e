"""Site-wide tests reach across apps: they use the page trees and people of the practices
and calendar tests, and `whole_site` (one of everything a page of Relais shows) for the tests
that walk every address (hostile parameters, HTML validity)."""

import uuid

import pytest

from events.models import CalendarPage
from programmes.models import ProgrammeIndexPage
from rooms.services import creation, posting
from stories.models import StoryIndexPage
from tests.diagnostic.fixtures import answered_diagnostic
from tests.events.conftest import affiliated_org, calendar_page, future, publish_event  # noqa: F401
from tests.factories import FederationFactory, MembershipFactory, OrganisationFactory
from tests.practices.conftest import (  # noqa: F401
    editor,
    home_page,
    member_org,
    member_with_org,
    practice_index,
    sheet_data,
    tools,
)
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.programmes.conftest import publish_programme
from tests.stories.conftest import publish_story


@pytest.fixture
def whole_site(db):
    """One of everything a list shows, and a signed-in member of an EES."""
    return build_whole_site()


def build_whole_site():
    """`whole_site`'s rows, for a module that builds them once (tests/shared.py)."""
    home = build_home()
    index = build_index()
    federation = FederationFactory(name="Fédération des Coopératives")
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    member = MembershipFactory(organisation=organisation, admin=True).user
    tool, *others = [make_tool(name) for name in ("Nextcloud", "Dolibarr", "Signal")]
    sheet = make_sheet(
        index, title="Un cloud pour l'équipe", tools=[tool, *others], organisation=organisation
    )

    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    event = publish_event(calendar, organisers=[federation, organisation], start=future(days=5))
    room = creation.create_theme_room(
        title="Numérique et bénévolat", description="Outils pour les équipes bénévoles."
    )
    posting.post_message(user=member, room=room, body="Bonjour", client_id=str(uuid.uuid4()))
    support = home.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    programme = publish_programme(
        support, title="Chèque coaching numérique", legal_forms=["cooperative"]
    )
    told = home.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    story = publish_story(
        told, title="Un cloud pour l'équipe, deux ans après", programmes=[programme]
    )
    diagnostic = answered_diagnostic(organisation, member)
    names = {
        "diagnostic": diagnostic.pk,
        "federation": federation.slug,
        "story": story.slug,
        "programme": programme.slug,
        "sheet": sheet.slug,
        "sheet_id": sheet.pk,
        "tool": tool.slug,
        "event": event.slug,
        "organisation": organisation.slug,
        "room": room.slug,
    }
    return member, names
