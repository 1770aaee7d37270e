"""What the site-wide pages write: a member's visits of their home page (`HomeVisit`).

The service contract (docs/architecture.md): keyword values in, the only code that writes
these rows; the home page's context calls it and never saves a model itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from .models import HomeVisit

# Opening the home again within this time is the same visit: what was new stays new, and
# nothing is written (a reload neither resets "new" nor costs a write).
VISIT_GAP = dt.timedelta(minutes=30)
# A first visit counts what appeared in this time as new: everything is new to someone who
# just joined, and a month is what one looks back on.
FIRST_VISIT_LOOKBACK = dt.timedelta(days=30)


@dataclass(frozen=True)
class Since:
    """From when things are new for a person on this visit; `first`: no visit before."""

    moment: dt.datetime
    first: bool


def record_home_visit(*, user, now: dt.datetime | None = None) -> Since:
    """Remember that `user` opens their home page `now`, and say since when things are new
    for them: the start of their previous visit, or `FIRST_VISIT_LOOKBACK` before their
    first one. A visit is written at most once per `VISIT_GAP` (one query then, two
    otherwise); two requests at once write it once."""
    now = now or timezone.now()
    visit = HomeVisit.objects.filter(user=user).first()
    if visit is None:
        visit, _created = HomeVisit.objects.get_or_create(
            user=user, defaults={"previous_at": None, "last_at": now}
        )
    elif now - visit.last_at >= VISIT_GAP:
        # Only if no other request moved it meanwhile (a conditional update, no lock).
        HomeVisit.objects.filter(pk=visit.pk, last_at=visit.last_at).update(
            previous_at=visit.last_at, last_at=now
        )
        return Since(visit.last_at, first=False)
    if visit.previous_at is None:
        # Still the first visit: `last_at` is when it began (nothing moved it since).
        return Since(visit.last_at - FIRST_VISIT_LOOKBACK, first=True)
    return Since(visit.previous_at, first=False)
