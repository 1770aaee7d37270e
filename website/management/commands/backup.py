"""`manage.py backup [--to backups/]`: the database and the uploaded files, in one new
directory (see website/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers envoyés dans un nouveau dossier."

    def add_arguments(self, parser):
        parser.add_argument("--to", default="backups", help="where to create the backup")

    def handle(self, *args, **options):
        try:
            target = backup(Path(options["to"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {target}")
