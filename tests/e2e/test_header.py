"""The site header: compact on a phone (the menu folds behind a button), the full row on a
desktop; the phone menu works without JavaScript too. With RELAIS_SHOTS_DIR set, screenshots
of the header go there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SHOTS_DIR = Path(os.environ["RELAIS_SHOTS_DIR"]) if os.environ.get("RELAIS_SHOTS_DIR") else None
LINKS = ["Pratiques", "Outils", "Agenda", "Soutiens", "Salons", "Organisations"]


def header_shot(page, name: str) -> None:
    if not SHOTS_DIR:
        return
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    box = page.locator(".site-header").bounding_box()
    height = max(box["height"], 1) + 16
    page.screenshot(
        path=SHOTS_DIR / f"{name}.png",
        clip={"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height},
    )


def blocking_violations(page) -> list[str]:
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def nav_link(page, name: str):
    return page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name=name, exact=True
    )


def test_phone_header_is_compact_and_its_menu_button_discloses_the_navigation(new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto("/")
    button = page.get_by_role("button", name="Menu")

    header_height = page.locator(".site-header").bounding_box()["height"]
    header_shot(page, "header-phone-390")
    assert header_height <= 72
    expect(button).to_have_attribute("aria-expanded", "false")
    for name in LINKS:
        expect(nav_link(page, name)).to_be_hidden()

    button.click()
    header_shot(page, "header-phone-390-menu-open")

    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_have_attribute("aria-controls", "menu-principal")
    for name in LINKS:
        expect(nav_link(page, name)).to_be_visible()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
    expect(page.get_by_role("button", name="NL — Nederlands")).to_be_visible()
    assert blocking_violations(page) == []

    page.keyboard.press("Escape")

    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(nav_link(page, "Pratiques")).to_be_hidden()


def test_phone_menu_opens_and_closes_without_javascript(new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto("/")

    assert page.locator(".site-header").bounding_box()["height"] <= 72
    expect(nav_link(page, "Pratiques")).to_be_hidden()

    page.get_by_role("link", name="Menu", exact=True).click()

    for name in LINKS:
        expect(nav_link(page, name)).to_be_visible()

    page.get_by_role("link", name="Fermer le menu").click()

    expect(nav_link(page, "Pratiques")).to_be_hidden()


def test_desktop_header_shows_the_navigation_in_one_row_without_menu_button(new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto("/")

    header_shot(page, "header-desktop-1280")

    assert page.locator(".site-header").bounding_box()["height"] <= 72
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    for name in LINKS:
        expect(nav_link(page, name)).to_be_visible()
    assert blocking_violations(page) == []
