"""Atom feed of the newest stories at /recits/feed/."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from community.feeds import ConditionalFeed, PlainTextAtomFeed
from community.public import absolute_url

from .listing import live_stories

FEED_SIZE = 30


class LatestStoriesFeed(ConditionalFeed):
    feed_type = PlainTextAtomFeed  # the lead is plain text
    title = _("Relais : récits")
    subtitle = _(
        "Comment des entreprises d'économie sociale ont mené leur transformation numérique."
    )

    def link(self):
        return absolute_url("/recits/")

    def feed_url(self):
        return absolute_url("/recits/feed/")

    def get_object(self, request, *args, **kwargs):
        return request

    def items(self, request):
        stories = list(live_stories().prefetch_related("themes", "authors")[:FEED_SIZE])
        for story in stories:
            story.feed_link = absolute_url(story.get_url(request))
        return stories

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None

    def item_categories(self, item):
        return [theme.label for theme in item.themes.all()]
