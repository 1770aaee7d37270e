"""One small network where every role of DESIGN.md has someone, and every address of the
matrix something to act on. Built once per module (tests/shared.py): `build_world()`.

The roles:
- visitor: not signed in;
- member: an active member (not admin) of the EES "Les Ateliers Récup" (`organisation`),
  author of its sheet, registered for the intervision;
- other: an active member of another EES ("L'Autre Asbl", `elsewhere`), not affiliated;
- org_admin: an admin of the Ateliers;
- fed_manager: an admin of the federation (`federation`), to which the Ateliers are
  affiliated; facilitator of the federation's intervision;
- moderator: in the "Modérateurs" group (`rooms.moderate_rooms`), member of nothing;
- editor: in Wagtail's "Editors" group (the admin, page editing), member of nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from community.models import Affiliation, Membership, Notification
from community.services.emailing import unsubscribe_token
from diagnostic import services as diagnostics
from diagnostic.models import PlanAction
from events.models import CalendarPage, CalendarToken
from intervisions import services as intervisions
from practices.services import questions, submission
from programmes.models import ProgrammeIndexPage
from rooms.models import MessageReport
from rooms.services import creation, posting
from stories.models import StoryIndexPage
from tests.diagnostic.fixtures import answered_diagnostic
from tests.events.conftest import future, publish_event
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.intervisions.conftest import prepared_intervision
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.programmes.conftest import publish_programme
from tests.stories.conftest import publish_story
from website import services as personal_data
from website.models import FooterSettings, NavigationSettings

ROLES = ("visitor", "member", "other", "org_admin", "fed_manager", "moderator", "editor")
SIGNED_IN = ROLES[1:]


def _say(user, room, body):
    return posting.post_message(
        user=user, room=room, body=body, client_id=str(uuid.uuid4())
    ).message


def _people(organisation, elsewhere, federation) -> dict:
    member = MembershipFactory(organisation=organisation, user__display_name="Mia Membre").user
    admin = MembershipFactory(
        organisation=organisation, admin=True, user__display_name="Alice Admin"
    ).user
    other = MembershipFactory(organisation=elsewhere, user__display_name="Oscar Autre").user
    manager = MembershipFactory(
        organisation=federation, admin=True, user__display_name="Fred Fédé"
    ).user
    moderators, _created = Group.objects.get_or_create(name="Modérateurs")
    moderators.permissions.add(Permission.objects.get(codename="moderate_rooms"))
    moderator = UserFactory(display_name="Mona Modé")
    moderator.groups.add(moderators)
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(display_name="Eddy Éditeur")
    editor.groups.add(editors)
    return {
        "member": member,
        "other": other,
        "org_admin": admin,
        "fed_manager": manager,
        "moderator": moderator,
        "editor": editor,
    }


def _session_cookies(users: dict) -> dict:
    """Each role's session cookie, made once (a test's client sets it, no sign-in)."""
    cookies = {}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        cookies[role] = client.cookies["sessionid"].value
    return cookies


def _rooms(people, organisation, federation, sheet) -> dict:
    member, other = people["member"], people["other"]
    theme = creation.create_theme_room(title="Numérique et bénévolat")
    mine = _say(member, theme, "Bonjour de Mia")  # seq 1
    others = _say(other, theme, "Bonjour d'Oscar")  # seq 2
    report = MessageReport.objects.create(message=others, reporter=member, reason="test")
    private = creation.organisation_room(organisation)
    _say(member, private, "Entre nous")
    fed_room = creation.organisation_room(federation)
    _say(people["fed_manager"], fed_room, "Bienvenue au réseau")
    direct = creation.direct_room(member, people["org_admin"])
    _say(member, direct, "Un mot en privé")
    page_room = creation.ensure_page_room(sheet, organisation=organisation)
    _say(other, page_room, "Une question sur la fiche")
    return {
        "theme_room": theme.slug,
        "org_room": private.slug,
        "fed_room": fed_room.slug,
        "direct_room": direct.slug,
        "sheet_room": page_room.slug,
        "mine_seq": mine.seq,
        "others_seq": others.seq,
        "report": report.pk,
    }


def running_intervision(calendar, federation, *, facilitator, group, proposer):
    """An intervision of `federation` with `group` registered, prepared and in session
    (facilitated by `facilitator`), and one harvest item `proposer` proposed."""
    event, intervision = prepared_intervision(
        calendar, federation, facilitator=facilitator, registered=group, chatham_house=False
    )
    session = intervisions.start_session(user=facilitator, intervision=intervision)
    item, _created = intervisions.propose(
        user=proposer,
        session=session,
        part="tips",
        text="Sauvegarder chaque semaine",
        client_id=str(uuid.uuid4()),
        from_message=None,
    )
    return event, intervision, item


def _intervision(calendar, people, federation) -> dict:
    event, intervision, item = running_intervision(
        calendar,
        federation,
        facilitator=people["fed_manager"],
        group=[people["member"]],
        proposer=people["member"],
    )
    return {
        "intervision": event.pk,
        "intervision_slug": event.slug,
        "intervision_room": intervisions.room_of(intervision).slug,
        "item": item.pk,
    }


def _diagnostic(organisation, people) -> dict:
    diagnostic = answered_diagnostic(organisation, people["org_admin"])
    invited = diagnostics.invite(
        diagnostic=diagnostic, by=people["org_admin"], email="invitee@example.org", role="staff"
    )
    action = PlanAction.objects.create(
        diagnostic=diagnostic,
        kind="sheet",
        question_key=diagnostic.questionnaire.questions.first().key,
        title="Lire une fiche",
        url="/pratiques/",
        target_date=timezone.localdate() + dt.timedelta(days=30),
    )
    return {
        "diagnostic": diagnostic.pk,
        "respondent": invited.pk,
        "invitation": invited.token,
        "plan_action": action.pk,
    }


def build_world() -> dict:
    """The rows, and `names` to fill the matrix's addresses with."""
    home = build_home()
    index = build_index()
    # Wagtail creates them on the first page that reads them: not a change anyone made.
    site = Site.objects.get(is_default_site=True)
    NavigationSettings.for_site(site), FooterSettings.for_site(site)
    federation = FederationFactory(name="Fédération des Coopératives")
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    elsewhere = OrganisationFactory(name="L'Autre Asbl")
    AffiliationFactory(organisation=organisation, federation=federation)
    asking = AffiliationFactory(
        organisation=elsewhere, federation=federation, status=Affiliation.Status.PENDING
    )
    people = _people(organisation, elsewhere, federation)
    applicant = MembershipFactory(organisation=organisation, status=Membership.Status.PENDING)
    tools = [make_tool(name) for name in ("Nextcloud", "Dolibarr", "Signal")]
    sheet = make_sheet(
        index, title="Un cloud pour l'équipe", tools=tools, organisation=organisation
    )
    sheet.authors.add(people["member"])
    draft = submission.start_draft(user=people["member"])
    question = questions.ask(user=people["other"], sheet=sheet, text="Combien de temps ?")

    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    event = publish_event(calendar, organisers=[organisation], start=future(days=5))
    fed_event = publish_event(
        calendar,
        organisers=[federation],
        title="Réservé au réseau",
        audience="federation",
        start=future(days=6),
    )
    support = home.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    programme = publish_programme(support, title="Chèque coaching numérique")
    told = home.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    story = publish_story(told, title="Un cloud pour l'équipe, deux ans après")

    member = people["member"]
    notification = Notification.objects.create(
        user=member, kind=Notification.Kind.values[0], message="Pour Mia", url="/moi/"
    )
    token = CalendarToken.objects.create(user=member)
    export = personal_data.request_personal_data(user=member)
    personal_data.prepare_export(export.pk)
    export.refresh_from_db()

    names = {
        "federation": federation.slug,
        "organisation": organisation.slug,
        "organisation_id": organisation.pk,
        "elsewhere": elsewhere.slug,
        "elsewhere_id": elsewhere.pk,
        "applicant": applicant.pk,
        "membership": Membership.objects.get(user=member, organisation=organisation).pk,
        "affiliation": asking.pk,
        "member_id": member.pk,
        "sheet": sheet.slug,
        "sheet_id": sheet.pk,
        "draft": draft.pk,
        "question": question.pk,
        "tool": tools[0].slug,
        "event": event.slug,
        "event_id": event.pk,
        "fed_event": fed_event.slug,
        "programme": programme.slug,
        "story": story.slug,
        "notification": notification.pk,
        "feed_token": token.token,
        "unsubscribe": unsubscribe_token(member, ["reply"]),
        "export": personal_data.export_link(export).rstrip("/").rsplit("/", 1)[-1],
        **_rooms(people, organisation, federation, sheet),
        **_intervision(calendar, people, federation),
        **_diagnostic(organisation, people),
    }
    return {
        "names": names,
        "users": {role: user.pk for role, user in people.items()},
        "cookies": _session_cookies(people),
    }
