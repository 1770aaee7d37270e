from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community import urls as community_urls
from practices import urls as practices_urls
from rooms import urls as rooms_urls
from search import urls as search_urls

from .api import api_router
from .views import (
    delete_account,
    healthz,
    my_data,
    my_data_download,
    privacy,
    robots_txt,
    set_language,
    sitemap_xml,
)


class AdminLoginRedirect(RedirectView):
    """The Wagtail admin's own login form is closed: editors sign in through allauth,
    which is rate-limited and requires a verified email."""

    permanent = False
    query_string = True
    pattern_name = "account_login"


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("moi/donnees/", my_data, name="my_data"),
    path("moi/supprimer/", delete_account, name="delete_account"),
    path("confidentialite/", privacy, name="privacy"),
    re_path(
        r"^moi/donnees/(?P<token>[A-Za-z0-9_:-]{1,300})/$",
        my_data_download,
        name="my_data_download",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("admin/login/", AdminLoginRedirect.as_view(), name="wagtailadmin_login"),
    # Wagtail's own front-end sign-in (private pages and documents send there) is no side
    # door either: allauth's form, with its limits and the verified email it requires.
    path("_util/login/", AdminLoginRedirect.as_view(), name="wagtailcore_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v2/", api_router.urls),
    path("", include(community_urls)),
    path("", include(rooms_urls)),
    path("", include(practices_urls)),
    path("", include("events.urls")),
    path("", include("stories.urls")),
    path("", include(search_urls)),
    path("", include("diagnostic.urls")),
    path("", include("intervisions.urls")),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Only public images: Wagtail documents go through /documents/, which checks their
    # collection's privacy; serving media/documents/ directly would bypass it.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images|logos|avatars)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += [
    # Wagtail serves paths that end in "/"; a page's routes that end in a file name
    # (`/agenda/<slug>/event.ics`, `…/inscriptions.csv`) go to the same view, which hands
    # them to the page (`community.pages.RoutablePage`).
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.(?:ics|csv))$", wagtail_views.serve),
    path("", include(wagtail_urls)),
]
