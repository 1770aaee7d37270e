"""A small Relais where every text a person can type holds a hostile payload, typed
through the same forms and services people use (tests/hostile/test_stored_text.py).

Short fields take one payload each, a different one per field and per round; long fields
take the whole corpus at once. A payload a form refuses (a NUL, an invisible character in
a name) is refused with a message: the next one is tried, and `refused` keeps what was said.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.core import mail
from django.test import Client, TestCase

from community.models import Membership, Organisation, User
from events.models import EventPage
from events.services import registrations
from intervisions import services as intervisions
from practices.models import PracticeSheetPage, SheetDraft
from practices.questions import SheetQuestion
from practices.services.submission import submit_draft
from rooms.models import Room
from tests.diagnostic.fixtures import answered_diagnostic
from tests.events.conftest import future
from tests.factories import MembershipFactory, UserFactory
from tests.intervisions.conftest import build_group
from tests.practices.conftest import build_home_page, build_practice_index, make_tools

from .corpus import LONG, PAYLOADS, fitting

ALL = "\n\n".join(PAYLOADS)
# An address a URL field accepts that still carries markup.
URL = "https://visio.example/salle?x=\"><script>window.__xss=90</script>&y='onmouseover=__xss"


@dataclass
class World:
    round: int
    people: dict[str, User] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    stored: dict[str, str] = field(default_factory=dict)
    refused: list[tuple[str, str, int]] = field(default_factory=list)
    # The emails the build sent, as bytes (the test's outbox is emptied before each test).
    emails: list[bytes] = field(default_factory=list)
    next: int = 0

    def payload(self, max_length: int) -> str:
        """A different fitting payload at each call."""
        found = fitting(max_length)
        self.next += 1
        return found[(self.next * 7 + self.round * 31) % len(found)]

    def client(self, user: User) -> Client:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return client

    def post_until_stored(self, label, client, url, data_for, max_length, *, redirects=True):
        """POST `data_for(payload)` with payloads until one is stored (a redirect)."""
        for _attempt in range(12):
            payload = self.payload(max_length)
            response = client.post(url, data_for(payload))
            assert response.status_code < 500, (label, payload, response.status_code)
            if response.status_code == 302 or not redirects:
                self.stored[label] = payload
                return response
            self.refused.append((label, payload, response.status_code))
            form = (response.context or {}).get("form") if response.context else None
            last = dict(form.errors) if form is not None else response.content[:300]
        raise AssertionError(f"{label}: no payload was stored ({last})")


def build(round_: int) -> World:
    # The shared rows' transaction never commits: run what waits for a commit (emails,
    # notifications, broadcasts) as it is registered.
    with TestCase.captureOnCommitCallbacks(execute=True):
        world = _build(round_)
    world.emails = [message.message().as_bytes() for message in mail.outbox]
    return world


def _build(round_: int) -> World:
    world = World(round=round_)
    home = build_home_page()
    index = build_practice_index(home)
    tools = make_tools()
    group = build_group(_calendar(home))
    fred, anna = group.fred, group.anna
    world.people.update(fred=fred, anna=anna, bruno=group.bruno)

    # --- Profiles: name and bio -----------------------------------------------------------
    for name in ("anna", "bruno", "fred"):
        person = world.people[name]
        world.post_until_stored(
            f"{name}.display_name",
            world.client(person),
            "/moi/profil/",
            lambda p, person=person: {
                "display_name": p,
                "bio": ALL[:600],
                "preferred_language": "fr",
                "time_zone": "Europe/Brussels",
            },
            60,
        )
        person.refresh_from_db()

    # --- An organisation, created by a member through the form --------------------------
    creator = UserFactory(display_name="Cora Créatrice")
    world.people["cora"] = creator
    response = world.post_until_stored(
        "organisation.name",
        world.client(creator),
        "/organisations/creer/",
        lambda p: {
            "name": p,
            "kind": "ees",
            "legal_form": "association",
            "city": world.payload(120),
            "staff_size": "",
            "volunteers": "",
            "website": URL,
            "description": ALL[:3000],
            "contact_email": "contact@example.org",
            "contact_phone": world.payload(40),
        },
        160,
    )
    organisation = Organisation.objects.get(memberships__user=creator)
    world.paths["organisation"] = response["Location"]

    # --- A join request, with its message (the admin is emailed) -------------------------
    joiner = MembershipFactory(organisation=group.epicerie).user
    world.post_until_stored(
        "join.message",
        world.client(joiner),
        f"/organisations/{organisation.slug}/rejoindre/",
        lambda p: {"message": p},
        500,
    )
    assert Membership.objects.filter(user=joiner, organisation=organisation).exists()

    # --- An event announced by a federation manager (published at once) ------------------
    calendar = group.event.get_parent()
    response = world.post_until_stored(
        "event.title",
        world.client(fred),
        "/agenda/annoncer/",
        lambda p: {
            "title": p,
            "kind": "workshop",
            "organisers": [group.federation.pk],
            "summary": world.payload(300),
            "date": future(days=20).date().isoformat(),
            "start_time": "14:00",
            "end_time": "16:00",
            "time_zone": "Europe/Brussels",
            "repeat": "none",
            "venue": world.payload(500),
            "online_url": URL,
            "capacity": "",
            "audience": "open",
            "description": ALL[:10000],
        },
        200,
    )
    event = EventPage.objects.live().exclude(pk=group.event.pk).get()
    assert event.get_parent().pk == calendar.pk
    registrations.register(user=anna, event=event)
    world.paths["event"] = event.url

    # --- A sheet, through the wizard's service, then published ---------------------------
    MembershipFactory(organisation=organisation, user=anna)
    sheet = _sheet(world, index, tools, anna, organisation)
    world.paths["sheet"] = sheet.url

    # --- A question to the sheet's authors, an adoption report ---------------------------
    world.post_until_stored(
        "question.text",
        world.client(group.bruno),
        f"{sheet.url}question/",
        lambda p: {"question-text": p},
        2000,
    )
    world.post_until_stored(
        "adoption.comment",
        world.client(group.bruno),
        f"{sheet.url}adoption/",
        lambda p: {
            "adoption-organisation": group.epicerie.pk,
            "adoption-outcome": "adopted",
            "adoption-comment": p,
        },
        500,
    )

    question = SheetQuestion.objects.get(sheet=sheet)
    world.paths["question"] = f"{sheet.url}questions/{question.pk}/"

    # --- A diagnostic of the hostile-named organisation (its plan as a PDF) -------------
    diagnostic = answered_diagnostic(organisation, creator)
    world.paths["plan"] = f"/diagnostic/{diagnostic.pk}/plan/"

    # --- Room messages (Markdown), through the page's form --------------------------------
    room = Room.objects.get(page=event)
    for n in range(3):
        world.post_until_stored(
            f"message.{n}",
            world.client(anna),
            f"/salons/{room.slug}/envoyer/",
            lambda p: {"body": p, "client_id": str(uuid.uuid4())},
            4000,
        )
    world.post_until_stored(
        "message.long",
        world.client(anna),
        f"/salons/{room.slug}/envoyer/",
        lambda _p: {"body": ALL[:4000], "client_id": str(uuid.uuid4())},
        4000,
    )
    world.paths["room"] = f"/salons/{room.slug}/"

    # --- An intervision's harvest --------------------------------------------------------
    session = intervisions.start_session(user=fred, intervision=group.intervision)
    for n, part in enumerate(["tips", "difficulties", "why"]):
        text = world.payload(200)
        intervisions.propose(
            user=anna, session=session, part=part, text=text, client_id=str(uuid.uuid4())
        )
        world.stored[f"harvest.{n}"] = text
    world.paths["intervision_room"] = f"/salons/{group.room.slug}/"
    world.paths["prepare"] = f"/intervisions/{group.event.pk}/preparer/"
    world.paths["affiliation"] = f"/organisations/{organisation.slug}/affiliation/"
    world.paths["federation_id"] = str(group.federation.pk)
    world.paths["intervision_event"] = group.event.url
    world.paths["federation"] = group.federation.get_absolute_url()
    world.paths["anna"] = f"/personnes/{anna.pk}/"
    return world


def _calendar(home):
    from events.models import CalendarPage  # noqa: PLC0415

    return home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))


def _sheet(world: World, index, tools, author: User, organisation) -> PracticeSheetPage:
    """Through the wizard's service; its forms refuse a NUL (tests/hostile/test_forms_fuzz
    posts them), so the draft here holds none."""

    def p(max_length):
        return world.payload(max_length).replace("\0", "")

    def items():
        return [{"title": p(150), "text": p(1200)} for _n in range(3)]

    data = {
        "title": p(255),
        "summary": p(500),
        "sectors": [],
        "region": None,
        "organisation_size": "10-49",
        "duration": p(100),
        "budget": p(100),
        "funding": p(300),
        "themes": [],
        "dimensions": ["processes"],
        "why": LONG[:6000].replace("\0", ""),
        "difficulties": items(),
        "tips": items(),
        "phases": items(),
        "tools": [
            {
                "tool": tool.pk,
                "new_name": "",
                "new_website": "",
                "new_licence": "",
                "usage": p(1000),
            }
            for tool in tools
        ],
        "keywords": [p(40), p(40), p(40)],
        "results": ALL[:6000].replace("\0", ""),
        "social_impact": p(6000),
    }
    draft = SheetDraft.objects.create(author=author, organisation=organisation, data=data)
    sheet = submit_draft(draft=draft, user=author)
    sheet.get_latest_revision().publish()
    sheet = PracticeSheetPage.objects.get(pk=sheet.pk)
    assert sheet.live
    world.stored["sheet.title"] = data["title"]
    return sheet
