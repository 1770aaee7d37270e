"""`manage.py seed_demo`: fill an empty Relais with the invented demo network of
`website/demo/*.yaml` (see `website/demo/seeder.py`); a second run changes nothing."""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, WorkflowState

from community.models import Affiliation, Organisation, User
from practices.models import PracticeSheetPage, Tool
from website.demo import load
from website.demo.seeder import seed

# Loggers that report every page saved and every background task run; too chatty for
# `make run` unless asked for with --verbosity 2.
CHATTY_LOGGERS = ["wagtail", "django_tasks"]


@contextmanager
def quiet_logs(enabled):
    """Raise the chatty loggers to WARNING for the duration, then restore them."""
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Crée ou complète le réseau de démonstration : taxonomies, pages, organisations, "
        "personnes, fiches, agenda, salons."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--i-know-this-is-a-demo",
            action="store_true",
            dest="demo_anyway",
            help="Seed outside the demo settings (the demo accounts' password is public).",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_SITE and not options["demo_anyway"]:
            raise CommandError(
                "seed_demo crée des comptes dont le mot de passe est public : il ne tourne "
                "qu'avec les réglages de démonstration (make run, website.settings.dev), ou avec "
                "--i-know-this-is-a-demo."
            )
        with quiet_logs(options["verbosity"] < 2), transaction.atomic():
            created, updated = seed()
        self.print_summary(created, updated)

    def print_summary(self, created, updated):
        write = self.stdout.write
        if created or updated:
            write(self.style.SUCCESS("Données de démonstration en place."))
            if created:
                write("  Créé : " + ", ".join(f"{n} {k}" for k, n in sorted(created.items())) + ".")
            if updated:
                fixed = ", ".join(f"{n} {k}" for k, n in sorted(updated.items()))
                write(f"  Remis en ordre : {fixed}.")
        else:
            write(self.style.SUCCESS("Données de démonstration déjà en place : rien à changer."))
        write(
            f"  {Organisation.objects.count()} organisations, {User.objects.count()} personnes, "
            f"{Affiliation.objects.count()} affiliations."
        )
        sheets = PracticeSheetPage.objects.all()
        in_moderation = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in sheets.values_list("pk", flat=True)],
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).count()
        write(
            f"  {sheets.live().count()} fiches pratiques publiées, {in_moderation} en "
            f"modération, {Tool.objects.count()} outils."
        )
        people = load("people")
        logins = people["logins"]
        write("")
        write(f"Comptes de démonstration (mot de passe commun : {people['password']})")
        write(f"  Éditrice (administration Wagtail) : {logins['editor']}")
        write(f"  Camille, fédération               : {logins['federation_admin']}")
        write(f"  Karim, administrateur d'une EES   : {logins['ees_admin']}")
        write(f"  Léa, membre                       : {logins['member']}")
        write("Administration : /admin/ (les fiches à relire sont sur le tableau de bord)")
