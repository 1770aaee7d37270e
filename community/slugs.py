"""The one way Relais makes a slug for something new: organisations, tools, sheets,
events and rooms all take theirs here."""

from __future__ import annotations

from anyascii import anyascii
from django.utils.text import slugify


def unique_slug(text: str, *, taken, fallback: str, length: int, reserved=frozenset()) -> str:
    """A slug for `text` that no row of `taken` (a queryset of the rows it must differ
    from: every organisation, a page's children…) holds, nor any of `reserved` (the
    addresses of a page's own views): the text's slug cut at `length` characters (room is
    left for the suffix), then "-2", "-3"… until free. One query.

    anyascii spells out what slugify would drop: "Cœur" → "coeur", "Québec" → "quebec";
    a text with nothing to keep ("…", "!!!") gets `fallback`."""
    base = slugify(anyascii(text))[:length].strip("-") or fallback
    used = set(taken.filter(slug__startswith=base).values_list("slug", flat=True)) | set(reserved)
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    return slug
