"""/sitemap.xml: the public Wagtail pages, plus the directory and the tool catalogue, which
are not pages. Addresses are built on the public base URL (SITE_URL), like the emails."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from community.models import Organisation
from community.public import site_url
from practices.models import Tool


class PublicSitemap(Sitemap):
    """Every address on SITE_URL's scheme and host, whatever host the request came by."""

    # Django's index view reads `protocol` itself, so it stays an attribute: a read-only one,
    # which django-stubs (declaring a writable `str | None`) cannot tell from a mistake.
    @property
    def protocol(self) -> str:  # type: ignore[override]
        return urlsplit(site_url()).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


class PagesSitemap(PublicSitemap, WagtailSitemap):
    """Live, public pages (Wagtail leaves out private and unpublished ones)."""

    def location(self, obj):
        # The page's path only: the host is SITE_URL's, not the Site record's host name.
        return obj.get_url_parts(self.request)[2]

    # Django's own listing: Wagtail's would build each address on the Site record.
    _urls = Sitemap._urls  # type: ignore[attr-defined]  # private in Django: not in django-stubs


class ListsSitemap(PublicSitemap):
    """The directory and the tool catalogue (views, not pages)."""

    def items(self):
        return ["community:directory", "practices:tool_list"]

    def location(self, name):
        return reverse(name)


class OrganisationsSitemap(PublicSitemap):
    def items(self):
        return Organisation.objects.order_by("slug").only("slug")


class ToolsSitemap(PublicSitemap):
    def items(self):
        return Tool.objects.live().order_by("slug").only("slug")


SITEMAPS = {
    "pages": PagesSitemap,
    "lists": ListsSitemap,
    "organisations": OrganisationsSitemap,
    "tools": ToolsSitemap,
}
