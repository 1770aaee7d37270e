"""`community.indexing.indexed_once`: each page indexed once per operation, nothing lost."""

from __future__ import annotations

import collections
from collections.abc import Iterator
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django_tasks.base import Task
from wagtail.models import ReferenceIndex

from community.indexing import indexed_once
from practices.models import PracticeSheetPage, Tool
from tests.practices.fixtures_listing import build_catalogue, build_index, make_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued() -> Iterator[collections.Counter]:
    """The tasks queued while the test runs, by name (they still run: immediate backend)."""
    counts: collections.Counter = collections.Counter()
    enqueue = Task.enqueue

    def spy(task, *args, **kwargs):
        counts[task.name] += 1
        return enqueue(task, *args, **kwargs)

    with mock.patch.object(Task, "enqueue", spy):
        yield counts


def found(words: str) -> list[str]:
    return [s.title for s in PracticeSheetPage.objects.live().search(words)]


def test_a_sheet_made_and_published_in_a_block_is_indexed_once_with_its_parts(queued):
    index = build_index()
    tools = list(build_catalogue().values())[:3]
    queued.clear()

    sheet = make_sheet(index, title="Un agenda partagé", tools=tools, keywords=("a", "b", "c"))

    assert queued == {"insert_or_update_object_task": 1, "update_reference_index_task": 2}
    # The parts written after the page's first save are in the index: a tool's name.
    assert found("Mattermost") == ["Un agenda partagé"]
    # Wagtail's reference index knows what the sheet points at: its three tools.
    tool_type = ContentType.objects.get_for_model(Tool)
    references = ReferenceIndex.get_references_for_object(sheet)
    assert {r.to_object_id for r in references if r.to_content_type_id == tool_type.pk} == {
        str(tool.pk) for tool in tools
    }


def test_without_a_block_each_save_is_indexed_as_wagtail_does(queued):
    index = build_index()
    tools = list(build_catalogue().values())[:3]
    queued.clear()

    make_sheet.__wrapped__(index, title="Un agenda partagé", tools=tools)

    assert queued == {"insert_or_update_object_task": 4, "update_reference_index_task": 10}
    assert found("Mattermost") == ["Un agenda partagé"]


def test_a_block_that_fails_queues_nothing(queued):
    index = build_index()
    tools = list(build_catalogue().values())[:3]
    queued.clear()

    with pytest.raises(RuntimeError), indexed_once():
        make_sheet(index, title="Un agenda partagé", tools=tools)
        raise RuntimeError("the operation failed")

    assert queued == {}


def test_a_page_deleted_in_the_block_leaves_the_index(queued):
    index = build_index()
    tools = list(build_catalogue().values())[:3]
    sheet = make_sheet(index, title="Un agenda partagé", tools=tools)
    assert found("Mattermost") == ["Un agenda partagé"]
    queued.clear()

    with indexed_once():
        sheet.title = "Renommée"
        sheet.save()
        sheet.delete()

    assert queued == {}
    assert found("Mattermost") == []
    assert ReferenceIndex.objects.filter(object_id=str(sheet.pk)).count() == 0
