"""The room models move here from `community`, their tables untouched.

State only: `community/migrations/0003_rooms_moved_out.py` forgets the models, this
migration takes them over with the tables they have (`db_table`), and `0002_rename_tables`
renames the tables and moves their content types. No row is copied, so none can be lost.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('community', '0003_rooms_moved_out'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Room',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slug', models.SlugField(max_length=100, unique=True, verbose_name='identifiant')),
                        ('title', models.CharField(max_length=160, verbose_name='titre')),
                        ('kind', models.CharField(choices=[('theme', 'Salon thématique'), ('page', "Discussion d'une page"), ('organisation', "Salon d'organisation"), ('direct', 'Conversation privée')], default='theme', max_length=20, verbose_name='type')),
                        ('description', models.TextField(blank=True, max_length=1000, verbose_name='description')),
                        ('last_seq', models.PositiveIntegerField(default=0, editable=False, verbose_name='dernier message')),
                        ('archived', models.BooleanField(default=False, help_text="Un salon archivé se lit mais ne s'écrit plus.", verbose_name='archivé')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='rooms', to='community.organisation', verbose_name='organisation')),
                        ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
                        ('user_a', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user_b', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'community_room',
                        'verbose_name': 'salon',
                        'verbose_name_plural': 'salons',
                        'ordering': ['title'],
                        'permissions': [('moderate_rooms', 'Modérer tous les salons')],
                    },
                ),
                migrations.CreateModel(
                    name='ReadMarker',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('last_read_seq', models.PositiveIntegerField(default=0)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='read_markers', to=settings.AUTH_USER_MODEL)),
                        ('room', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='read_markers', to='rooms.room')),
                    ],
                    options={
                        'db_table': 'community_readmarker',
                    },
                ),
                migrations.CreateModel(
                    name='RoomMessage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('seq', models.PositiveIntegerField(verbose_name='numéro')),
                        ('client_id', models.UUIDField(verbose_name='identifiant client')),
                        ('body_markdown', models.TextField(verbose_name='texte (Markdown)')),
                        ('html', models.TextField(verbose_name='texte (HTML assaini)')),
                        ('reply_to_seq', models.PositiveIntegerField(blank=True, null=True, verbose_name='en réponse au message')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('edited_at', models.DateTimeField(blank=True, null=True)),
                        ('deleted_at', models.DateTimeField(blank=True, null=True)),
                        ('hidden_at', models.DateTimeField(blank=True, null=True)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='room_messages', to=settings.AUTH_USER_MODEL)),
                        ('hidden_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('room', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='rooms.room')),
                    ],
                    options={
                        'db_table': 'community_roommessage',
                        'verbose_name': 'message',
                        'verbose_name_plural': 'messages',
                        'ordering': ['room', 'seq'],
                    },
                ),
                migrations.CreateModel(
                    name='ModerationLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('action', models.CharField(choices=[('hide', 'Message masqué'), ('mute', 'Personne rendue muette'), ('ban', 'Personne exclue'), ('lift', 'Mesure levée'), ('dismiss', 'Signalement classé')], max_length=10, verbose_name='action')),
                        ('detail', models.CharField(blank=True, max_length=500, verbose_name='détail')),
                        ('at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('target', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('room', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='moderation_log', to='rooms.room')),
                        ('message', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='rooms.roommessage')),
                    ],
                    options={
                        'db_table': 'community_moderationlog',
                        'verbose_name': 'journal de modération',
                        'verbose_name_plural': 'journal de modération',
                        'ordering': ['-at'],
                    },
                ),
                migrations.CreateModel(
                    name='MessageReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reason', models.CharField(blank=True, max_length=500, verbose_name='motif')),
                        ('status', models.CharField(choices=[('open', 'À traiter'), ('handled', 'Traité')], default='open', max_length=10, verbose_name='statut')),
                        ('outcome', models.CharField(blank=True, choices=[('hidden', 'Message masqué'), ('dismissed', 'Classé sans suite')], max_length=10, verbose_name='décision')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('handled_at', models.DateTimeField(blank=True, null=True)),
                        ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('reporter', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='message_reports', to=settings.AUTH_USER_MODEL)),
                        ('message', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='rooms.roommessage')),
                    ],
                    options={
                        'db_table': 'community_messagereport',
                        'verbose_name': 'signalement',
                        'verbose_name_plural': 'signalements',
                        'ordering': ['created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Mention',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email_wanted', models.BooleanField(default=False)),
                        ('emailed_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to=settings.AUTH_USER_MODEL)),
                        ('message', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='rooms.roommessage')),
                    ],
                    options={
                        'db_table': 'community_mention',
                    },
                ),
                migrations.CreateModel(
                    name='RoomSanction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('mute', 'Rendu muet'), ('ban', 'Exclu')], max_length=10, verbose_name='mesure')),
                        ('until', models.DateTimeField(blank=True, null=True, verbose_name="jusqu'au")),
                        ('reason', models.CharField(blank=True, max_length=300, verbose_name='motif')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('room', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sanctions', to='rooms.room')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='room_sanctions', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'community_roomsanction',
                        'verbose_name': 'mesure de modération',
                        'verbose_name_plural': 'mesures de modération',
                    },
                ),
                migrations.AddConstraint(
                    model_name='room',
                    constraint=models.UniqueConstraint(condition=models.Q(('kind', 'page')), fields=('page',), name='one_room_per_page'),
                ),
                migrations.AddConstraint(
                    model_name='room',
                    constraint=models.UniqueConstraint(condition=models.Q(('kind', 'organisation')), fields=('organisation',), name='one_room_per_organisation'),
                ),
                migrations.AddConstraint(
                    model_name='room',
                    constraint=models.UniqueConstraint(condition=models.Q(('kind', 'direct')), fields=('user_a', 'user_b'), name='one_conversation_per_pair'),
                ),
                migrations.AddConstraint(
                    model_name='room',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'direct'), _negated=True), ('user_a__lt', models.F('user_b')), _connector='OR'), name='direct_room_pair_ordered'),
                ),
                migrations.AddConstraint(
                    model_name='room',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'page'), _negated=True), ('page__isnull', False), _connector='OR'), name='page_room_has_page'),
                ),
                migrations.AddConstraint(
                    model_name='room',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'organisation'), _negated=True), ('organisation__isnull', False), _connector='OR'), name='organisation_room_has_organisation'),
                ),
                migrations.AddConstraint(
                    model_name='readmarker',
                    constraint=models.UniqueConstraint(fields=('room', 'user'), name='unique_read_marker'),
                ),
                migrations.AddConstraint(
                    model_name='roommessage',
                    constraint=models.UniqueConstraint(fields=('room', 'seq'), name='unique_message_seq'),
                ),
                migrations.AddConstraint(
                    model_name='roommessage',
                    constraint=models.UniqueConstraint(fields=('room', 'author', 'client_id'), name='unique_message_client_id'),
                ),
                migrations.AddConstraint(
                    model_name='messagereport',
                    constraint=models.UniqueConstraint(fields=('message', 'reporter'), name='one_report_per_person_and_message'),
                ),
                migrations.AddIndex(
                    model_name='mention',
                    index=models.Index(fields=['user', 'emailed_at'], name='mention_pending_idx'),
                ),
                migrations.AddConstraint(
                    model_name='mention',
                    constraint=models.UniqueConstraint(fields=('message', 'user'), name='one_mention_per_message'),
                ),
                migrations.AddConstraint(
                    model_name='roomsanction',
                    constraint=models.UniqueConstraint(fields=('room', 'user', 'kind'), name='unique_room_sanction'),
                ),
            ],
        ),
    ]
