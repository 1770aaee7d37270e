"""Fixtures shared by the whole suite. Each test builds the few rows it needs."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache

from tests.factories import FederationFactory, MembershipFactory, OrganisationFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth counts its rate limits in the cache: every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


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
    from wagtail.models import Site

    from website.models import FooterSettings, NavigationSettings

    site = Site.objects.get(is_default_site=True)
    return NavigationSettings.for_site(site), FooterSettings.for_site(site)


@pytest.fixture
def messages_of():
    """`messages_of(response)`: the flash messages a response queued, as text."""

    def read(response) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]

    return read
