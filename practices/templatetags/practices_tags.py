"""Template helpers of the reading side of sheets."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from practices.models import PracticeIndexPage

register = template.Library()

# The characters that could end a <script> element or open a comment inside it, escaped
# as JSON unicode escapes (the same set as Django's `json_script`).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def library_route(name, *args):
    """`{% library_route "wizard_step" draft.pk step.name %}`: the address of one of the
    library's routes (`practices.routes.LibraryRoutes`: the feed, the wizard)."""
    return PracticeIndexPage.route_path(name, *args)


@register.filter
def ld_json(value) -> str:
    """A JSON-LD data block. It is data, not script: the CSP's script-src does not apply,
    and the escaping keeps any text of the sheet from closing the element."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
