"""Addresses of the calendar that are Django views, not page routes.

website/urls.py includes these before Wagtail's pages. `/agenda/feed.ics` is polled by
every calendar app: as a route of the calendar it would cost Wagtail's walk down the page
tree on each poll. The widget and the private feeds are no page's sub-address either;
`CalendarRoutes.django_addresses` keeps events from taking their slugs. Announcing and
everything under `/agenda/<slug>/` are routes of the pages (`routes.py`).
"""

from django.urls import path, re_path

from . import views

app_name = "events"

urlpatterns = [
    path("agenda/feed.ics", views.calendar_feed, name="feed"),
    path("agenda/widget/", views.widget, name="widget"),
    path("agenda/prive/nouveau/", views.regenerate_token, name="regenerate_token"),
    # A token is what secrets.token_urlsafe writes: anything else (a NUL byte, which
    # PostgreSQL refuses in a query) is no feed.
    re_path(
        r"^agenda/prive/(?P<token>[A-Za-z0-9_-]{1,64})\.ics$",
        views.private_feed,
        name="private_feed",
    ),
    path("organisations/<slug:slug>/agenda.ics", views.organisation_feed, name="organisation_feed"),
]
