"""Fixtures shared by the whole suite. Each test builds the few rows it needs."""

from __future__ import annotations

import gc

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from tests import database, shared
from tests.factories import FederationFactory, MembershipFactory, OrganisationFactory
from website.models import FooterSettings, NavigationSettings

database.install()

# A test run allocates millions of short-lived objects (querysets, template nodes); with
# Python's default threshold (700) the youngest generation is collected thousands of times
# a second. A larger one collects the same garbage in fewer passes.
gc.set_threshold(20_000, 20, 20)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The browser tests first. pytest-django puts transactional tests after the others (as
    Django does: its flush left an empty database behind; tests/database.py writes the
    migrations' rows back instead, so any order is safe). Run last, the browser files (up
    to 47 s each) left one xdist worker finishing a long file while the other had nothing
    left to do; run first, the many short files that follow even out the end. The sort is
    stable: pytest-django's order stays within each part."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, its migrations' rows kept aside (tests/database.py)."""
    with django_db_blocker.unblock():
        database.keep_baseline()
    # Django, Wagtail and the project's modules are loaded by now and live as long as the
    # worker: the collector need not walk them again at every collection.
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth counts its rate limits in the cache: every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language. The middleware activates a
    signed-in person's preferred language for the rest of the request's thread (Django's
    LocaleMiddleware does the same), and the test client's requests run in the test's
    own thread: without this, a test that signs in a Dutch-speaking member would leave
    the next test of that worker speaking Dutch."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _shared_rows_asked_for(request):
    """Rows built once per module (tests/shared.py) are seen by every later test of the
    module: a test must ask for them, so that it knows they are there; and a transactional
    test cannot run inside their transaction."""

    unasked = [name for name in shared.OPEN if name not in request.fixturenames]
    if unasked:
        pytest.fail(
            f"rows shared by {', '.join(unasked)} are in the database but this test does "
            "not ask for them: move it to another module (see tests/shared.py)"
        )
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker and marker.kwargs.get("transaction")
    )
    if shared.OPEN and transactional:
        pytest.fail("a transactional test cannot run inside shared rows' transaction")


@pytest.fixture
def organisation(db):
    """An EES with one active admin (`org_admin`)."""
    return OrganisationFactory(name="Les Ateliers Récup")


@pytest.fixture
def org_admin(organisation):
    return MembershipFactory(
        organisation=organisation, admin=True, user__display_name="Alice Admin"
    ).user


@pytest.fixture
def federation(db):
    """A federation with one active admin (`federation_admin`)."""
    return FederationFactory(name="Fédération des Coopératives")


@pytest.fixture
def federation_admin(federation):
    return MembershipFactory(
        organisation=federation, admin=True, user__display_name="Fred Fédé"
    ).user


@pytest.fixture
def site_settings(db):
    """The default Wagtail site's navigation and footer settings, created up front.

    Wagtail creates them on the first page view that reads them (an INSERT inside a
    savepoint); tests that pin query counts create them first so they measure the steady
    state of a running site."""

    site = Site.objects.get(is_default_site=True)
    return NavigationSettings.for_site(site), FooterSettings.for_site(site)


@pytest.fixture
def messages_of():
    """`messages_of(response)`: the flash messages a response queued, as text."""

    def read(response) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]

    return read
