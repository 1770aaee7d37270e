"""Message bodies are Markdown without raw HTML, rendered and sanitised on the server: a
list of hostile bodies must come out inert."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from rooms.services.rendering import ALLOWED_TAGS, clean_text, render_markdown

BIDI = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)">raw</a>',
    '<a href="https://example.org" onclick="alert(1)">raw</a>',
    "**unclosed [link](",
    "[broken](<javascript:alert(1)>)",
    "x" * 5000,
    "abc\u202egnp.exe\u2066hidden\u2069",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "![x](javascript:alert(1))",
    "![x](https://example.org/tracker.png)",
    "<https://example.org/ok> and <javascript:alert(1)>",
    "www.example.org/path?q=<script>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "<style>body{display:none}</style>",
    '<div style="position:fixed">x</div>',
    "[x](//evil.example/path)",
    "[x](//evil.example/path)",
    "[x](/\\evil.example/path)",
    "//evil.example/path/ and /\\evil.example/path/",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!-- comment --><b>bold?</b>",
    '[a](https://example.org "title" onmouseover=alert(1))',
    "<details open ontoggle=alert(1)>",
    "> quote <script>alert(1)</script>",
]


class Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


@pytest.mark.parametrize("body", HOSTILE)
def test_render_hostile_body_is_inert(body):
    html = render_markdown(clean_text(body))

    for tag, attrs in parse(html):
        assert tag in ALLOWED_TAGS, (tag, html)
        assert not [name for name in attrs if name.startswith("on")], html
        assert "style" not in attrs and "src" not in attrs, html
        if tag == "a":
            assert set(attrs) == {"href", "rel", "target"}, html
            href = attrs["href"].lower()
            assert href.startswith(("http://", "https://", "mailto:", "/")), html
            assert not href.startswith(("//", "/\\")), html
            assert set(attrs["rel"].split()) >= {"nofollow", "ugc", "noopener"}, html
    assert not BIDI & set(html)
    assert "<script" not in html.lower()


def test_render_keeps_the_allowed_formatting():
    html = render_markdown("**gras** *italique* `code` ~~barré~~\n\n- un\n- deux\n\n> cité")

    assert html == (
        "<p><strong>gras</strong> <em>italique</em> <code>code</code> <s>barré</s></p>\n"
        "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n<blockquote>\n<p>cité</p>\n</blockquote>"
    )


def test_render_links_are_safe_and_marked():
    html = render_markdown("Voir [la fiche](https://relais.example/pratiques/) ou www.example.org")

    assert parse(html) == [
        ("p", {}),
        (
            "a",
            {
                "href": "https://relais.example/pratiques/",
                "rel": "nofollow ugc noopener",
                "target": "_blank",
            },
        ),
        (
            "a",
            {"href": "http://www.example.org", "rel": "nofollow ugc noopener", "target": "_blank"},
        ),
    ]


def test_render_javascript_link_becomes_text():
    assert render_markdown("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>"


def test_render_raw_html_is_escaped_not_interpreted():
    assert render_markdown("<b>x</b>") == "<p>&lt;b&gt;x&lt;/b&gt;</p>"


def test_clean_text_strips_bidi_overrides_and_controls():
    assert clean_text("  a\u202eb\u2066c\u2069\x00d\r\ne\x07  ") == "abcd\ne"


def test_long_word_is_kept_whole_for_css_to_wrap():
    word = "a" * 5000
    assert render_markdown(word) == f"<p>{word}</p>"


def test_render_site_paths_become_links():
    html = render_markdown(
        "Voir /pratiques/compta-partagee/, [l'agenda](/agenda/) et (/outils/odoo/). "
        "Pas et/ou, 1/2, `/salons/x/` ni a@b.org/x/."
    )

    assert [(tag, attrs.get("href")) for tag, attrs in parse(html)] == [
        ("p", None),
        ("a", "/pratiques/compta-partagee/"),
        ("a", "/agenda/"),
        ("a", "/outils/odoo/"),
        ("code", None),
        ("a", "mailto:a@b.org"),
    ]
    assert ">/pratiques/compta-partagee/</a>, " in html


def test_render_mention_as_the_completion_writes_it_reads_as_a_name():
    html = render_markdown("Merci @[Thomas Lambert] ! `@[pas ici]`\n\n    @[ni ici]")

    assert html == (
        '<p>Merci <strong class="mention">@Thomas Lambert</strong> ! <code>@[pas ici]</code></p>\n'
        "<pre><code>@[ni ici]\n</code></pre>"
    )


def test_render_hostile_mention_stays_text():
    html = render_markdown('@[<img src=x onerror="alert(1)">] [@[x]](https://e.example/@[y])')

    assert html == (
        '<p><strong class="mention">@&lt;img src=x onerror="alert(1)"&gt;</strong> '
        '<a href="https://e.example/@%5By%5D" target="_blank" rel="nofollow ugc noopener">'
        '<strong class="mention">@x</strong></a></p>'
    )
