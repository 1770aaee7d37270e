"""/sitemap.xml: the public Wagtail pages, plus the directory and the tool catalogue, which
are not pages. Addresses are built on the public base URL (SITE_URL), like the emails.

Every address has its `lastmod` (a page's last publication, an organisation's or a tool's
last change, a list's newest one), and one alternate, `hreflang="x-default"`, itself: the
same address serves French, Dutch and English, chosen by the reader's cookie, account or
`Accept-Language`, and no address serves one language only (docs/architecture.md,
"Found from outside")."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
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

    def get_urls(self, page=1, site=None, protocol=None):
        """Each address is its own x-default: the one address for every language."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = [{"location": url["location"], "lang_code": "x-default"}]
        return urls


class PagesSitemap(PublicSitemap, WagtailSitemap):
    """Live, public pages (Wagtail leaves out private and unpublished ones); `lastmod` is
    Wagtail's, the last publication."""

    def location(self, obj):
        # The page's path only: the host is SITE_URL's, not the Site record's host name.
        return obj.get_url_parts(self.request)[2]

    # Django's listing: Wagtail's would build each address on the Site record.
    _urls = Sitemap._urls  # type: ignore[attr-defined]  # private in Django: not in django-stubs


class ListsSitemap(PublicSitemap):
    """The directory and the tool catalogue (views, not pages), as new as what they list."""

    LISTED = {
        "community:directory": Organisation.objects.all(),
        "practices:tool_list": Tool.objects.live(),
    }

    def items(self):
        return list(self.LISTED)

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.LISTED[name].aggregate(newest=Max("updated_at"))["newest"]


class OrganisationsSitemap(PublicSitemap):
    def items(self):
        return Organisation.objects.order_by("slug").only("slug", "updated_at")

    def lastmod(self, organisation):
        return organisation.updated_at


class ToolsSitemap(PublicSitemap):
    def items(self):
        return Tool.objects.live().order_by("slug").only("slug", "updated_at")

    def lastmod(self, tool):
        return tool.updated_at


SITEMAPS = {
    "pages": PagesSitemap,
    "lists": ListsSitemap,
    "organisations": OrganisationsSitemap,
    "tools": ToolsSitemap,
}
