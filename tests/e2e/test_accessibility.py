"""axe-core scans of the main pages, at desktop and phone widths, as the people who see
them: no violation of "serious" or "critical" impact is allowed.

axe-core comes from the `axe-playwright-python` package, which ships the official
`axe.min.js` from Deque's npm release (byte for byte; 4.12.1 in 0.1.8). It is run with
`page.evaluate`, which Chromium executes whatever the page's Content-Security-Policy says,
so the scanned page keeps the site's real CSP (`script-src 'self'`, `style-src 'self'`):
with `bypass_csp=True` an inline style the CSP blocks for visitors would be applied in the
scan, and axe would judge a page nobody sees.

With RELAIS_SHOTS_DIR set (`RELAIS_SHOTS_DIR=/tmp/relais-shots make test`), every scanned
page is also saved there as a full-page screenshot, for people to look at; without it no
screenshot is taken (they cost a sixth of a scan).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Page, expect

from community.models import Notification, Organisation
from events.models import CalendarPage, Registration
from programmes.models import ProgrammeIndexPage, ProgrammePage
from rooms.services import creation, posting
from rooms.services.reading import advance_marker
from stories.models import StoryAuthor, StoryIndexPage
from tests.events.conftest import publish_event
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
)
from tests.practices.fixtures_listing import build_index, days_ago, make_sheet, make_tool
from tests.programmes.conftest import publish_programme
from tests.search.conftest import build_search_site
from tests.stories.conftest import publish_story
from website.models import HomePage

pytestmark = pytest.mark.e2e

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING_IMPACTS = {"serious", "critical"}
SHOTS_DIR = Path(os.environ["RELAIS_SHOTS_DIR"]) if os.environ.get("RELAIS_SHOTS_DIR") else None

axe = Axe()


def scan(page: Page, name: str, load: Callable[[], None]) -> list[str]:
    """Bring the page to the state to scan with `load`, at each width in turn, and scan
    it; return one line per blocking violation or dangling id reference.

    Each width gets its own load, so that what is laid out on load is laid out for that
    width. With SHOTS_DIR set, a full-page screenshot of each is saved as
    `<name>-<width>.png` there.
    """
    problems = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        load()
        if SHOTS_DIR:
            SHOTS_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SHOTS_DIR / f"{name}-{width}.png", full_page=True)
        problems += [f"{name} ({width}): {broken}" for broken in broken_id_references(page)]
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"])
                problems.append(
                    f"{name} ({width}): {violation['id']} [{violation['impact']}] "
                    f"{violation['help']} -> {targets}"
                )
    return problems


def broken_id_references(page: Page) -> list[str]:
    """ARIA and label references to an id that is not on the page.

    axe files these under "incomplete" (the element might be added later), but our pages
    are served whole: a dangling `aria-describedby` means an error or a hint that a
    screen reader never reads out with its field.
    """
    return page.evaluate(
        """() => {
            const attributes = ["aria-describedby", "aria-labelledby", "aria-controls",
                                "aria-errormessage", "aria-owns", "for"];
            const broken = [];
            for (const attribute of attributes) {
                for (const element of document.querySelectorAll(`[${attribute}]`)) {
                    for (const id of element.getAttribute(attribute).split(/\\s+/)) {
                        if (id && !document.getElementById(id)) {
                            const where = element.id ? `#${element.id}` : element.tagName;
                            broken.push(`${where} ${attribute}="${id}" points to no element`);
                        }
                    }
                }
            }
            return broken;
        }"""
    )


def assert_no_blocking_violation(problems: list[str]) -> None:
    assert problems == [], (
        "Serious or critical axe-core violations, or dangling id references:\n"
        + "\n".join(problems)
    )


@pytest.fixture
def network():
    """A small network: a federation, an EES affiliated to it with sectors and a region,
    and enough other EES for the directory to show its pagination."""
    wallonie = RegionFactory(name="Wallonie", slug="wallonie")
    sectors = [SectorFactory(name="Réemploi"), SectorFactory(name="Alimentation durable")]
    federation = FederationFactory(
        name="Fédération des Ressourceries", region=wallonie, description="Une coupole."
    )
    organisation = OrganisationFactory(
        name="Les Ateliers du Cœur",
        region=wallonie,
        sectors=sectors,
        website="https://ateliers.example",
        contact_email="contact@ateliers.example",
        contact_phone="+32 81 00 00 00",
        volunteers=12,
    )
    AffiliationFactory(organisation=organisation, federation=federation)
    FederationFactory(name="Coopératives en Réseau")
    OrganisationFactory.create_batch(12, region=wallonie, sectors=sectors[:1])
    return organisation


def test_public_pages_have_no_serious_violation(page: Page, network: Organisation):
    def home():
        page.goto("/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Relais")

    def directory():
        page.goto("/organisations/")
        expect(page.get_by_role("navigation", name="Pagination")).to_be_visible()

    def profile():
        page.goto(network.get_absolute_url())
        expect(page.get_by_role("heading", level=1)).to_have_text("Les Ateliers du Cœur")

    def not_found():
        page.goto("/cette-page-n-existe-pas/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Page introuvable")

    assert_no_blocking_violation(
        scan(page, "home", home)
        + scan(page, "directory", directory)
        + scan(page, "organisation-anonymous", profile)
        + scan(page, "not-found", not_found)
    )


def test_account_pages_have_no_serious_violation(page: Page):
    def signup():
        page.goto("/accounts/signup/")
        expect(page.get_by_label("Votre nom (obligatoire)", exact=True)).to_be_visible()

    def login():
        page.goto("/accounts/login/")
        expect(page.get_by_label("E-mail (obligatoire)", exact=True)).to_be_visible()

    assert_no_blocking_violation(scan(page, "signup", signup) + scan(page, "login", login))


def test_member_pages_have_no_serious_violation(page: Page, network: Organisation, sign_in_as):
    """What an organisation's admin sees: the admin panels of its page, the requests to
    decide in their space, and the creation form with its errors."""
    admin = MembershipFactory(
        organisation=network, admin=True, user__display_name="Alice Admin"
    ).user
    MembershipFactory(organisation=network, user__display_name="Bruno Membre")
    MembershipFactory(organisation=network, pending=True, user__display_name="Chloé Candidate")
    MembershipFactory(
        organisation=Organisation.objects.get(name="Coopératives en Réseau"),
        user=admin,
        pending=True,
    )
    sign_in_as(page.context, admin)

    def profile():
        page.goto(network.get_absolute_url())
        expect(page.get_by_role("button", name="Accepter Chloé Candidate")).to_be_visible()
        expect(page.get_by_role("button", name="Nommer Bruno Membre admin")).to_be_visible()

    def me():
        page.goto("/moi/")
        expect(page.get_by_role("heading", name="À traiter")).to_be_visible()
        pending = page.get_by_role("region", name="Mes demandes en attente")
        expect(pending.get_by_role("link", name="Coopératives en Réseau")).to_be_visible()

    def create_with_errors():
        page.goto("/organisations/creer/")
        page.get_by_role("button", name="Créer l'organisation").click()
        expect(page.get_by_role("alert")).to_have_text(
            "Le formulaire contient des erreurs : corrigez les champs signalés."
        )

    assert_no_blocking_violation(
        scan(page, "organisation-admin", profile)
        + scan(page, "me", me)
        + scan(page, "organisation-create-errors", create_with_errors)
    )


def test_home_in_both_states_has_no_serious_violation(
    page: Page, network: Organisation, sign_in_as
):
    """The home of a visitor with stories, sheets and dates, then of a signed-in member with
    something in every section: a request to decide, unread mentions and rooms, sheets in
    their themes, dates, their federation's news and a call their organisation may apply
    for."""
    member = member_with_news(network)

    def visitor_home():
        page.goto("/")
        expect(page.get_by_role("heading", name="Derniers récits")).to_be_visible()

    def member_home():
        page.goto("/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Alice Admin")
        expect(page.get_by_role("heading", name="Mes prochaines dates")).to_be_visible()

    problems = scan(page, "home-visitor-news", visitor_home)
    sign_in_as(page.context, member)
    assert_no_blocking_violation(problems + scan(page, "home-member", member_home))


def member_with_news(organisation: Organisation):
    """An admin of `organisation` with news in every section of their home page."""
    home = HomePage.objects.get()
    library = build_index()
    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    stories = home.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    supports = home.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    federation = Organisation.objects.get(name="Fédération des Ressourceries")
    member = MembershipFactory(
        organisation=organisation, admin=True, user__display_name="Alice Admin"
    ).user
    theme = ThemeFactory(name="Bénévolat")
    member.interests.set([theme])
    MembershipFactory(organisation=organisation, pending=True, user__display_name="Chloé")
    tools = [make_tool(name) for name in ("Nextcloud", "Dolibarr", "Signal")]
    for n, title in enumerate(["Un CRM pour nos bénévoles", "Planifier les tournées"]):
        make_sheet(library, title=title, tools=tools, themes=[theme], published_at=days_ago(n))
    make_sheet(library, title="Notre charte numérique", tools=tools, organisation=federation)
    start = timezone.now() + dt.timedelta(days=3)
    for title, status in (("Atelier RGPD", "confirmed"), ("Webinaire cloud", "waitlist")):
        event = publish_event(calendar, organisers=[organisation], title=title, start=start)
        Registration.objects.create(event=event, user=member, status=status)
    publish_event(calendar, organisers=[federation], title="Assemblée", start=start)
    author = StoryAuthor.objects.create(name="Fanny", organisation=federation)
    publish_story(stories, title="Dix ans de réemploi", authors=[author])
    publish_programme(supports, title="Chèque numérique", deadline=ProgrammePage.today())
    Notification.objects.create(
        user=member,
        kind=Notification.Kind.MENTION,
        message="Bruno vous mentionne dans Bénévolat",
        excerpt="@Alice tu as vu la fiche ?",
    )
    room = creation.create_theme_room(title="Bénévolat")
    advance_marker(member, room, 0)
    someone = MembershipFactory(organisation=organisation).user
    posting.post_message(user=someone, room=room, body="Bonjour", client_id=str(uuid.uuid4()))
    return member


def test_search_pages_have_no_serious_violation(page: Page, home_page):
    """/recherche/: results of every kind with their facets, one kind with its filters,
    nothing found, and the completion list open under the search box, an option chosen
    with the keyboard (Enter then opens it)."""
    build_search_site()

    def results():
        page.goto("/recherche/?q=nextcloud")
        facets = page.get_by_role("navigation", name="Type de résultat")
        expect(facets.get_by_role("link", name="Fiches pratiques (2)")).to_be_visible()
        expect(page.get_by_role("heading", name="4 résultats")).to_be_visible()

    def kind_with_filters():
        page.goto("/recherche/?q=nextcloud&type=sheet&theme=gestion")
        expect(page.get_by_label("Thème")).to_have_value("gestion")
        expect(page.get_by_role("heading", name="1 résultat", exact=True)).to_be_visible()

    def nothing_found():
        page.goto("/recherche/?q=zorglub")
        expect(page.get_by_role("heading", name="Parcourir")).to_be_visible()

    def completing():
        page.goto("/recherche/")
        box = page.locator("#id_q")
        box.press_sequentially("numeri")
        options = page.get_by_role("option")
        expect(options).to_have_count(2)
        expect(options.first).to_contain_text("Café numérique")
        box.press("ArrowDown")
        expect(options.first).to_have_attribute("aria-selected", "true")
        expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))

    def header_box():
        """The header's box: behind its button on a desktop, in the menu on a phone."""
        page.goto("/")
        box = page.locator("#site-search-q")
        if page.viewport_size["width"] < 768:
            page.get_by_role("button", name="Menu").click()
            box.click()
        else:
            page.locator(".site-search__toggle").click()
            expect(box).to_be_focused()
        box.press_sequentially("nextcl")
        expect(page.get_by_role("option")).to_have_text(["Nextcloud Outil"])

    assert_no_blocking_violation(
        scan(page, "search-results", results)
        + scan(page, "search-kind-filters", kind_with_filters)
        + scan(page, "search-nothing-found", nothing_found)
        + scan(page, "search-completion", completing)
        + scan(page, "search-header-box", header_box)
    )
    # On a desktop, Escape closes the suggestions, then the box, and gives the focus back
    # to its button.
    page.set_viewport_size(WIDTHS["desktop"])
    header_box()
    toggle = page.locator(".site-search__toggle")
    page.locator("#site-search-q").press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.locator("#site-search-q").press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()

    completing()
    page.locator("#id_q").press("Enter")
    expect(page).to_have_url(re.compile(r"/agenda/cafe-numerique/$"))
