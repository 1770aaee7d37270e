"""Relais's addresses, plus `/bench/minimal/`: the least a Django view can do, answered through
every middleware of the production settings (row A1)."""

from django.http import HttpResponse
from django.urls import include, path


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/minimal/", minimal),
    path("", include("website.urls")),
]
