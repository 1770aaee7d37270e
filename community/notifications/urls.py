from django.urls import path

from . import views

urlpatterns = [
    path("moi/notifications/", views.centre, name="notifications"),
    path("moi/notifications/tout-lu/", views.mark_all_read, name="notifications_read"),
    path("moi/notifications/<id:pk>/", views.open_notification, name="notification_open"),
    path("moi/notifications/preferences/", views.preferences, name="notification_settings"),
    path("moi/notifications/apercu/", views.preview, name="notification_preview"),
    path("notifications/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
