"""Whole pages kept for visitors, forgotten at the next change.

A visitor (no session cookie) asking twice for the same page in the same language gets
the second answer from the cache, without the middleware below, the view or a query.
Every saved or deleted row of the site (a page published, a sheet changed, an event
registered, an organisation edited) starts a new *generation*: pages of the old one are
never served again, and the first visitor after the change gets a fresh page. A kept page
also expires after `PAGE_CACHE_SECONDS` (60 in production), for what changes with time
alone (an event that started leaves "upcoming", a bulk `QuerySet.update()` sends no
signal): a visitor may see a page up to that old, never a signed-in person.

Never kept: anything but a GET or HEAD answered 200; a request with a session or messages
cookie (signed in, or a message waits); an answer that sets a cookie, uses the CSRF
token (a form), says `Cache-Control: private/no-store/no-cache`, or streams; a query
string longer than 200 characters. `PAGE_CACHE_SECONDS = 0` turns it off (the test
settings do, except in tests/website/test_page_cache.py).
"""

from __future__ import annotations

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django.utils.cache import get_max_age

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache-generation"
MAX_QUERY = 200
# Rows that never show on a visitor's page: writing them starts no new generation.
QUIET = {
    "sessions.session",
    "django_tasks_database.dbtaskresult",
    "wagtailcore.referenceindex",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "modelsearch.indexentry",
    "wagtailsearch.indexentry",
    "rooms.readmarker",
    "admin.logentry",
    "account.emailconfirmation",
    "website.homevisit",
}


def generation() -> str:
    """The current generation: a random token, replaced at every change (a token, not a
    counter, so that a generation key lost with Redis cannot bring old pages back)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY) or "none"
    return token


def changed(sender=None, **kwargs) -> None:
    """Start a new generation (a row of the site was written)."""
    if sender is not None and sender._meta.label_lower in QUIET:
        return
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # noqa: BLE001 - the cache degrades; kept pages expire on their own
        logger.warning("Page cache generation not renewed", exc_info=True)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(changed, dispatch_uid=f"relais_page_cache_{signal}")


def _key(request) -> str | None:
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY:
        return None
    language = translation.get_language_from_request(request)
    address = f"{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{generation()}:{language}:{request.method}:{digest}"


def _keepable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED"):
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    return get_max_age(response) != 0


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
        ):
            return self.get_response(request)
        try:
            key = _key(request)
            kept = cache.get(key) if key else None
        except Exception:  # noqa: BLE001 - an unreadable cache is a miss
            key, kept = None, None
        if kept is not None:
            return kept
        response = self.get_response(request)
        if key and _keepable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, timeout=seconds)
        return response
