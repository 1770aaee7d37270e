"""Form widgets of the filters, drawn in Python.

Django draws a `<select>` with one template include per option: the calendar's "Organised
by" filter, with the 1,700 organisers of a regional network, cost about 60 ms of CPU per
page, more than the rest of the page. `QuickSelect` writes the very markup of Django's
templates (`select.html`, `select_option.html`, `attrs.html`: the same attributes, written
the same way, option groups, white space) with `format_html`, without a template per
option. tests/community/test_widgets.py compares both, character for character.
"""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


def _attributes(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: True written bare, False left out."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(" " + conditional_escape(name))
        if value is not True:
            parts.append('="' + conditional_escape(str(value)) + '"')
    return "".join(parts)


class QuickSelect(forms.Select):
    """`forms.Select`, without a template per option."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [
            format_html('<select name="{}"', widget["name"]),
            _attributes(widget["attrs"]),
            ">",
        ]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('\n  <optgroup label="{}">', group))
            for option in options:
                parts.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        str(option["value"]),
                        mark_safe(_attributes(option["attrs"])),  # nosec B308 B703 - _attributes escapes
                        option["label"],
                    )
                )
            if group:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # nosec B308 B703 - escaped above
