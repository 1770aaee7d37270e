"""Send the reminders of the dates starting within 24 hours, now.

Production does not need it: the worker runs the reminder tasks queued at publication
time. It serves where the task backend cannot defer (the immediate one, in development)
or as a safety net from cron; a reminder already sent is never sent again.
"""

from django.core.management.base import BaseCommand

from events.services import reminders


class Command(BaseCommand):
    help = "Send the reminders of event dates starting within the next 24 hours."

    def handle(self, *args, **options):
        total = 0
        for event, start in reminders.due():
            total += reminders.send(event, start)
        self.stdout.write(f"{total} reminder(s) sent.")
