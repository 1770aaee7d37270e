"""A session as the room's clients see it: the whole state in one frame, numbered by the
session's `version` (the client keeps the highest). The same for everyone: no author of
any item, no supporter's name; what is one person's own (their supports, whether they
facilitate) goes to that person only (`me`)."""

from __future__ import annotations

from django.db.models import Count
from django.utils import timezone

from .models import Consent, HarvestItem, HarvestSupport, Part, Session


def session_state(session: Session) -> dict:
    """Four queries: steps, items with their supports, consents (the session and its
    intervision are read by the caller)."""
    steps = list(session.intervision.steps.all())
    items = (
        HarvestItem.objects.filter(session=session)
        .annotate(support_count=Count("supports"))
        .order_by("pk")
    )
    consents = Consent.objects.filter(session=session).select_related("organisation")
    return {
        "id": session.pk,
        "version": session.version,
        "running": session.running,
        "current_step": session.current_step,
        "step_started_at": session.step_started_at.isoformat(timespec="seconds"),
        "steps": [
            {"position": s.position, "title": s.title, "guidance": s.guidance, "minutes": s.minutes}
            for s in steps
        ],
        "parts": [{"key": key, "label": str(label)} for key, label in Part.choices],
        "items": [
            {
                "id": item.pk,
                "part": item.part,
                "text": item.text,
                "supports": item.support_count,
                "kept": item.kept,
            }
            for item in items
        ],
        "consents": [{"id": c.organisation_id, "name": c.organisation.name} for c in consents],
        "has_draft": session.draft_id is not None,
        # Who facilitates: a client whose panel was drawn for another facilitator fetches
        # it again, so the controls follow the role (a user id, as presence lists show).
        "facilitator": session.intervision.facilitator_id,
    }


def server_now() -> str:
    """The server's clock, sent beside the state: the step's time left counts down from
    `step_started_at`, which the server wrote, so a client corrects its own clock by the
    difference (a computer whose clock is wrong would show a wrong time left)."""
    return timezone.now().isoformat(timespec="milliseconds")


def session_frame(session: Session) -> dict:
    return {"type": "session", "session": session_state(session), "now": server_now()}


def my_part(session: Session, user, *, facilitates: bool) -> dict:
    """What is this person's own: the items they support, whether they facilitate."""
    supported = HarvestSupport.objects.filter(item__session=session, user=user).values_list(
        "item_id", flat=True
    )
    return {"facilitates": facilitates, "supported": sorted(supported)}
