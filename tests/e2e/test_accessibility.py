"""axe-core scans of the main pages, at desktop and phone widths, as the people who see
them: no violation of "serious" or "critical" impact is allowed.

axe-core comes from the `axe-playwright-python` package, which ships the official
`axe.min.js` from Deque's npm release (byte for byte; 4.12.1 in 0.1.8). It is run with
`page.evaluate`, which Chromium executes whatever the page's Content-Security-Policy says,
so the scanned page keeps the site's real CSP (`script-src 'self'`, `style-src 'self'`):
with `bypass_csp=True` an inline style the CSP blocks for visitors would be applied in the
scan, and axe would judge a page nobody sees.

Every scanned page is also saved as a screenshot (SHOTS_DIR, outside the repository), for
people to look at.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from community.models import Organisation
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
)

pytestmark = pytest.mark.e2e

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING_IMPACTS = {"serious", "critical"}
SHOTS_DIR = Path(os.environ.get("RELAIS_SHOTS_DIR", "/tmp/relais-shots"))

axe = Axe()


def scan(page: Page, name: str, load: Callable[[], None]) -> list[str]:
    """Bring the page to the state to scan with `load`, at each width in turn, and scan
    it; return one line per blocking violation or dangling id reference.

    Each width gets its own load, so that what is laid out on load is laid out for that
    width. A full-page screenshot of each is saved as `<name>-<width>.png`.
    """
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    problems = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        load()
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
