from django.urls import path, re_path

from . import views

app_name = "diagnostic"

urlpatterns = [
    path("diagnostic/", views.home, name="home"),
    path("diagnostic/commencer/", views.start, name="start"),
    # A token is what secrets.token_urlsafe writes: anything else is no invitation.
    re_path(
        r"^diagnostic/invitation/(?P<token>[A-Za-z0-9_-]{1,64})/$",
        views.invitation,
        name="invitation",
    ),
    path("diagnostic/<id:pk>/", views.result, name="result"),
    path("diagnostic/<id:pk>/repondre/", views.answer, name="answer"),
    path("diagnostic/<id:pk>/repondre/envoyer/", views.review, name="review"),
    path("diagnostic/<id:pk>/repondre/<slug:axis>/", views.axis, name="axis"),
    path("diagnostic/<id:pk>/inviter/", views.invite, name="invite"),
    path("diagnostic/<id:pk>/partage/", views.consent, name="consent"),
    path(
        "diagnostic/<id:pk>/voix/<id:respondent_id>/retirer/",
        views.withdraw,
        name="withdraw",
    ),
    path("diagnostic/<id:pk>/plan/", views.plan, name="plan"),
    path("diagnostic/<id:pk>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("diagnostic/<id:pk>/plan/ajouter/", views.add_action, name="add_action"),
    path("diagnostic/<id:pk>/plan/<id:action_id>/", views.change_action, name="action"),
    path(
        "organisations/<slug:slug>/tableau-de-bord/",
        views.federation_dashboard,
        name="federation",
    ),
    path(
        "organisations/<slug:slug>/tableau-de-bord.csv",
        views.federation_dashboard,
        name="federation_csv",
    ),
]
