"""The hostile corpus (payloads.txt) and the checks that hostile text stayed text.

Every payload that could run script names `__xss`: a page is safe when `__xss` never
appears where a browser would run it or treat it as markup (an event-handler attribute, a
`javascript:` address, a script or style element, a comment that swallowed the page), and
the page still reaches its footer. Python's own HTML parser reads the page, with the same
raw-text rules as a browser for `<script>` and `<style>`."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[rnt0\\])")
_SIMPLE = {"r": "\r", "n": "\n", "t": "\t", "0": "\0", "\\": "\\"}


def _unescape(line: str) -> str:
    def one(match):
        code = match.group(1)
        return chr(int(code[1:], 16)) if code.startswith("u") else _SIMPLE[code]

    return _ESCAPE.sub(one, line)


def _load() -> list[str]:
    lines = (Path(__file__).parent / "payloads.txt").read_text(encoding="utf-8").splitlines()
    return [
        _unescape(line)
        for line in lines
        if line.strip() and line != "#" and not line.startswith("# ")
    ]


PAYLOADS = _load()
# A very long one: every payload, end to end, again and again.
LONG = ("\n".join(PAYLOADS) + "\n") * 4
MARK = "__xss"


def fitting(max_length: int) -> list[str]:
    """The payloads a field of that length takes whole."""
    return [p for p in PAYLOADS if len(p) <= max_length]


def pick(max_length: int, n: int) -> str:
    """The n-th payload (cycling) that fits; different fields take different ones."""
    found = fitting(max_length)
    return found[n % len(found)]


# Attributes whose value is only ever text to a browser.
TEXT_ATTRIBUTES = {
    "value",
    "title",
    "alt",
    "aria-label",
    "aria-description",
    "placeholder",
    "label",
    "content",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
_DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_UNCLOSED_COMMENT = re.compile(r"<!--(?![\s\S]*?-->)")
JSON_TYPES = {"application/json", "application/ld+json", "importmap"}


class Markup(HTMLParser):
    """Everything in a page that came alive from hostile text.

    A browser with script enabled reads the inside of `<noscript>` (and of `<textarea>`,
    `<title>`…) as text up to its closing tag: so does this parser, so that an
    "</noscript><img onerror…>" trick is seen where the browser would see it."""

    CDATA_CONTENT_ELEMENTS = (
        "script",
        "style",
        "noscript",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.tags: list[str] = []
        self._raw: tuple[str, dict] | None = None
        self._raw_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        named = dict(attrs)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}={value[:60]!r}>")
            elif name in URL_ATTRIBUTES or name == "srcdoc":
                if name == "srcdoc" or _DANGEROUS_SCHEME.match(_INVISIBLE.sub("", value)):
                    self.live.append(f"<{tag} {name}={value[:60]!r}>")
            elif MARK in value and name not in TEXT_ATTRIBUTES and not name.startswith("data-"):
                self.live.append(f"<{tag} {name}={value[:60]!r}>")
        if tag == "meta" and named.get("http-equiv") and MARK in named.get("content", ""):
            self.live.append(f"<meta http-equiv {named['content'][:60]!r}>")
        if tag in ("script", "style"):
            self._raw, self._raw_text = (tag, named), []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self._raw = None

    def handle_data(self, data):
        if self._raw is not None:
            self._raw_text.append(data)

    def handle_endtag(self, tag):
        if self._raw is None or tag != self._raw[0]:
            return
        (kind, attrs), text = self._raw, "".join(self._raw_text)
        self._raw = None
        if kind == "script" and (attrs.get("type") or "").lower() in JSON_TYPES:
            try:
                json.loads(text)
            except ValueError:
                self.live.append(f"<script type=json> broken: {text[:80]!r}")
        elif MARK in text:
            self.live.append(f"<{kind}>{text[:80]!r}")

    def handle_comment(self, data):
        if MARK in data:
            self.live.append(f"<!--{data[:80]!r}-->")


def live_markup(html: str, *, whole_page: bool = True) -> list[str]:
    """What hostile text turned into markup in `html`; for a whole page, also whether
    it was cut short (its footer never reached)."""
    parser = Markup()
    parser.feed(html)
    parser.close()
    found = list(parser.live)
    if _UNCLOSED_COMMENT.search(html):
        found.append("a comment never closed: it hides the rest of the page")
    if whole_page and "footer" not in parser.tags:
        found.append("the page never reaches its <footer>")
    return found


# iCalendar properties whose value is people's text (the calendar's name is an event's title
# in a one-event file).
TEXT_PROPERTIES = {
    b"SUMMARY",
    b"DESCRIPTION",
    b"LOCATION",
    b"URL",
    b"CATEGORIES",
    b"X-WR-CALNAME",
    b"X-WR-CALDESC",
}


def icalendar_problems(content: bytes, expected_events: int | None = None) -> list[str]:
    """An iCalendar file where hostile text added a property, a component or a line."""
    import icalendar  # noqa: PLC0415 - only the calendar tests need it

    problems = []
    calendar = icalendar.Calendar.from_ical(content)
    events = list(calendar.walk("VEVENT"))
    if expected_events is not None and len(events) != expected_events:
        problems.append(f"{len(events)} VEVENT, {expected_events} expected")
    for component in calendar.walk():
        for name in component:
            if name.startswith("X-XSS") or name == "ATTENDEE":
                problems.append(f"injected property {name}")
    for line in content.split(b"\r\n"):
        if MARK.encode() in line and not line.startswith((b" ", b"\t")):
            name = re.split(rb"[:;]", line, maxsplit=1)[0]
            if name not in TEXT_PROPERTIES:
                problems.append(f"hostile text starts a line: {line[:80]!r}")
    if re.search(rb"(?<!\r)\n", content):
        problems.append("a bare line feed")
    return problems
