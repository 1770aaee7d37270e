"""Addresses of the practices app that are Django views, not page routes.

The tool catalogue (/outils/ is no page's path), and the Atom feed at /pratiques/feed/:
as a route of the library it would cost Wagtail's walk down the page tree (five queries)
on every poll of every feed reader, so it is resolved here, before Wagtail's pages; the
library page lists it in `django_addresses` so that no sheet takes its slug. The other
sub-addresses of the library and of sheets are routes of their pages (`routes.py`).
"""

from django.urls import path

from . import views
from .feeds import LatestSheetsFeed

app_name = "practices"

urlpatterns = [
    path("pratiques/feed/", LatestSheetsFeed(), name="feed"),
    path("outils/", views.tool_list, name="tool_list"),
    path("outils/<slug:slug>/", views.tool_detail, name="tool"),
]
