"""What the generator's steps (bench/generator.py, people.py, pages.py, rooms.py) share to
write rows in bulk: the batch size, slugs without a query each, dates kept as given, the
rows of a many-to-many table, HTML paragraphs."""

from __future__ import annotations

import html
from contextlib import contextmanager

from anyascii import anyascii
from django.utils.text import slugify

BATCH = 5000


def slug_of(text: str, length: int) -> str:
    return slugify(anyascii(text))[:length].strip("-")


class Slugs:
    """Unique slugs among one set of siblings, as `community.slugs.unique_slug` makes them
    (the text's slug, then "-2", "-3"…), without a query each."""

    def __init__(self, reserved=(), length: int = 80):
        self.used = set(reserved)
        self.length = length

    def __call__(self, text: str, fallback: str = "page") -> str:
        base = slug_of(text, self.length) or fallback
        slug, n = base, 2
        while slug in self.used:
            slug, n = f"{base}-{n}", n + 1
        self.used.add(slug)
        return slug


@contextmanager
def dates_as_given(*models):
    """`auto_now`/`auto_now_add` off for the duration, so that bulk_create keeps the dates
    spread over the past that the generator set."""
    fields = [
        field
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def m2m_rows(model, name: str, pairs) -> int:
    """Rows of a many-to-many table (plain or modelcluster's ParentalManyToManyField)."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs]
    through.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def paragraphs(sentences) -> str:
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in sentences)
