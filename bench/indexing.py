"""The search texts of the generated rows, in bulk, equal to what the product writes.

- `sheet_document(sheet)`: `PracticeSheetPage.search_document`, computed part by part with
  each part's terms cached. The model folds and splits the whole joined text; folding
  (anyascii, lower case) works character by character and the terms are runs of
  `[a-z0-9]` between separators, so the terms of the joined parts are the parts' terms
  joined. The generated parts come from small pools, so most are computed once.
- `index_objects(model, objects)`: the rows of Wagtail's search index (`IndexEntry`, the
  PostgreSQL database backend) for many objects in one statement per batch. The texts,
  their weights and the plain-text columns come from the backend's own `ObjectIndexer`;
  only the SQL is assembled here, the same `setweight(to_tsvector(config, text), weight)`
  terms joined with `||` that the backend's `add_items` builds one object at a time
  (a Django expression each, the slow part), then the backend's title norms.

tests/bench/test_data.py checks both against the model's method and the backend's `add`.
"""

from __future__ import annotations

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
from modelsearch.index import AutocompleteField, SearchField
from wagtail.search.backends import get_search_backend

from community.models import search_terms
from community.text import plain_text

BATCH = 2000


@functools.cache
def _terms(text: str) -> str:
    return " ".join(search_terms(text, limit=None))


@functools.cache
def _html_terms(html: str) -> str:
    return _terms(plain_text(html))


def sheet_document(sheet) -> str:
    """`sheet.search_document()`, from the parts in memory, each part's terms cached."""
    parts = [
        _terms(sheet.title),
        _terms(sheet.summary),
        _html_terms(sheet.why),
        _html_terms(sheet.results),
        _html_terms(sheet.social_impact),
    ]
    for part in ("difficulties", "tips", "phases"):
        for item in getattr(sheet, part).all():
            parts += [_terms(item.title), _terms(item.text)]
    for item in sheet.sheet_tools.all():
        parts += [_terms(item.tool.name if item.tool_id else ""), _terms(item.usage)]
    parts += [_terms(keyword.word) for keyword in sheet.keywords.all()]
    if sheet.organisation_id:
        parts.append(_terms(sheet.organisation.name))
    return " ".join(part for part in parts if part)


def _texts(indexer: ObjectIndexer):
    """(title, autocomplete, body) lists of (text, weight), in the backend's order."""
    title, autocomplete, body = [], [], []
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(indexer.obj, field):
            if isinstance(current, SearchField):
                target = title if current.field_name == "title" else body
            elif isinstance(current, AutocompleteField):
                target = autocomplete
            else:
                continue
            target.append((value.strip(), weight))
    return title, autocomplete, body


def _vector(columns: list[str], weights: list[str], config: str, params: list) -> str:
    """SQL of one tsvector: each column's text weighted, joined with `||`. An empty text
    gives an empty vector, as the backend's dropping it does."""
    if not columns:
        return "to_tsvector('')"
    terms = []
    for column, weight in zip(columns, weights, strict=True):
        terms.append(f"setweight(to_tsvector(%s::regconfig, {column}), %s)")
        params += [config, weight]
    return " || ".join(terms)


def index_objects(model, objects) -> None:
    """Index `objects` (all of `model`, none indexed yet) in Wagtail's search index."""
    if not objects:
        return
    backend = get_search_backend()
    index = backend.get_index_for_model(model)
    content_type_id = ContentType.objects.get_for_model(model).pk
    for start in range(0, len(objects), BATCH):
        indexers = [ObjectIndexer(obj, backend) for obj in objects[start : start + BATCH]]
        rows = [(indexer, *_texts(indexer)) for indexer in indexers]
        _, title, autocomplete, body = rows[0]
        shape = [[weight for _text, weight in part] for part in (title, autocomplete, body)]
        names = {"title": [], "autocomplete": [], "body": []}
        arrays: list[list[str]] = [[indexer.id for indexer, *_ in rows]]
        for name, n in zip(names, range(3), strict=True):
            for i in range(len(shape[n])):
                names[name].append(f"{name[0]}{i}")
                arrays.append([parts[n][i][0] for _indexer, *parts in rows])
                assert all(parts[n][i][1] == shape[n][i] for _indexer, *parts in rows)
        arrays.append([indexer.title_text for indexer, *_ in rows])
        arrays.append([indexer.body_text for indexer, *_ in rows])
        columns = ["object_id", *(c for cs in names.values() for c in cs), "tt", "bt"]
        params: list = [content_type_id]
        title_sql = _vector(names["title"], shape[0], backend.config, params)
        autocomplete_sql = _vector(
            names["autocomplete"], shape[1], backend.autocomplete_config, params
        )
        body_sql = _vector(names["body"], shape[2], backend.config, params)
        unnest = ", ".join("%s::text[]" for _ in arrays)
        params += arrays
        sql = (
            f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "
            "autocomplete, body, title_norm, title_text, body_text) "
            f"SELECT %s, object_id, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, tt, bt "
            f"FROM unnest({unnest}) AS t({', '.join(columns)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    index._refresh_title_norms()
