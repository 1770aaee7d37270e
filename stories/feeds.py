"""Atom feed of the newest stories at /recits/feed/."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from community.feeds import PagesFeed

from .listing import live_stories


class LatestStoriesFeed(PagesFeed):
    title = _("Relais : récits")
    subtitle = _(
        "Comment des entreprises d'économie sociale ont mené leur transformation numérique."
    )
    list_path = "/recits/"

    def pages(self, request):
        return live_stories().prefetch_related("themes", "authors")

    def item_description(self, item):
        return item.lead  # plain text

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None
