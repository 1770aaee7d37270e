"""PostgreSQL for the test suite: Django's backend, with a cheaper flush.

A transactional test (browser tests, WebSocket consumers, the load tests) ends with Django's
`flush`, which on PostgreSQL is one TRUNCATE of every table: about 3 s for Relais's 100
tables, as TRUNCATE gives each table and index a new file. The test database holds a few
rows, so DELETE FROM each table in one transaction does the same in a tenth of a second.
Every foreign key Django creates on PostgreSQL is DEFERRABLE INITIALLY DEFERRED, so the
order of the DELETEs does not matter: the keys are checked at COMMIT, when every table is
empty (`tests/test_test_database.py` checks both). Sequences are reset, when asked, as
Django does.
"""

from __future__ import annotations

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:
            return super().sql_flush(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
