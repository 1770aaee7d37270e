"""WebSocket routes. Rooms arrive with the rooms issue; the router is already wired."""

websocket_urlpatterns: list = []
