"""The rooms' addresses: /salons/…, and a room reached from a person or an organisation."""

from django.urls import path, re_path

from . import views

app_name = "rooms"

urlpatterns = [
    path("personnes/<id:pk>/ecrire/", views.start_conversation, name="start_conversation"),
    path("organisations/<slug:slug>/salon/", views.organisation_room, name="organisation_room"),
    path("salons/", views.room_list, name="rooms"),
    # Before <slug>: "moderation" is a reserved room slug.
    path("salons/moderation/", views.moderation_queue, name="room_moderation"),
    path("salons/moderation/<id:report_id>/", views.handle_report, name="handle_report"),
    path("salons/<slug:slug>/", views.room_detail, name="room"),
    path("salons/<slug:slug>/historique/", views.room_history, name="room_history"),
    path("salons/<slug:slug>/moderation/", views.room_moderation, name="room_moderate"),
    path("salons/<slug:slug>/membres/", views.room_members, name="room_members"),
    path("salons/<slug:slug>/envoyer/", views.room_post, name="room_post"),
    re_path(
        r"^salons/(?P<slug>[-\w]+)/messages/(?P<seq>\d{1,18})/(?P<action>edit|delete|hide|report)/$",
        views.room_message_action,
        name="room_message_action",
    ),
    path(
        "salons/<slug:slug>/personnes/<id:user_id>/",
        views.room_sanction,
        name="room_sanction",
    ),
]
