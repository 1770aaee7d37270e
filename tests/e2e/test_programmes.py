"""/soutiens/ in a real browser: a member of a small cooperative asks "what can my
organisation apply for?" and sees exactly the programmes it can apply for, with the
reason for each of the others; the list with filters, a programme and that answer pass
axe-core at desktop and phone widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from community.models import Membership, Organisation
from programmes.models import ProgrammeIndexPage, ProgrammePage
from tests.e2e.test_accessibility import assert_no_blocking_violation, scan
from tests.factories import MembershipFactory, OrganisationFactory, RegionFactory, UserFactory
from tests.programmes.conftest import days, publish_programme

pytestmark = pytest.mark.e2e


@pytest.fixture
def support(home_page):
    wallonia = RegionFactory(name="Wallonie", slug="wallonie")
    brussels = RegionFactory(name="Bruxelles", slug="bruxelles")
    index = home_page.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    publish_programme(
        index,
        title="Appel coopératives numériques",
        legal_forms=[Organisation.LegalForm.COOPERATIVE],
        deadline=days(20),
    )
    publish_programme(
        index, title="Bourse wallonne", regions=[wallonia], sizes=["1-9"], deadline=days(40)
    )
    publish_programme(
        index,
        title="Parcours RGPD",
        kind=ProgrammePage.Kind.TRAINING,
        legal_forms=[Organisation.LegalForm.ASSOCIATION],
        regions=[brussels],
        deadline=days(50),
    )
    publish_programme(
        index,
        title="Bourse des fédérations",
        organisation_kinds=[Organisation.Kind.FEDERATION],
        open_all_year=True,
    )
    publish_programme(index, title="Sites accessibles", deadline=days(-10))
    coop = OrganisationFactory(
        name="Paniers de Famenne",
        legal_form=Organisation.LegalForm.COOPERATIVE,
        region=wallonia,
        staff_size="1-9",
    )
    member = UserFactory(first_name="Léa", display_name="Léa")
    MembershipFactory(user=member, organisation=coop, status=Membership.Status.ACTIVE)
    return member


def test_a_small_cooperative_sees_what_it_can_apply_for_and_why_not_the_rest(
    page: Page, support, sign_in_as
):
    sign_in_as(page.context, support)
    page.goto("/soutiens/")
    expect(page.get_by_role("heading", name="4 soutiens")).to_be_visible()

    page.get_by_role("link", name="À quoi mon organisation peut-elle prétendre ?").click()

    section = page.get_by_role("region", name="Paniers de Famenne")
    expect(section.get_by_role("heading", name="2 soutiens possibles")).to_be_visible()
    eligible = section.locator(".programme-list .card__title")
    expect(eligible).to_have_text(["Appel coopératives numériques", "Bourse wallonne"])
    others = section.locator(".not-eligible > li")
    expect(others).to_have_count(2)
    expect(others.nth(0)).to_contain_text("Parcours RGPD")
    expect(others.nth(0).locator("li")).to_have_text(
        [
            "Réservé aux organisations de forme juridique : ASBL / association.",
            "Réservé aux organisations de ces régions : Bruxelles.",
        ]
    )
    expect(others.nth(1)).to_contain_text("Bourse des fédérations")
    expect(others.nth(1).locator("li")).to_have_text(
        ["Réservé aux organisations de type : Fédération ou coupole."]
    )
    # The closed call is in none of the lists.
    expect(page.get_by_text("Sites accessibles")).to_have_count(0)


def test_support_pages_have_no_serious_violation(page: Page, support, sign_in_as):
    programme = ProgrammePage.objects.get(title="Bourse wallonne")

    def filtered():
        page.goto("/soutiens/?region=wallonie&legal_form=cooperative&size=zzz")

    def programme_page():
        page.goto(programme.url)

    def eligible():
        page.goto("/soutiens/pour-mon-organisation/")

    problems = scan(page, "support-list-filtered", filtered) + scan(
        page, "programme-visitor", programme_page
    )
    sign_in_as(page.context, support)
    problems += scan(page, "programme-member", programme_page) + scan(
        page, "support-eligible", eligible
    )
    assert_no_blocking_violation(problems)
