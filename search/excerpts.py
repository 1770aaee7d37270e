"""A result's title and excerpt with the words the search found marked (`<mark>`).

The text is escaped first and only the marks are markup. Words are compared folded (no
accents, lower case: `community.models.fold`), so the same words are marked on
PostgreSQL and on SQLite, whatever the database's own stemming did:

- a word of the text is marked when its folded form begins with the stem of a query
  word: the word without a plural s/x and a final e ("benevoles" → "benevol" marks
  "bénévole", "bénévoles"; "numeri", a prefix being typed, marks "numérique");
- after a typo-tolerant search, also the words close to a query word (a similarity of
  0.75 or more: "nextclod" marks "Nextcloud").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from community.models import fold

WORD = re.compile(r"\w+")
# Characters shown around the first marked word.
BEFORE = 70
LENGTH = 240
CLOSE_ENOUGH = 0.75


def stem(word: str) -> str:
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 4 and word[-1] == "e":
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Marker:
    """Which words of a text to mark, for one search: its folded `words`, and among them
    the `fuzzy` ones it looked for approximately."""

    words: tuple[str, ...]
    fuzzy: tuple[str, ...] = ()

    @classmethod
    def of(cls, words: list[str], fuzzy: list[str] | None = None) -> Marker:
        return cls(tuple(dict.fromkeys(w for w in words if w)), tuple(fuzzy or ()))

    def matches(self, token: str) -> bool:
        folded = fold(token)
        for word in self.words:
            if len(word) <= 3:
                if folded == word:
                    return True
            elif folded.startswith(stem(word)):
                return True
        return any(close(folded, word) for word in self.fuzzy)

    def closest(self, text: str) -> dict[str, str]:
        """For each fuzzy word, the word of `text` closest to it (a typo's correction)."""
        best: dict[str, tuple[float, str]] = {}
        for token in WORD.findall(text):
            folded = fold(token)
            for word in self.fuzzy:
                ratio = difflib.SequenceMatcher(None, folded, word).ratio()
                if ratio >= CLOSE_ENOUGH and ratio > best.get(word, (0.0, ""))[0]:
                    best[word] = (ratio, token)
        return {word: token for word, (_ratio, token) in best.items()}


def close(folded: str, word: str) -> bool:
    return difflib.SequenceMatcher(None, folded, word).ratio() >= CLOSE_ENOUGH


def _marked(text: str, marker: Marker) -> tuple[str, bool]:
    parts: list[str] = []
    end, found = 0, False
    for match in WORD.finditer(text):
        if marker.matches(match.group()):
            parts.append(escape(text[end : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            end, found = match.end(), True
    parts.append(escape(text[end:]))
    return "".join(parts), found


def highlight(text: str, marker: Marker) -> SafeString:
    """The whole of `text` (a title), escaped, its matching words marked."""
    html, _found = _marked(text, marker)
    # Every piece of the text is escaped (`_marked`).
    return mark_safe(html)  # nosec B308 B703


def first_match(text: str, marker: Marker) -> int | None:
    if not marker.fuzzy:
        # Most texts hold none of the words: say so without looking at each of theirs.
        folded = fold(text)
        if not any(
            word in folded if len(word) <= 3 else stem(word) in folded for word in marker.words
        ):
            return None
    return next(
        (m.start() for m in WORD.finditer(text) if marker.matches(m.group())),
        None,
    )


def excerpt(texts, marker: Marker) -> SafeString:
    """A passage of the first text where a word matches (else the beginning of the first
    text that says something), cut at word boundaries, escaped, the matches marked.
    `texts`: strings, or functions that make one (called only when needed)."""
    chosen, position = "", 0
    for given in texts:
        text = " ".join((given() if callable(given) else given or "").split())
        if not text:
            continue
        found = first_match(text, marker)
        if found is not None:
            chosen, position = text, found
            break
        chosen = chosen or text
    if not chosen:
        return mark_safe("")  # nosec B308 - an empty string
    start = 0
    if position > BEFORE:
        start = chosen.rfind(" ", 0, position - BEFORE) + 1
    stop = len(chosen)
    if stop - start > LENGTH:
        stop = chosen.rfind(" ", start, start + LENGTH)
        stop = stop if stop > position else start + LENGTH
    html, _found = _marked(chosen[start:stop], marker)
    prefix = "… " if start > 0 else ""
    suffix = " …" if stop < len(chosen) else ""
    return mark_safe(escape(prefix) + html + escape(suffix))  # nosec B308 B703 - escaped
