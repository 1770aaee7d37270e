"""The library's text search can use the expression index of practices/migrations/0004 (a
GIN index on `title || body` of Wagtail's search index table) instead of reading the
whole table: the index is there, its expression is the one Wagtail's query matches on,
and PostgreSQL answers that match from it."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from practices.listing import _matching

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index"),
]

INDEX = "relais_indexentry_title_body_gin"


def test_the_index_covers_the_expression_of_wagtails_search_query():
    sql, _params = _matching("bénévoles numériques").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX])
        (definition,) = cursor.fetchone()

    assert definition.endswith("USING gin (((title || body)))")
    assert re.search(r'\("?\w+"?\."title" \|\| "?\w+"?\."body"\) @@ ', sql), sql


def test_postgresql_answers_the_match_from_the_index():
    with connection.cursor() as cursor:
        # The test tables are nearly empty: forbid the scans the planner would rightly
        # prefer here, so that the plan shows whether the index can serve the match.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(
            "EXPLAIN SELECT object_id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('simple', 'benevole & numerique')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert f"Bitmap Index Scan on {INDEX}" in plan, plan
