"""The room models leave `community` for the `rooms` app (issue 10, point 2).

State only: the tables stay as they are, and `rooms/migrations/0001_initial.py` takes the
models over with them. Deleted in dependency order (what points to a model goes first).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0002_rooms'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Mention'),
                migrations.DeleteModel(name='MessageReport'),
                migrations.DeleteModel(name='ModerationLog'),
                migrations.DeleteModel(name='ReadMarker'),
                migrations.DeleteModel(name='RoomSanction'),
                migrations.DeleteModel(name='RoomMessage'),
                migrations.DeleteModel(name='Room'),
            ],
        ),
    ]
