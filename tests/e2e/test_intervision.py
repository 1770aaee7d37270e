"""An intervision end to end, as its people live it (issue 15), in real Chromium against
uvicorn, PostgreSQL and Redis: Fred facilitates a session with Anna and Bruno in the
event's room, under the Chatham House rule; items are proposed and kept in every part of
the sheet, the server is killed once during the harvest and comes back with nothing lost
or doubled; the session is closed, Anna completes the draft sheet it became (born at the
intervision, co-signed by both organisations), submits it, and an editor publishes it.
The room in session mode and its harvest panel pass axe-core at both widths, and the
panel is driven by keyboard and announces changes politely."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from events.models import CalendarPage
from intervisions.models import HarvestItem, Session
from practices.models import PracticeSheetPage, SheetDraft
from rooms.models import RoomMessage
from tests.e2e.fixtures_practices import next_step
from tests.e2e.fixtures_rooms import open_room  # noqa: F401
from tests.e2e.test_accessibility import assert_no_blocking_violation, scan
from tests.factories import UserFactory
from tests.intervisions.conftest import build_group
from tests.practices.conftest import build_practice_index, make_tools

pytestmark = pytest.mark.e2e

HARVEST = {
    "why": [
        "Le stock était tenu sur papier",
        "Les dons se perdaient entre deux permanences",
        "Les bénévoles changent souvent",
    ],
    "difficulties": [
        "Former des bénévoles de passage",
        "Choisir un outil sans budget",
        "Garder l'inventaire à jour",
    ],
    "tips": ["Commencer par un seul rayon", "Nommer un référent", "Documenter en images"],
    "phases": ["Inventaire de départ", "Test sur un mois", "Déploiement"],
    "tools": ["Nextcloud", "Dolibarr", "Signal"],
    "keywords": ["stock", "bénévoles", "inventaire"],
}
ITEMS = "#harvest-{part} .harvest-items > li[data-item]"


@pytest.fixture
def group(home_page):
    calendar = home_page.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    build_practice_index(home_page)
    make_tools()  # Nextcloud, Dolibarr, Signal in the catalogue
    return build_group(calendar)


def propose(page: Page, part: str, text: str) -> None:
    """By keyboard: type in the part's field, Enter; the field empties and keeps focus."""
    field = page.locator(f"#harvest-{part}-text")
    field.focus()
    field.fill(text)
    field.press("Enter")
    expect(field).to_have_value("")
    expect(field).to_be_focused()


def item(page: Page, part: str, text: str):
    exact = page.locator(".harvest-item__text", has_text=re.compile(f"^{re.escape(text)}$"))
    return page.locator(f"#harvest-{part} .harvest-item").filter(has=exact)


def keep(page: Page, part: str, text: str) -> None:
    """The facilitator keeps an item by keyboard: focus its "Garder", Enter."""
    button = item(page, part, text).locator(".harvest-item__keep")
    button.focus()
    button.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")


