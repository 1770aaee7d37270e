"""The only code that writes room messages or talks to the channel layer, one module per
concern:

- `rendering`: a message's text cleaned and its Markdown rendered to sanitised HTML;
- `payloads`: messages, people and rooms as the client sees them;
- `groups`: channel-layer groups and every broadcast, after commit;
- `creation`, `listing`: making rooms, and which rooms a person sees;
- `posting`: post, edit, delete (numbering without gaps);
- `reading`: read markers and history;
- `mentions`, `digests`: who a message is for, and their grouped email;
- `moderation`: hiding, reports, mutes and bans;
- `presence`, `presence_store`: who is here and who is typing (cache only).

Functions are synchronous and take keyword arguments; the WebSocket consumer calls them
through `database_sync_to_async` (presence, which never reads the database, through
`sync_to_async` off the database thread). Access rules are asked of `rooms.access`.
"""

import asyncio
import weakref
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings

from community.services import ServiceError


class RoomError(ServiceError):
    """A refused room action, with the protocol's error code: rate_limited, too_long,
    forbidden or invalid."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def limits():
    """The rooms' limits (`settings.RELAIS`), read at each call so tests can change them."""
    return settings.RELAIS


T = TypeVar("T")


def per_loop(make: Callable[[asyncio.AbstractEventLoop], T]) -> Callable[[], T]:
    """A getter of one `make(loop)` per running event loop (one per server process; one
    per test in the in-process tests), forgotten with its loop."""
    made: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T] = weakref.WeakKeyDictionary()

    def get() -> T:
        loop = asyncio.get_running_loop()
        if loop not in made:
            made[loop] = make(loop)
        return made[loop]

    return get
