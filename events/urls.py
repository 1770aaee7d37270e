"""Addresses of the calendar that are not Wagtail pages.

website/urls.py includes these before Wagtail's catch-all: /agenda/ and /agenda/<slug>/
are Wagtail pages; the announce form, the feeds, the widget and the actions on an event
are resolved here first. The announce service never gives an event a slug these use
(`services.publishing.RESERVED_SLUGS`).
"""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("agenda/annoncer/", views.announce, name="announce"),
    path("agenda/feed.ics", views.calendar_feed, name="feed"),
    path("agenda/widget/", views.widget, name="widget"),
    path("agenda/prive/nouveau/", views.regenerate_token, name="regenerate_token"),
    path("agenda/prive/<str:token>.ics", views.private_feed, name="private_feed"),
    path("agenda/<slug:slug>/event.ics", views.event_ics, name="event_ics"),
    path("agenda/<slug:slug>/inscription/", views.register, name="register"),
    path("agenda/<slug:slug>/desinscription/", views.unregister, name="unregister"),
    path("agenda/<slug:slug>/inscriptions/", views.registration_list, name="registrations"),
    path("agenda/<slug:slug>/inscriptions.csv", views.registration_csv, name="registrations_csv"),
    path("agenda/<slug:slug>/modifier/", views.edit, name="edit"),
    path("agenda/<slug:slug>/annuler/", views.cancel_event, name="cancel"),
    path("agenda/<slug:slug>/annuler-une-date/", views.cancel_date, name="cancel_date"),
    path("organisations/<slug:slug>/agenda.ics", views.organisation_feed, name="organisation_feed"),
]
