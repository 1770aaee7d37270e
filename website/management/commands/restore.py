"""`manage.py restore <backup directory> --yes`: replace the database's content and the
uploaded files with a backup's (see website/backup.py). Stop the site first."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.backup import BackupError, restore


class Command(BaseCommand):
    help = "Remplace la base de données et les fichiers envoyés par ceux d'une sauvegarde."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a directory written by `manage.py backup`")
        parser.add_argument(
            "--yes", action="store_true", help="confirm: the current content is replaced"
        )

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError(
                "Restoring replaces the database and the uploaded files: add --yes to confirm."
            )
        try:
            manifest = restore(Path(options["source"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup made at {manifest['made_at']}")
