from django.urls import path

from . import views

app_name = "intervisions"

urlpatterns = [
    path("intervisions/<id:event_id>/preparer/", views.prepare, name="prepare"),
    path("intervisions/<id:event_id>/seance/demarrer/", views.start, name="start"),
    path("intervisions/<id:event_id>/seance/etape/", views.step, name="step"),
    path("intervisions/<id:event_id>/seance/proposer/", views.propose, name="propose"),
    path("intervisions/<id:event_id>/seance/soutenir/", views.support, name="support"),
    path("intervisions/<id:event_id>/seance/garder/", views.keep, name="keep"),
    path("intervisions/<id:event_id>/seance/accord/", views.consent, name="consent"),
    path("intervisions/<id:event_id>/seance/clore/", views.close, name="close"),
    path("intervisions/<id:event_id>/suivi/", views.follow_up, name="follow_up"),
]
