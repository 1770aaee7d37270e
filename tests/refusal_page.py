"""Reading the 403 page in tests: the reason it gives, and a client signed in as someone."""

from __future__ import annotations


def refusal_of(response) -> str:
    """The reason the 403 page gives."""
    assert response.status_code == 403
    body = response.content.decode()
    start = body.index("<h1>")
    return body[body.index("<p>", start) + 3 : body.index("</p>", start)]


def signed_in(client, user):
    client.force_login(user)
    return client
