"""The demo's menu links, added once (never rewritten). Not a command: Django skips
modules whose name starts with an underscore."""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Site

from website.models import NavigationSettings

Match = Callable[[dict], bool]


def add_navigation_link(link: dict, *, exists: Match, after: Match, otherwise: str) -> bool:
    """Insert `link` (a link block's value) in the default site's menu right after the
    last link that `after` matches, or at the `otherwise` end ("start" or "end") when none
    does, unless a link that `exists` matches is there already. Returns whether it was
    added."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    navigation = NavigationSettings.for_site(site)
    existing = list(navigation.links.raw_data)
    values = [item.get("value") or {} for item in existing]
    if any(exists(value) for value in values):
        return False
    position = 0 if otherwise == "start" else len(existing)
    for n, value in enumerate(values):
        if after(value):
            position = n + 1
    navigation.links = existing[:position] + [{"type": "link", "value": link}] + existing[position:]
    navigation.save()
    return True
