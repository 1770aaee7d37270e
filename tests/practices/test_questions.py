"""Asking a sheet's authors a question (issue 15): who is told and in what words, bad
input, who sees a question on the sheet's page and on its own page, and that nobody's
address is ever shown. Answering is in tests/practices/test_question_answers.py."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from community.models import Notification
from practices.questions import SheetQuestion
from practices.services import questions
from rooms.models import RoomMessage
from tests.factories import MembershipFactory, UserFactory
from tests.practices import fixtures_questions
from tests.practices.fixtures_questions import (
    ASK_URL,
    ASKER_EMAIL,
    AUTHOR_EMAIL,
    QUESTION,
    SHEET_URL,
    _sheet,
    build_people_and_sheet,
    notifications_of,
    question_page,
)
from tests.refusal_page import refusal_of
from tests.shared import built_once_per_module

# Publishing a sheet in its page tree costs far more than most tests here: the rows are
# built once for the module (tests/shared.py) and every test runs on top of them.
_people_and_sheet = built_once_per_module(build_people_and_sheet)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("people_and_sheet")]

# The rows' fixtures (tests/practices/fixtures_questions.py).
people_and_sheet = fixtures_questions.people_and_sheet
practice_index = fixtures_questions.practice_index
author_org = fixtures_questions.author_org
author = fixtures_questions.author
colleague = fixtures_questions.colleague
asker = fixtures_questions.asker
outsider = fixtures_questions.outsider
sheet = fixtures_questions.sheet
question = fixtures_questions.question


# --- Asking --------------------------------------------------------------------------------


def test_ask_notifies_the_authors_with_the_askers_name_only(
    client, sheet, author, asker, messages_of, django_capture_on_commit_callbacks
):
    client.force_login(asker)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK_URL, {"question-text": QUESTION})

    question = SheetQuestion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == question_page(question)
    assert messages_of(response) == [
        "Votre question est envoyée aux auteur·es de la fiche. Vous serez prévenu·e de leur "
        "réponse."
    ]
    assert (question.sheet_id, question.asker, question.text, question.how) == (
        sheet.pk,
        asker,
        QUESTION,
        "",
    )
    assert question.answered_at is None
    assert notifications_of(author) == [
        (
            "request",
            "Marc Questionneur pose une question aux auteur·es de la fiche « Un dossier de "
            "soins partagé ».",
            question_page(question),
            f"page:{sheet.pk}",
        )
    ]
    assert notifications_of(asker) == []
    # The author's email (a request, at once) names the asker, never their address.
    assert [message.to for message in mail.outbox] == [[AUTHOR_EMAIL]]
    assert "Marc Questionneur" in mail.outbox[0].body
    assert ASKER_EMAIL not in mail.outbox[0].body + mail.outbox[0].subject


def test_ask_without_active_author_tells_the_organisations_admins(
    practice_index, author_org, asker
):
    gone = UserFactory(is_active=False)
    admin = MembershipFactory(organisation=author_org, admin=True).user
    MembershipFactory(organisation=author_org)  # a plain member is not told
    sheet = _sheet(practice_index, author_org, authors=[gone], slug="sans-auteur-actif")

    question = questions.ask(user=asker, sheet=sheet, text=QUESTION)

    assert questions.people_to_ask(sheet) == [admin]
    assert Notification.objects.filter(url=question_page(question)).get().user == admin


def test_ask_with_nobody_to_answer_is_refused(practice_index, asker):
    sheet = _sheet(practice_index, None, authors=[], slug="sans-auteur")

    with pytest.raises(questions.QuestionRefused) as refused:
        questions.ask(user=asker, sheet=sheet, text=QUESTION)

    assert refused.value.message == (
        "Personne ne peut répondre aux questions sur cette fiche pour le moment : écrivez "
        "plutôt dans son salon."
    )


def test_ask_twice_before_an_answer_is_refused_with_the_text_kept(client, question, asker):
    client.force_login(asker)

    response = client.post(ASK_URL, {"question-text": "Une autre question ?"})

    assert response.status_code == 200
    content = response.content.decode()
    assert (
        escape(
            "Vous avez déjà une question en attente sur cette fiche : attendez la réponse des "
            "auteur·es avant d'en poser une autre."
        )
        in content
    )
    assert "Une autre question ?</textarea>" in content
    assert SheetQuestion.objects.count() == 1


def test_ask_again_after_an_answer(sheet, question, author, asker):
    questions.answer_in_room(user=author, question=question, text="En binômes.")

    again = questions.ask(user=asker, sheet=sheet, text="Et ensuite ?")

    assert SheetQuestion.objects.filter(answered_at__isnull=True).get() == again


def test_ask_rate_limited_across_sheets(practice_index, author_org, author, asker, monkeypatch):
    monkeypatch.setattr(questions, "QUESTIONS_PER_HOUR", 1)
    first = _sheet(practice_index, author_org, authors=[author], slug="premiere")
    second = _sheet(practice_index, author_org, authors=[author], slug="seconde")
    questions.ask(user=asker, sheet=first, text=QUESTION)

    with pytest.raises(questions.QuestionRefused) as refused:
        questions.ask(user=asker, sheet=second, text=QUESTION)

    assert refused.value.message == (
        "Vous avez posé beaucoup de questions : réessayez dans une heure."
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Champ requis."),
        ("  \n ", "Champ requis."),
        (
            "x" * 1001,
            "Assurez-vous que cette valeur comporte au plus 1000 caractères (actuellement 1001).",
        ),
    ],
)
def test_ask_bad_text_shows_the_error_on_the_field(client, sheet, asker, text, error):
    client.force_login(asker)

    response = client.post(ASK_URL, {"question-text": text})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"text": [error]}
    content = response.content.decode()
    assert 'aria-invalid="true"' in content
    assert f'<ul class="field__error" id="id_question-text_error"><li>{escape(error)}' in content
    assert SheetQuestion.objects.count() == 0


def test_ask_service_refuses_empty_and_long_text(sheet, asker):
    with pytest.raises(questions.QuestionRefused) as empty:
        questions.ask(user=asker, sheet=sheet, text=" \u202e ")
    with pytest.raises(questions.QuestionRefused) as long:
        questions.ask(user=asker, sheet=sheet, text="x" * 1001)

    assert empty.value.message == "Écrivez votre question."
    assert long.value.message == (
        "Le texte est trop long : 1000 caractères au plus (vous en avez 1001)."
    )


def test_visitor_is_sent_to_sign_in(client, sheet, question, messages_of):
    asked = client.post(ASK_URL, {"question-text": QUESTION})
    page = client.get(question_page(question))

    assert asked.status_code == 302
    assert asked["Location"] == f"/accounts/login/?next={ASK_URL}"
    assert messages_of(asked) == ["Connectez-vous pour poser une question aux auteur·es."]
    assert page["Location"] == f"/accounts/login/?next={question_page(question)}"
    assert SheetQuestion.objects.count() == 1


def test_signed_in_person_without_organisation_is_told_to_join_one(client, sheet):
    client.force_login(UserFactory())

    sheet_page = client.get(SHEET_URL).content.decode()
    response = client.post(ASK_URL, {"question-text": QUESTION})

    refusal = (
        "Pour poser une question aux auteur·es d'une fiche, rejoignez d'abord une "
        "organisation sur Relais."
    )
    assert f"<p>{refusal} <a" in sheet_page
    assert 'name="question-text"' not in sheet_page
    assert refusal_of(response) == escape(refusal)
    assert SheetQuestion.objects.count() == 0


def test_ask_on_a_sheet_not_online_is_refused(sheet, asker):
    sheet.live = False

    with pytest.raises(questions.QuestionRefused) as refused:
        questions.ask(user=asker, sheet=sheet, text=QUESTION)

    assert refused.value.message == "Cette fiche n'est pas publiée."


# --- The sheet's page ----------------------------------------------------------------------


def test_sheet_page_offers_visitors_to_sign_in(client, sheet):
    content = client.get(SHEET_URL).content.decode()

    assert "Poser une question aux auteur·es" in content
    assert (
        f'<a href="/accounts/login/?next={SHEET_URL}">'
        "Connectez-vous pour poser une question aux auteur·es.</a>" in content
    )
    assert 'name="question-text"' not in content


def test_sheet_page_lists_the_askers_question_and_the_authors_waiting_ones(
    client, sheet, question, asker, author, colleague, outsider
):
    link = f'href="{question_page(question)}"'

    client.force_login(asker)
    for_asker = client.get(SHEET_URL).content.decode()
    client.force_login(author)
    for_author = client.get(SHEET_URL).content.decode()
    client.force_login(colleague)
    for_colleague = client.get(SHEET_URL).content.decode()
    client.force_login(outsider)
    for_outsider = client.get(SHEET_URL).content.decode()

    assert f'<form method="post" action="{ASK_URL}">' in for_outsider
    assert "Vos questions" in for_asker and link in for_asker
    assert "en attente de réponse" in for_asker
    for content in (for_author, for_colleague):
        assert "Questions en attente de votre réponse" in content
        assert "posée par Marc Questionneur le" in content and link in content
    assert link not in for_outsider
    for content in (for_asker, for_author, for_colleague, for_outsider):
        assert ASKER_EMAIL not in content and AUTHOR_EMAIL not in content


def test_sheet_page_queries_do_not_grow_with_questions(client, sheet, author, site_settings):
    """The member's part of the sheet's page is one query, whatever the questions
    (tests/practices/test_sheet_page_queries.py pins the whole page)."""
    client.force_login(author)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(SHEET_URL).status_code == 200
        return len(queries)

    askers = [MembershipFactory().user for _n in range(6)]
    questions.ask(user=askers[0], sheet=sheet, text="Une ?")
    with_one = count()
    for person in askers[1:]:
        questions.ask(user=person, sheet=sheet, text="Encore une ?")

    assert count() == with_one
    assert client.get(SHEET_URL).content.decode().count("posée par Person ") == 6


# --- The question's page ------------------------------------------------------------------


def test_question_page_for_an_author_offers_three_answers(client, question, author):
    client.force_login(author)

    response = client.get(question_page(question))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Posée par Marc Questionneur le" in content
    assert escape(QUESTION) in content
    for label in (
        "Répondre dans le salon de la fiche",
        "Répondre en privé",
        "Proposer une intervision sur ce sujet",
    ):
        assert f"{label}</button>" in content
    assert '<label for="id_room-text">Votre réponse dans le salon' in content
    assert '<label for="id_private-text">Votre réponse privée' in content
    assert ASKER_EMAIL not in content


def test_question_page_for_the_asker_is_read_only(client, question, asker):
    client.force_login(asker)

    page = client.get(question_page(question))
    answered = client.post(question_page(question), {"action": "room", "room-text": "Moi ?"})

    content = page.content.decode()
    assert "Posée par vous le" in content
    assert (
        "Les auteur·es n'ont pas encore répondu. Vous serez prévenu·e de leur réponse." in content
    )
    assert 'name="action"' not in content
    assert refusal_of(answered) == escape(
        "Seuls les auteur·es de la fiche et les membres de son organisation répondent aux "
        "questions posées sur elle."
    )
    assert RoomMessage.objects.count() == 0


def test_question_page_is_not_found_for_anyone_else(client, sheet, question, outsider):
    client.force_login(outsider)

    assert client.get(question_page(question)).status_code == 404
    assert client.post(question_page(question), {"action": "intervision"}).status_code == 404
    assert SheetQuestion.objects.get().how == ""


@pytest.mark.parametrize(
    "path",
    [
        "questions/abc/",
        "questions/0/",
        "questions/9999999999999999999999/",
        "questions/-1/",
        "questions/1.5/",
    ],
)
def test_question_page_wrong_ids_are_not_found(client, sheet, author, path):
    client.force_login(author)

    assert client.get(SHEET_URL + path).status_code == 404


def test_question_of_another_sheet_is_not_found_under_this_one(
    client, practice_index, author_org, author, asker, question
):
    _sheet(practice_index, author_org, authors=[author], title="Autre", slug="autre")
    client.force_login(author)

    assert client.get(f"/pratiques/autre/questions/{question.pk}/").status_code == 404
