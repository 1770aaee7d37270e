"""Atom feed of the newest published sheets at /pratiques/feed/."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from community.feeds import ConditionalFeed, PlainTextAtomFeed
from community.public import absolute_url

from .listing import live_sheets

FEED_SIZE = 30


class LatestSheetsFeed(ConditionalFeed):
    feed_type = PlainTextAtomFeed  # summaries are members' plain text
    title = _("Relais : nouvelles fiches pratiques")
    subtitle = _(
        "Ce que les organisations de l'économie sociale ont appris de leurs projets numériques."
    )

    # Absolute on the public address (`community.public`), not the request's host: the
    # ids of the entries must not change with the name the feed was fetched by.
    def link(self):
        return absolute_url("/pratiques/")

    def feed_url(self):
        return absolute_url("/pratiques/feed/")

    def get_object(self, request, *args, **kwargs):
        # The feed object is shared by every request: the request travels as the feed's
        # "object" instead of an attribute of the instance.
        return request

    def items(self, request):
        sheets = list(
            live_sheets()
            .select_related("organisation")
            .prefetch_related("themes")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )
        for sheet in sheets:
            # Built with the request, Wagtail finds the site's root paths once for all.
            sheet.feed_link = absolute_url(sheet.get_url(request))
            organisation = sheet.organisation
            sheet.feed_author_link = (
                absolute_url(organisation.get_absolute_url()) if organisation else None
            )
        return sheets

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return item.organisation.name if item.organisation else None

    def item_author_link(self, item):
        return item.feed_author_link

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]
