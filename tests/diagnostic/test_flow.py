"""The diagnostic from start to plan, through the views as people use them: an admin
starts it and invites a colleague; both answer; the result shows where they differ, the
peers (by consent) and sheets for the weak point, an eligible programme and an upcoming
intervision; the plan takes three actions, no more, and comes out as a page and a PDF."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from community.models import Notification
from diagnostic.models import Diagnostic, PlanAction, QuestionScore, Respondent
from tests.diagnostic.fixtures import answer_everything, build_network, post_axis
from tests.factories import UserFactory
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_network = built_once_per_module(build_network)


@pytest.fixture
def network(_network):
    return _network.copy()


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def start(client) -> Diagnostic:
    response = client.post(
        "/diagnostic/commencer/",
        {
            "organisation": Diagnostic._meta.get_field("organisation")
            .related_model.objects.get(name="Les Jardins Partagés")
            .pk,
            "role": "governance",
        },
    )
    diagnostic = Diagnostic.objects.latest("pk")
    assert response["Location"] == f"/diagnostic/{diagnostic.pk}/repondre/"
    return diagnostic


def test_the_admin_starts_invites_and_both_answer_then_plan(
    network, django_capture_on_commit_callbacks
):
    alice, bruno = client_of(network["alice"]), client_of(network["bruno"])
    diagnostic = start(alice)
    assert alice.get(f"/diagnostic/{diagnostic.pk}/repondre/")["Location"] == (
        f"/diagnostic/{diagnostic.pk}/repondre/infrastructure/"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = alice.post(
            f"/diagnostic/{diagnostic.pk}/inviter/",
            {"email": "bruno@example.org", "role": "staff"},
        )
    assert response.status_code == 302
    voice = Respondent.objects.get(diagnostic=diagnostic, email="bruno@example.org")
    assert voice.user == network["bruno"]
    assert [n.message for n in Notification.objects.filter(user=network["bruno"])] == [
        "Alice Martin vous invite à répondre au diagnostic numérique de Les Jardins Partagés."
    ]
    assert [m.subject for m in mail.outbox] == [
        "[Relais] Votre avis sur le numérique de Les Jardins Partagés"
    ]
    assert f"/diagnostic/invitation/{voice.token}/" in mail.outbox[0].body
    # Sent, not accepted: Bruno has not opened it yet. Until he accepts, his name is not
    # shown (whether an address has an account is nobody's business), and he sees nothing
    # of the diagnostic but the invitation.
    statuses = [
        (v.name, v.respondent.accepted_at is not None)
        for v in alice.get(f"/diagnostic/{diagnostic.pk}/").context["result"].voices
    ]
    assert statuses == [("Alice Martin", True), ("bruno@example.org", False)]
    assert "bruno@example.org · Équipe salariée · invitation envoyée" in unescape(
        alice.get(f"/diagnostic/{diagnostic.pk}/").content.decode()
    )
    assert bruno.get(f"/diagnostic/{diagnostic.pk}/").status_code == 403
    assert bruno.get(f"/diagnostic/{diagnostic.pk}/repondre/infrastructure/").status_code == 403

    # Inviting the same person twice is refused in words, on the form.
    again = alice.post(
        f"/diagnostic/{diagnostic.pk}/inviter/", {"email": "Bruno@example.org", "role": "staff"}
    )
    assert again.status_code == 400
    assert "Bruno@example.org est déjà invité·e à ce diagnostic." in again.content.decode()

    # Alice: backups at 0, everything else at 3. Bruno: backups at 2, the rest at 3.
    answer_everything(alice, diagnostic, lambda q: "0" if q.key == "sauvegardes" else "3")
    assert bruno.post(f"/diagnostic/invitation/{voice.token}/")["Location"] == (
        f"/diagnostic/{diagnostic.pk}/repondre/"
    )
    answer_everything(bruno, diagnostic, lambda q: "2" if q.key == "sauvegardes" else "3")

    page = alice.get(f"/diagnostic/{diagnostic.pk}/")
    html = page.content.decode()
    result = page.context["result"]
    assert [v.name for v in result.submitted] == ["Alice Martin", "Bruno Lefèvre"]
    assert [q.question.key for q in result.disagreements] == ["sauvegardes"]
    assert [(axis.key, axis.score) for axis in result.axes] == [
        ("infrastructure", 67),
        ("organisation", 75),
        ("processes", 75),
        ("strategy", 75),
    ]
    assert result.overall == 73
    [point] = page.context["weak_points"]
    assert point.question.key == "sauvegardes"
    assert [p.organisation.name for p in point.peers] == ["Coopérative Vélo Solidaire"]
    assert [s.title for s in point.peers[0].sheets] == [
        "Des sauvegardes automatiques pour nos fichiers"
    ]
    assert point.unnamed_peers == 1
    assert "ASBL Discrète" not in html
    assert [s.title for s in point.sheets] == ["Des sauvegardes automatiques pour nos fichiers"]
    assert [s.title for s in point.tools] == ["Nextcloud", "Restic", "KeePassXC"]
    assert [s.title for s in point.events] == ["Intervision : sauvegarder sans se ruiner"]
    assert [s.title for s in point.programmes] == ["Chèque cybersécurité"]

    # Three actions, each with a target date; a fourth is refused.
    target = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    for reference in (
        f"sheet:{network['sheet'].pk}",
        f"event:{network['event'].pk}",
        f"programme:{network['programme'].pk}",
    ):
        alice.post(
            f"/diagnostic/{diagnostic.pk}/plan/ajouter/",
            {"reference": reference, "question": "sauvegardes", "target_date": target},
        )
    fourth = alice.post(
        f"/diagnostic/{diagnostic.pk}/plan/ajouter/",
        {
            "reference": f"peer:{network['shown'].pk}",
            "question": "sauvegardes",
            "target_date": target,
        },
        follow=True,
    )
    assert "Votre plan compte déjà 3 actions" in fourth.content.decode()
    assert [a.title for a in PlanAction.objects.filter(diagnostic=diagnostic)] == [
        "Des sauvegardes automatiques pour nos fichiers",
        "Intervision : sauvegarder sans se ruiner",
        "Chèque cybersécurité",
    ]

    printable = alice.get(f"/diagnostic/{diagnostic.pk}/plan/")
    assert "Chèque cybersécurité" in printable.content.decode()
    pdf = alice.get(f"/diagnostic/{diagnostic.pk}/plan.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")

    # Bruno sees the result, but only admins choose the plan.
    assert bruno.get(f"/diagnostic/{diagnostic.pk}/").status_code == 200
    assert bruno.post(f"/diagnostic/{diagnostic.pk}/plan/ajouter/", {}).status_code == 403


def test_a_screen_is_saved_and_the_questionnaire_resumes_where_it_stopped(network):
    alice = client_of(network["alice"])
    diagnostic = start(alice)
    response = post_axis(
        alice,
        diagnostic,
        "infrastructure",
        {"equipement": "2", "sauvegardes": "nsp", "connexion-internet": "4"},
    )
    assert response["Location"] == f"/diagnostic/{diagnostic.pk}/repondre/organisation/"
    voice = diagnostic.respondents.get()
    assert sorted(voice.answers.values_list("question__key", "level")) == [
        ("connexion-internet", 4),
        ("equipement", 2),
        ("sauvegardes", None),
    ]
    # Three infrastructure questions are left: that is where it resumes.
    assert alice.get(f"/diagnostic/{diagnostic.pk}/repondre/")["Location"] == (
        f"/diagnostic/{diagnostic.pk}/repondre/infrastructure/"
    )
    page = alice.get(f"/diagnostic/{diagnostic.pk}/repondre/infrastructure/")
    equipment = voice.answers.get(question__key="equipement").question_id
    checked = re.findall(
        rf'<input type="radio" name="q{equipment}" value="(\w+)"[^>]* checked',
        page.content.decode(),
    )
    assert checked == ["2"]
    sent = alice.post(f"/diagnostic/{diagnostic.pk}/repondre/envoyer/", follow=True)
    assert "Il reste 21 questions sans réponse" in sent.content.decode()
    assert not QuestionScore.objects.filter(diagnostic=diagnostic).exists()


def test_a_tampered_level_is_an_error_on_the_form_not_a_500(network):
    alice = client_of(network["alice"])
    diagnostic = start(alice)
    response = post_axis(alice, diagnostic, "strategy", {"gouvernance": "9"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_people_outside_the_diagnostic_are_refused_in_words(network):
    diagnostic = start(client_of(network["alice"]))
    outsider = client_of(network["shown"].memberships.first().user)
    response = outsider.get(f"/diagnostic/{diagnostic.pk}/")
    assert response.status_code == 403
    assert "Ce diagnostic n'est visible que des administrateurs" in unescape(
        response.content.decode()
    )
    assert Client().get(f"/diagnostic/{diagnostic.pk}/")["Location"].startswith("/accounts/login/")
    assert client_of(network["alice"]).get("/diagnostic/99999999/").status_code == 404
    assert (
        client_of(network["alice"])
        .get(f"/diagnostic/{diagnostic.pk}/repondre/nowhere/")
        .status_code
        == 404
    )


HOSTILE = ["", "x", "sheet:²", "sheet:99999999999999999999", "sheet:-1", "peer:", ":", "\x00"]


def test_hostile_posts_are_refused_in_words_never_a_500(network):
    alice = client_of(network["alice"])
    alice.raise_request_exception = False
    diagnostic = start(alice)
    base = f"/diagnostic/{diagnostic.pk}"
    statuses = set()
    for value in HOSTILE:
        for data in (
            {"reference": value, "question": "sauvegardes", "target_date": "2030-01-01"},
            {
                "reference": f"sheet:{network['sheet'].pk}",
                "question": value,
                "target_date": "2030-01-01",
            },
            {
                "reference": f"sheet:{network['sheet'].pk}",
                "question": "sauvegardes",
                "target_date": value or "2026-13-45",
            },
        ):
            statuses.add(alice.post(f"{base}/plan/ajouter/", data).status_code)
        statuses.add(alice.post(f"{base}/inviter/", {"email": value, "role": value}).status_code)
        statuses.add(alice.post(f"{base}/partage/", {"show_as_peer": value}).status_code)
        statuses.add(alice.post(f"{base}/repondre/strategy/", {"q1": value}).status_code)
        statuses.add(alice.post("/diagnostic/commencer/", {"organisation": value}).status_code)
    statuses.add(alice.post(f"{base}/plan/99999999/", {"done": "on"}).status_code)
    statuses.add(alice.get("/diagnostic/invitation/%00/").status_code)
    assert max(statuses) < 500
    assert not diagnostic.actions.exists()
    # A past date is refused with its reason.
    past = alice.post(
        f"{base}/plan/ajouter/",
        {
            "reference": f"sheet:{network['sheet'].pk}",
            "question": "sauvegardes",
            "target_date": "2020-01-01",
        },
        follow=True,
    )
    assert "Choisissez une échéance qui n'est pas encore passée." in unescape(past.content.decode())


def test_an_admin_withdraws_an_invitation_not_the_answers_sent(network):
    alice = client_of(network["alice"])
    diagnostic = start(alice)
    alice.post(
        f"/diagnostic/{diagnostic.pk}/inviter/", {"email": "chloe@example.org", "role": "other"}
    )
    chloe = diagnostic.respondents.get(email="chloe@example.org")
    mine = diagnostic.respondents.get(user=network["alice"])
    # A member who is no admin cannot.
    bruno = client_of(network["bruno"])
    assert bruno.post(f"/diagnostic/{diagnostic.pk}/voix/{chloe.pk}/retirer/").status_code == 403
    response = alice.post(f"/diagnostic/{diagnostic.pk}/voix/{chloe.pk}/retirer/", follow=True)
    assert "L'invitation de chloe@example.org est retirée." in unescape(response.content.decode())
    assert list(diagnostic.respondents.values_list("email", flat=True)) == ["alice@example.org"]
    assert client_of(UserFactory()).get(f"/diagnostic/invitation/{chloe.token}/").status_code == 404
    # The admin who started it stays.
    kept = alice.post(f"/diagnostic/{diagnostic.pk}/voix/{mine.pk}/retirer/", follow=True)
    assert "Cette voix reste : ses réponses sont envoyées" in unescape(kept.content.decode())
    assert diagnostic.respondents.count() == 1


def test_an_axis_answered_i_dont_know_throughout_has_no_score(network):
    alice = client_of(network["alice"])
    diagnostic = start(alice)
    answer_everything(alice, diagnostic, lambda q: "nsp" if q.axis == "strategy" else "2")
    page = alice.get(f"/diagnostic/{diagnostic.pk}/")
    assert [(axis.key, axis.score) for axis in page.context["result"].axes] == [
        ("infrastructure", 50),
        ("organisation", 50),
        ("processes", 50),
        ("strategy", None),
    ]
    assert page.context["result"].overall == 50
    html = unescape(page.content.decode())
    assert "Un axe où toutes les réponses sont « Je ne sais pas » n'a pas de score" in html
    assert '<th scope="row">Stratégie</th>\n        <td>—</td>' in html
