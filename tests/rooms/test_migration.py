"""The move of the room models from `community` to `rooms` keeps every row (issue 10).

Migrates the test database back to the state before the move (`community` 0002), writes
rows of every room model with the models of that time, migrates forward and compares each
row, field by field, with what the new models read. PostgreSQL only: the migration renames
sequences, indexes and constraints there.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Locale, Page

from rooms.models import (
    Mention,
    MessageReport,
    ModerationLog,
    ReadMarker,
    Room,
    RoomMessage,
    RoomSanction,
)
from tests.factories import OrganisationFactory, UserFactory

BEFORE = [("community", "0002_rooms")]
# In the order rows are written (what a row points at first).
MODELS = [Room, RoomMessage, ReadMarker, RoomSanction, MessageReport, ModerationLog, Mention]


# Columns added after the move (issue 15: confidence), with the value every row moved
# with gets: compared on their own, since the models of the move's time have none.
ADDED_LATER = {
    "Room": {"chatham_house": False, "retention_days": None, "roster_only": False},
    "RoomMessage": {"expired": False},
}


def _rows(model) -> list[dict]:
    added = ADDED_LATER.get(model.__name__, {})
    rows = list(model.objects.order_by("pk").values())
    for row in rows:
        assert {key: row.pop(key) for key in added} == added
    return rows


def _write_rooms_the_old_way(apps, *, page, organisation, alice, bruno, moderator):
    """A room of each kind, messages (a reply, a deleted one, a hidden one), a read marker,
    a sanction, a report, a moderation log entry and a mention, with `community`'s models."""
    Room = apps.get_model("community", "Room")
    RoomMessage = apps.get_model("community", "RoomMessage")
    now = timezone.now()
    theme = Room.objects.create(
        slug="numerique", title="Numérique", kind="theme", description="Outils.", last_seq=4
    )
    Room.objects.create(slug="fiche-compta", title="Compta partagée", kind="page", page_id=page.pk)
    Room.objects.create(
        slug="ateliers-equipe",
        title="Les Ateliers",
        kind="organisation",
        organisation_id=organisation.pk,
        archived=True,
    )
    first, second = sorted([alice, bruno], key=lambda u: u.pk)
    Room.objects.create(
        slug=f"conversation-{first.pk}-{second.pk}",
        title="Alice · Bruno",
        kind="direct",
        user_a_id=first.pk,
        user_b_id=second.pk,
    )

    def message(seq, author, text, **fields):
        return RoomMessage.objects.create(
            room=theme,
            seq=seq,
            author_id=author.pk,
            client_id=uuid.uuid4(),
            body_markdown=text,
            html=f"<p>{text}</p>" if text else "",
            **fields,
        )

    hello = message(1, alice, "Bonjour @[Bruno Lefèvre] !")
    message(2, bruno, "Bonjour Alice", reply_to_seq=1, edited_at=now)
    message(3, alice, "", deleted_at=now)
    spam = message(4, bruno, "Achetez !", hidden_at=now, hidden_by_id=moderator.pk)
    apps.get_model("community", "ReadMarker").objects.create(
        room=theme, user_id=bruno.pk, last_read_seq=2
    )
    apps.get_model("community", "RoomSanction").objects.create(
        room=theme,
        user_id=bruno.pk,
        kind="mute",
        by_id=moderator.pk,
        until=now + timedelta(days=1),
        reason="Publicité",
    )
    apps.get_model("community", "MessageReport").objects.create(
        message=spam,
        reporter_id=alice.pk,
        reason="Publicité",
        status="handled",
        outcome="hidden",
        handled_by_id=moderator.pk,
        handled_at=now,
    )
    apps.get_model("community", "ModerationLog").objects.create(
        actor_id=moderator.pk,
        action="hide",
        room=theme,
        message=spam,
        target_id=bruno.pk,
        detail="Publicité",
    )
    apps.get_model("community", "Mention").objects.create(
        message=hello, user_id=bruno.pk, email_wanted=True, emailed_at=now
    )


@pytest.mark.django_db(transaction=True)
def test_migration_to_the_rooms_app_keeps_every_row_and_its_values():
    if connection.vendor != "postgresql":
        pytest.skip("The move renames PostgreSQL sequences, indexes and constraints.")
    locale, _created = Locale.objects.get_or_create(language_code="fr")
    page = Page.add_root(instance=Page(title="Compta partagée", slug="compta", locale=locale))
    organisation = OrganisationFactory(name="Les Ateliers")
    alice = UserFactory(display_name="Alice Martin")
    bruno = UserFactory(display_name="Bruno Lefèvre")
    moderator = UserFactory(display_name="Mona Modé")
    room_type_id = ContentType.objects.get_for_model(Room).pk

    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old_apps = executor.loader.project_state(BEFORE).apps
        assert ContentType.objects.filter(app_label="community", model="room").get().pk == (
            room_type_id
        )
        group = Group.objects.create(name="Modérateurs de la migration")
        group.permissions.add(
            Permission.objects.get(content_type__app_label="community", codename="moderate_rooms")
        )
        moderator.groups.add(group)
        _write_rooms_the_old_way(
            old_apps,
            page=page,
            organisation=organisation,
            alice=alice,
            bruno=bruno,
            moderator=moderator,
        )
        before = {
            model.__name__: list(
                old_apps.get_model("community", model.__name__).objects.order_by("pk").values()
            )
            for model in MODELS
        }
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    after = {model.__name__: _rows(model) for model in MODELS}
    assert after == before
    assert {name: len(rows) for name, rows in after.items()} == {
        "Room": 4,
        "RoomMessage": 4,
        "ReadMarker": 1,
        "RoomSanction": 1,
        "MessageReport": 1,
        "ModerationLog": 1,
        "Mention": 1,
    }
    theme = Room.objects.get(slug="numerique")
    assert sorted(Room.objects.values_list("kind", flat=True)) == [
        "direct",
        "organisation",
        "page",
        "theme",
    ]
    messages = list(theme.messages.order_by("seq"))
    assert [(m.seq, m.reply_to_seq, m.is_gone) for m in messages] == [
        (1, None, False),
        (2, 1, False),
        (3, None, True),
        (4, None, True),
    ]
    assert Room.objects.get(kind="page").page_id == page.pk
    assert Room.objects.get(kind="organisation").organisation_id == organisation.pk
    assert theme.read_markers.get().user == bruno
    assert theme.sanctions.get().kind == RoomSanction.Kind.MUTE
    assert MessageReport.objects.get().message == messages[3]
    assert ModerationLog.objects.get().message == messages[3]
    assert Mention.objects.get().message == messages[0]

    # The content type kept its id, so the permission and the group holding it follow.
    assert ContentType.objects.get_for_model(Room).pk == room_type_id
    assert not ContentType.objects.filter(app_label="community", model="room").exists()
    moderator = type(moderator).objects.get(pk=moderator.pk)
    assert moderator.has_perm("rooms.moderate_rooms")

    # The sequences go on where they were.
    newer = Room.objects.create(slug="nouveau", title="Nouveau")
    assert newer.pk > max(row["id"] for row in before["Room"])

    # No table, sequence, index or constraint of the rooms still says "community_<model>".
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relname ~ "
            "'^community_(room|roommessage|readmarker|roomsanction|messagereport|"
            "moderationlog|mention)'"
        )
        assert cursor.fetchall() == []
