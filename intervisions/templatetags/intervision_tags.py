"""`{% session_panel %}` in the room page: an intervision's session (the step, its timer,
the harvest) beside the conversation, server-rendered so that it works without
JavaScript; `static/js/rooms/session.js` keeps it live."""

from __future__ import annotations

import datetime as dt
import uuid

from django import template

from intervisions import access, followup, services
from intervisions.models import Intervision, Part
from intervisions.state import my_part, server_now

register = template.Library()


@register.inclusion_tag("intervisions/_session.html", takes_context=True)
def session_panel(context):
    room = context.get("room")
    request = context.get("request")
    empty = {"intervision": None}
    if room is None or request is None or not room.page_id:
        return empty
    intervision = Intervision.objects.select_related("event").filter(event_id=room.page_id).first()
    if intervision is None:
        return empty
    user = request.user
    facilitates = access.can_facilitate(user, intervision)
    session = intervision.sessions.first()
    result = {
        "intervision": intervision,
        "session": session,
        "facilitates": facilitates,
        "can_write": context.get("can_write"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "parts": Part.choices,
    }
    if session is None:
        return result
    steps = list(intervision.steps.all())
    current = next((s for s in steps if s.position == session.current_step), None)
    me = my_part(session, user, facilitates=facilitates)
    items = list(session.items.all().order_by("pk"))
    supports = services.support_counts(session)
    consents = {c.organisation_id: c for c in session.consents.select_related("organisation")}
    mine = [
        (organisation, organisation.pk in consents)
        for organisation in services.my_group_organisations(intervision, user)
    ]
    by_part = [
        (
            key,
            label,
            [
                {
                    "item": item,
                    "supports": supports.get(item.pk, 0),
                    "supported": item.pk in me["supported"],
                }
                for item in items
                if item.part == key
            ],
            sum(1 for item in items if item.part == key and item.kept),
        )
        for key, label in Part.choices
    ]
    result.update(
        {
            "steps": steps,
            "current": current,
            "ends_at": session.step_started_at + dt.timedelta(minutes=current.minutes)
            if current
            else None,
            "server_now": server_now(),
            "by_part": by_part,
            "consents": [c.organisation for c in consents.values()],
            "my_organisations": mine,
            "client_id": uuid.uuid4(),
            "draft_url": services.draft_url_for(session, user),
            # What the organisations tried since the previous session, read at the start.
            "news": followup.previous_news(session) if session.running else [],
        }
    )
    return result
