"""Limits on the actions that create something or make Relais send email (issue 16):
counted per person, and loosely per address (the client's IP address, which
`community.middleware.ClientAddressMiddleware` keeps for the request), in the shared cache
(`ratelimit`). The numbers live in `settings.RELAIS["ACTION_LIMITS"]`: per action, how
many per person, how many per address (several people behind one office's address), and
the window in seconds. A refusal says what was limited and when to try again, in the
person's language."""

from __future__ import annotations

import contextlib
import contextvars

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import ServiceError, ratelimit

# The client's address for the request (or socket) being served; "" outside one.
client_address: contextvars.ContextVar[str] = contextvars.ContextVar("client_address", default="")

WHAT = {
    "organisation": gettext_lazy("de créations d'organisation"),
    "affiliation": gettext_lazy("de demandes d'affiliation"),
    "conversation": gettext_lazy("de conversations privées ouvertes"),
    "draft": gettext_lazy("de fiches commencées"),
    "sheet": gettext_lazy("de fiches envoyées à la relecture"),
    "event": gettext_lazy("d'évènements proposés"),
    "registration": gettext_lazy("d'inscriptions"),
    "follow": gettext_lazy("de programmes suivis"),
    "calendar": gettext_lazy("de nouvelles adresses d'agenda"),
    "diagnostic": gettext_lazy("de diagnostics commencés"),
}


# Set by the demo's seeder, which creates the whole network in one go.
_suspended: contextvars.ContextVar[bool] = contextvars.ContextVar("limits_suspended", default=False)


@contextlib.contextmanager
def suspended():
    """No limit inside: for the demo's seeder (`seed_demo`), never for people."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


class LimitReached(ServiceError):
    """Too many of one action in a short time: when to try again."""


def _wait(seconds: int) -> str:
    if seconds <= 60:
        return _("dans une minute")
    if seconds <= 3600:
        return _("dans une heure")
    return _("demain")


def check(action: str, *, user) -> None:
    """Count one `action` by `user` (and their address); `LimitReached` beyond the limit."""
    if _suspended.get():
        return
    per_person, per_address, window = settings.RELAIS["ACTION_LIMITS"][action]
    allowed = ratelimit.allow(f"action:{action}:{user.pk}", limit=per_person, window=window)
    address = client_address.get()
    if address:
        allowed = (
            ratelimit.allow(f"action:{action}:@{address}", limit=per_address, window=window)
            and allowed
        )
    if not allowed:
        raise LimitReached(
            _("Trop %(what)s en peu de temps : réessayez %(when)s.")
            % {"what": WHAT[action], "when": _wait(window)}
        )
