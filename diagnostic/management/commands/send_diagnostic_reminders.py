"""Remind organisations to take their diagnostic again six months after the last one
(for cron, once a day: each diagnostic is reminded once)."""

from django.core.management.base import BaseCommand

from diagnostic.services import send_retake_reminders


class Command(BaseCommand):
    help = "Rappelle aux organisations de refaire leur diagnostic six mois après le dernier."

    def handle(self, *args, **options):
        told = send_retake_reminders()
        self.stdout.write(f"{told} organisation(s) reminded to take their diagnostic again.")
