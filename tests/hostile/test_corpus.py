"""The corpus and its checker: every payload is marked, the checker sees each one that is
markup when it reaches a page raw, and none once escaped."""

from __future__ import annotations

from django.utils.html import escape

from .corpus import LONG, MARK, PAYLOADS, live_markup

# Payloads that are no live markup even raw: a browser reads them as unknown elements,
# bogus comments or text (they matter where text is turned into markup: Markdown, rich
# text, templates).
INERT_EVEN_RAW = {
    "<scr<script>ipt>window.__xss=26</scr</script>ipt>",
    "<![CDATA[<script>window.__xss=43</script>]]>",
    "${7*7} #{7*7} <%= 7*7 %> __xss49",
    '<embed embedtype="image" id="1" format="left"/> __xss50',
    '<a linktype="page" id="1">page</a> __xss51',
    "<javascript:window.__xss=56>",
    "[x](<javascript:window.__xss=57>)",
}


def _page(body: str) -> str:
    return f"<!doctype html><html><body><main><p>{body}</p></main><footer></footer></body></html>"


def test_every_payload_carries_the_mark():
    assert (len(PAYLOADS) >= 80, [p for p in PAYLOADS if MARK not in p]) == (True, [])
    assert len(LONG) > 10_000


def test_the_checker_sees_each_markup_payload_raw():
    raw = [p for p in PAYLOADS if "<" in p and p not in INERT_EVEN_RAW]

    assert [p for p in raw if not live_markup(_page(p))] == []


def test_the_checker_accepts_each_payload_escaped():
    assert [p for p in PAYLOADS if live_markup(_page(escape(p)))] == []


def test_the_checker_sees_a_page_cut_short():
    assert live_markup("<main><p><!-- __xss</p></main><footer></footer>") == [
        "a comment never closed: it hides the rest of the page"
    ]
    assert live_markup("<main><p>__xss</p></main>") == ["the page never reaches its <footer>"]
