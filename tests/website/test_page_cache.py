"""Visitors' pages kept whole in the cache (website/page_cache.py): served again without a
query, forgotten at the next change, never for a signed-in person, kept per language."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.test import Client, override_settings

from practices.models import PracticeSheetPage
from tests.factories import MembershipFactory, OrganisationFactory
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.shared import built_once_per_module
from website import page_cache

pytestmark = pytest.mark.django_db


def build_site():
    """A library with one sheet, the site's settings written by a first page served."""
    home = build_home()
    index = build_index()
    tools = [make_tool(name) for name in ("Nextcloud", "Dolibarr", "Signal")]
    organisation = OrganisationFactory(name="Les Ateliers Récup")
    sheet = make_sheet(
        index, title="Un cloud pour l'équipe", tools=tools, organisation=organisation
    )
    # The first page ever served writes the site's navigation and footer settings: a
    # change, so what it rendered is kept under the generation before it.
    with override_settings(PAGE_CACHE_SECONDS=60):
        Client().get("/")
    return home, index, tools, organisation, sheet


# Every test of the module reads the same site: built once (tests/shared.py).
_site = built_once_per_module(build_site)


@pytest.fixture
def site(_site, db, settings):
    settings.PAGE_CACHE_SECONDS = 60
    return _site.copy()


def test_a_visitor_gets_the_same_page_again_without_a_query(
    site, client, django_assert_num_queries
):
    first = client.get("/pratiques/")

    with django_assert_num_queries(0):
        second = client.get("/pratiques/")

    assert first.status_code == second.status_code == 200
    assert "Un cloud pour l&#x27;équipe" in second.content.decode()
    assert second.content == first.content


def test_a_change_is_seen_by_the_next_visitor(site, client):
    _home, index, tools, organisation, sheet = site
    client.get("/pratiques/")

    make_sheet(index, title="Un agenda partagé", tools=tools, organisation=organisation)
    after_publish = client.get("/pratiques/").content.decode()
    PracticeSheetPage.objects.get(pk=sheet.pk).unpublish()
    after_unpublish = client.get("/pratiques/").content.decode()

    assert "Un agenda partagé" in after_publish and "Un cloud pour" in after_publish
    assert "Un agenda partagé" in after_unpublish and "Un cloud pour" not in after_unpublish


def test_a_signed_in_person_never_gets_a_kept_page(site, client):
    _home, _index, _tools, organisation, _sheet = site
    member = MembershipFactory(organisation=organisation).user
    client.get("/pratiques/")  # kept for visitors
    signed_in = Client()
    signed_in.force_login(member)

    page = signed_in.get("/pratiques/").content.decode()

    assert "Se déconnecter" in page and "csrfmiddlewaretoken" in page
    visitor = client.get("/pratiques/").content.decode()
    assert "Se déconnecter" not in visitor and "csrfmiddlewaretoken" not in visitor


def test_a_visitor_switches_language_without_a_token_a_member_with_one(site):
    _home, _index, _tools, organisation, _sheet = site
    visitor = Client(enforce_csrf_checks=True)
    member = Client(enforce_csrf_checks=True)
    member.force_login(MembershipFactory(organisation=organisation).user)

    switched = visitor.post("/i18n/setlang/", {"language": "nl", "next": "/pratiques/"})
    refused = member.post("/i18n/setlang/", {"language": "nl", "next": "/pratiques/"})

    assert (switched.status_code, switched["Location"]) == (302, "/pratiques/")
    assert switched.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "nl"
    assert refused.status_code == 403


def test_each_language_has_its_own_page(site, client):
    french = client.get("/pratiques/").content.decode()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "nl"
    dutch = client.get("/pratiques/").content.decode()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "fr"
    french_again = client.get("/pratiques/").content.decode()

    assert '<html lang="fr"' in french and '<html lang="nl"' in dutch
    assert french_again == french


def test_forms_cookies_errors_and_long_queries_are_not_kept(site, client):
    kept = []
    long_query = "/pratiques/?q=" + "x" * 300
    for path in ("/accounts/login/", "/pratiques/page-qui-n-existe-pas/", long_query):
        client.get(path)
        kept.append(page_cache._key(client.get(path).wsgi_request))

    assert [key is not None and bool(page_cache.cache.get(key)) for key in kept] == [
        False,
        False,
        False,
    ]


def test_a_row_that_no_visitor_sees_keeps_the_generation(site):
    before = page_cache.generation()
    Session.objects.create(session_key="x" * 32, session_data="", expire_date="2030-01-01")
    unchanged = page_cache.generation()
    OrganisationFactory(name="La Coopérative du Lien")

    assert unchanged == before
    assert page_cache.generation() != before


def test_off_when_the_setting_is_zero(site, client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/pratiques/")

    with django_assert_max_num_queries(50) as queries:
        client.get("/pratiques/")

    assert len(queries) > 0
