"""The submission wizard, under /pratiques/proposer/ (included before Wagtail's pages, so a
sheet can never take "proposer" as its slug: see `services.submission.RESERVED_SLUGS`)."""

from django.urls import path

from . import views_wizard as views

app_name = "wizard"

urlpatterns = [
    path("pratiques/proposer/", views.index, name="index"),
    path("pratiques/proposer/nouvelle/", views.start, name="start"),
    path("pratiques/proposer/modifier/<id:page_id>/", views.edit, name="edit"),
    path("pratiques/proposer/<id:draft_id>/", views.resume, name="resume"),
    path("pratiques/proposer/<id:draft_id>/supprimer/", views.delete, name="delete"),
    path("pratiques/proposer/<id:draft_id>/<slug:step>/", views.step, name="step"),
]
