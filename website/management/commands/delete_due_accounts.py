"""Carry out the account deletions whose grace period has ended (for cron, once an hour;
a deferring task backend also runs them on time)."""

from django.core.management.base import BaseCommand

from website.account_deletion import delete_due_accounts


class Command(BaseCommand):
    help = "Supprime les comptes dont le délai de grâce est écoulé."

    def handle(self, *args, **options):
        self.stdout.write(f"{delete_due_accounts()} account(s) deleted.")
