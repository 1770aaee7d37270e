"""Addresses of the practices app that are not Wagtail pages.

website/urls.py includes these before Wagtail's catch-all, so /pratiques/feed/ and the
reaction addresses under /pratiques/<slug>/ are resolved here first; /pratiques/<slug>/
itself is the sheet, served by Wagtail. A sheet slugged "feed" would be hidden by the feed:
the wizard never gives that slug (`services.submission.RESERVED_SLUGS`).
"""

from django.urls import path

from . import views
from .feeds import LatestSheetsFeed

app_name = "practices"

urlpatterns = [
    path("pratiques/feed/", LatestSheetsFeed(), name="feed"),
    path("pratiques/<slug:slug>/utile/", views.useful, name="useful"),
    path("pratiques/<slug:slug>/favori/", views.bookmark, name="bookmark"),
    path("pratiques/<slug:slug>/adoption/", views.adoption, name="adoption"),
    path(
        "pratiques/<slug:slug>/adoption/retirer/",
        views.adoption_withdraw,
        name="adoption_withdraw",
    ),
    path("outils/", views.tool_list, name="tool_list"),
    path("outils/<slug:slug>/", views.tool_detail, name="tool"),
]
