"""What the apps' Wagtail pages share: sub-addresses as `RoutablePageMixin` routes.

A page's sub-addresses (`/pratiques/proposer/`, `/agenda/<slug>/event.ics`…) are routes
of that page, as in bakerydemo's `BlogIndexPage`, not Django URLs laid over Wagtail's
paths. A page's routes are tried before its child pages (`RoutablePageMixin.route`), so a
child slugged like the first segment of a route would be hidden: `route_slugs` names those
slugs, and the services that choose a child's slug avoid them (the one place that knows).
"""

from __future__ import annotations

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult


class RoutablePage(RoutablePageMixin):
    """`RoutablePageMixin` whose routes may also end in a file name (`feed.ics`,
    `event.ics`), which Wagtail's own routing always ends with a slash. Those addresses
    reach Wagtail through the pattern for files in `website/urls.py`."""

    def route(self, request, path_components):
        if self.live and path_components and not request.path.endswith("/"):
            try:
                match = self.resolve_subpage("/" + "/".join(path_components))
            except Http404:
                pass
            else:
                request.routable_resolver_match = match
                view, args, kwargs = match
                return RouteResult(self, args=(view, args, kwargs))
        return super().route(request, path_components)

    def route_url(self, request, name: str, *args) -> str:
        """The address of one of this page's routes, e.g. `sheet.route_url(request, "useful")`."""
        return self.get_url(request) + self.reverse_subpage(name, args=args)


def route_slugs(page_class) -> set[str]:
    """The slugs a child of `page_class` may not take: the first segment of each of its
    routes (a child `proposer` would be hidden by `proposer/`, a child `prive` would lose
    its `event.ics` to `prive/<token>.ics`), and its `django_addresses`: the first segments
    of the Django URLs laid under its path, resolved before Wagtail's pages."""
    slugs = set(getattr(page_class, "django_addresses", ()))
    for route in page_class.get_subpage_urls():
        first, slash, _rest = str(route.pattern).lstrip("^").partition("/")
        # `feed.ics` alone hides no child: a slug has no dot, and a child's path ends in "/".
        if slash and first and not any(mark in first for mark in "<(["):
            slugs.add(first)
    return slugs
