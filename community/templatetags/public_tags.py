"""`{{ path|absolute_url }}`: a path on the site's public address (`community.public`)."""

from django import template

from community.public import absolute_url as to_absolute_url

register = template.Library()


@register.filter
def absolute_url(path) -> str:
    return to_absolute_url(str(path or ""))
