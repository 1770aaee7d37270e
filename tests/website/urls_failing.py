"""The project's addresses plus one view that fails, to see the 500 page people get."""

from django.urls import path

from website.urls import urlpatterns as project_urlpatterns


def failing_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", failing_view), *project_urlpatterns]
