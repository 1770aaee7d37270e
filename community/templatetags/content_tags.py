"""`<p{% content_lang %}>{{ sheet.summary }}</p>`: mark content with its own language.

What members and editors write on Relais (sheets, events, organisations' descriptions, room
messages, pages) is in the network's language, the site's default (LANGUAGE_CODE, French).
Some of it is also given in other languages (`community.translations`): `|term` and
`{% translated %}` show it in the reader's language, marked when they fall back to French.
French shown inside an English or Dutch interface says so (WCAG 3.1.2, language of
parts), so that screen readers read it with the right voice; inside a French interface the
page's own `lang` already says it."""

from django import template
from django.utils.html import format_html

from community.translations import french_mark, in_reader_language, reader_language

register = template.Library()


@register.simple_tag
def content_lang() -> str:
    """` lang="fr"` when the interface speaks another language, else nothing."""
    code = content_lang_code()
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag
def content_lang_code() -> str:
    """The same as a bare code, for scripts (`data-content-lang`): empty when no mark is due."""
    return french_mark()


@register.filter
def term(obj) -> str:
    """A theme's, sector's or region's name in the reader's language; the French one,
    marked `lang="fr"`, when it has none in theirs."""
    if obj is None:
        return ""
    value, language = in_reader_language(obj, "name")
    if language != reader_language():
        return format_html('<span lang="{}">{}</span>', language, value)
    return value


@register.simple_tag
def translated(obj, field: str) -> dict:
    """`{% translated page "intro" as intro %}<p{{ intro.lang }}>{{ intro.value }}</p>`:
    a field (or a block's child) in the reader's language, and ` lang="fr"` when it is
    the French one shown in another interface."""
    value, language = in_reader_language(obj, field)
    mark = format_html(' lang="{}"', language) if language != reader_language() else ""
    return {"value": value, "lang": mark}
