"""What the tests of questions to a sheet's authors share (tests/practices/test_questions.py
and test_question_answers.py): the page tree (/pratiques/ and /agenda/), the sheet at
SHEET_URL, its author, a colleague, an asker and an outsider; fixtures test modules make
visible by assignment, and a few helpers.

Each of those modules builds the rows once for itself (tests/shared.py) and has every test
ask for them:

    _people_and_sheet = built_once_per_module(build_people_and_sheet)
    pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("people_and_sheet")]
"""

from __future__ import annotations

import pytest

from community.models import Notification
from events.models import CalendarPage
from practices.services import questions
from tests.factories import MembershipFactory, OrganisationFactory
from tests.practices.conftest import build_home_page, build_practice_index
from tests.practices.fixtures_listing import make_sheet, make_tool

QUESTION = "Comment avez-vous formé l'équipe ?\nEt combien de temps cela a-t-il pris ?"
ASKER_EMAIL = "marc.secret@example.org"
AUTHOR_EMAIL = "ana.secret@example.org"
TITLE = "Un dossier de soins partagé"
SHEET_URL = "/pratiques/dossier-de-soins/"
ASK_URL = SHEET_URL + "question/"


def _sheet(index, organisation, *, authors, title=TITLE, slug="dossier-de-soins"):
    tools = [make_tool(name) for name in (f"{slug} A", f"{slug} B", f"{slug} C")]
    sheet = make_sheet(index, title=title, slug=slug, organisation=organisation, tools=tools)
    sheet.authors.set(authors)
    sheet.save()
    return sheet


def build_people_and_sheet() -> dict:
    """The page tree (/pratiques/ and /agenda/), the sheet at SHEET_URL and its people."""
    home = build_home_page()
    author_org = OrganisationFactory(name="Aide et Soins Namur")
    author = MembershipFactory(
        organisation=author_org, user__display_name="Ana Autrice", user__email=AUTHOR_EMAIL
    ).user
    practice_index = build_practice_index(home)
    return {
        "practice_index": practice_index,
        # /agenda/, beside /pratiques/ (as `tests/events/conftest.calendar_page`).
        "calendar": home.add_child(instance=CalendarPage(title="Agenda", slug="agenda")),
        "author_org": author_org,
        # The sheet's author, a member of its organisation.
        "author": author,
        # A member of the sheet's organisation who did not write it.
        "colleague": MembershipFactory(
            organisation=author_org, user__display_name="Paul Collègue"
        ).user,
        # A member of another organisation, who asks.
        "asker": MembershipFactory(
            user__display_name="Marc Questionneur", user__email=ASKER_EMAIL
        ).user,
        # A member of a third organisation, neither asker nor author.
        "outsider": MembershipFactory(user__display_name="Olga Autre").user,
        "sheet": _sheet(practice_index, author_org, authors=[author]),
    }


@pytest.fixture
def people_and_sheet(_people_and_sheet, db) -> dict:
    """A copy of the rows the module built once (`_people_and_sheet`)."""
    return _people_and_sheet.copy()


@pytest.fixture
def practice_index(people_and_sheet):
    return people_and_sheet["practice_index"]


@pytest.fixture
def calendar(people_and_sheet):
    return people_and_sheet["calendar"]


@pytest.fixture
def author_org(people_and_sheet):
    return people_and_sheet["author_org"]


@pytest.fixture
def author(people_and_sheet):
    return people_and_sheet["author"]


@pytest.fixture
def colleague(people_and_sheet):
    return people_and_sheet["colleague"]


@pytest.fixture
def asker(people_and_sheet):
    return people_and_sheet["asker"]


@pytest.fixture
def outsider(people_and_sheet):
    return people_and_sheet["outsider"]


@pytest.fixture
def sheet(people_and_sheet):
    return people_and_sheet["sheet"]


@pytest.fixture
def question(sheet, asker):
    return questions.ask(user=asker, sheet=sheet, text=QUESTION)


def question_page(question) -> str:
    return f"/pratiques/{question.sheet.slug}/questions/{question.pk}/"


def notifications_of(person) -> list[tuple[str, str, str, str]]:
    return [
        (n.kind, n.message, n.url, n.about_key)
        for n in Notification.objects.filter(user=person).order_by("pk")
    ]
