"""A published programme tells its followers of a new call (`services.announce_call`)."""

from __future__ import annotations

from wagtail.signals import page_published

from .models import ProgrammePage
from .services import announce_call


def _published(sender, instance, **kwargs):
    announce_call(instance)


def connect() -> None:
    page_published.connect(
        _published, sender=ProgrammePage, dispatch_uid="programmes.announce_call"
    )
