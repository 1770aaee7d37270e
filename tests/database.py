"""What a transactional test leaves behind: the database as the migrations made it.

Django empties the whole database after a transactional test (`flush`: a TRUNCATE of every
table, then `post_migrate` writes the content types and permissions again). That cost about
half a second per test here, and it also emptied what the migrations wrote (Wagtail's root
page, default site, locale, collection, moderators' groups and workflow): the tests that
followed on that worker, and the next `--reuse-db` run, found no site.

On PostgreSQL the suite does better. Right after the test database is made, every table
the migrations filled is copied into a schema of its own (`relais_baseline`, kept with the
database, so `--reuse-db` finds it). After a transactional test, only the tables that hold
rows are emptied, and the baseline rows are written back, in one transaction (Django's
foreign keys are deferred: they are checked at commit): the database is as the migrations
left it. The tables are emptied with DELETE, not TRUNCATE: a test leaves a few rows in a
few dozen tables, and TRUNCATE gives each table and index a new file (0.3 s for the
tables of a browser test here, against 0.05 s). A foreign key that is not deferrable would
refuse a DELETE in the wrong order: then TRUNCATE ... CASCADE does it. Other databases
keep Django's flush.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connections, transaction
from django.test import TransactionTestCase

SCHEMA = "relais_baseline"
# Django's own bookkeeping: never emptied (as `flush`).
KEPT = ("django_migrations",)


def _tables_with_rows(cursor, schema: str) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename", [schema]
    )
    tables = [name for (name,) in cursor.fetchall() if name not in KEPT]
    if not tables:
        return []
    probe = " UNION ALL ".join(
        f"SELECT %s WHERE EXISTS (SELECT 1 FROM {schema}.{_quote(name)})" for name in tables
    )
    cursor.execute(probe, tables)
    return [name for (name,) in cursor.fetchall()]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def keep_baseline(alias: str = "default") -> None:
    """Copy the rows the migrations wrote into `relais_baseline`, unless a previous run of
    this database (`--reuse-db`) already did."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        # The schema's comment is the number of migrations applied when it was taken: a
        # run after new migrations (`--reuse-db` migrates forward) takes it again, since
        # their rows (content types, permissions…) are missing from it.
        cursor.execute("SELECT count(*) FROM public.django_migrations")
        applied = str(cursor.fetchone()[0])
        cursor.execute(
            "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = %s",
            [SCHEMA],
        )
        kept = cursor.fetchone()
        if kept and kept[0] == applied:
            return
        if kept:
            cursor.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        cursor.execute(f"COMMENT ON SCHEMA {SCHEMA} IS '{applied}'")
        for table in _tables_with_rows(cursor, "public"):
            cursor.execute(f"CREATE TABLE {SCHEMA}.{_quote(table)} AS TABLE public.{_quote(table)}")


def back_to_baseline(alias: str = "default") -> None:
    """Empty the tables that hold rows and write the baseline back (see the docstring)."""
    connection = connections[alias]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        filled = _tables_with_rows(cursor, "public")
        try:
            with transaction.atomic(using=alias):
                for table in filled:
                    cursor.execute(f"DELETE FROM public.{_quote(table)}")
        except IntegrityError:
            cursor.execute(
                "TRUNCATE " + ", ".join(f"public.{_quote(t)}" for t in filled) + " CASCADE"
            )
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [SCHEMA])
        for (table,) in cursor.fetchall():
            cursor.execute(
                f"INSERT INTO public.{_quote(table)} SELECT * FROM {SCHEMA}.{_quote(table)}"
            )


_django_fixture_teardown = TransactionTestCase._fixture_teardown


def _fixture_teardown(self) -> None:
    aliases = list(self._databases_names(include_mirrors=False))
    if self.available_apps is not None or any(
        connections[alias].vendor != "postgresql" for alias in aliases
    ):
        _django_fixture_teardown(self)
        return
    for alias in aliases:
        back_to_baseline(alias)
    ContentType.objects.clear_cache()


def install() -> None:
    """Transactional tests end with `back_to_baseline` (TestCase keeps its rollback)."""
    TransactionTestCase._fixture_teardown = _fixture_teardown  # type: ignore[method-assign]
