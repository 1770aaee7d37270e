"""Any parameter, any value, no 500: every list, feed and API address of the site, each of
its query parameters (and an unknown one) fed hostile values, alone and all together.

A 4xx or a 200 that ignores the value are both fine; a 500 never is."""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings
from django.test import Client
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from tests.shared import built_once_per_module
from tests.website.conftest import build_whole_site

pytestmark = pytest.mark.django_db

# Every test here reads the same site: it is built once for the module (tests/shared.py).
_whole_site = built_once_per_module(build_whole_site)


@pytest.fixture
def whole_site(_whole_site, db):
    return _whole_site.copy()


HUGE = "9" * 30  # far beyond 64 bits
# Already percent-encoded, as they travel in a query string.
HOSTILE = [
    "",
    "0",
    "-1",
    HUGE,
    "-" + HUGE,
    "18446744073709551616",
    "1.5",
    "1e309",
    "NaN",
    "%5B%5D",  # []
    "%7B%7D",  # {}
    "%00",
    "a%00b",
    "%FF",  # not UTF-8
    "%F0%9F%98%80",  # an emoji
    "x" * 5000,
    "9999-99",
    "0000-00",
    "2026-13",
    "99999-12",
    "%27%3B--",
    "%3Cscript%3E",
    "%0D%0ASet-Cookie:%20a=b",
    "..%2F..%2Fetc%2Fpasswd",
]
# The worst few, for each parameter on its own (the full list goes with all of them at once).
WORST = [HUGE, "%5B%5D", "%00", "%FF"]

CALENDAR = ["kind", "organiser", "theme", "region", "mode", "when", "view", "month", "page"]
PROGRAMMES = [
    "kind",
    "region",
    "legal_form",
    "organisation_kind",
    "size",
    "theme",
    "dimension",
    "when",
    "page",
]
SHEETS = ["q", "theme", "sector", "region", "tool", "dimension", "keyword", "page"]
API_PAGES = [
    "offset",
    "limit",
    "type",
    "fields",
    "order",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "id",
    "slug",
    "locale",
    "show_in_menus",
    "site",
]

# Address → its query parameters. `{...}` is filled from the fixture's objects.
ADDRESSES = {
    "/": ["page"],
    "/pratiques/": SHEETS,
    "/pratiques/feed/": SHEETS,
    "/pratiques/{sheet}/": ["page"],
    "/outils/": ["category", "licence", "page"],
    "/outils/{tool}/": ["page"],
    "/agenda/": CALENDAR,
    "/agenda/feed.ics": CALENDAR,
    "/agenda/widget/": CALENDAR,
    "/agenda/{event}/": ["date", "page"],
    "/agenda/{event}/event.ics": ["date"],
    "/recits/": ["theme", "sector", "region", "page"],
    "/recits/feed/": ["x"],
    "/recits/{story}/": ["x"],
    "/soutiens/": PROGRAMMES,
    "/soutiens/echeances.ics": ["x"],
    "/soutiens/{programme}/": ["x"],
    "/soutiens/pour-mon-organisation/": ["x"],
    "/organisations/": ["q", "kind", "sector", "region", "federation", "page"],
    "/organisations/{organisation}/": ["page"],
    "/organisations/{organisation}/agenda.ics": CALENDAR,
    "/salons/": ["page"],
    "/salons/{room}/": ["before", "reply_to"],
    "/salons/{room}/historique/": ["before", "after", "limit"],
    "/moi/": ["page"],
    "/api/v2/pages/": API_PAGES,
    "/api/v2/pages/{sheet_id}/": ["fields", "type"],
    "/api/v2/pages/find/": ["html_path", "site"],
    "/api/v2/images/": ["offset", "limit", "fields", "order", "search"],
    "/sitemap.xml": ["p"],
    "/robots.txt": ["x"],
    "/healthz": ["x"],
    "/accounts/login/": ["next"],
    "/recherche/": ["q", "type", "page"],
    "/diagnostic/": ["x"],
    "/diagnostic/{diagnostic}/": ["x"],
    "/diagnostic/{diagnostic}/repondre/infrastructure/": ["q1", "previous"],
    "/diagnostic/{diagnostic}/plan/": ["x"],
    "/organisations/{federation}/tableau-de-bord/": ["periode"],
    "/organisations/{federation}/tableau-de-bord.csv": ["periode"],
}