def test_a_facilitated_session_becomes_a_published_sheet_and_survives_a_restart(
    asgi_server,
    open_room,  # noqa: F811
    group,
):
    g = group
    server = asgi_server(name="intervision")
    fred = open_room(server, g.fred, g.room)
    anna = open_room(server, g.anna, g.room)
    bruno = open_room(server, g.bruno, g.room)
    problems: list[str] = []
    # The preparation page, as the organisers' admin sees it.
    prepare = open_room(server, g.fred, g.room)
    problems += scan(
        prepare,
        "intervision-prepare",
        lambda: prepare.goto(f"/intervisions/{g.event.pk}/preparer/"),
    )
    expect(prepare.get_by_label("Règle de Chatham House", exact=False)).to_be_checked()

    # The charter's promise is in the room; under the rule a message shows no author.
    expect(anna.locator("#room-confidence")).to_contain_text("Règle de Chatham House")
    anna.locator("#room-body").fill("Chez nous tout est encore sur papier.")
    anna.locator("#room-body").press("Enter")
    theirs = bruno.locator("#room-messages > li.msg[data-seq]").first
    expect(theirs.locator(".msg-author")).to_have_text("Participant·e")
    expect(bruno.locator("#room-live")).to_have_text("Nouveau message")
    mine = anna.locator("#room-messages > li.msg[data-seq]").first
    expect(mine).to_have_class(re.compile("msg--mine"))

    # Fred starts the session: the step and its timer show to all.
    fred.get_by_role("button", name="Démarrer la séance").click()
    for page in (fred, anna, bruno):
        expect(page.locator("#session")).to_have_attribute("data-running", "1")
        expect(page.locator(".session-step__title")).to_have_text("Présentation du cas")
        expect(page.locator("#session-timer")).to_have_text(re.compile(r"^\d\d:\d\d$"))
    expect(anna.locator("#session-live")).to_have_text("La séance commence.")
    problems += scan(anna, "intervision-session", lambda: None)

    # Fred moves to the next step by keyboard; the others hear of it.
    forward = fred.locator('[data-step-button="next"]')
    forward.focus()
    forward.press("Enter")
    for page in (anna, bruno):
        expect(page.locator(".session-step__title")).to_have_text("Questions de clarification")
    expect(anna.locator("#session-live")).to_contain_text("Étape 2 : Questions de clarification")

    # Anna and Bruno propose in every part, by turns; each item reaches everyone once.
    for part, texts in HARVEST.items():
        for n, text in enumerate(texts):
            propose(anna if n % 2 == 0 else bruno, part, text)
        for page in (fred, anna, bruno):
            expect(page.locator(ITEMS.format(part=part))).to_have_count(3)
    expect(fred.locator("#session-live")).to_contain_text("Nouvelle proposition dans")

    # The server dies during the harvest. Bruno's proposal waits, then goes through once.
    server.kill()
    for page in (fred, anna, bruno):
        expect(page.locator("#room")).not_to_have_attribute("data-state", "connected")
    propose(bruno, "tips", "Prévoir une permanence d'aide")
    expect(bruno.locator("#harvest-tips .harvest-item--pending")).to_have_count(1)
    server.start()
    for page in (fred, anna, bruno):
        expect(page.locator("#room")).to_have_attribute("data-state", "connected", timeout=30_000)
        expect(page.locator(ITEMS.format(part="tips"))).to_have_count(4, timeout=10_000)
    expect(bruno.locator("#harvest-tips .harvest-item--pending")).to_have_count(0)
    assert HarvestItem.objects.filter(text="Prévoir une permanence d'aide").count() == 1
    assert HarvestItem.objects.count() == 19

    # Fred keeps three per part, by keyboard; a fourth "tips" is refused, clearly.
    for part, texts in HARVEST.items():
        for text in texts:
            keep(fred, part, text)
        for page in (anna, bruno):
            expect(page.locator(f"#harvest-{part} .harvest-part__count")).to_have_text(
                "3 gardé·s sur 3"
            )
    fourth = item(fred, "tips", "Prévoir une permanence d'aide").locator(".harvest-item__keep")
    fourth.focus()
    fourth.press("Enter")
    expect(fred.locator("#session-error")).to_contain_text("garde déjà trois éléments")
    expect(fourth).to_have_attribute("aria-pressed", "false")
    expect(anna.locator("#session-live")).to_contain_text("Gardé dans « Mots-clés »")

    # Both organisations agree to co-sign.
    anna.locator('form[data-session-action="consent"] button').click()
    bruno.locator('form[data-session-action="consent"] button').click()
    expect(fred.locator(".session-consent__list")).to_have_text(
        "Co-signent déjà : La Ressourcerie du Val, L'Épicerie des Saules"
    )
    problems += scan(bruno, "intervision-harvest", lambda: None)
    # Each page shows every kept item once: the harvest is complete after the restart.
    for page in (fred, anna, bruno):
        kept = page.locator(".harvest-item.is-kept .harvest-item__text").all_inner_texts()
        assert sorted(kept) == sorted(text for texts in HARVEST.values() for text in texts)

    # Fred closes the session; the draft holds the kept items, with the event as origin.
    fred.locator(".session-close button").click()
    for page in (fred, anna, bruno):
        expect(page.locator(".session-step__now")).to_contain_text("Séance close")
    session = Session.objects.get()
    draft = SheetDraft.objects.get()
    assert session.draft == draft
    assert (draft.organisation, draft.origin_id) == (g.ressourcerie, g.event.pk)
    assert [item["text"] for item in draft.data["tips"]] == HARVEST["tips"]
    assert draft.data["keywords"] == HARVEST["keywords"]

    # Anna completes it in the wizard and submits it to the editors' review.
    anna.get_by_role("link", name="Compléter la fiche née de cette séance").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text("Contexte")
    anna.get_by_label("Résumé (obligatoire)", exact=True).fill(
        "Trois associations ont mis leur stock en ligne, pas à pas."
    )
    for step in ("Pourquoi", "Difficultés", "Conseils", "Phases", "Outils"):
        next_step(anna, step)
    for n in (1, 2, 3):
        anna.get_by_label(f"Outil {n} — comment nous l'avons utilisé", exact=True).fill(
            "Au quotidien."
        )
    for step in ("Mots-clés", "Résultats", "Aperçu et envoi"):
        next_step(anna, step)
    anna.get_by_role("button", name="Envoyer pour relecture").click()
    expect(anna).to_have_url(re.compile(r"/moi/$"))
    sheet = PracticeSheetPage.objects.get()
    assert sheet.origin_id == g.event.pk
    assert list(sheet.co_organisations.all()) == [g.epicerie]

    # An editor publishes it; the sheet says where it was born.
    editor = UserFactory(staff=True, display_name="Eddy Éditeur")
    admin = open_room(server, editor, g.room)
    admin.goto(f"/admin/pages/{sheet.pk}/edit/")
    admin.get_by_role("button", name="Plus d'actions").click()
    admin.get_by_role("button", name="Approuver et publier").click()
    expect(admin.get_by_role("status")).to_contain_text("a été mise à jour", timeout=20_000)
    sheet.refresh_from_db()
    assert sheet.live
    anna.goto(sheet.url)
    expect(anna.locator(".sheet__origin")).to_have_text(
        "née à l'intervision « Intervision inventaire »"
    )
    expect(anna.locator(".sheet__byline")).to_contain_text(
        "Par La Ressourcerie du Val, avec L'Épicerie des Saules"
    )

    # Six weeks later Anna says what her organisation tried (the page, scanned too).
    problems += scan(
        anna, "intervision-follow-up", lambda: anna.goto(f"/intervisions/{g.event.pk}/suivi/")
    )
    anna.get_by_label("Qu'avez-vous essayé depuis la séance ? (obligatoire)").fill(
        "Un référent par rayon."
    )
    anna.get_by_label("En partie").check()
    anna.get_by_role("button", name="Envoyer").click()
    expect(anna.get_by_role("status")).to_have_text(
        "Merci : votre groupe le lira à la prochaine séance."
    )
    assert sheet.adoptions.get().comment == "Un référent par rayon."

    # Nobody's name was ever stored with the messages' text, and none was doubled.
    assert list(RoomMessage.objects.values_list("seq", flat=True)) == [1]
    assert_no_blocking_violation(problems)
