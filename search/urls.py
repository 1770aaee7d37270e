from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("recherche/", views.results, name="results"),
    path("recherche/suggestions/", views.completions, name="completions"),
]
