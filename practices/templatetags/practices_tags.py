"""Template helpers of the reading side of sheets."""

from __future__ import annotations

from django import template

from practices.models import PracticeIndexPage

register = template.Library()


@register.simple_tag
def library_route(name, *args):
    """`{% library_route "wizard_step" draft.pk step.name %}`: the address of one of the
    library's routes (`practices.routes.LibraryRoutes`: the feed, the wizard)."""
    return PracticeIndexPage.route_path(name, *args)
