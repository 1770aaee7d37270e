"""Addresses of the stories app that are Django views, not page routes: the Atom feed at
/recits/feed/, resolved before Wagtail's pages (as the library's feed, `practices.urls`:
a route would cost Wagtail's walk down the page tree on every poll of every feed reader);
the index page lists it in `django_addresses` so that no story takes its slug."""

from django.urls import path

from .feeds import LatestStoriesFeed

app_name = "stories"

urlpatterns = [path("recits/feed/", LatestStoriesFeed(), name="feed")]
