"""Any value in any field of every form a person submits: never a server error, and a
refusal is said. Hypothesis draws the values (text of any script, NUL and control
characters, huge strings, lists where one value is expected, empty); each form starts from
a valid submission and has some of its fields replaced.

What counts as "said": a page shown again (200 or 4xx) holds an error message (Django's
`errorlist`, or the site's alert/flash message); a redirect queued a flash message or went
where a success goes. A redirect with no message to a page other than the form's success
is a silent refusal."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from community.models import Organisation
from events.models import EventPage
from practices.models import PracticeSheetPage, SheetDraft
from rooms.models import Room
from tests.diagnostic.fixtures import answered_diagnostic
from tests.events.conftest import future
from tests.factories import UserFactory
from tests.factories.community import PASSWORD
from tests.refusal_page import refusal_of
from tests.shared import built_once_per_module
from website.models import AccountDeletion

from .corpus import LONG, PAYLOADS
from .world import build

pytestmark = pytest.mark.django_db

_world = built_once_per_module(build, params=[0])


@pytest.fixture
def world(_world, db):
    return _world.copy()


# One value of a field: any text, a payload of the corpus, a huge one, empty, or several
# values where the form expects one (a list travels as repeated fields).
one_value = st.one_of(
    st.text(max_size=300),
    st.sampled_from(PAYLOADS),
    st.just(LONG),
    st.just(""),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["0", "-1", "1e309", "NaN", "2026-02-30", "25:61", "\x00", "true", "[]"]),
)
field_value = st.one_of(one_value, st.lists(one_value, min_size=2, max_size=3))


def _targets(world) -> dict:
    """Form → (its address, who posts, a valid submission)."""
    people = world.people
    people["mona"] = _moderator()
    # Their own accounts for the forms about an account (see FRESH).
    people["dora"] = UserFactory(display_name="Dora Départ", email="dora@example.org")
    people["sam"] = UserFactory(display_name="Sam Connecté", email="sam@example.org")
    people["paul"] = UserFactory(display_name="Paul Secret", email="paul@example.org")
    organisation = world.paths["organisation"]
    sheet = PracticeSheetPage.objects.live().get()
    room = Room.objects.get(slug=world.paths["room"].split("/")[2])
    event = EventPage.objects.get(url_path__endswith=world.paths["event"].split("/")[2] + "/")
    draft = SheetDraft.objects.create(
        author=people["anna"], organisation=sheet.organisation, data={}
    )
    cora_org = Organisation.objects.get(memberships__user=people["cora"])
    diagnostic = answered_diagnostic(cora_org, people["cora"])
    targets = {
        "profile": (
            "/moi/profil/",
            "anna",
            {"display_name": "Anna", "bio": "", "preferred_language": "fr", "time_zone": "UTC"},
        ),
        "organisation_create": (
            "/organisations/creer/",
            "cora",
            {"name": "Nouvelle asbl", "kind": "ees", "legal_form": "association"},
        ),
        "organisation_edit": (
            f"{organisation}modifier/",
            "cora",
            {"name": "Autre nom", "legal_form": "association", "description": "Texte"},
        ),
        "join_request": (f"{organisation}rejoindre/", "fred", {"message": "Bonjour"}),
        "notification_preferences": ("/moi/notifications/preferences/", "anna", {}),
        "event_announce": (
            "/agenda/annoncer/",
            "fred",
            {
                "title": "Atelier",
                "kind": "workshop",
                "organisers": [event.organisers.first().pk],
                "date": future(days=30).date().isoformat(),
                "start_time": "10:00",
                "end_time": "12:00",
                "time_zone": "Europe/Brussels",
                "repeat": "none",
                "audience": "open",
            },
        ),
        "event_edit": (f"{event.url}modifier/", "fred", {"title": "Atelier", "kind": "workshop"}),
        "room_post": (
            f"/salons/{room.slug}/envoyer/",
            "anna",
            {"body": "Bonjour", "client_id": str(uuid.uuid4())},
        ),
        "sheet_question": (f"{sheet.url}question/", "bruno", {"question-text": "Comment ?"}),
        "adoption": (
            f"{sheet.url}adoption/",
            "bruno",
            {"adoption-organisation": "1", "adoption-outcome": "adopted", "adoption-comment": ""},
        ),
        "wizard_context": (
            f"/pratiques/proposer/{draft.pk}/context/",
            "anna",
            {"title": "Fiche", "action": "next"},
        ),
        "wizard_items": (
            f"/pratiques/proposer/{draft.pk}/difficulties/",
            "anna",
            {"difficulties-1-title": "Titre", "difficulties-1-text": "Texte", "action": "next"},
        ),
        "wizard_tools": (f"/pratiques/proposer/{draft.pk}/tools/", "anna", {"action": "next"}),
        "wizard_keywords": (
            f"/pratiques/proposer/{draft.pk}/keywords/",
            "anna",
            {"keyword_1": "x", "action": "next"},
        ),
        "signup": (
            "/accounts/signup/",
            None,
            {
                "display_name": "Nouvelle",
                "email": "nouvelle@example.org",
                "password1": "un mot de passe long",
                "password2": "un mot de passe long",
            },
        ),
        "affiliation_request": (
            world.paths["affiliation"],
            "cora",
            {"federation": world.paths["federation_id"]},
        ),
        "message_edit": (f"/salons/{room.slug}/messages/1/edit/", "anna", {"body": "Corrigé"}),
        "message_report": (f"/salons/{room.slug}/messages/2/report/", "fred", {"reason": "Spam"}),
        "message_hide": (f"/salons/{room.slug}/messages/3/hide/", "mona", {"reason": "Hors sujet"}),
        "room_sanction": (
            f"/salons/{room.slug}/personnes/{people['bruno'].pk}/",
            "mona",
            {"kind": "mute", "reason": "Insultes"},
        ),
        "question_answer": (
            world.paths["question"],
            "anna",
            {"action": "room", "room-text": "Voici comment."},
        ),
        "intervision_prepare": (
            world.paths["prepare"],
            "fred",
            {"facilitator": str(people["fred"].pk), "protocol": "case", "minutes_1": "10"},
        ),
        "diagnostic_start": (
            "/diagnostic/commencer/",
            "cora",
            {"organisation": str(cora_org.pk), "role": "staff"},
        ),
        "diagnostic_invite": (
            f"/diagnostic/{diagnostic.pk}/inviter/",
            "cora",
            {"email": "a@example.org"},
        ),
        "diagnostic_action": (
            f"/diagnostic/{diagnostic.pk}/plan/ajouter/",
            "cora",
            {"reference": "x", "question": "y", "target_date": "2030-01-01"},
        ),
        "diagnostic_axis": (f"/diagnostic/{diagnostic.pk}/repondre/infrastructure/", "cora", {}),
        "account_delete": ("/moi/supprimer/", "dora", {"messages": "keep", "password": PASSWORD}),
        "sign_in": ("/accounts/login/", None, {"login": "sam@example.org", "password": PASSWORD}),
        "password_change": (
            "/accounts/password/change/",
            "paul",
            {
                "oldpassword": PASSWORD,
                "password1": "un nouveau mot de passe long",
                "password2": "un nouveau mot de passe long",
            },
        ),
    }
    return targets


# Forms whose success changes the account (signed out, signed in, a new password): each
# drawn submission starts again from the account as it was, with a client of its own, so
# that the next one is judged by the form and not by what the previous one did (nor by
# allauth's rate limits, counted in the cache, which their own tests prove).
FRESH = {"account_delete": "dora", "sign_in": "sam", "password_change": "paul"}


def _fresh_client(world, form: str, who: str | None) -> Client:
    person = world.people[FRESH[form]]
    person.set_password(PASSWORD)
    person.save(update_fields=["password"])
    AccountDeletion.objects.filter(user=person).delete()
    cache.clear()
    client = Client(raise_request_exception=False)
    if who:
        client.force_login(person)
    return client


def _moderator():
    """A member of the "Modérateurs" group (tests/rooms/conftest.py's `moderator`)."""
    group, _created = Group.objects.get_or_create(name="Modérateurs")
    group.permissions.add(Permission.objects.get(codename="moderate_rooms"))
    person = UserFactory(display_name="Mona Modé")
    person.groups.add(group)
    return person


ERROR_MARKERS = ("errorlist", 'role="alert"', "messages", "erreur", "error")


def _said(address, response) -> bool:
    """A refusal shows an error, or redirects with a message; a success moves on."""
    if response.status_code in (301, 302, 303):
        moved_on = response["Location"].split("?")[0] != address
        return moved_on or bool(list(get_messages(response.wsgi_request)))
    if response.status_code == 403:
        return bool(refusal_of(response).strip())
    text = response.content.decode(errors="replace")
    return any(marker in text for marker in ERROR_MARKERS)


FORMS = [
    "profile",
    "organisation_create",
    "organisation_edit",
    "join_request",
    "notification_preferences",
    "event_announce",
    "event_edit",
    "room_post",
    "sheet_question",
    "adoption",
    "wizard_context",
    "wizard_items",
    "wizard_tools",
    "wizard_keywords",
    "signup",
    "affiliation_request",
    "message_edit",
    "message_report",
    "message_hide",
    "room_sanction",
    "question_answer",
    "intervision_prepare",
    "diagnostic_start",
    "diagnostic_invite",
    "diagnostic_action",
    "diagnostic_axis",
    "account_delete",
    "sign_in",
    "password_change",
]


@pytest.mark.parametrize("form", FORMS)
def test_any_input_to_a_form_never_makes_a_500_and_is_answered(world, form):
    address, who, valid = _targets(world)[form]
    client = Client(raise_request_exception=False)
    if who:
        client.force_login(world.people[who])
    fields = sorted(set(valid) | _form_fields(client, address))

    @hyp_settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.dictionaries(st.sampled_from(fields or ["x"]), field_value, min_size=1))
    def check(changes):
        data = {**valid, **changes}
        if "client_id" in valid and "client_id" not in changes:
            data["client_id"] = str(uuid.uuid4())  # each post a new message
        poster = _fresh_client(world, form, who) if form in FRESH else client
        response = poster.post(address, data)
        shown = {key: repr(value)[:120] for key, value in changes.items()}
        assert response.status_code < 500, (address, shown, response.status_code)
        assert _said(address, response), (address, shown, response.status_code)

    check()


