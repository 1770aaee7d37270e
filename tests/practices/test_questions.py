"""Asking a sheet's authors a question (issue 15): who is told and in what words, the three
ways of answering (the sheet's room, a private conversation, an intervision announced with
a prefilled form), who sees a question's page, bad input, and that nobody's address is
ever shown."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from community.models import Notification
from community.public import absolute_url
from events.forms import EventForm
from events.models import CalendarPage
from practices.questions import SheetQuestion
from practices.services import questions
from rooms.models import Room, RoomMessage
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.practices.conftest import build_home_page, build_practice_index
from tests.practices.fixtures_listing import make_sheet, make_tool
from tests.refusal_page import refusal_of
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

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


# Publishing a sheet in its page tree costs far more than most tests here: the rows are
# built once for the module (tests/shared.py) and every test runs on top of them.
_people_and_sheet = built_once_per_module(build_people_and_sheet)


@pytest.fixture(autouse=True)
def people_and_sheet(_people_and_sheet, db) -> dict:
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
