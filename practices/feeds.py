"""Atom feed of the newest published sheets at /pratiques/feed/."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from community.feeds import PagesFeed
from community.public import absolute_url

from .listing import live_sheets

FEED_SIZE = 30


class LatestSheetsFeed(PagesFeed):
    title = _("Relais : nouvelles fiches pratiques")
    subtitle = _(
        "Ce que les organisations de l'économie sociale ont appris de leurs projets numériques."
    )
    list_path = "/pratiques/"
    size = FEED_SIZE

    def pages(self, request):
        return (
            live_sheets()
            .select_related("organisation")
            .prefetch_related("themes")
            .order_by("-first_published_at", "-pk")
        )

    def item_description(self, item):
        return item.summary  # members' plain text

    def item_author_name(self, item):
        return item.organisation.name if item.organisation else None

    def item_author_link(self, item):
        organisation = item.organisation
        return absolute_url(organisation.get_absolute_url()) if organisation else None
