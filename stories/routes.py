"""What the stories' index reserves under its path: the Atom feed, `/recits/feed/`, is a
Django view (`stories.urls`), resolved before Wagtail's pages; `django_addresses` keeps any
story from taking its slug (`community.pages.route_slugs`)."""

from __future__ import annotations

from community.pages import RoutablePage


class StoryIndexRoutes(RoutablePage):
    django_addresses = {"feed"}
