"""The room tables take the `rooms_` prefix, and what points at the models follows them.

- Tables: `AlterModelTable` renames community_room → rooms_room and the six others (an
  ALTER TABLE … RENAME: rows, ids and foreign keys stay; no model has a many-to-many
  table).
- PostgreSQL names: the identity sequences, indexes and constraints Django named after the
  old tables (`community_roommessage_room_id_…`, `…_fk_community_room_id`) are renamed to
  `rooms_…`, so that no name says `community` for what is no longer there. Constraints
  named by the models (`unique_message_seq`, `mention_pending_idx`…) keep their names, and
  so do the ends Django cut short (`…_fk_community` of a key to `community_roommessage`).
- Content types: the rows of the seven models move from app label `community` to `rooms`
  (same ids), so the `moderate_rooms` permission and the groups holding it, Wagtail's log
  entries, revisions and reference index, and any generic relation keep pointing at them.
  On a new database there are none yet: Django creates them after migrating.

Every step has its reverse, so `migrate community 0002` gives back the old database.
"""

from django.db import migrations

MODELS = [
    "room",
    "roommessage",
    "readmarker",
    "roomsanction",
    "messagereport",
    "moderationlog",
    "mention",
]


def _move_content_types(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        # A row for the new label exists only if Django made one while the rows were
        # elsewhere (migrating back and forth with this code installed): it stays, and so
        # does the old one, to be removed with `remove_stale_contenttypes` if ever.
        if ContentType.objects.using(db).filter(app_label=new, model=model).exists():
            continue
        ContentType.objects.using(db).filter(app_label=old, model=model).update(app_label=new)
    ContentType.objects.clear_cache()


def content_types_to_rooms(apps, schema_editor):
    _move_content_types(apps, schema_editor, "community", "rooms")


def content_types_to_community(apps, schema_editor):
    _move_content_types(apps, schema_editor, "rooms", "community")


def _rename(old_prefix, new_prefix):
    """Rename the sequences, constraints and indexes of the room tables whose names mention
    `<old_prefix>`. Run while the tables are named `rooms_<model>`: after the
    `AlterModelTable`s going forward, before them going back."""

    def rename(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return  # SQLite has no named sequences, and renames nothing else

        def renamed(name):
            # The leading table name (Django may have cut it short), then the full names
            # of referenced room tables ("…_fk_community_room_id"), longest first:
            # "community_room" is a prefix of "community_roommessage".
            if name.startswith(old_prefix):
                name = new_prefix + name[len(old_prefix) :]
            for model in sorted(MODELS, key=len, reverse=True):
                name = name.replace("_" + old_prefix + model, "_" + new_prefix + model)
            return name

        pattern = f"^{old_prefix}|_{old_prefix}({'|'.join(MODELS)})"
        with connection.cursor() as cursor:
            for model in MODELS:
                table = "rooms_" + model
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
                (sequence,) = cursor.fetchone()
                if sequence:
                    short = sequence.split(".")[-1].strip('"')
                    if renamed(short) != short:
                        cursor.execute(
                            f'ALTER SEQUENCE "{short}" RENAME TO "{renamed(short)}"'
                        )
                cursor.execute(
                    "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                    "AND conname ~ %s",
                    [table, pattern],
                )
                for (name,) in cursor.fetchall():
                    cursor.execute(
                        f'ALTER TABLE "{table}" RENAME CONSTRAINT "{name}" TO "{renamed(name)}"'
                    )
                cursor.execute(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                    "AND tablename = %s AND indexname ~ %s",
                    [table, pattern],
                )
                for (name,) in cursor.fetchall():
                    cursor.execute(f'ALTER INDEX "{name}" RENAME TO "{renamed(name)}"')

    return rename


class Migration(migrations.Migration):

    dependencies = [
        ("rooms", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=model, table=None) for model in MODELS],
        migrations.RunPython(_rename("community_", "rooms_"), _rename("rooms_", "community_")),
        migrations.RunPython(content_types_to_rooms, content_types_to_community),
    ]
