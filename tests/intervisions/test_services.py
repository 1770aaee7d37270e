"""Preparing an intervision, running its session, and the harvest becoming a draft sheet."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core.exceptions import PermissionDenied

from community.services import ServiceError
from intervisions import services
from intervisions.models import HarvestItem, Part
from practices.models import SheetDraft
from rooms import access as room_access
from rooms.models import RetentionCut
from rooms.services import confidence, posting

pytestmark = pytest.mark.django_db


def test_preparing_sets_the_protocol_the_confidence_and_the_group(group):
    steps = list(group.intervision.steps.values_list("position", "title", "minutes"))
    assert steps == [
        (1, "Présentation du cas", 10),
        (2, "Questions de clarification", 10),
        (3, "Conseils des pairs", 20),
        (4, "Ce que je retiens", 10),
        (5, "Récolte", 10),
    ]
    room = group.room
    assert (room.chatham_house, room.retention_days, room.roster_only) == (True, 30, True)
    assert set(room.roster.values_list("user__display_name", flat=True)) == {
        "Anna Lambert",
        "Bruno Martin",
        "Fred Fédé",
    }
    assert room_access.can_read_room(group.anna, room)
    assert not room_access.can_read_room(group.olga, room)
    assert str(room_access.room_refusal(group.olga, room)).startswith(
        "Ce salon est réservé au groupe de l'intervision"
    )
    # Olga is not in the listing of her rooms either.
    assert room not in room_access.readable_rooms(group.olga)
    assert room in room_access.readable_rooms(group.bruno)


def test_durations_change_and_refusals_are_clear(group):
    services.prepare(
        user=group.fred,
        event=group.event,
        facilitator=group.anna,
        protocol="harvest",
        minutes=[5, 40, 15],
        chatham_house=True,
        retention_days=None,
    )
    group.intervision.refresh_from_db()
    assert group.intervision.facilitator == group.anna
    assert list(group.intervision.steps.values_list("title", "minutes")) == [
        ("Tour de table", 5),
        ("Récolte libre", 40),
        ("Choix des trois", 15),
    ]
    with pytest.raises(PermissionDenied):
        services.prepare(
            user=group.anna,
            event=group.event,
            facilitator=group.anna,
            protocol="case",
            chatham_house=True,
            retention_days=None,
        )
    with pytest.raises(ServiceError) as refused:
        services.prepare(
            user=group.fred,
            event=group.event,
            facilitator=group.olga,
            protocol="case",
            chatham_house=True,
            retention_days=None,
        )
    assert refused.value.message.startswith("L'animateur·rice est une personne inscrite")
    with pytest.raises(ServiceError) as refused:
        services.prepare(
            user=group.fred,
            event=group.event,
            facilitator=group.fred,
            protocol="case",
            minutes=[10, 10],
            chatham_house=True,
            retention_days=None,
        )
    assert refused.value.message == "Donnez une durée à chaque étape du protocole."
    # Once a message is written under the Chatham House rule, it is never lifted.
    posting.post_message(user=group.anna, room=group.room, body="Bonjour", client_id=uuid.uuid4())
    with pytest.raises(ServiceError) as refused:
        confidence.set_confidence(room=group.room, chatham_house=False, retention_days=None)
    assert "ne peut plus être levée" in refused.value.message


def propose(session, person, part, text, client_id=None):
    item, _created = services.propose(
        user=person, session=session, part=part, text=text, client_id=client_id or uuid.uuid4()
    )
    return item


def test_a_session_harvests_and_becomes_a_co_signed_draft_with_its_origin(group):
    session = services.start_session(user=group.fred, intervision=group.intervision)
    assert session.version == 2
    with pytest.raises(ServiceError, match="déjà en cours"):
        services.start_session(user=group.fred, intervision=group.intervision)
    with pytest.raises(PermissionDenied):
        services.move_to_step(user=group.anna, session=session, step=2)
    services.move_to_step(user=group.fred, session=session, step=3)

    texts = {
        Part.WHY: ["Le stock était tenu sur papier", "On perdait des dons"],
        Part.DIFFICULTIES: ["Former les bénévoles", "Choisir l'outil", "Le budget", "Le temps"],
        Part.TIPS: ["Commencer petit", "Un référent", "Documenter"],
        Part.PHASES: ["Inventaire", "Test", "Déploiement"],
        Part.TOOLS: ["Odoo", "Tableur partagé", "Nextcloud"],
        Part.KEYWORDS: ["stock", "bénévoles", "inventaire"],
    }
    cid = uuid.uuid4()
    first = propose(session, group.anna, Part.WHY, texts[Part.WHY][0], cid)
    # The same proposal again (a resend after a reconnection) is the same item.
    again, created = services.propose(
        user=group.anna, session=session, part=Part.WHY, text="autre", client_id=cid
    )
    assert (again.pk, created) == (first.pk, False)
    for part, words in texts.items():
        for n, text in enumerate(words):
            if part == Part.WHY and n == 0:
                continue
            propose(session, group.bruno if n % 2 else group.anna, part, text)
    assert HarvestItem.objects.filter(session=session).count() == 18
    with pytest.raises(ServiceError) as refused:
        propose(session, group.anna, Part.KEYWORDS, "x" * 41)
    assert refused.value.message == "« Mots-clés » : 40 caractères au plus (vous en avez 41)."
    with pytest.raises(ServiceError, match="Seules les personnes du groupe"):
        propose(session, group.olga, Part.TIPS, "Je passe")

    services.support(user=group.bruno, session=session, item_id=first.pk, on=True)
    services.support(user=group.bruno, session=session, item_id=first.pk, on=True)
    assert first.supports.count() == 1
    for item in HarvestItem.objects.filter(session=session).order_by("pk"):
        if HarvestItem.objects.filter(session=session, part=item.part, kept=True).count() < 3:
            services.keep(user=group.fred, session=session, item_id=item.pk, on=True)
    fourth = HarvestItem.objects.get(session=session, text="Le temps")
    with pytest.raises(ServiceError) as refused:
        services.keep(user=group.fred, session=session, item_id=fourth.pk, on=True)
    assert (
        refused.value.message
        == "« Difficultés » garde déjà trois éléments : retirez-en un d'abord."
    )
    with pytest.raises(ServiceError, match="Seul·e un·e membre"):
        services.consent(
            user=group.anna, session=session, organisation_id=group.epicerie.pk, on=True
        )
    services.consent(
        user=group.anna, session=session, organisation_id=group.ressourcerie.pk, on=True
    )
    services.consent(user=group.bruno, session=session, organisation_id=group.epicerie.pk, on=True)

    posting.post_message(user=group.anna, room=group.room, body="Merci !", client_id=uuid.uuid4())
    session, cut = services.close_session(user=group.fred, session=session)
    draft = SheetDraft.objects.get()
    assert session.draft == draft
    assert (draft.organisation, draft.origin_id) == (group.ressourcerie, group.event.pk)
    assert set(draft.co_organisations.all()) == {group.ressourcerie, group.epicerie}
    assert draft.data == {
        "title": "Née à l'intervision « Intervision inventaire »",
        "summary": "",
        "themes": [],
        "why": "Le stock était tenu sur papier\n\nOn perdait des dons",
        "difficulties": [
            {"title": "Former les bénévoles", "text": "Former les bénévoles"},
            {"title": "Choisir l'outil", "text": "Choisir l'outil"},
            {"title": "Le budget", "text": "Le budget"},
        ],
        "tips": [{"title": t, "text": t} for t in texts[Part.TIPS]],
        "phases": [{"title": t, "text": t} for t in texts[Part.PHASES]],
        "tools": [
            {"tool": None, "new_name": name, "new_website": "", "new_licence": "", "usage": ""}
            for name in texts[Part.TOOLS]
        ],
        "keywords": texts[Part.KEYWORDS],
    }
    # The retention counts from the session's end; nothing changes after it.
    assert cut == RetentionCut.objects.get()
    assert cut.upto_seq == 1
    assert cut.due_at == session.closed_at + dt.timedelta(days=30)
    with pytest.raises(ServiceError, match="Cette séance est close"):
        propose(session, group.anna, Part.TIPS, "Trop tard")
