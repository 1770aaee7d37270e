"""What every feed of Relais shares: members' text is plain text, and a reader that
polls gets 304 Not Modified when nothing changed (`ConditionalFeed`).

Django's `Atom1Feed` declares every summary `type="html"`, so a feed reader renders
whatever markup a member typed ("<b>" in a sheet's summary becomes bold, a stray "<"
swallows the rest). Summaries here are plain text and say so (`type="text"`); the XML
writer escapes them, and readers show them as written.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from community.http import conditional
from community.public import absolute_url


class PlainTextAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ConditionalFeed(Feed):
    """A syndication feed with an ETag beside Django's Last-Modified, answering 304 to
    a reader whose copy is current."""

    def __call__(self, request, *args, **kwargs):
        return conditional(request, super().__call__(request, *args, **kwargs))


class PagesFeed(ConditionalFeed):
    """The newest pages of one list (`list_path`, e.g. "/pratiques/"), as plain-text Atom.

    Addresses are on the public base URL (`community.public`), not the request's host: the
    ids of the entries must not change with the name the feed was fetched by. A subclass
    gives `pages(request)`, the pages in order, and its summary and author."""

    feed_type = PlainTextAtomFeed
    list_path = "/"
    size = 30

    def link(self):
        return absolute_url(self.list_path)

    def feed_url(self):
        return absolute_url(f"{self.list_path}feed/")

    def get_object(self, request, *args, **kwargs):
        # The feed object is shared by every request: the request travels as the feed's
        # "object" instead of an attribute of the instance.
        return request

    def pages(self, request):
        raise NotImplementedError

    def items(self, request):
        pages = list(self.pages(request)[: self.size])
        for page in pages:
            # Built with the request, Wagtail finds the site's root paths once for all.
            page.feed_link = absolute_url(page.get_url(request))
        return pages

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [theme.label for theme in item.themes.all()]
