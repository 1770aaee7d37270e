"""An intervision's room follows its group: a registration confirmed or cancelled changes
the room's roster (`services.sync_roster`) once committed."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from events.models import Registration

from . import services
from .models import Intervision


def _follow(event_id: int) -> None:
    intervision = Intervision.objects.select_related("event").filter(event_id=event_id).first()
    if intervision is not None:
        services.sync_roster(intervision)


@receiver([post_save, post_delete], sender=Registration)
def registration_changed(sender, instance, **kwargs):
    event_id = instance.event_id
    transaction.on_commit(lambda: _follow(event_id))
