"""`<p{% content_lang %}>{{ sheet.summary }}</p>`: mark content with its own language.

What members and editors write on Relais (sheets, events, organisations' descriptions, room
messages, pages) is in the network's language, the site's default (LANGUAGE_CODE, French):
the models hold no other language (Wagtail's localisation is off). Shown inside an English
or Dutch interface, it says so (WCAG 3.1.2, language of parts), so that screen readers read
it with the right voice; inside a French interface the page's own `lang` already says it."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

register = template.Library()


def content_language() -> str:
    return settings.LANGUAGE_CODE


@register.simple_tag
def content_lang() -> str:
    """` lang="fr"` when the interface speaks another language, else nothing."""
    code = content_lang_code()
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag
def content_lang_code() -> str:
    """The same as a bare code, for scripts (`data-content-lang`): empty when no mark is due."""
    content = content_language()
    interface = (translation.get_language() or content).split("-")[0]
    return "" if interface == content else content
