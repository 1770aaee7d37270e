"""Six weeks after a session: the participants are asked what they tried; their answers
become adoption reports on the sheet born of the session and open the group's next
session."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from community.models import Notification
from intervisions import followup, services
from intervisions.models import FollowUp, Part
from practices.models import Adoption, SheetDraft
from practices.services.submission import submit_draft
from tests.factories import MembershipFactory
from tests.practices.conftest import sheet_data_with, tools  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def closed_session(group):
    session = services.start_session(user=group.fred, intervision=group.intervision)
    item, _created = services.propose(
        user=group.anna, session=session, part=Part.TIPS, text="Un référent", client_id=uuid.uuid4()
    )
    services.keep(user=group.fred, session=session, item_id=item.pk, on=True)
    services.consent(
        user=group.anna, session=session, organisation_id=group.ressourcerie.pk, on=True
    )
    session, _cut = services.close_session(user=group.fred, session=session)
    return session


def test_participants_are_asked_once_six_weeks_after(group):
    session = closed_session(group)
    six_weeks = session.closed_at + dt.timedelta(weeks=6)
    assert followup.send_followups(now=six_weeks - dt.timedelta(minutes=1)) == 0
    assert followup.send_followups(now=six_weeks) == 1
    told = Notification.objects.filter(kind="intervision").order_by("user__display_name")
    assert [(n.user.display_name, n.message, n.url) for n in told] == [
        (
            name,
            "Il y a six semaines, votre groupe s'est réuni à « Intervision inventaire ». "
            "Qu'avez-vous essayé depuis ? Est-ce que ça a marché ?",
            f"/intervisions/{group.event.pk}/suivi/",
        )
        for name in ("Anna Lambert", "Bruno Martin")
    ]
    assert followup.send_followups(now=six_weeks + dt.timedelta(days=1)) == 0


def test_answers_become_adoptions_when_the_sheet_is_published_and_open_the_next_session(
    group,
    client,
    messages_of,
    tools,  # noqa: F811
):
    session = closed_session(group)
    url = f"/intervisions/{group.event.pk}/suivi/"
    client.force_login(group.anna)
    page = client.get(url).content.decode()
    assert "Un référent" in page
    response = client.post(url, {"organisation": group.ressourcerie.pk, "outcome": "worked"})
    assert "Champ requis." in response.content.decode()
    response = client.post(
        url,
        {
            "organisation": group.ressourcerie.pk,
            "tried": "Un référent par rayon depuis octobre",
            "outcome": "partly",
        },
    )
    assert messages_of(response) == ["Merci : votre groupe le lira à la prochaine séance."]
    answer = FollowUp.objects.get()
    assert (answer.organisation, answer.outcome, answer.reported) == (
        group.ressourcerie,
        "partly",
        False,
    )
    # Bruno's organisation is of the group too; Olga's is not.
    assert (
        client.post(
            url, {"organisation": group.epicerie.pk, "tried": "x", "outcome": "worked"}
        ).status_code
        == 200
    )
    assert FollowUp.objects.count() == 1
    client.force_login(group.olga)
    assert client.get(url).status_code == 404
    # A colleague of Anna who was never registered is not of the group either.
    colleague = MembershipFactory(organisation=group.ressourcerie).user
    client.force_login(colleague)
    assert client.get(url).status_code == 404

    # The sheet born of the session is submitted, then published: the answer is a report.
    draft = SheetDraft.objects.get()
    draft.data = {**sheet_data_with(tools)(), "title": draft.data["title"]}
    draft.save()
    sheet = submit_draft(draft=draft, user=group.anna)
    sheet.get_latest_revision().publish()
    adoption = Adoption.objects.get()
    assert (adoption.sheet_id, adoption.organisation, adoption.outcome, adoption.comment) == (
        sheet.pk,
        group.ressourcerie,
        "partly",
        "Un référent par rayon depuis octobre",
    )
    answer.refresh_from_db()
    assert answer.reported is True

    # The group's next session opens with it.
    services.start_session(user=group.fred, intervision=group.intervision)
    client.force_login(group.bruno)
    page = client.get(group.room.get_absolute_url()).content.decode()
    news = page[page.index('id="session-news"') : page.index('id="session-step"')]
    assert "Depuis la dernière séance" in news
    assert (
        "La Ressourcerie du Val</strong> · En partie : Un référent par rayon depuis octobre" in news
    )
    assert session.pk != services.running_session(group.intervision).pk
