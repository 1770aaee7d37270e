"""Which pages may open a WebSocket to the site: the Origin check, scheme and port included.

Channels' `AllowedHostsOriginValidator` compares only the origin's host name with
`ALLOWED_HOSTS`, so a page served from another port or over plain HTTP on the same host
(another application on the machine, a forgotten test server) could open a room socket
with the visitor's session cookie. Here an origin is allowed when it is exactly (scheme,
host and port):
- the site's public address (`SITE_URL`, i.e. `WAGTAILADMIN_BASE_URL`);
- one of `CSRF_TRUSTED_ORIGINS` (Django's syntax: `https://*.example.org` for subdomains);
- the address the socket itself was opened on (its Host header, when in `ALLOWED_HOSTS`,
  with `http` for `ws` and `https` for `wss`), as Django's CSRF check does for forms.
No Origin header: refused (browsers always send one).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from channels.security.websocket import OriginValidator
from django.conf import settings
from django.http.request import split_domain_port, validate_host


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def configured_origins() -> list[str]:
    """The site's public origin and the trusted ones, as Channels' patterns (a leading dot
    stands for the domain and its subdomains)."""
    patterns = [_origin_of(settings.WAGTAILADMIN_BASE_URL)]
    for origin in settings.CSRF_TRUSTED_ORIGINS:
        patterns.append(origin.lower().replace("://*.", "://.", 1))
    return [p for p in patterns if p]


def same_origin(scope) -> str:
    """The origin of the address the socket was opened on, if its host is allowed."""
    host = ""
    for name, value in scope.get("headers", []):
        if name == b"host":
            host = value.decode("latin1").lower()
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return ""
    scheme = "https" if scope.get("scheme") in ("wss", "https") else "http"
    return f"{scheme}://{host}"


class SiteOriginValidator:
    """ASGI middleware: refuse the handshake (HTTP 403) of a WebSocket from any other
    origin than the site's own (see the module's docstring)."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        allowed = [*configured_origins(), same_origin(scope)]
        validator = OriginValidator(self.application, [o for o in allowed if o])
        return await validator(scope, receive, send)
