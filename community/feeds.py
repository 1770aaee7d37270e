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
