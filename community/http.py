"""Conditional GET for what programs poll: feeds, calendar files, the widget.

Calendar apps and feed readers ask for the same address every few minutes. Each answer
carries a validator pair, a weak `ETag` (a hash of what the body says) and
`Last-Modified`, and a request that sends them back (`If-None-Match`, or else
`If-Modified-Since`) gets `304 Not Modified` with no body when nothing changed (Django's
`get_conditional_response`, RFC 9110 rules).

`Last-Modified` is when this address (for this person) first gave the answer it gives now,
remembered in the cache beside its ETag. It is not the newest publication among what is
listed: an event leaving a feed (unpublished, a registration cancelled) or an older one
entering it changes the answer without any newer date, and a client that sends only
`If-Modified-Since` must not be told its copy is current. Without the cache (Redis down,
entry evicted) the answer is dated now, which only costs a download.

The ETags are weak (`W/"…"`): two answers with the same ETag say the same thing, not
byte for byte (an iCalendar file's DTSTAMP is the moment it was made, left out of the
hash), and GZipMiddleware may compress the body after this.
"""

from __future__ import annotations

import hashlib
import re
import time

from django.core.cache import cache
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

REMEMBER_FOR = 30 * 24 * 3600  # seconds an address's last answer is remembered

# Lines that change with every download without changing what the file says.
_ICS_STAMP = re.compile(rb"^DTSTAMP[:;][^\r\n]*\r?\n", re.MULTILINE)


def ical_etag_source(content: bytes) -> bytes:
    """An iCalendar file without its DTSTAMP lines (the time the file was made)."""
    return _ICS_STAMP.sub(b"", content)


def _changed_at(request, etag: str) -> int:
    """When this address first answered with `etag`, for this person (epoch seconds); a
    new answer is dated at least a second after the one before (HTTP dates are seconds)."""
    user = getattr(request, "user", None)
    who = user.pk if user is not None and user.is_authenticated else ""
    address = f"{who}|{request.get_full_path()}".encode()
    key = "conditional:" + hashlib.sha256(address).hexdigest()
    known = cache.get(key)
    if known and known[0] == etag:
        return known[1]
    stamp = max(int(time.time()), known[1] + 1 if known else 0)
    cache.set(key, (etag, stamp), timeout=REMEMBER_FOR)
    return stamp


def conditional(request, response, *, etag_source: bytes | None = None):
    """Give `response` its ETag (from `etag_source`, or its body) and Last-Modified, then
    answer 304 instead when the request's validators match. Only successful GET/HEAD
    answers take part."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    source = response.content if etag_source is None else etag_source
    etag = f'W/"{hashlib.sha256(source).hexdigest()[:40]}"'
    stamp = _changed_at(request, etag)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stamp)
    return get_conditional_response(request, etag=etag, last_modified=stamp, response=response)
