"""Conditional GET for what programs poll: feeds, calendar files, the widget.

Calendar apps and feed readers ask for the same address every few minutes. Each answer
carries a validator pair, a weak `ETag` (a hash of what the body says) and
`Last-Modified` (the newest change of what it lists), and a request that sends them back
(`If-None-Match`, or else `If-Modified-Since`) gets `304 Not Modified` with no body when
nothing changed (Django's `get_conditional_response`, RFC 9110 rules).

The ETags are weak (`W/"…"`): two answers with the same ETag say the same thing, not
byte for byte (an iCalendar file's DTSTAMP is the moment it was made, left out of the
hash), and GZipMiddleware may compress the body after this.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

# Lines that change with every download without changing what the file says.
_ICS_STAMP = re.compile(rb"^DTSTAMP[:;][^\r\n]*\r?\n", re.MULTILINE)


def ical_etag_source(content: bytes) -> bytes:
    """An iCalendar file without its DTSTAMP lines (the time the file was made)."""
    return _ICS_STAMP.sub(b"", content)


def conditional(
    request,
    response,
    *,
    last_modified: dt.datetime | None = None,
    etag_source: bytes | None = None,
):
    """Give `response` its ETag (from `etag_source`, or its body) and Last-Modified (given,
    or the one it already has), then answer 304 instead when the request's validators
    match. Only successful GET/HEAD answers take part."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    source = response.content if etag_source is None else etag_source
    etag = f'W/"{hashlib.sha256(source).hexdigest()[:40]}"'
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    stamp = parse_http_date_safe(response["Last-Modified"]) if "Last-Modified" in response else None
    return get_conditional_response(request, etag=etag, last_modified=stamp, response=response)
