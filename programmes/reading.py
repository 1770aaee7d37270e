"""What a programme's page shows beyond its fields: the calls' state, whether the reader
follows it, whether each of their organisations can apply (and why not), and who got it
("who got it, and what they did with it": the live sheets that name it)."""

from __future__ import annotations

from django.db.models import prefetch_related_objects

from community.translations import reader_language

from .eligibility import member_organisations, reasons
from .services import is_following


def programme_context(request, *, programme) -> dict:
    user = request.user
    today = programme.today()
    prefetch_related_objects([programme], "regions")  # read once for every organisation
    verdicts = [
        (organisation, reasons(programme, organisation, today))
        for organisation in member_organisations(user)
    ]
    # The reverse relation of the sheets' `funded_by` (practices): read through the
    # relation, not the app, which sits above this one.
    funded = getattr(programme, "funded_sheets", None)
    sheets = (
        list(funded.live().select_related("organisation").order_by("-first_published_at")[:12])
        if funded is not None
        else []
    )
    # The same for the stories that name it (stories sit above this app too).
    told = getattr(programme, "stories", None)
    stories = list(told.live().order_by("-first_published_at")[:6]) if told is not None else []
    return {
        # In the reader's language if an editor translated it, else None: the French.
        "translation": programme.in_reader_language(),
        "reader_language": reader_language(),
        "funded_stories": stories,
        "verdicts": verdicts,
        "following": is_following(user, programme),
        "funded_sheets": sheets,
    }
