"""What a message looks like: its text cleaned, its Markdown rendered to sanitised HTML.

Markdown with raw HTML disabled, then an allow-list (nh3): links keep only http(s), mailto
and this site's paths; `@[Display Name]` mentions are highlighted. Pure functions, no
database."""

from __future__ import annotations

import re
from html import unescape

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

# Bidirectional overrides and isolates: they can make a message display something other
# than what it says (U+202A–U+202E, U+2066–U+2069).
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


# Control characters other than tab and newline.
_CONTROL = dict.fromkeys([c for c in range(0x20) if c not in (0x09, 0x0A)] + [0x7F])


# Absolute http(s) and mailto links, and paths on this site ("/pratiques/x/"); never a
# protocol-relative "//host" (nor "/\\host", which browsers read the same way).
_SAFE_HREF = re.compile(r"^(https?://|mailto:|/(?![/\\]))", re.IGNORECASE)


# A path of this site written as is ("voir /pratiques/compta-partagee/"): at least one
# section ("/salons/", "/pratiques/x/"), not inside a word, a fraction or an address.
_SITE_PATH = re.compile(r"(?<![\w/.:@\\])/[a-z0-9][a-z0-9-]*/[^\s<>\[\]()\"'`]*", re.IGNORECASE)


_PATH_TRAILER = ".,;:!?"


_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    .enable(["linkify", "strikethrough"])
    # A chat message has no headings, rules or images: written as such, they stay text.
    .disable(["heading", "lheading", "hr", "image"])
)


# Links to anything but http(s), mailto and this site's paths are not made: they stay text.
# markdown-it-py's documented way to change the rule is to replace this method.
_markdown.validateLink = lambda url: bool(_SAFE_HREF.match(url))  # type: ignore[method-assign]


def _link_site_paths(state) -> None:
    """A core rule after linkify: paths of this site written in the text become links,
    like the addresses linkify finds (never inside code or an existing link)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, inside_link = [], 0
        for token in block.children:
            if token.type == "link_open":
                inside_link += 1
            elif token.type == "link_close":
                inside_link -= 1
            if token.type != "text" or inside_link or "/" not in token.content:
                children.append(token)
                continue
            text, position = token.content, 0
            for match in _SITE_PATH.finditer(text):
                if match.start() == 0 and children and children[-1].type == "link_close":
                    continue  # the rest of an address linkify has just made a link of
                path = match.group(0).rstrip(_PATH_TRAILER)
                start, end = match.start(), match.start() + len(path)
                if start > position:
                    children.append(_text_token(state, text[position:start], token.level))
                link = Token("link_open", "a", 1)
                link.attrs = {"href": path}
                link.level = token.level
                children += [
                    link,
                    _text_token(state, path, token.level + 1),
                    Token("link_close", "a", -1),
                ]
                position = end
            if position == 0:
                children.append(token)
            elif position < len(text):
                children.append(_text_token(state, text[position:], token.level))
        block.children = children


def _text_token(state, content: str, level: int):
    token = Token("text", "", 0)
    token.content = content
    token.level = level
    return token


_markdown.core.ruler.after("linkify", "site_paths", _link_site_paths)


ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "del",
    "s",
}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Only absolute http(s) and mailto links and this site's paths; protocol-relative go.
    if tag == "a" and attribute == "href":
        return value if _SAFE_HREF.match(value) else None
    return value


def clean_text(body: str) -> str:
    """The text as stored: no bidi overrides, no control characters, Unix newlines."""
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_BIDI).translate(_CONTROL).strip()


_MENTION_HTML = re.compile(r"@\[([^\[\]<>\n]{1,120})\]")


_TAG = re.compile(r"(<[^>]*>)")


def _show_mentions(html: str) -> str:
    """`@[Display Name]` (what the composer's completion inserts) reads as a highlighted
    `@Display Name`, in the text of the message only: not inside tags, code or pre."""
    parts, in_code = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = part.strip("</>").split(maxsplit=1)[0].lower() if part.strip("</>") else ""
            if name in ("code", "pre"):
                in_code = max(0, in_code + (-1 if part.startswith("</") else 1))
            parts.append(part)
        else:
            parts.append(part if in_code else _MENTION_HTML.sub(_mention_markup, part))
    return "".join(parts)


def _mention_markup(match: re.Match) -> str:
    return f'<strong class="mention">@{match.group(1)}</strong>'


def render_markdown(text: str) -> str:
    """Markdown (raw HTML disabled) → HTML, then sanitised with an allow-list. Links keep
    only http(s)/mailto addresses and get rel="nofollow ugc noopener". Mentions written
    `@[Name]` are shown as a highlighted `@Name`."""
    html = _markdown.render(text)
    return _show_mentions(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            clean_content_tags={"script", "style"},
            attributes={"a": {"href"}},
            attribute_filter=_keep_attribute,
            url_schemes={"http", "https", "mailto"},
            link_rel="nofollow ugc noopener",
            set_tag_attribute_values={"a": {"target": "_blank"}},
            strip_comments=True,
        ).strip()
    )


# Where a block of the rendered message ends: its words must not run into the next one's.
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|tr|td|th)>|<br\s*/?>", re.IGNORECASE)


def text_excerpt(html: str, limit: int = 200) -> str:
    """The first words of a rendered message as people read them in the room, on one line:
    mentions as "@Name", no Markdown marks, no tags (a notification's quote)."""
    text = unescape(_TAG.sub("", _BLOCK_END.sub(" ", html or "")))
    return " ".join(text.split())[:limit]
