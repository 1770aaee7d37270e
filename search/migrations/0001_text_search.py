"""What the site-wide search needs of PostgreSQL (nothing on other databases).

- `unaccent` and `pg_trgm` (both "trusted" extensions: the database's owner may create
  them) and `f_unaccent()`, the immutable wrapper an expression index needs: what
  Wagtail's `enable_unaccent` and `enable_trigram` commands make, made here so that every
  database the migrations build has them (tests and CI included).
- Two text search configurations: `french_unaccent` (a copy of `french` whose words pass
  through `unaccent` before the French stemmer: "bénévoles" and "benevole" are both
  `benevol`) for search, and `simple_unaccent` (`simple` with `unaccent`: no stemming, so
  "numeri" stays a prefix of "numerique") for autocomplete (search/backend.py).
- Trigram indexes on the unaccented plain texts of Wagtail's index table, which answer
  the typo-tolerant search (`f_unaccent(text) %> 'nextclod'`, search/matching.py); the
  names and expressions are those of `enable_trigram`, so running it later changes nothing.

The index rows written before this migration hold vectors of the `simple` configuration:
`manage.py update_index` writes them again (README, "Search").
"""

from django.db import migrations

F_UNACCENT = """
CREATE OR REPLACE FUNCTION f_unaccent(text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$func$
SELECT public.unaccent('public.unaccent', $1)
$func$;
"""

CONFIGURATIONS = {
    "french_unaccent": ("french", "unaccent, french_stem"),
    "simple_unaccent": ("simple", "unaccent, simple"),
}

TRIGRAM_INDEXES = {
    "modelsearch_title_text_unaccent_trgm": "title_text",
    "modelsearch_body_text_unaccent_trgm": "body_text",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    execute(F_UNACCENT)
    for name, (source, dictionaries) in CONFIGURATIONS.items():
        execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})")
        execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH {dictionaries}"
        )
    for index, column in TRIGRAM_INDEXES.items():
        execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON wagtailsearch_indexentry "
            f"USING gin (f_unaccent({column}) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
