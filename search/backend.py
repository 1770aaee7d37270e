"""Wagtail's database search backend, with accents folded in autocomplete too.

On PostgreSQL the backend searches with `SEARCH_CONFIG` (`french_unaccent`: accents
removed, then the French stemmer) but its `__init__` hard-wires autocomplete to `simple`,
which keeps accents: "numeri" would not complete "Numérique". `AUTOCOMPLETE_CONFIG`
(`simple_unaccent`: accents removed, no stemming, so that a prefix stays a prefix) is
used instead. Both configurations are made by search/migrations/0001_text_search.py.

Other databases get the database backend as it is (SQLite: FTS5, whose tokenizer folds
accents; no stemming, no typo tolerance): `WAGTAILSEARCH_BACKENDS` names this module
whatever the database.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend


class RelaisPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")


def SearchBackend(params):
    """The backend for the database in use (Wagtail looks for this name in the module)."""
    if connection.vendor == "postgresql":
        return RelaisPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
