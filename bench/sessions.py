"""Sessions and rooms for the WebSocket rows of the bench.

`python -m bench.sessions <count>` (with the bench settings) prints JSON: the Cookie headers
of `count` sessions, one per active member of the data set (made as
`django.contrib.auth.login` makes them), and the slugs of the theme and page rooms, which
every member may read, the busiest first.
"""

from __future__ import annotations

import json
import sys
from importlib import import_module

import django


def main(count: int) -> None:
    django.setup()
    from django.conf import settings  # noqa: PLC0415 - after django.setup()
    from django.contrib.auth import (  # noqa: PLC0415 - after django.setup()
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
    )

    from community.models import User  # noqa: PLC0415 - after django.setup()
    from rooms.models import Room  # noqa: PLC0415 - after django.setup()

    engine = import_module(settings.SESSION_ENGINE)
    cookies = []
    for user in User.objects.filter(is_active=True).order_by("pk")[:count]:
        store = engine.SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
    rooms = Room.objects.filter(
        kind__in=[Room.Kind.THEME, Room.Kind.PAGE], archived=False
    ).order_by("-last_seq")
    print(
        json.dumps({"cookies": cookies, "rooms": list(rooms.values_list("slug", flat=True)[:200])})
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
