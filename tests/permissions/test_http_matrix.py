"""The permission matrix over HTTP (issue 16, point 1): each row of `http_rows.ROWS` tried
as each role, the exact outcome asserted; a refused POST changes nothing in the database;
and no URL pattern of the project, nor route of its pages, is missing from the table."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin

from tests.shared import built_once_per_module

from .http_rows import ROWS as FIRST_ROWS
from .http_rows import Row
from .http_rows_more import MORE_ROWS
from .world import ROLES, build_world

pytestmark = pytest.mark.django_db

ROWS = FIRST_ROWS + MORE_ROWS

_world = built_once_per_module(build_world)

PROJECT_APPS = {
    "community",
    "rooms",
    "practices",
    "events",
    "programmes",
    "stories",
    "diagnostic",
    "intervisions",
    "search",
    "website",
}
# Patterns no row tries, each with why.
SKIPPED = {
    # The Wagtail admin: editors only, behind Wagtail's own permission system (and its own
    # tests); `/admin/login/` sends to allauth's form.
    "admin/": "Wagtail admin",
    # allauth's own account pages (sign-in, sign-up, password, email): each acts on the
    # signed-in person's own account only.
    "accounts/": "allauth",
    # Wagtail's document serving, its password form and its front-end sign-in (which
    # sends to allauth's): tests/website/test_documents_privacy.py.
    "documents/": "Wagtail documents",
    "_util/": "Wagtail page and document privacy",
}
# Sessions change as people come and go, not as they act.
UNWATCHED_TABLES = {"django_session"}


def _patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def project_patterns() -> set[str]:
    """Every URL pattern of the resolver and every route of the project's pages."""
    found = {p for p in _patterns(get_resolver()) if not p.startswith(tuple(SKIPPED))}
    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin) and model._meta.app_label in PROJECT_APPS:
            found |= {
                f"{model.__name__}:{route.pattern}"
                for route in model.get_subpage_urls()
                if route.name != "index_route"  # the page itself: `WAGTAIL` rows
            }
    return found


def test_every_pattern_of_the_project_is_in_the_matrix():
    tried = {row.pattern for row in ROWS}

    assert sorted(project_patterns() - tried) == []
    assert sorted(tried - project_patterns()) == []


def _fingerprint() -> dict[str, int]:
    """The rows each table had written (inserted, updated, deleted) so far in this
    transaction (PostgreSQL's own count): equal before and after a request means it wrote
    nothing, not even a value left as it was."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
        )
        return {table: count for table, count in cursor.fetchall() if table not in UNWATCHED_TABLES}


def _outcome(response, method: str, changed: bool) -> str:
    status = response.status_code
    if status == 302 and response["Location"].startswith(reverse("account_login")):
        outcome = "login"
    else:
        outcome = str(status)
    if method == "post":
        outcome += "+" if changed else "="
    return outcome


def _try(row: Row, role: str, world: dict) -> str:
    """One role's outcome, in a savepoint rolled back afterwards: each role meets the
    world as it was built."""
    names = world["names"]
    client = Client()
    if role != "visitor":
        client.cookies[settings.SESSION_COOKIE_NAME] = world["cookies"][role]
    data = {key: str(value).format(**names) for key, value in row.data.items()}
    cache.clear()  # rate limits count per person: each try starts afresh
    with transaction.atomic():
        before = _fingerprint() if row.method == "post" else None
        response = getattr(client, row.method)(row.address.format(**names), data)
        changed = row.method == "post" and _fingerprint() != before
        transaction.set_rollback(True)
    return _outcome(response, row.method, changed)


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.method.upper()} {row.address}" for row in ROWS])
def test_each_role_gets_exactly_the_designed_outcome(_world, row):
    world = _world.copy()

    outcomes = {role: _try(row, role, world) for role in ROLES}

    assert outcomes == row.expected
