"""What other apps add to a room, without `rooms` importing them (apps depend one way).

An app registers, in its `AppConfig.ready()`:

- `register_frame(type, handler)`: a client frame type of its own (`"session.propose"`…).
  The consumer calls `handler(user=…, room=…, frame=…)` on the database thread, with the
  room read fresh; the handler checks access, writes through its services (which broadcast
  after commit) and returns a frame for this socket only, or None. A `ServiceError` it
  raises becomes an `error` frame, as for the room's own frames.
- `register_hello(provider)`: `provider(room=…, user=…)` returns keys added to the `hello`
  frame (an intervision's session state), so a client that (re)connects holds the whole
  state at once.

An intervision's live session (`intervisions/`) is the only user today.
"""

from __future__ import annotations

from collections.abc import Callable

FrameHandler = Callable[..., dict | None]
HelloProvider = Callable[..., dict]

_frames: dict[str, FrameHandler] = {}
_hello: list[HelloProvider] = []


def register_frame(kind: str, handler: FrameHandler) -> None:
    _frames[kind] = handler


def register_hello(provider: HelloProvider) -> None:
    if provider not in _hello:
        _hello.append(provider)


def frame_handler(kind: str) -> FrameHandler | None:
    return _frames.get(kind)


def hello_parts(*, room, user) -> dict:
    parts: dict = {}
    for provider in _hello:
        parts.update(provider(room=room, user=user))
    return parts
