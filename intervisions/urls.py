from django.urls import path

from . import views

app_name = "intervisions"

urlpatterns = [
    path("intervisions/<id:event_id>/preparer/", views.prepare, name="prepare"),
    path("intervisions/<id:event_id>/seance/demarrer/", views.start, name="start"),
    *(
        path(
            f"intervisions/<id:event_id>/seance/{segment}/",
            views.session_action,
            {"action": action},
            name=action,
        )
        for segment, action in [
            ("etape", "step"),
            ("proposer", "propose"),
            ("soutenir", "support"),
            ("garder", "keep"),
            ("accord", "consent"),
        ]
    ),
    path("intervisions/<id:event_id>/seance/clore/", views.close, name="close"),
    path("intervisions/<id:event_id>/suivi/", views.follow_up, name="follow_up"),
]
