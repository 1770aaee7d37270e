"""The Content Security Policy blocks inline style as it blocks inline script: a style
attribute or a <style> element that reached a page would not apply, and the browser
reports the attempt. With the policy switched off in the browser, the same markup applies
(the check can fail)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(event.violatedDirective);
});
"""
INLINE = (
    '<p id="by-attribute" style="color: rgb(255, 0, 0)">a</p>'
    '<style>#by-element { color: rgb(255, 0, 0); }</style><p id="by-element">b</p>'
)
COLOURS = """() => ['by-attribute', 'by-element'].map(
  (id) => getComputedStyle(document.getElementById(id)).color)"""


def _inserted(context):
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.goto("/")
    page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", INLINE)
    page.wait_for_timeout(100)
    return page.evaluate(COLOURS), sorted(set(page.evaluate("() => window.__csp")))


def test_inline_style_does_not_apply_under_the_policy(new_context):
    colours, reported = _inserted(new_context())

    assert "rgb(255, 0, 0)" not in colours
    assert reported and all(directive.startswith("style-src") for directive in reported)


def test_without_the_policy_the_same_style_applies(new_context):
    colours, reported = _inserted(new_context(bypass_csp=True))

    assert colours == ["rgb(255, 0, 0)", "rgb(255, 0, 0)"]
    assert reported == []
