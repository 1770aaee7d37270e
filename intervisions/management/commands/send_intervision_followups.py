"""Ask the participants of sessions closed six weeks ago what they tried (for cron, once a
day: each session is asked about once)."""

from django.core.management.base import BaseCommand

from intervisions.followup import send_followups


class Command(BaseCommand):
    help = "Demande des nouvelles aux participant·es six semaines après une séance."

    def handle(self, *args, **options):
        asked = send_followups()
        self.stdout.write(f"{asked} session(s) followed up.")
