"""Plain text from rich text: the one function behind every text Relais sends out or
hands to other programs (iCalendar DESCRIPTION, email bodies, JSON-LD, feed summaries,
meta descriptions, the search index, the forms that edit rich text as plain text).

Plain text must read as plain text: entities decoded (``l'intervision``, never
``l&#x27;intervision``), paragraphs separated by a blank line, each list item on a line of
its own starting with "- ", line breaks kept, and a link's address kept after its text as
"text (url)" (relative addresses made absolute), since a calendar app or an email client
shows no markup.

The other way, what people type in the shape it is stored in:
- one-line fields (titles, names, places…) hold one line: line breaks, tabs and other
  control characters become single spaces (`one_line`); they end up in iCalendar lines,
  email subjects and HTML attributes, where a line break breaks the file;
- multi-line text keeps its line breaks as "\\n" whatever the browser sent ("\\r\\n"),
  without other control characters (`multi_line`);
- members write plain text where a page stores rich text: `text_to_rich_text` makes it the
  HTML Wagtail's own editor writes (`<p>` paragraphs, `<br/>` line breaks), so editors can
  open every page a member wrote (Wagtail's converter refuses the HTML5 `<br>`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from html.parser import HTMLParser

from django.utils.html import escape
from wagtail.rich_text import expand_db_html

from community.public import site_url

# Elements that start and end a paragraph (separated by a blank line).
BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
}
# Elements on a line of their own.
LINES = {"li", "tr"}
# Elements whose content is not text.
SKIPPED = {"script", "style", "template", "head", "title"}
# Spaces as HTML collapses them; a non-breaking space (French punctuation) stays.
SPACES = re.compile(r"[ \t\n\r\f]+")
PARAGRAPH, LINE = 2, 1


class _Reader(HTMLParser):
    def __init__(self, absolute: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.absolute = absolute
        self.parts: list[str | int] = []  # text, or the number of line breaks wanted
        self.links: list[tuple[str, int]] = []
        self.skipping = 0
        self.items = 0  # depth of list items: a paragraph inside one is a line

    def _block(self):
        if self.parts and self.parts[-1] == "- ":
            return  # the item's first paragraph goes on the item's line
        self.parts.append(LINE if self.items else PARAGRAPH)

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self._block()
        elif tag == "li":
            self.items += 1
            self.parts += [LINE, "- "]
        elif tag in LINES:
            self.parts.append(LINE)
        elif tag == "br":
            self.parts.append(LINE)
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in BLOCKS:
            self._block()
        elif tag in LINES:
            self.items = max(self.items - 1, 0) if tag == "li" else self.items
            self.parts.append(LINE)
        elif tag == "a" and self.links:
            href, first = self.links.pop()
            href = href.strip()
            if not href or href.startswith(("#", "javascript:")):
                return
            url = self.absolute(href)
            label = " ".join(
                SPACES.sub(" ", p) for p in self.parts[first:] if isinstance(p, str)
            ).strip()
            if url not in (label, f"mailto:{label}", f"tel:{label}"):
                self.parts.append(f" ({url})")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        out: list[str] = []
        wanted = 0  # line breaks to put before the next text
        for part in self.parts:
            if isinstance(part, int):
                wanted = max(wanted, part)
                continue
            text = SPACES.sub(" ", part)
            at_line_start = not out or wanted or out[-1].endswith(("\n", " "))
            if at_line_start:
                text = text.lstrip(" ")
            if not text:
                continue
            if wanted and out:
                out[-1] = out[-1].rstrip(" ")
                out.append("\n" * wanted)
            wanted = 0
            out.append(text)
        return "".join(out).strip()


def plain_text(html: str | None, *, base_url: str | None = None) -> str:
    """The text of `html` (rich text as stored, or any HTML fragment) as plain text.

    Wagtail's stored form (``<a linktype="page" id="3">``) is expanded first, so internal
    links get their page's address; relative addresses are made absolute with
    `base_url` (the site's public address, `community.public`, by default)."""
    if not html:
        return ""
    if "linktype=" in html:
        html = expand_db_html(html)
    if base_url is None:
        base_url = site_url()
    base = base_url.rstrip("/")

    def absolute(href: str) -> str:
        return base + href if href.startswith("/") and not href.startswith("//") else href

    reader = _Reader(absolute)
    reader.feed(html)
    reader.close()
    return reader.text()


# --- What people type -----------------------------------------------------------------

# Everything Unicode (and str.splitlines) treats as the end of a line.
LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _without_controls(text: str, keep: str = "") -> str:
    return "".join(c for c in text if c in keep or unicodedata.category(c) != "Cc")


# Invisible characters that reorder the text around them: embeddings, overrides and
# isolates (U+202A–U+202E, U+2066–U+2069). In a title they can make what follows read
# backwards ("Facture\u202efdp.exe" shows as "Factureexe.pdf"); room messages drop them too.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def one_line(text, *, keep_bidi=False):
    """ "Atelier\\nCRM " → "Atelier CRM": line breaks and tabs become spaces, runs of
    spaces one space, control characters and BIDI_CONTROLS go (unless `keep_bidi`: the
    person's name, whose form refuses them with a reason), the ends are trimmed. None
    stays None."""
    if text is None:
        return None
    text = LINE_BREAKS.sub(" ", str(text)).replace("\t", " ")
    if not keep_bidi:
        text = text.translate(BIDI_CONTROLS)
    return re.sub(" {2,}", " ", _without_controls(text)).strip()


def multi_line(text):
    """Line breaks as "\\n", no other control character than tabs, no spaces at the end
    of lines. None stays None."""
    if text is None:
        return None
    text = _without_controls(LINE_BREAKS.sub("\n", str(text)), keep="\n\t")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def text_to_rich_text(text: str | None) -> str:
    """Plain text → Wagtail rich text: every character escaped (no member's HTML reaches
    a page), blank lines make paragraphs, single line breaks `<br/>`."""
    text = (multi_line(text or "") or "").strip()
    if not text:
        return ""
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
    )


def spreadsheet_cell(text: str) -> str:
    """Text people typed (names, addresses, organisation names) for a CSV cell: what a
    spreadsheet would run as a formula gets a leading quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
