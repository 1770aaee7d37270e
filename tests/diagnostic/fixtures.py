"""A small network for the diagnostic's tests: the real questionnaire (from
diagnostic/questionnaire.yaml), its themes, an association whose admin and colleague
answer, two peers that progressed on backups (one agreed to be shown, one did not), a
sheet on backups by the first, an intervision and a programme on the same theme."""

from __future__ import annotations

import datetime as dt
import functools

from django.utils import timezone

from community.models import Membership, Theme
from diagnostic import services
from diagnostic.loading import load_questionnaire, read_source
from diagnostic.models import Answer, Diagnostic, Respondent
from diagnostic.services import current_questionnaire, refresh_scores
from events.models import CalendarPage, EventPage
from programmes.models import ProgrammeIndexPage
from tests.events.conftest import publish_event
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.programmes.conftest import publish_programme


@functools.cache
def theme_slugs() -> list[str]:
    data = read_source()
    return sorted({slug for item in data["questions"] for slug in item["themes"]})


def build_questionnaire():
    for slug in theme_slugs():
        Theme.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ").title()})
    return load_questionnaire()


def diagnose(organisation, levels: dict[str, int], *, when: dt.datetime, shown=False, default=3):
    """A diagnostic of `organisation` answered on `when` by one voice: `levels` by question
    key, `default` for the others."""
    build_questionnaire()
    questionnaire = current_questionnaire()
    person = UserFactory()
    MembershipFactory(
        user=person,
        organisation=organisation,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
    )
    diagnostic = Diagnostic.objects.create(
        organisation=organisation, questionnaire=questionnaire, show_as_peer=shown
    )
    voice = Respondent.objects.create(
        diagnostic=diagnostic, user=person, role="staff", submitted_at=when
    )
    Answer.objects.bulk_create(
        Answer(respondent=voice, question=q, level=levels.get(q.key, default))
        for q in questionnaire.questions.all()
    )
    refresh_scores(diagnostic)
    Diagnostic.objects.filter(pk=diagnostic.pk).update(created_at=when, scored_at=when)
    diagnostic.refresh_from_db()
    return diagnostic


def build_network() -> dict:
    questionnaire = build_questionnaire()
    backups = Theme.objects.get(slug="cybersecurite")
    home = build_home()
    library = build_index()
    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    programmes = home.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))

    own = OrganisationFactory(name="Les Jardins Partagés")
    alice = UserFactory(display_name="Alice Martin", email="alice@example.org")
    bruno = UserFactory(display_name="Bruno Lefèvre", email="bruno@example.org")
    MembershipFactory(
        user=alice, organisation=own, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    )
    MembershipFactory(user=bruno, organisation=own, status=Membership.Status.ACTIVE)

    year_ago = timezone.now() - dt.timedelta(days=365)
    month_ago = timezone.now() - dt.timedelta(days=30)
    shown = OrganisationFactory(name="Coopérative Vélo Solidaire")
    diagnose(shown, {"sauvegardes": 0}, when=year_ago, shown=False)
    diagnose(shown, {"sauvegardes": 3}, when=month_ago, shown=True)
    hidden = OrganisationFactory(name="ASBL Discrète")
    diagnose(hidden, {"sauvegardes": 1}, when=year_ago)
    diagnose(hidden, {"sauvegardes": 4}, when=month_ago, shown=False)

    tools = [make_tool(name) for name in ("Nextcloud", "Restic", "KeePassXC")]
    sheet = make_sheet(
        library,
        title="Des sauvegardes automatiques pour nos fichiers",
        tools=tools,
        organisation=shown,
        themes=[backups],
        dimensions=["infrastructure"],
        written_after_diagnostic=True,
    )
    event = publish_event(
        calendar,
        organisers=[shown],
        title="Intervision : sauvegarder sans se ruiner",
        kind=EventPage.Kind.INTERVISION,
        themes=[backups],
        start=timezone.now().replace(microsecond=0) + dt.timedelta(days=12),
    )
    programme = publish_programme(
        programmes,
        title="Chèque cybersécurité",
        themes=[backups],
        dimensions=["infrastructure"],
    )
    closed = publish_programme(
        programmes,
        title="Appel réservé aux fondations",
        themes=[backups],
        legal_forms=["foundation"],
    )
    return {
        "questionnaire": questionnaire,
        "own": own,
        "alice": alice,
        "bruno": bruno,
        "shown": shown,
        "hidden": hidden,
        "sheet": sheet,
        "event": event,
        "programme": programme,
        "not_eligible": closed,
    }


def post_axis(client, diagnostic, axis: str, levels: dict[str, str]):
    """Answer one screen of the questionnaire: `levels` by question key ("0"–"4", "nsp")."""
    questions = diagnostic.questionnaire.questions.filter(axis=axis)
    data = {f"q{q.pk}": levels[q.key] for q in questions if q.key in levels}
    return client.post(f"/diagnostic/{diagnostic.pk}/repondre/{axis}/", data)


def answer_everything(client, diagnostic, level_of) -> None:
    """Every screen, `level_of(question)` for each question, then send."""
    for axis in ("infrastructure", "organisation", "processes", "strategy"):
        questions = diagnostic.questionnaire.questions.filter(axis=axis)
        post_axis(client, diagnostic, axis, {q.key: level_of(q) for q in questions})
    response = client.post(f"/diagnostic/{diagnostic.pk}/repondre/envoyer/")
    assert response.status_code == 302, response.content[:2000]


def answered_diagnostic(organisation, admin, level: int = 1):
    """A diagnostic of `organisation` started by its `admin`, answered at `level` and sent,
    through the services."""
    build_questionnaire()
    diagnostic = services.start(organisation=organisation, user=admin, role="governance")
    voice = diagnostic.respondents.get()
    services.save_answers(
        respondent=voice, levels={q.pk: level for q in diagnostic.questionnaire.questions.all()}
    )
    services.submit(respondent=voice)
    return diagnostic
