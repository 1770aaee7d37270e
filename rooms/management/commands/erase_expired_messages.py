"""Erase the room messages whose retention has run out (for cron, once an hour: the
deferred task does it on time; this catches a task lost with its worker)."""

from django.core.management.base import BaseCommand

from rooms.services.confidence import erase_due


class Command(BaseCommand):
    help = "Efface les messages des salons dont la durée de conservation est écoulée."

    def handle(self, *args, **options):
        erased = erase_due()
        self.stdout.write(f"{erased} message(s) erased.")
