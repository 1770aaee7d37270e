from django.urls import path, re_path

from . import views, views_rooms

app_name = "community"

urlpatterns = [
    path("organisations/", views.directory, name="directory"),
    path("organisations/creer/", views.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/modifier/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/rejoindre/", views.join, name="join"),
    path("organisations/<slug:slug>/quitter/", views.leave, name="leave"),
    re_path(
        r"^organisations/(?P<slug>[-\w]+)/demandes/(?P<membership_id>\d{1,18})/(?P<decision>approve|refuse)/$",
        views.decide_membership,
        name="decide_membership",
    ),
    path(
        "organisations/<slug:slug>/membres/<id:membership_id>/role/",
        views.change_role,
        name="change_role",
    ),
    path(
        "organisations/<slug:slug>/affiliation/",
        views.request_affiliation,
        name="request_affiliation",
    ),
    re_path(
        r"^organisations/(?P<slug>[-\w]+)/affiliations/(?P<affiliation_id>\d{1,18})/(?P<decision>accept|refuse)/$",
        views.decide_affiliation,
        name="decide_affiliation",
    ),
    path(
        "organisations/<slug:slug>/federations/<slug:federation_slug>/quitter/",
        views.end_affiliation,
        name="end_affiliation",
    ),
    path("personnes/<id:pk>/", views.person, name="person"),
    path("personnes/<id:pk>/ecrire/", views_rooms.start_conversation, name="start_conversation"),
    path(
        "organisations/<slug:slug>/salon/", views_rooms.organisation_room, name="organisation_room"
    ),
    path("salons/", views_rooms.room_list, name="rooms"),
    # Before <slug>: "moderation" is a reserved room slug.
    path("salons/moderation/", views_rooms.moderation_queue, name="room_moderation"),
    path("salons/moderation/<id:report_id>/", views_rooms.handle_report, name="handle_report"),
    path("salons/<slug:slug>/", views_rooms.room_detail, name="room"),
    path("salons/<slug:slug>/historique/", views_rooms.room_history, name="room_history"),
    path("salons/<slug:slug>/moderation/", views_rooms.room_moderation, name="room_moderate"),
    path("salons/<slug:slug>/membres/", views_rooms.room_members, name="room_members"),
    path("salons/<slug:slug>/envoyer/", views_rooms.room_post, name="room_post"),
    re_path(
        r"^salons/(?P<slug>[-\w]+)/messages/(?P<seq>\d{1,18})/(?P<action>edit|delete|hide|report)/$",
        views_rooms.room_message_action,
        name="room_message_action",
    ),
    path(
        "salons/<slug:slug>/personnes/<id:user_id>/",
        views_rooms.room_sanction,
        name="room_sanction",
    ),
    path("moi/", views.me, name="me"),
    path("moi/profil/", views.profile_edit, name="profile_edit"),
]
