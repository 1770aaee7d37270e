"""Template helpers of the reading side of sheets."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end a <script> element or open a comment inside it, escaped
# as JSON unicode escapes (the same set as Django's `json_script`).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def sheet_reading(context, sheet):
    """`{% sheet_reading page as reading %}`: reactions, related sheets, the parts of the
    three-by-three and the JSON-LD of a sheet (see `practices.views.sheet_context`)."""
    from ..views import sheet_context

    return sheet_context(context["request"], sheet=sheet)


@register.filter
def ld_json(value) -> str:
    """A JSON-LD data block. It is data, not script: the CSP's script-src does not apply,
    and the escaping keeps any text of the sheet from closing the element."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
