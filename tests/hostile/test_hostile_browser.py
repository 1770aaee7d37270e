"""The pages that show the most hostile text (tests/hostile/world.py), in real Chromium:
no payload runs (`window.__xss` is a trap: any assignment is recorded), no dialog opens,
and the site's Content Security Policy reports nothing, because nothing reached it.
Then once more with the CSP switched off in the browser: escaping alone holds."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.conftest import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    home_page,
    new_context,
    sign_in_as,
)

from .world import build

pytestmark = pytest.mark.e2e

TRAP = """
window.__ran = [];
window.__csp = [];
Object.defineProperty(window, "__xss", {
  configurable: false,
  get() { return undefined; },
  set(value) { window.__ran.push(String(value)); },
});
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(event.violatedDirective + " " + event.blockedURI);
});
"""
PAGES = ["sheet", "event", "organisation", "room", "anna"]


@pytest.fixture(scope="module")
def browser():
    """tests/e2e's Chromium, for this module only: Playwright keeps an event loop running
    while it is started, and the room tests of this package drive loops of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


PROBE = "<img src=x onerror=\"window.__xss='probe'\">"


def _visit(context, paths) -> tuple[dict, list[str], dict]:
    context.add_init_script(TRAP)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    seen = {}
    for name in PAGES:
        response = page.goto(paths[name])
        assert response is not None and response.status == 200, name
        page.wait_for_timeout(150)  # autofocus, onload, ontoggle… would have fired
        seen[name] = page.evaluate(
            "() => ({ran: window.__ran, csp: window.__csp,"
            " footer: !!document.querySelector('footer'),"
            " text: document.body.innerText.includes('__xss')})"
        )
    # The traps work: markup inserted for real is caught, by the CSP or by the trap.
    page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", PROBE)
    page.wait_for_function("() => window.__ran.length > 0 || window.__csp.length > 0")
    probe = page.evaluate("() => ({ran: window.__ran, csp: window.__csp.length > 0})")
    return seen, dialogs, probe


def test_hostile_text_never_runs_in_the_browser(new_context, sign_in_as):  # noqa: F811
    world = build(1)
    for bypass_csp in (False, True):
        context = new_context(bypass_csp=bypass_csp)
        sign_in_as(context, world.people["fred"])
        seen, dialogs, probe = _visit(context, world.paths)

        assert dialogs == []
        assert {name: (s["ran"], s["csp"]) for name, s in seen.items()} == {
            name: ([], []) for name in PAGES
        }, bypass_csp
        # The payloads are there, as text, and every page is whole.
        assert {name: (s["text"], s["footer"]) for name, s in seen.items()} == {
            name: (True, True) for name in PAGES
        }
        assert probe == (
            {"ran": ["probe"], "csp": False} if bypass_csp else {"ran": [], "csp": True}
        )
