"""Content in the reader's language, where an editor gave it one.

Relais is written in French, the network's language (`LANGUAGE_CODE`). Some content is
also given in the other interface languages, in fields of its own beside the French one
(`name_en`, `name_nl` on taxonomies; the site settings' labels; a story's or programme's
translations): `in_reader_language` picks the reader's when it is filled, else the
French, and says which language it gave, so that templates mark French shown in another
interface (`lang="fr"`, WCAG 3.1.2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils import translation

# The interface languages other than the content's own.
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def reader_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def french_mark() -> str:
    """The content's own language (LANGUAGE_CODE) when the reader's interface speaks
    another, for a `lang` attribute on French shown there; "" when no mark is due."""
    return "" if reader_language() == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE


def _value(obj, name: str):
    """A model's field, or a StreamField block's child (a mapping)."""
    if isinstance(obj, Mapping):
        return obj.get(name) or ""
    return getattr(obj, name, "")


def in_reader_language(obj, field: str) -> tuple:
    """(the value of `field` in the reader's language, that language), or the French one."""
    language = reader_language()
    if language != settings.LANGUAGE_CODE:
        value = _value(obj, f"{field}_{language}")
        if value:
            return value, language
    return _value(obj, field), settings.LANGUAGE_CODE


class Translated:
    """A page with translations in other languages (a `translations` relation whose rows
    have a `language`): `in_reader_language()` is the one in the reader's language, or
    None (the French is shown). Prefetch `translations` for a list."""

    translations: Any

    def in_reader_language(self):
        language = reader_language()
        return next((t for t in self.translations.all() if t.language == language), None)
