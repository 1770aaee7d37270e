from django import template

register = template.Library()


@register.filter
def programme_labels(programme, field: str) -> list[str]:
    """The labels of a programme's several-choice field: `page|programme_labels:"sizes"`."""
    return programme.labels(field)
