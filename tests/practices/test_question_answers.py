"""Answering a question to a sheet's authors (issue 15): the three ways (the sheet's room,
a private conversation, an intervision announced with a prefilled form), who may answer,
bad input, and that nobody's address is ever shown. Asking is in
tests/practices/test_questions.py."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.core.exceptions import PermissionDenied
from django.utils.html import escape

from community.public import absolute_url
from events.forms import EventForm
from practices.questions import SheetQuestion
from practices.services import questions
from rooms.models import Room, RoomMessage
from tests.factories import MembershipFactory
from tests.practices import fixtures_questions
from tests.practices.fixtures_questions import (
    ASKER_EMAIL,
    AUTHOR_EMAIL,
    QUESTION,
    SHEET_URL,
    _sheet,
    build_people_and_sheet,
    notifications_of,
    question_page,
)
from tests.shared import built_once_per_module

# Publishing a sheet in its page tree costs far more than most tests here: the rows are
# built once for the module (tests/shared.py) and every test runs on top of them.
_people_and_sheet = built_once_per_module(build_people_and_sheet)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("people_and_sheet")]

# The rows' fixtures (tests/practices/fixtures_questions.py).
people_and_sheet = fixtures_questions.people_and_sheet
practice_index = fixtures_questions.practice_index
calendar = fixtures_questions.calendar
author_org = fixtures_questions.author_org
author = fixtures_questions.author
colleague = fixtures_questions.colleague
asker = fixtures_questions.asker
outsider = fixtures_questions.outsider
sheet = fixtures_questions.sheet
question = fixtures_questions.question


# --- Answering -----------------------------------------------------------------------------


def test_answer_in_room_quotes_the_question_and_tells_the_asker(
    client, sheet, question, author, asker, messages_of
):
    client.force_login(author)

    response = client.post(
        question_page(question), {"action": "room", "room-text": "En binômes, sur deux mois."}
    )

    room = Room.objects.get(kind=Room.Kind.PAGE, page_id=sheet.pk)
    message = RoomMessage.objects.get(room=room)
    url = f"{room.get_absolute_url()}#msg-{message.seq}"
    assert response.status_code == 302
    assert response["Location"] == url
    assert messages_of(response) == ["Votre réponse est envoyée."]
    assert message.author == author
    assert message.body_markdown == (
        "> Comment avez-vous formé l'équipe ?\n"
        "> Et combien de temps cela a-t-il pris ?\n"
        "\n"
        "En binômes, sur deux mois."
    )
    assert "<blockquote>" in message.html
    question.refresh_from_db()
    assert (question.how, question.answered_by) == ("room", author)
    assert question.answered_at is not None
    assert notifications_of(asker) == [
        (
            "reply",
            "Ana Autrice a répondu à votre question sur la fiche « Un dossier de soins "
            "partagé » dans son salon.",
            url,
            f"room:{room.pk}",
        )
    ]
    status = client.get(question_page(question)).content.decode()
    assert "Ana Autrice a répondu dans le salon de la fiche le" in status


def test_answer_privately_writes_in_the_conversation_of_the_two(
    client, sheet, question, author, asker
):
    client.force_login(author)

    response = client.post(
        question_page(question), {"action": "private", "private-text": "Appelez-moi mardi."}
    )

    room = Room.objects.get(kind=Room.Kind.DIRECT)
    assert (room.user_a_id, room.user_b_id) == tuple(sorted([author.pk, asker.pk]))
    message = RoomMessage.objects.get(room=room)
    assert response["Location"] == f"{room.get_absolute_url()}#msg-{message.seq}"
    assert message.author == author
    assert message.body_markdown == (
        f"Votre question sur la fiche « Un dossier de soins partagé » ({SHEET_URL}) :\n"
        "\n"
        "> Comment avez-vous formé l'équipe ?\n"
        "> Et combien de temps cela a-t-il pris ?\n"
        "\n"
        "Appelez-moi mardi."
    )
    assert RoomMessage.objects.filter(room__kind=Room.Kind.PAGE).count() == 0
    question.refresh_from_db()
    assert (question.how, question.answered_by) == ("private", author)
    # The direct message tells the asker as any private message does.
    assert notifications_of(asker) == [
        (
            "direct",
            "Ana Autrice vous a écrit un message privé.",
            f"{room.get_absolute_url()}#msg-{message.seq}",
            f"room:{room.pk}",
        )
    ]
    client.force_login(asker)
    conversation = client.get(room.get_absolute_url()).content.decode()
    assert "Appelez-moi mardi." in conversation
    for text in [m for _k, m, _u, _a in notifications_of(asker)] + [conversation]:
        assert ASKER_EMAIL not in text and AUTHOR_EMAIL not in text


def test_answer_privately_to_someone_who_left_is_refused(client, question, author, asker):
    asker.is_active = False
    asker.save(update_fields=["is_active"])
    client.force_login(author)

    page = client.get(question_page(question)).content.decode()
    response = client.post(
        question_page(question), {"action": "private", "private-text": "Appelez-moi."}
    )

    refusal = (
        "La personne qui a posé cette question n'est plus sur Relais : répondez plutôt dans "
        "le salon de la fiche."
    )
    assert f"<p>{refusal}</p>" in page and 'name="private-text"' not in page
    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["private_form"].non_field_errors() == [refusal]
    assert f'<div class="form-errors" role="alert">\n        <ul><li>{escape(refusal)}' in content
    assert "Appelez-moi.</textarea>" in content
    assert RoomMessage.objects.count() == 0
    assert SheetQuestion.objects.get().how == ""


def test_colleague_of_the_organisation_may_answer(client, question, colleague, asker):
    client.force_login(colleague)

    client.post(question_page(question), {"action": "room", "room-text": "Voici."})

    assert SheetQuestion.objects.get().answered_by == colleague
    assert notifications_of(asker)[0][1] == (
        "Paul Collègue a répondu à votre question sur la fiche « Un dossier de soins "
        "partagé » dans son salon."
    )


def test_author_who_left_the_organisation_may_still_answer(
    client, practice_index, author_org, asker
):
    elsewhere = MembershipFactory(user__display_name="Eva Ailleurs").user
    sheet = _sheet(practice_index, author_org, authors=[elsewhere], slug="autrice-partie")
    question = questions.ask(user=asker, sheet=sheet, text=QUESTION)
    client.force_login(elsewhere)

    page = client.get(question_page(question))
    client.post(question_page(question), {"action": "room", "room-text": "Toujours là."})

    assert page.status_code == 200
    assert SheetQuestion.objects.get().answered_by == elsewhere


def test_propose_intervision_tells_the_asker_and_prefills_the_announce_form(
    client, calendar, sheet, question, author, asker, messages_of
):
    client.force_login(author)

    response = client.post(question_page(question), {"action": "intervision"})

    title = "Intervision : Un dossier de soins partagé"
    announce = "/agenda/annoncer/?" + urlencode(
        {"type": "intervision", "titre": title, "fiche": sheet.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == announce
    assert messages_of(response) == [
        "C'est noté : la personne qui a posé la question est prévenue. Annoncez maintenant "
        "l'intervision : le formulaire est prérempli."
    ]
    question.refresh_from_db()
    assert (question.how, question.answered_by) == ("intervision", author)
    assert notifications_of(asker) == [
        (
            "reply",
            "Ana Autrice propose d'en parler lors d'une intervision : votre question sur la "
            "fiche « Un dossier de soins partagé ». Surveillez l'agenda.",
            question_page(question),
            f"page:{sheet.pk}",
        )
    ]

    form_page = client.get(announce)

    form = form_page.context["form"]
    assert form_page.status_code == 200
    assert not form.is_bound
    assert (form["kind"].value(), form["title"].value(), form["description"].value()) == (
        "intervision",
        title,
        f"Autour de la fiche « Un dossier de soins partagé » : {absolute_url(SHEET_URL)}",
    )
    content = form_page.content.decode()
    assert '<option value="intervision" selected>' in content
    assert f'value="{escape(title)}"' in content
    # Once proposed, the authors find the announce form again on the question's page.
    status = client.get(question_page(question)).content.decode()
    assert f'href="{escape(announce)}"' in status


@pytest.mark.parametrize(
    "query",
    [
        {"type": "fete", "titre": "", "fiche": "abc"},
        {"type": "", "titre": "   ", "fiche": "99999999999999999999999"},
        {"type": "INTERVISION", "fiche": "-3"},
        {"fiche": "0"},
        {"type": "intervision\x00", "titre": "\x00", "fiche": "1\x00"},
    ],
)
def test_announce_form_ignores_unknown_prefill(client, calendar, author, query):
    client.force_login(author)

    response = client.get("/agenda/annoncer/?" + urlencode(query))

    form = response.context["form"]
    assert response.status_code == 200
    assert form.initial == {}
    assert EventForm.initial_from_query(query) == {}


def test_announce_form_title_prefill_is_one_line_and_bounded():
    initial = EventForm.initial_from_query({"titre": "Intervision\n" + "x" * 300})

    assert initial == {"title": "Intervision " + "x" * 188}


def test_second_answer_is_refused_and_posts_nothing(
    client, question, author, colleague, messages_of
):
    questions.answer_in_room(user=author, question=question, text="Première réponse.")
    client.force_login(colleague)

    private = client.post(question_page(question), {"action": "private", "private-text": "Non."})
    client.get(question_page(question))  # shows (and so uses) the message
    intervision = client.post(question_page(question), {"action": "intervision"})

    for response in (private, intervision):
        assert response.status_code == 302
        assert response["Location"] == question_page(question)
        assert messages_of(response) == ["Cette question a déjà reçu une réponse."]
    assert RoomMessage.objects.count() == 1
    assert SheetQuestion.objects.get().answered_by == author


def test_answer_service_refuses_a_question_answered_meanwhile(question, author, colleague):
    stale = SheetQuestion.objects.select_related("sheet").get(pk=question.pk)
    questions.propose_intervision(user=author, question=question)

    with pytest.raises(questions.QuestionRefused) as refused:
        questions.answer_privately(user=colleague, question=stale, text="Trop tard.")

    assert refused.value.message == "Cette question a déjà reçu une réponse."
    assert RoomMessage.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"action": "room", "room-text": ""}, "Champ requis."),
        (
            {"action": "private", "private-text": "x" * 2001},
            "Assurez-vous que cette valeur comporte au plus 2000 caractères (actuellement 2001).",
        ),
    ],
)
def test_answer_bad_text_shows_the_error_on_its_field(client, question, author, data, error):
    client.force_login(author)

    response = client.post(question_page(question), data)

    where = data["action"]
    assert response.status_code == 200
    assert response.context[f"{where}_form"].errors == {"text": [error]}
    assert f'id="id_{where}-text_error"><li>{escape(error)}' in response.content.decode()
    assert RoomMessage.objects.count() == 0
    assert SheetQuestion.objects.get().answered_at is None


@pytest.mark.parametrize("action", ["", "delete", "room\x00"])
def test_answer_unknown_action_changes_nothing(client, question, author, action, messages_of):
    client.force_login(author)

    response = client.post(question_page(question), {"action": action})

    assert response.status_code == 302
    assert response["Location"] == question_page(question)
    assert messages_of(response) == ["Action inconnue : rien n'a changé."]
    assert SheetQuestion.objects.get().answered_at is None


def test_answer_service_refuses_an_outsider(question, outsider):
    with pytest.raises(PermissionDenied) as refused:
        questions.answer_in_room(user=outsider, question=question, text="Moi aussi.")

    assert str(refused.value) == (
        "Seuls les auteur·es de la fiche et les membres de son organisation répondent aux "
        "questions posées sur elle."
    )
    assert RoomMessage.objects.count() == 0


def test_mention_in_a_quoted_question_notifies_nobody(sheet, author, asker, outsider):
    question = questions.ask(user=asker, sheet=sheet, text="Et @[Olga Autre], elle en pense quoi ?")

    questions.answer_in_room(user=author, question=question, text="Bonne question.")

    assert notifications_of(outsider) == []
    assert RoomMessage.objects.get().body_markdown == (
        "> Et @\u2060[Olga Autre], elle en pense quoi ?\n\nBonne question."
    )