def _form_fields(client, address) -> set[str]:
    """The names of the inputs of the form shown at `address` (those of a page that is
    not shown to GET are those of the valid submission)."""
    import re  # noqa: PLC0415

    response = client.get(address)
    if response.status_code != 200:
        return set()
    names = re.findall(r'name="([^"]+)"', response.content.decode())
    return {name for name in names if name not in {"csrfmiddlewaretoken", "next"}}


def test_every_fuzzed_address_is_a_form_that_answers(world):
    """The addresses above are real forms: their valid submission is neither missing nor
    refused for its method (else the fuzzing above would prove nothing)."""
    statuses = {}
    targets = _targets(world)
    assert sorted(targets) == sorted(FORMS)
    for address, who, valid in targets.values():
        client = Client(raise_request_exception=False)
        if who:
            client.force_login(world.people[who])
        statuses[address] = client.post(address, valid).status_code

    assert {a: s for a, s in statuses.items() if s not in (200, 302, 400)} == {}


@pytest.mark.parametrize("form", ["message_report", "message_hide", "room_sanction"])
def test_a_nul_in_a_moderation_reason_is_dropped_not_a_500(world, form):
    address, who, valid = _targets(world)[form]
    client = Client(raise_request_exception=False)
    client.force_login(world.people[who])

    response = client.post(address, {**valid, "reason": "Spam\x00 répété"})

    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
