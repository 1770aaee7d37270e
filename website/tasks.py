"""The site's background work: preparing a person's data (`services.prepare_export`)."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from . import services


@task()
def prepare_personal_data(*, export_id: int) -> bool:
    return services.prepare_export(export_id)


def queue_export(export_id: int) -> None:
    transaction.on_commit(lambda: prepare_personal_data.enqueue(export_id=export_id))
