"""The session's frames on the room's WebSocket (registered with `rooms.extensions` in
`IntervisionsConfig.ready`). Client to server, each with an optional `client_id` echoed in
the answer (a proposal's also names its item):

- `{"type": "session.propose", "part": "tips", "text": "…", "client_id": "<uuid>",
  "from_message": <seq>|null}`
- `{"type": "session.support", "item": <id>, "on": true|false}`
- `{"type": "session.keep", "item": <id>, "on": true|false}` (the facilitator)
- `{"type": "session.step", "step": <position>}` (the facilitator)
- `{"type": "session.consent", "organisation": <id>, "on": true|false}`

Every change reaches the whole room as `{"type": "session", "session": {…}}`
(`state.session_frame`); the sender also gets `{"type": "session.ack", "client_id": …,
"me": {…}}` (their own supports). `hello` carries `session` and `session_me` when the
room's intervision has a session under way (or the last one, closed)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from community.services import ServiceError

from . import access, services
from .models import Intervision, Session
from .state import my_part, server_now, session_state


def _intervision_of(room) -> Intervision | None:
    if not room.page_id:
        return None
    return Intervision.objects.select_related("event").filter(event_id=room.page_id).first()


def _session_of(room) -> Session:
    intervision = _intervision_of(room)
    session = services.running_session(intervision) if intervision else None
    if session is None:
        raise ServiceError(_("Aucune séance n'est en cours dans ce salon."))
    return session


def hello(*, room, user) -> dict:
    if room.kind != room.Kind.PAGE:
        return {}
    intervision = _intervision_of(room)
    if intervision is None:
        return {}
    session = intervision.sessions.first()
    if session is None:
        return {}
    facilitates = access.can_facilitate(user, intervision)
    return {
        "session": session_state(session),
        "session_me": my_part(session, user, facilitates=facilitates),
        "session_now": server_now(),
    }


def _ack(session: Session, user, frame: dict) -> dict:
    intervision = session.intervision
    return {
        "type": "session.ack",
        "client_id": frame.get("client_id") if isinstance(frame.get("client_id"), str) else None,
        "me": my_part(session, user, facilitates=access.can_facilitate(user, intervision)),
    }


def _on(frame: dict) -> bool:
    """`on` is true or false; anything else (a string, a number) is a malformed frame."""
    on = frame.get("on", True)
    if not isinstance(on, bool):
        raise ServiceError(_("« on » vaut true ou false."))
    return on


def on_propose(*, user, room, frame):
    session = _session_of(room)
    item, _created = services.propose(
        user=user,
        session=session,
        part=frame.get("part"),
        text=frame.get("text"),
        client_id=frame.get("client_id"),
        from_message=frame.get("from_message"),
    )
    # The item this proposal is (a resend gets the same one).
    return {**_ack(session, user, frame), "item": item.pk}


def on_support(*, user, room, frame):
    session = _session_of(room)
    services.support(user=user, session=session, item_id=frame.get("item"), on=_on(frame))
    return _ack(session, user, frame)


def on_keep(*, user, room, frame):
    session = _session_of(room)
    services.keep(user=user, session=session, item_id=frame.get("item"), on=_on(frame))
    return _ack(session, user, frame)


def on_step(*, user, room, frame):
    session = _session_of(room)
    services.move_to_step(user=user, session=session, step=frame.get("step"))
    return _ack(session, user, frame)


def on_consent(*, user, room, frame):
    session = _session_of(room)
    services.consent(
        user=user, session=session, organisation_id=frame.get("organisation"), on=_on(frame)
    )
    return _ack(session, user, frame)


HANDLERS = {
    "session.propose": on_propose,
    "session.support": on_support,
    "session.keep": on_keep,
    "session.step": on_step,
    "session.consent": on_consent,
}
