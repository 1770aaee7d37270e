"""The search index and Wagtail's reference index of pages: once per page per operation.

Wagtail updates both indexes on every save: the search index at each save of a page, the
reference index at each save of a page and of each of its child rows (a `ParentalKey` row
re-indexes its parent). Creating and publishing a practice sheet saves the page three times
and writes its fifteen parts: that queued four search-index tasks and ten reference-index
tasks, run in the request by the immediate task backend of development and tests, or rows
for production's worker.

Inside `indexed_once()`, saves are only noted; when the block ends without an error, each
page is indexed once, in its last state, its parts written, through the same tasks Wagtail
would have queued. Outside a block a page is indexed at each save, as Wagtail does, so the
admin's own edits keep working unchanged. Services that create or publish pages, the demo
seeder and the tests' page builders use the block.

`CommunityConfig.ready()` calls `take_over_page_search_updates()` before Wagtail's search
app connects its own handlers (`community` comes first in INSTALLED_APPS).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from modelsearch import index
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

# The apps whose page models index through this module.
OWN_APPS = ("community", "rooms", "practices", "events", "website")

# What the open block will index at its end: ("search" | "references", model, pk) keys.
_pending: ContextVar[dict[tuple[str, type[models.Model], str], None] | None] = ContextVar(
    "relais_indexing_pending", default=None
)


@contextmanager
def indexed_once() -> Iterator[None]:
    """Index each page saved inside the block once, when the block ends (see the module's
    docstring). A block inside another adds to the outer one."""
    if _pending.get() is not None:
        yield
        return
    pending: dict[tuple[str, type[models.Model], str], None] = {}
    token = _pending.set(pending)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _pending.reset(token)
    for kind, model, pk in pending:
        task = insert_or_update_object_task if kind == "search" else update_reference_index_task
        task.enqueue(model._meta.app_label, model._meta.model_name, pk)


def update_search(instance: models.Model) -> None:
    """Index `instance` now, or at the end of the open block."""
    key = ("search", type(instance), str(instance.pk))
    pending = _pending.get()
    if pending is not None:
        pending[key] = None
    else:
        insert_or_update_object_task.enqueue(
            key[1]._meta.app_label, key[1]._meta.model_name, key[2]
        )


def _page_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        update_search(instance)


def _page_deleted(sender, instance, **kwargs) -> None:
    _forget(instance)
    index.remove_object(instance)


def _deleted_anything(sender, instance, **kwargs) -> None:
    """What Wagtail's delete handler does, which the block turned off with the save one."""
    if _pending.get() is None or sender not in ReferenceIndex.tracked_models:
        return
    _forget(instance)
    with transaction.atomic():
        ReferenceIndex.remove_for_object(instance)
        ReferenceIndex.remove_references_to(instance)


def _forget(instance: models.Model) -> None:
    pending = _pending.get()
    if pending is not None:
        for kind in ("search", "references"):
            pending.pop((kind, type(instance), str(instance.pk)), None)


def _saved_anything(sender, instance, raw=False, **kwargs) -> None:
    """Notes the reference-index update Wagtail skips inside a block (for a child row, its
    parent's, as Wagtail's own task does)."""
    pending = _pending.get()
    if pending is None or raw:
        return
    while (parent_key := _parental_key(type(instance))) is not None:
        instance = getattr(instance, parent_key)
        if instance is None:
            return
    if ReferenceIndex.is_indexed(type(instance)):
        pending[("references", type(instance), str(instance.pk))] = None


_parental_keys: dict[type[models.Model], str | None] = {}


def _parental_key(model: type[models.Model]) -> str | None:
    if model not in _parental_keys:
        _parental_keys[model] = next(
            (f.name for f in model._meta.get_fields() if isinstance(f, ParentalKey)), None
        )
    return _parental_keys[model]


def take_over_page_search_updates() -> None:
    """Our page models leave Wagtail's save handler (`search_auto_update = False`) for
    `_page_saved`, which waits for the end of a block; deletions still leave the index."""
    for model in apps.get_models():
        if issubclass(model, Page) and model._meta.app_label in OWN_APPS:
            model.search_auto_update = False  # type: ignore[attr-defined]
            post_save.connect(_page_saved, sender=model, dispatch_uid=f"relais_search_{model}")
            post_delete.connect(_page_deleted, sender=model, dispatch_uid=f"relais_unindex_{model}")
    post_save.connect(_saved_anything, dispatch_uid="relais_references_noted")
    post_delete.connect(_deleted_anything, dispatch_uid="relais_references_removed")
