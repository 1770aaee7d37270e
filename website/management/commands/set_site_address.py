"""Point the default Wagtail `Site` at the public address (`SITE_URL`).

Wagtail builds some absolute links from its `Site` record (a page's `full_url`, the API's
`html_url`), which its migrations create as `localhost:80`. The Docker entry point runs
this after `migrate`, so those links agree with the emails, feeds and calendar files in
every deployment, not only in the demo (`seed_demo` does the same for `make run`).
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from community.public import site_address


class Command(BaseCommand):
    help = "Point the default Wagtail Site at the public address (SITE_URL)."

    def handle(self, *args, **options):
        hostname, port = site_address()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Aucun site Wagtail par défaut : lancez d'abord migrate.")
        taken = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk)
        if taken.exists():
            raise CommandError(f"Un autre site Wagtail utilise déjà {hostname}:{port}.")
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])  # save(): Wagtail's cache follows
        self.stdout.write(f"Site Wagtail par défaut : {hostname}:{port}")
