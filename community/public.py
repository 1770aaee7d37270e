"""The site's public address: one source of truth, `SITE_URL` (read into
`settings.WAGTAILADMIN_BASE_URL`), for every absolute link Relais gives out, whatever
host a request came by: emails, iCalendar files, feeds, JSON-LD, the widget, the API
(through the Wagtail `Site` record, which `seed_demo` and, in deployments,
`manage.py set_site_address` point at it).

`make run` sets `SITE_URL=http://$(HOST):$(PORT)`, so the links are right on any port.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """The public base URL, without a trailing slash: ``https://relais.example``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (``/agenda/x/``) on the public address; absolute URLs are left as they are."""
    if not path:
        return site_url() + "/"
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("//"):
        return f"{urlsplit(site_url()).scheme or 'https'}:{path}"
    return site_url() + "/" + path.lstrip("/")


def site_address() -> tuple[str, int]:
    """(host name, port) of the public address, as Wagtail's `Site` record holds them."""
    parts = urlsplit(site_url())
    default = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default


def on_public_address(url: str) -> str:
    """The same address (path, query, fragment) on the public base URL: for links built
    from a request's host by other code (allauth's confirmation and reset links)."""
    parts = urlsplit(url)
    rest = parts.path or "/"
    if parts.query:
        rest += "?" + parts.query
    if parts.fragment:
        rest += "#" + parts.fragment
    return absolute_url(rest)