# Numbers in the path itself.
PATHS_WITH_NUMBERS = [
    "/personnes/{n}/",
    "/pratiques/proposer/{n}/",
    "/pratiques/proposer/modifier/{n}/",
    "/api/v2/pages/{n}/",
    "/api/v2/images/{n}/",
    "/organisations/{organisation}/demandes/{n}/approve/",
    "/salons/{room}/messages/{n}/edit/",
    "/diagnostic/{n}/",
    "/diagnostic/{n}/plan.pdf",
    "/diagnostic/{diagnostic}/plan/{n}/",
    "/diagnostic/invitation/{n}/",
]


def _queries(params):
    """Each parameter alone with the worst values, then all of them with every value, then
    repeated and array-shaped parameters and an unknown one."""
    for name in params:
        for value in WORST:
            yield f"{name}={value}"
    for value in HOSTILE:
        yield "&".join(f"{name}={value}" for name in params)
    yield "&".join(f"{name}=1&{name}=2" for name in params)
    yield "&".join(f"{name}%5B%5D=1&{name}%5B0%5D=a" for name in params)
    yield "zzz=%00&%00=%FF&%FF=1"


def _status(client, path, query=""):
    return client.get(path, QUERY_STRING=query).status_code


@pytest.mark.parametrize("address", list(ADDRESSES))
def test_hostile_query_parameters_never_make_a_500(whole_site, address):
    member, names = whole_site
    path = address.format(**names)
    client = Client(raise_request_exception=False)
    client.force_login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    failures = [
        (query[:80], status)
        for query in _queries(ADDRESSES[address])
        if (status := _status(client, path, query)) >= 500
    ]

    assert failures == []


@pytest.mark.parametrize("address", PATHS_WITH_NUMBERS)
def test_hostile_numbers_in_the_path_never_make_a_500(whole_site, address):
    member, names = whole_site
    client = Client(raise_request_exception=False)
    client.force_login(member)

    failures = [
        (n, status)
        for n in ["0", HUGE, "18446744073709551616", "9223372036854775807"]
        if (status := _status(client, address.format(n=n, **names))) >= 500
    ]

    assert failures == []


@pytest.mark.parametrize("address", ["/agenda/prive/{t}.ics", "/diagnostic/invitation/{t}/"])
def test_hostile_tokens_in_the_path_are_not_found(whole_site, address):
    member, _names = whole_site
    client = Client(raise_request_exception=False)
    client.force_login(member)

    statuses = {
        client.get(address.format(t=token)).status_code
        for token in ["%00", "a%00b", "%FF", "x" * 65, "..%2F", "é"]
    }

    assert statuses == {404}


# --- Any value at all: hypothesis draws them ------------------------------------------------

# Any bytes, percent-encoded as a browser or a script would send them: NUL, invalid UTF-8,
# control characters, huge numbers, brackets…
raw_values = st.binary(max_size=300).map(lambda b: quote_from_bytes(b, safe=""))
text_values = st.text(max_size=300).map(lambda t: quote(t, safe=""))
numbers = st.integers(min_value=-(10**40), max_value=10**40).map(str)
values = st.one_of(raw_values, text_values, numbers)
LISTS = [
    "/pratiques/",
    "/agenda/",
    "/agenda/feed.ics",
    "/organisations/",
    "/outils/",
    "/soutiens/",
    "/recits/",
]


@pytest.mark.parametrize("address", LISTS + ["/api/v2/pages/", "/salons/{room}/historique/"])
def test_any_drawn_values_never_make_a_500(whole_site, address):
    member, names = whole_site
    client = Client(raise_request_exception=False)
    client.force_login(member)
    params = ADDRESSES[address] + ["zzz"]

    @hyp_settings(max_examples=30, deadline=None, database=None)
    @given(st.dictionaries(st.sampled_from(params), values, max_size=len(params)))
    def check(query):
        status = _status(
            client, address.format(**names), "&".join(f"{k}={v}" for k, v in query.items())
        )
        assert status < 500, (query, status)

    check()
