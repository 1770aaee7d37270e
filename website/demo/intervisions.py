"""The demo's intervisions (`intervisions.yaml`), prepared through the intervisions'
service, as their facilitators would from the event's page."""

from __future__ import annotations

from collections import Counter

from community.models import Membership, User
from events.models import EventPage
from intervisions import services
from intervisions.models import Intervision

from . import load


class Intervisions:
    created: Counter
    updated: Counter

    def intervisions(self):
        for entry in load("intervisions")["intervisions"]:
            event = EventPage.objects.filter(slug=entry["event"]).first()
            if event is None or Intervision.objects.filter(event=event).exists():
                continue
            facilitator = User.objects.get(email=entry["facilitator"])
            admin = (
                Membership.objects.admins()
                .filter(organisation__in=event.organisers.all())
                .select_related("user")
                .order_by("pk")
                .first()
            )
            services.prepare(
                user=admin.user if admin else facilitator,
                event=event,
                facilitator=facilitator,
                protocol=entry["protocol"],
                minutes=entry.get("minutes"),
                chatham_house=entry["chatham_house"],
                retention_days=entry["retention_days"],
            )
            self.created["intervision préparée"] += 1
