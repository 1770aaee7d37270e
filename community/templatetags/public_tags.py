"""What a page says to the outside, on the site's public address (`community.public`):
`{{ path|absolute_url }}`, `{{ data|ld_json }}` (a JSON-LD data block,
`community.linked_data`), `{{ language|og_locale }}`, and `{% capture as name %}…
{% endcapture %}`, which lets `base.html` say a page's title (and description) both in
`<title>` and in its Open Graph tags."""

from django import template
from django.utils.safestring import mark_safe

from community import linked_data
from community.public import absolute_url as to_absolute_url

register = template.Library()


@register.filter
def absolute_url(path) -> str:
    return to_absolute_url(str(path or ""))


@register.filter
def ld_json(value) -> str:
    """`{{ json_ld|ld_json }}`: the `<script type="application/ld+json">` element."""
    return linked_data.script_data(value)


@register.filter
def og_locale(language) -> str:
    """`fr` → `fr_BE`: the form Open Graph's `og:locale` wants."""
    return linked_data.og_locale(str(language or ""))


class CaptureNode(template.Node):
    # A block inside stays a block: Django finds it in `nodelist` and a child template's
    # version replaces it.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        # The output of templates, escaped as they render it: safe as it is.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308  # nosec B308 B703
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as title %}{% block title %}…{% endblock %}{% endcapture %}`: render
    the content once, keep it (stripped) in `title` for the rest of the template."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
