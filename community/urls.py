from django.urls import include, path, re_path

from . import views

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
    path("moi/", views.me, name="me"),
    path("moi/profil/", views.profile_edit, name="profile_edit"),
    path("", include("community.notifications.urls")),
]
