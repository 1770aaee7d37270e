"""The self-diagnostic in Chromium (issue 14, "Done means"): an association's admin starts
a diagnostic and invites a colleague by email; both answer the whole questionnaire in the
browser, screen by screen; the result shows where they differ, the peer who closed the
gap (by consent; the other is only counted), its sheet, an upcoming intervision and a
programme; the admin puts three of them in the plan, downloads it as a PDF and opens the
printable version. Also: the questionnaire without JavaScript, by keyboard alone, and
axe-core on every screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from diagnostic import services
from diagnostic.models import Answer, Diagnostic, PlanAction, Question, Respondent
from diagnostic.reading import AXES, default_target
from diagnostic.suggestions import resolve
from tests.diagnostic.federation_fixtures import build_federation
from tests.diagnostic.fixtures import build_network
from tests.e2e import test_accessibility as a11y
from tests.e2e.test_notifications import on_live
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e

BACKUPS = "Comment vos fichiers sont-ils sauvegardés ?"
SHEET = "Des sauvegardes automatiques pour nos fichiers"
EVENT = "Intervision : sauvegarder sans se ruiner"
PROGRAMME = "Chèque cybersécurité"
AXIS_TITLES = [
    "Axe 1 sur 4 : Infrastructure",
    "Axe 2 sur 4 : Organisation",
    "Axe 3 sur 4 : Processus",
    "Axe 4 sur 4 : Stratégie",
]


def questions_on(axis: str) -> list[Question]:
    return list(Question.objects.filter(axis=axis).order_by("sort_order", "pk"))


def start_diagnostic(page: Page) -> Diagnostic:
    """From /diagnostic/, signed in as Alice: start a diagnostic of her association, as
    its governance; the first axis opens."""
    page.goto("/diagnostic/")
    start = page.get_by_role("region", name="Commencer un diagnostic")
    start.get_by_label("Organisation").select_option(label="Les Jardins Partagés")
    start.get_by_label("Vous y répondez en tant que").select_option("governance")
    start.get_by_role("button", name="Commencer le questionnaire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(AXIS_TITLES[0])
    diagnostic = Diagnostic.objects.get(organisation__name="Les Jardins Partagés")
    expect(page).to_have_url(re.compile(rf"/diagnostic/{diagnostic.pk}/repondre/infrastructure/$"))
    return diagnostic


def answer_all(page: Page, level_of) -> None:
    """On the first axis's screen: every axis, clicking for each question the label of
    the radio at `level_of(question)` in its group, then send the answers."""
    for number, axis in enumerate(AXES):
        expect(page.get_by_role("heading", level=1)).to_have_text(AXIS_TITLES[number])
        for question in questions_on(axis):
            group = page.get_by_role("group", name=question.text, exact=True)
            level = level_of(question)
            group.locator("label").nth(level).click()
            expect(group.get_by_role("radio").nth(level)).to_be_checked()
        page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Envoyer mes réponses")
    expect(page.get_by_text("Vous avez répondu à toutes les questions.")).to_be_visible()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Merci ! Vos réponses sont enregistrées.")).to_be_visible()


def test_two_voices_answer_and_choose_a_plan(
    new_context, sign_in_as, live_server, home_page, mailoutbox
):
    network = build_network()
    alice = new_context()
    sign_in_as(alice, network["alice"])
    page = alice.new_page()

    diagnostic = start_diagnostic(page)
    answer_all(page, lambda q: 0 if q.key == "sauvegardes" else 3)
    expect(page).to_have_url(re.compile(rf"/diagnostic/{diagnostic.pk}/$"))

    # She invites Bruno, a member of the association, from the result page.
    invite = page.locator("form", has=page.get_by_role("heading", name="Inviter une autre voix"))
    invite.get_by_label("Adresse e-mail").fill("bruno@example.org")
    invite.get_by_label("Rôle dans l'organisation").select_option("staff")
    invite.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text("Invitation envoyée à bruno@example.org.")).to_be_visible()
    [email] = mailoutbox
    assert email.to == ["bruno@example.org"]
    assert email.subject == "[Relais] Votre avis sur le numérique de Les Jardins Partagés"
    [link] = re.findall(r"http\S+/diagnostic/invitation/\S+/", email.body)

    # Bruno follows the link, accepts and answers (the invitation is his account's from
    # the start, shown as sent until he accepts).
    bruno = new_context()
    sign_in_as(bruno, network["bruno"])
    his = bruno.new_page()
    his.goto(on_live(link, live_server))
    expect(
        his.get_by_role("heading", name="Le diagnostic numérique de Les Jardins Partagés")
    ).to_be_visible()
    his.get_by_role("button", name="Accepter et commencer").click()
    expect(his).to_have_url(re.compile(rf"/diagnostic/{diagnostic.pk}/repondre/infrastructure/$"))
    answer_all(his, lambda q: 2 if q.key == "sauvegardes" else 3)
    his.close()

    page.reload()
    voices = page.get_by_role("region", name="Les voix")
    expect(voices.get_by_text("2 personnes sur 2 ont envoyé leurs réponses.")).to_be_visible()

    differ = page.get_by_role("region", name="Là où vos avis diffèrent")
    expect(differ.get_by_role("heading", level=3)).to_have_text([BACKUPS])
    expect(differ.get_by_role("listitem")).to_have_text(
        [
            re.compile(r"^Alice Martin \(Gouvernance .*\) : niveau 0 — Aucune sauvegarde"),
            re.compile(r"^Bruno Lefèvre \(Équipe salariée\) : niveau 2 — Les fichiers sont"),
        ]
    )

    weak = page.get_by_role("region", name="Vos points à renforcer, et qui peut vous aider")
    expect(weak.get_by_role("article")).to_have_count(1)
    point = weak.get_by_role("article", name=BACKUPS)
    expect(point.get_by_text("Infrastructure · niveau 1 sur 4")).to_be_visible()
    peer = point.locator("li.peer")
    expect(peer.get_by_role("link", name="Coopérative Vélo Solidaire")).to_be_visible()
    expect(peer.get_by_role("link", name=SHEET)).to_be_visible()
    expect(
        point.get_by_text(
            "1 autre organisation a progressé sur ce point sans souhaiter être nommée."
        )
    ).to_be_visible()
    expect(point.get_by_role("link", name=EVENT)).to_be_visible()
    expect(point.get_by_role("link", name=PROGRAMME)).to_be_visible()
    expect(page.get_by_text("ASBL Discrète")).to_have_count(0)
    assert "ASBL Discrète" not in page.content()
    expect(page.get_by_text("Appel réservé aux fondations")).to_have_count(0)

    # Three actions, each chosen among the point's suggestions with its target date,
    # prefilled 90 days from now.
    target = default_target()
    for title in (SHEET, EVENT, PROGRAMME):
        expect(point.get_by_label("Échéance")).to_have_value(target.isoformat())
        point.get_by_label("Une action pour ce point").select_option(label=title)
        point.get_by_role("button", name="Ajouter à notre plan").click()
        expect(page.get_by_text(f"« {title} » est dans votre plan.")).to_be_visible()
        # What is in the plan is marked, and no longer offered.
        expect(point.get_by_role("option", name=title, exact=True)).to_have_count(0)
    plan = page.get_by_role("region", name="Notre plan d'action")
    expect(plan.get_by_role("heading", level=2)).to_have_text("Notre plan d'action")
    expect(plan.get_by_role("listitem")).to_have_count(3)
    expect(plan.get_by_role("link")).to_have_text(
        [SHEET, EVENT, PROGRAMME, "Version à imprimer", "Télécharger le plan (PDF)"]
    )
    expect(page.get_by_role("button", name=re.compile("^Ajouter à notre plan"))).to_have_count(0)
    assert list(
        PlanAction.objects.filter(diagnostic=diagnostic).values_list(
            "kind", "title", "question_key", "target_date"
        )
    ) == [
        ("sheet", SHEET, "sauvegardes", target),
        ("event", EVENT, "sauvegardes", target),
        ("programme", PROGRAMME, "sauvegardes", target),
    ]

    with page.expect_download() as info:
        plan.get_by_role("link", name="Télécharger le plan (PDF)").click()
    download = info.value
    assert download.suggested_filename.startswith("plan-diagnostic-")
    with open(download.path(), "rb") as pdf:
        assert pdf.read().startswith(b"%PDF-")

    plan.get_by_role("link", name="Version à imprimer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Plan d'action numérique de Les Jardins Partagés"
    )
    rows = page.get_by_role("table", name="Nos actions").get_by_role("row")
    expect(rows).to_have_count(4)
    expect(rows.nth(1).get_by_role("cell").first).to_have_text(SHEET)
    expect(rows.nth(2).get_by_role("cell").first).to_have_text(EVENT)
    expect(rows.nth(3).get_by_role("cell").first).to_have_text(PROGRAMME)


def test_the_questionnaire_works_without_javascript_and_by_keyboard(
    new_context, sign_in_as, home_page
):
    network = build_network()
    context = new_context(java_script_enabled=False)
    sign_in_as(context, network["alice"])
    page = context.new_page()
    diagnostic = start_diagnostic(page)

    # The first axis, by keyboard alone: Tab into each question's group, Space or the
    # arrow keys to choose, Tab to the button and Enter.
    questions = questions_on("infrastructure")
    assert len(questions) == 6
    chosen = [0, 2, 1, 4, 3, 5]  # 5: "Je ne sais pas"
    form = page.locator("form.questionnaire")
    page.get_by_role("navigation", name="Étapes du questionnaire").get_by_role(
        "link", name="Envoyer"
    ).focus()
    for question, level in zip(questions, chosen, strict=True):
        group = form.get_by_role("group", name=question.text, exact=True)
        radios = group.get_by_role("radio")
        page.keyboard.press("Tab")
        expect(radios.first).to_be_focused()
        expect(radios.first).not_to_be_checked()
        if level == 0:
            page.keyboard.press("Space")
        for _ in range(level):
            page.keyboard.press("ArrowDown")
        expect(radios.nth(level)).to_be_focused()
        expect(radios.nth(level)).to_be_checked()
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Enregistrer et continuer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(AXIS_TITLES[1])
    expect(page).to_have_url(re.compile(rf"/diagnostic/{diagnostic.pk}/repondre/organisation/$"))
    steps = page.get_by_role("navigation", name="Étapes du questionnaire")
    expect(steps.get_by_role("listitem").first).to_contain_text("6 sur 6")

    voice = Respondent.objects.get(diagnostic=diagnostic)
    assert dict(Answer.objects.filter(respondent=voice).values_list("question__key", "level")) == {
        "equipement": 0,
        "connexion-internet": 2,
        "sauvegardes": 1,
        "securite-acces": 4,
        "logiciels-licences": 3,
        "impact-environnemental": None,
    }

    # She leaves, and comes back: the questionnaire resumes on the second axis, the first
    # keeps her answers.
    page.goto("/diagnostic/")
    page.goto(f"/diagnostic/{diagnostic.pk}/repondre/")
    expect(page).to_have_url(re.compile(rf"/diagnostic/{diagnostic.pk}/repondre/organisation/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(AXIS_TITLES[1])
    expect(form.get_by_role("radio", checked=True)).to_have_count(0)
    steps.get_by_role("link", name="1. Infrastructure").click()
    for question, level in zip(questions, chosen, strict=True):
        group = form.get_by_role("group", name=question.text, exact=True)
        expect(group.get_by_role("radio", checked=True)).to_have_count(1)
        expect(group.get_by_role("radio").nth(level)).to_be_checked()


def answer_with_services(voice: Respondent, level_of) -> None:
    services.save_answers(
        respondent=voice,
        levels={q.pk: level_of(q) for q in Question.objects.all()},
    )
    services.submit(respondent=voice)


def test_every_step_and_the_result_have_no_serious_violation(
    new_context, sign_in_as, home_page, mailoutbox
):
    network = build_network()
    page = new_context().new_page()

    def signed_out():
        page.goto("/diagnostic/")
        expect(page.get_by_role("link", name="Se connecter pour commencer")).to_be_visible()

    problems = a11y.scan(page, "diagnostic-home-signed-out", signed_out)

    sign_in_as(page.context, network["alice"])

    def signed_in():
        page.goto("/diagnostic/")
        expect(page.get_by_role("button", name="Commencer le questionnaire")).to_be_visible()

    problems += a11y.scan(page, "diagnostic-home-admin", signed_in)

    diagnostic = services.start(
        organisation=network["own"], user=network["alice"], role="governance"
    )
    for number, axis in enumerate(AXES):

        def axis_screen(axis=axis, number=number):
            page.goto(f"/diagnostic/{diagnostic.pk}/repondre/{axis}/")
            expect(page.get_by_role("heading", level=1)).to_have_text(AXIS_TITLES[number])

        problems += a11y.scan(page, f"diagnostic-axis-{number + 1}", axis_screen)

    def send_screen():
        page.goto(f"/diagnostic/{diagnostic.pk}/repondre/envoyer/")
        expect(page.get_by_text("Il vous reste 24 questions sans réponse :")).to_be_visible()

    problems += a11y.scan(page, "diagnostic-send", send_screen)

    # Chloé, invited by email before she had an account, opens the link once signed up.
    invited = services.invite(
        diagnostic=diagnostic, by=network["alice"], email="chloe@example.org", role="volunteers"
    )
    chloe = UserFactory(display_name="Chloé Dubois", email="chloe@example.org")
    guest = new_context()
    sign_in_as(guest, chloe)
    her = guest.new_page()

    def invitation():
        her.goto(f"/diagnostic/invitation/{invited.token}/")
        expect(her.get_by_role("button", name="Accepter et commencer")).to_be_visible()

    problems += a11y.scan(her, "diagnostic-invitation", invitation)
    her.get_by_role("button", name="Accepter et commencer").click()
    expect(her.get_by_role("heading", level=1)).to_have_text(AXIS_TITLES[0])
    invited.refresh_from_db()
    assert invited.user == chloe

    # Two voices answered, two actions in the plan, one more to choose.
    mine = diagnostic.respondents.get(user=network["alice"])
    answer_with_services(mine, lambda q: 0 if q.key == "sauvegardes" else 3)
    his = services.invite(
        diagnostic=diagnostic, by=network["alice"], email="bruno@example.org", role="staff"
    )
    answer_with_services(his, lambda q: 2 if q.key == "sauvegardes" else 3)
    for reference in (f"sheet:{network['sheet'].pk}", f"event:{network['event'].pk}"):
        services.add_action(
            diagnostic=diagnostic,
            suggestion=resolve(reference, None),
            question_key="sauvegardes",
            target_date=default_target(),
        )

    def result():
        page.goto(f"/diagnostic/{diagnostic.pk}/")
        expect(page.get_by_role("heading", name="Là où vos avis diffèrent")).to_be_visible()
        point = page.get_by_role("article", name=BACKUPS)
        expect(point.get_by_role("link", name="Coopérative Vélo Solidaire")).to_be_visible()
        expect(point.get_by_label("Une action pour ce point")).to_be_visible()
        expect(point.get_by_role("option", name=PROGRAMME, exact=True)).to_be_attached()
        plan = page.get_by_role("region", name="Notre plan d'action")
        expect(plan.get_by_role("listitem")).to_have_count(2)

    problems += a11y.scan(page, "diagnostic-result", result)

    def printable():
        page.goto(f"/diagnostic/{diagnostic.pk}/plan/")
        expect(page.get_by_role("table", name="Nos actions").get_by_role("row")).to_have_count(3)

    problems += a11y.scan(page, "diagnostic-plan", printable)
    a11y.assert_no_blocking_violation(problems)


def test_the_federations_dashboard_has_no_serious_violation_and_fits_a_phone(
    new_context, sign_in_as, home_page
):
    built = build_federation(size=5, diagnosed=5)
    context = new_context()
    sign_in_as(context, built["manager"])
    page = context.new_page()
    url = f"/organisations/{built['federation'].slug}/tableau-de-bord/"

    def dashboard():
        page.goto(url)
        expect(page.get_by_role("heading", name="Leur maturité numérique")).to_be_visible()
        # Wide tables scroll inside their region; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    a11y.assert_no_blocking_violation(a11y.scan(page, "federation-dashboard", dashboard))
    # The charts' figures are there for screen readers, as tables.
    expect(page.get_by_role("table", name="Processus")).to_be_attached()
