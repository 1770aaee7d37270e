"""An intervision's room follows its group: a registration confirmed or cancelled changes
the room's roster (`services.sync_roster`) once committed. A sheet born of an intervision
is published: the group's follow-up answers become adoption reports on it."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import Registration
from practices.models import PracticeSheetPage

from . import followup, services
from .models import Intervision


def _follow(event_id: int) -> None:
    intervision = Intervision.objects.select_related("event").filter(event_id=event_id).first()
    if intervision is not None:
        services.sync_roster(intervision)


@receiver([post_save, post_delete], sender=Registration)
def registration_changed(sender, instance, **kwargs):
    event_id = instance.event_id
    transaction.on_commit(lambda: _follow(event_id))


@receiver(page_published, sender=PracticeSheetPage)
def sheet_published(sender, instance, **kwargs):
    if instance.origin_id:
        followup.report_pending(instance)
