"""/robots.txt and /sitemap.xml for search engines, on the public base URL."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from practices.models import PracticeIndexPage
from tests.factories import OrganisationFactory
from tests.practices.conftest import home_page, practice_index, tools  # noqa: F401
from website.models import StandardPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_robots_txt_keeps_private_areas_out_and_points_to_the_sitemap(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://relais.example"

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /moi/",
        "Disallow: /accounts/",
        "Disallow: /salons/",
        "Disallow: /personnes/",
        "Disallow: /pratiques/proposer/",
        "Disallow: /agenda/annoncer/",
        "Disallow: /agenda/prive/",
        "Disallow: /api/",
        "Disallow: /i18n/",
        "Sitemap: https://relais.example/sitemap.xml",
    ]


def test_sitemap_lists_public_pages_directory_and_tools_on_the_public_url(
    client,
    settings,
    practice_index,  # noqa: F811
    tools,  # noqa: F811
    django_assert_max_num_queries,
):
    settings.WAGTAILADMIN_BASE_URL = "https://relais.example"
    OrganisationFactory(name="La Ferme du Bocage")
    # Not in the sitemap: a draft and a page behind a password.
    home = practice_index.get_parent()
    home.add_child(instance=StandardPage(title="Brouillon", slug="brouillon", live=False))
    private = home.add_child(instance=StandardPage(title="Réservé", slug="reserve"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert PracticeIndexPage.objects.live().count() == 1

    # The site and its pages (7), each list's newest change (2), then the organisations
    # and the tools, counted and listed (4): none grows with what it lists.
    with django_assert_max_num_queries(13):
        response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = [node.text for node in ET.fromstring(response.content).findall("s:url/s:loc", NS)]
    assert locations == [
        "https://relais.example/",
        "https://relais.example/pratiques/",
        "https://relais.example/organisations/",
        "https://relais.example/outils/",
        "https://relais.example/organisations/la-ferme-du-bocage/",
        "https://relais.example/outils/dolibarr/",
        "https://relais.example/outils/nextcloud/",
        "https://relais.example/outils/signal/",
    ]
