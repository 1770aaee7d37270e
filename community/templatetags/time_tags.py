"""`<time datetime="{{ value|html_datetime }}">`: the machine-readable time HTML accepts.

Django's `date:"c"` writes microseconds (`…:03.658294+01:00`), which the HTML standard
refuses (at most three digits of a second); whole seconds are all a reader needs."""

import datetime as dt

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value) -> str:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return ""
