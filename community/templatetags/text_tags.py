"""`{{ rich|plain_text }}`: rich text as plain text (see `community.text.plain_text`), for
meta descriptions and other places that show no markup."""

from django import template

from community.text import plain_text as to_plain_text

register = template.Library()


@register.filter
def plain_text(value) -> str:
    return to_plain_text(str(value or ""))
