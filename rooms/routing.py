"""WebSocket routes (served by `website.asgi`)."""

from django.urls import path

from .consumers import RoomConsumer

websocket_urlpatterns: list = [
    path("ws/salons/<slug:slug>/", RoomConsumer.as_asgi()),
]
