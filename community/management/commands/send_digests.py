"""Send every notification digest due now (for cron: the safety net of the queued tasks)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from community.services import digests


class Command(BaseCommand):
    help = "Envoie les récapitulatifs de notifications dus maintenant."

    def handle(self, *args, **options):
        sent = digests.send_all_due(now=timezone.now())
        self.stdout.write(f"{sent} notification(s) sent in digests.")
