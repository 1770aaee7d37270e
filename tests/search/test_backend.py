"""The text search configurations of search/migrations/0001 and the backend that uses them
(search/backend.py), on PostgreSQL: accents folded and French stems for search, accents
folded and no stems for completion, and trigram indexes for the typo-tolerant search."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q
from wagtail.search.backends import get_search_backend

from search.backend import RelaisPostgresSearchBackend
from search.kinds import BY_KEY
from search.matching import Search, scored

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's configurations"),
]


def _one(sql: str, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_search_folds_accents_and_stems_french_words():
    assert _one("SELECT to_tsvector('french_unaccent', 'Des bénévoles numériques')::text") == (
        "'benevol':2 'numer':3"
    )
    assert _one("SELECT to_tsquery('french_unaccent', 'benevole & numerique')::text") == (
        "'benevol' & 'numer'"
    )


def test_completion_folds_accents_and_keeps_words_whole():
    assert _one("SELECT to_tsvector('simple_unaccent', 'Chèque numérique')::text") == (
        "'cheque':1 'numerique':2"
    )
    assert _one(
        "SELECT to_tsvector('simple_unaccent', 'Numérique') @@ to_tsquery('simple_unaccent', "
        "'numeri:*')"
    )


def test_the_backend_searches_and_completes_with_the_folding_configurations():
    backend = get_search_backend()

    assert isinstance(backend, RelaisPostgresSearchBackend)
    assert (backend.config, backend.autocomplete_config) == ("french_unaccent", "simple_unaccent")


def test_the_typo_tolerant_search_is_answered_by_the_trigram_index_of_titles():
    search = Search([], ["nextclod"], Q(), fuzzy=["nextclod"])
    sql, _params = scored(BY_KEY["sheet"], search).query.sql_with_params()
    condition = 'f_unaccent("wagtailsearch_indexentry"."title_text") %> \'nextclod\''
    assert condition.replace("%>", "%%>").replace("'nextclod'", "%s") in sql
    with connection.cursor() as cursor:
        # The test tables are nearly empty: forbid the scans the planner would rightly
        # prefer, so that the plan shows whether the index can serve the match.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN SELECT object_id FROM wagtailsearch_indexentry WHERE {condition}")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Bitmap Index Scan on modelsearch_title_text_unaccent_trgm" in plan, plan


def test_tools_and_organisations_are_found_by_a_typo_in_their_name():
    search = Search([], ["nextclod"], Q(), fuzzy=["nextclod"])
    sql, _params = scored(BY_KEY["tool"], search).query.sql_with_params()

    assert 'WHERE (f_unaccent("practices_tool"."name") %%> %s AND' in sql
