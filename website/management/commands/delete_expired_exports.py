"""Delete the data exports whose link has expired (for cron, once a day; a new export also
clears them)."""

from django.core.management.base import BaseCommand

from website.services import delete_expired_exports


class Command(BaseCommand):
    help = "Supprime les fichiers de données personnelles dont le lien a expiré."

    def handle(self, *args, **options):
        self.stdout.write(f"{delete_expired_exports()} expired export(s) deleted.")
