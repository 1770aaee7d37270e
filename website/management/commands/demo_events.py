"""The demo calendar: `seed_events()`, called by `manage.py seed_demo` once the network and
the practice sheets are in place (and `manage.py demo_events` to add it on its own).

Over the coming months, counted from the day of the first run: the monthly intervisions of
two federations (one date cancelled with a note, one moved), workshops in Wallonia and
Brussels, two webinars (online only, one set in Montréal's time), a conference, a training
in Lyon, a past workshop, and one full workshop with a waiting list. Organisations and
people are the invented ones of `website/demo_data.py`.

Idempotent, like the rest of the seed: the calendar page, each event (by slug under the
calendar) and the "Agenda" menu link are created when missing and never rewritten, and an
event's registrations are made only with the event, so what people did during the demo
stays. Events are published with `save_revision().publish()`, so that their `EventState`
is recorded and their reminders scheduled as for any publication. Registrations are
written directly (no email goes out for demo people).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from community.models import Organisation, Region, Theme, User
from events.models import CalendarPage, EventPage, OccurrenceChange, Registration
from events.recurrence import parse_rule
from practices.models import PracticeIndexPage, PracticeSheetPage
from website.models import HomePage

from ._navigation import add_navigation_link

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = 1, 2, 3, 4
MONDAY = 0

CALENDAR = {
    "title": "Agenda",
    "slug": "agenda",
    "intro": (
        "Intervisions entre pairs, ateliers, webinaires et formations des fédérations et des "
        "structures d'accompagnement du réseau. Inscrivez-vous en un clic, abonnez votre "
        "agenda : les changements y arrivent tout seuls."
    ),
}
NAVIGATION_LINK = {"label": "Agenda", "page_slug": "agenda"}

LABELS = {
    "calendar": "agenda",
    "events": "évènements publiés",
    "registrations": "inscriptions",
    "navigation": "lien « Agenda » dans le menu",
}


# --- Dates relative to today ------------------------------------------------------------


def at(day: dt.date, hour: int, minute: int = 0, zone=BRUSSELS) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """`day` itself or the first following day that is `weekday` (0 is Monday)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def next_nth_weekday(after: dt.date, n: int, weekday: int) -> dt.date:
    """The first "n-th `weekday` of its month" strictly after `after`."""
    year, month = after.year, after.month
    while True:
        first = dt.date(year, month, 1)
        day = next_weekday(first, weekday) + dt.timedelta(weeks=n - 1)
        if day > after:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def series_dates(rrule: str, start: dt.datetime, zone=BRUSSELS) -> list[dt.datetime]:
    """The dates a series' rule gives, as the calendar computes them."""
    return list(parse_rule(rrule, start, zone))


# --- The events ---------------------------------------------------------------------------
# Keys as EventPage's fields, plus: organisers (organisation slugs; the first one's admin
# is the owner), region and themes (slugs), related (sheet slugs), changes (dicts for
# OccurrenceChange), registered and waitlist (emails, in the order they registered).


def event_specs(today: dt.date) -> list[dict]:
    wallonia_first = at(next_nth_weekday(today + dt.timedelta(days=6), 1, TUESDAY), 14)
    wallonia_rule = "FREQ=MONTHLY;BYDAY=1TU;COUNT=8"
    wallonia_dates = series_dates(wallonia_rule, wallonia_first)
    cancelled, moved = wallonia_dates[2], wallonia_dates[4]
    moved_to = moved + dt.timedelta(days=2)  # the Thursday of the same week

    brussels_first = at(next_nth_weekday(today + dt.timedelta(days=3), 2, THURSDAY), 9, 30)

    nextcloud_day = next_weekday(today + dt.timedelta(days=12), TUESDAY)
    security_day = next_weekday(today + dt.timedelta(days=17), FRIDAY)
    rgpd_day = next_weekday(today + dt.timedelta(days=9), THURSDAY)
    quebec_day = next_weekday(today + dt.timedelta(days=66), WEDNESDAY)
    training_day = next_weekday(today + dt.timedelta(days=52), MONDAY)
    conference_day = next_weekday(today + dt.timedelta(days=45), THURSDAY)
    past_day = next_weekday(today - dt.timedelta(days=24), TUESDAY)
    montreal = zoneinfo.ZoneInfo("America/Toronto")
    paris = zoneinfo.ZoneInfo("Europe/Paris")

    return [
        {
            "slug": "intervision-des-responsables-numeriques",
            "title": "Intervision des responsables numériques",
            "kind": EventPage.Kind.INTERVISION,
            "organisers": ["fede-ees-wallonie"],
            "summary": (
                "Chaque premier mardi, les responsables numériques des entreprises membres "
                "partagent un problème concret et repartent avec les pistes du groupe."
            ),
            "description": (
                "<p>Un cycle de huit rencontres entre pairs, animé par la fédération : à "
                "chaque séance, deux participant·es présentent une situation vécue (un "
                "logiciel qui coince, une équipe à convaincre, un budget à trouver) et le "
                "groupe y réfléchit avec la méthode de l'intervision.</p>"
                "<p>L'inscription vaut pour tout le cycle : le groupe reste le même d'une "
                "date à l'autre. Sur place à Namur, ou en ligne pour celles et ceux qui "
                "viennent de loin.</p>"
            ),
            "start": wallonia_first,
            "end": wallonia_first + dt.timedelta(hours=2, minutes=30),
            "rrule": wallonia_rule,
            "venue": "Maison de l'économie sociale\nRue des Coopérateurs 12\n5000 Namur",
            "online_url": "https://visio.fede-ees-wallonie.example/intervision-numerique",
            "region": "wallonie",
            "capacity": 16,
            "audience": EventPage.Audience.FEDERATION,
            "themes": ["outils-collaboratifs", "formation-numerique"],
            "related": ["intervisions-en-visioconference"],
            "changes": [
                {
                    "original_start": cancelled,
                    "cancelled": True,
                    "note": "Pas d'intervision ce mois-ci : assemblée générale de la fédération.",
                },
                {
                    "original_start": moved,
                    "new_start": moved_to,
                    "new_end": moved_to + dt.timedelta(hours=2, minutes=30),
                    "note": "Déplacée au jeudi : la salle est prise le mardi.",
                },
            ],
            "registered": [
                "lea@relais.example",
                "karim@relais.example",
                "nathalie@relais.example",
                "benoit@relais.example",
                "fatima@relais.example",
                "pierre@relais.example",
                "isabelle@relais.example",
            ],
        },
        {
            "slug": "intervision-bruxelloise-donnees-et-outils",
            "title": "Intervision bruxelloise : données et outils partagés",
            "kind": EventPage.Kind.INTERVISION,
            "organisers": ["coupole-bruxelles"],
            "summary": (
                "Le deuxième jeudi du mois, associations et coopératives bruxelloises "
                "comparent leurs outils et leurs façons de gérer leurs données."
            ),
            "description": (
                "<p>Une matinée par mois pour avancer ensemble : tableur partagé qui "
                "déborde, fichier des membres à mettre au propre, choix d'un outil de "
                "gestion. Chacun·e vient avec sa question ; café et croissants offerts.</p>"
            ),
            "start": brussels_first,
            "end": brussels_first + dt.timedelta(hours=2, minutes=30),
            "rrule": "FREQ=MONTHLY;BYDAY=2TH;COUNT=6",
            "venue": "Coupole bruxelloise\nRue de la Victoire 96\n1060 Saint-Gilles",
            "region": "bruxelles",
            "capacity": 14,
            "themes": ["donnees-tableaux-de-bord", "crm-relation-membres"],
            "related": ["migration-comptabilite-odoo", "agenda-reservations-cuisine-partagee"],
            "registered": [
                "youssef@relais.example",
                "olivier@relais.example",
                "aicha@relais.example",
                "emma@relais.example",
            ],
        },
        {
            "slug": "atelier-nextcloud-petites-equipes",
            "title": "Atelier pratique : Nextcloud pour les petites équipes",
            "kind": EventPage.Kind.WORKSHOP,
            "organisers": ["atelier-numerique-solidaire", "coupole-bruxelles"],
            "summary": (
                "Un après-midi, ordinateur sous le bras, pour installer agenda, fichiers et "
                "contacts partagés dans un Nextcloud hébergé en Belgique."
            ),
            "description": (
                "<p>Huit places, pour que chacun·e reparte avec un espace qui fonctionne. "
                "Apportez un ordinateur portable ; un compte de test vous est fourni.</p>"
                "<ul><li>Créer les dossiers partagés de l'équipe</li>"
                "<li>Synchroniser l'agenda sur son téléphone</li>"
                "<li>Régler les droits d'accès des bénévoles</li></ul>"
            ),
            "start": at(nextcloud_day, 13, 30),
            "end": at(nextcloud_day, 16, 30),
            "registration_deadline": at(nextcloud_day - dt.timedelta(days=2), 23, 59),
            "venue": "Espace coopératif Le Maillon\nRue de Fiennes 77\n1070 Anderlecht",
            "region": "bruxelles",
            "capacity": 8,
            "themes": ["outils-collaboratifs", "logiciels-libres"],
            "related": ["passer-aux-logiciels-libres", "agenda-reservations-cuisine-partagee"],
            "registered": [
                "karim@relais.example",
                "nathalie@relais.example",
                "youssef@relais.example",
                "manon@relais.example",
                "olivier@relais.example",
                "sarah@relais.example",
                "aicha@relais.example",
                "emma@relais.example",
            ],
            "waitlist": ["lea@relais.example", "mathieu@relais.example"],
        },
        {
            "slug": "atelier-securiser-les-acces",
            "title": "Atelier : sécuriser les accès de son association",
            "kind": EventPage.Kind.WORKSHOP,
            "organisers": ["atelier-numerique-solidaire"],
            "summary": (
                "Gestionnaire de mots de passe, double authentification, sauvegardes : les "
                "trois gestes qui évitent la plupart des ennuis."
            ),
            "description": (
                "<p>Une matinée concrète pour les petites structures sans informaticien·ne. "
                "Nous partons des situations vécues par les participant·es : boîte mail "
                "piratée, ordinateur volé, ancien bénévole qui a gardé les accès.</p>"
            ),
            "start": at(security_day, 9, 30),
            "end": at(security_day, 12, 30),
            "venue": "Atelier numérique solidaire\nRue Saint-Léonard 210\n4000 Liège",
            "region": "wallonie",
            "capacity": 12,
            "themes": ["cybersecurite", "rgpd"],
            "related": ["cybersecurite-de-base", "conformite-rgpd-creche"],
            "registered": [
                "sophie@relais.example",
                "antoine@relais.example",
                "aurelie@relais.example",
            ],
        },
        {
            "slug": "webinaire-rgpd-en-pratique",
            "title": "Webinaire : le RGPD en pratique pour les petites associations",
            "kind": EventPage.Kind.WEBINAR,
            "organisers": ["coupole-bruxelles"],
            "summary": (
                "Quarante-cinq minutes pour faire le point : registre des traitements, "
                "consentement des membres, durée de conservation."
            ),
            "description": (
                "<p>Pendant le temps de midi, une juriste de la Coupole répond aux questions "
                "les plus fréquentes de nos membres. Le lien de connexion est envoyé avec la "
                "confirmation d'inscription.</p>"
            ),
            "start": at(rgpd_day, 12, 15),
            "end": at(rgpd_day, 13),
            "online_url": "https://visio.coupole-bruxelles.example/webinaire-rgpd",
            "themes": ["rgpd"],
            "related": ["conformite-rgpd-creche", "crm-aide-a-domicile"],
            "registered": [
                "aurelie@relais.example",
                "isabelle@relais.example",
                "manon@relais.example",
                "lea@relais.example",
                "mathieu@relais.example",
            ],
        },
        {
            "slug": "webinaire-gouvernance-des-donnees",
            "title": "Webinaire transatlantique : la gouvernance des données collectives",
            "kind": EventPage.Kind.WEBINAR,
            "organisers": ["carrefour-quebec"],
            "summary": (
                "Coopératives québécoises et entreprises sociales belges comparent leurs "
                "chartes de données. 10 h à Montréal, 16 h à Bruxelles."
            ),
            "description": (
                "<p>Le Carrefour québécois invite les membres de Relais à sa communauté de "
                "pratique : qui décide de ce que deviennent les données des membres, et "
                "comment l'écrire dans une charte ?</p>"
            ),
            "start": at(quebec_day, 10, zone=montreal),
            "end": at(quebec_day, 11, 30, zone=montreal),
            "time_zone": "America/Toronto",
            "online_url": "https://visio.carrefour-quebec.example/gouvernance-donnees",
            "region": "quebec",
            "themes": ["donnees-tableaux-de-bord", "crm-relation-membres"],
            "related": ["assemblee-generale-hybride"],
            "registered": [
                "gabriel@relais.example",
                "chloe@relais.example",
                "pierre@relais.example",
            ],
        },
        {
            "slug": "formation-animer-une-intervision",
            "title": "Formation : animer une intervision entre pairs",
            "kind": EventPage.Kind.TRAINING,
            "organisers": ["collectif-ess-loire-rhone"],
            "summary": (
                "Une journée pour apprendre à animer un groupe d'intervision dans son réseau : "
                "cadre, rôles, techniques de questionnement."
            ),
            "description": (
                "<p>Réservée aux membres du Collectif qui veulent lancer un groupe sur leur "
                "territoire. Repas de midi compris.</p>"
            ),
            "start": at(training_day, 9, 30, zone=paris),
            "end": at(training_day, 17, zone=paris),
            "time_zone": "Europe/Paris",
            "venue": "Maison de l'ESS\n28 rue Denfert-Rochereau\n69004 Lyon",
            "region": "france",
            "capacity": 10,
            "audience": EventPage.Audience.FEDERATION,
            "themes": ["formation-numerique"],
            "related": ["intervisions-en-visioconference"],
            "registered": [
                "lucie@relais.example",
                "maxime@relais.example",
                "helene@relais.example",
            ],
        },
        {
            "slug": "rencontre-economie-sociale-et-numerique",
            "title": "Rencontre régionale : l'économie sociale face au numérique",
            "kind": EventPage.Kind.CONFERENCE,
            "organisers": ["fede-ees-wallonie", "coupole-bruxelles"],
            "summary": (
                "Une journée de conférences et de tables rondes : ce que les groupes pilotes "
                "ont appris, et comment passer le relais aux suivants."
            ),
            "description": (
                "<p>Le matin, trois entreprises d'économie sociale racontent leur projet "
                "numérique, difficultés comprises. L'après-midi, tables rondes sur le "
                "financement, l'accompagnement et les outils libres.</p>"
                "<p>Sur place à Namur, et en direct pour celles et ceux qui ne peuvent pas "
                "se déplacer.</p>"
            ),
            "start": at(conference_day, 9),
            "end": at(conference_day, 17),
            "venue": "Centre de congrès du Confluent\nPlace de la Station 1\n5000 Namur",
            "online_url": "https://direct.fede-ees-wallonie.example/rencontre-regionale",
            "region": "wallonie",
            "capacity": 150,
            "themes": ["formation-numerique", "inclusion-numerique", "logiciels-libres"],
            "related": ["passer-aux-logiciels-libres", "permanence-inclusion-numerique"],
            "registered": [
                "karim@relais.example",
                "lea@relais.example",
                "thomas@relais.example",
                "benoit@relais.example",
                "pieter@relais.example",
                "sarah@relais.example",
                "nicolas@relais.example",
            ],
        },
        {
            "slug": "atelier-tableaux-de-bord-ca",
            "title": "Atelier : des tableaux de bord pour le conseil d'administration",
            "kind": EventPage.Kind.WORKSHOP,
            "organisers": ["fede-ees-wallonie"],
            "summary": (
                "Trois indicateurs bien choisis valent mieux qu'un tableur de vingt onglets."
            ),
            "description": (
                "<p>Avec l'exemple du parcours d'insertion suivi dans Grist par une "
                "entreprise de formation par le travail.</p>"
            ),
            "start": at(past_day, 14),
            "end": at(past_day, 16, 30),
            "venue": "Maison de l'économie sociale\nRue des Coopérateurs 12\n5000 Namur",
            "region": "wallonie",
            "capacity": 15,
            "themes": ["donnees-tableaux-de-bord"],
            "related": ["tableau-de-bord-parcours-insertion"],
            "registered": [
                "fatima@relais.example",
                "benoit@relais.example",
                "pierre@relais.example",
            ],
        },
    ]


# --- Seeding ------------------------------------------------------------------------------


def seed_events(stdout=None) -> Counter:
    """Create what is missing of the demo calendar; return what was created, by label
    (`LABELS`), and write a line about it to `stdout` if given."""
    created = Counter()
    home = HomePage.objects.first()
    if home is None:
        raise CommandError("Pas de page d'accueil : lancez d'abord `manage.py seed_demo`.")
    calendar = CalendarPage.objects.first()
    if calendar is None:
        calendar = CalendarPage(
            title=CALENDAR["title"], slug=CALENDAR["slug"], intro=CALENDAR["intro"]
        )
        home.add_child(instance=calendar)
        calendar.save_revision().publish()
        created[LABELS["calendar"]] += 1
    if _add_navigation_link(calendar):
        created[LABELS["navigation"]] += 1

    existing = set(EventPage.objects.child_of(calendar).values_list("slug", flat=True))
    context = {
        "organisations": {o.slug: o for o in Organisation.objects.all()},
        "regions": {r.slug: r for r in Region.objects.all()},
        "themes": {t.slug: t for t in Theme.objects.all()},
        "sheets": {s.slug: s for s in PracticeSheetPage.objects.live()},
        "people": {u.email.lower(): u for u in User.objects.all()},
    }
    now = timezone.now()
    for spec in event_specs(timezone.localdate(timezone=BRUSSELS)):
        if spec["slug"] in existing:
            continue
        event = _event(calendar, spec, context)
        created[LABELS["events"]] += 1
        created[LABELS["registrations"]] += _registrations(event, spec, context, now)

    if stdout is not None:
        if created:
            done = ", ".join(f"{n} {label}" for label, n in sorted(created.items()))
            stdout.write(f"Agenda de démonstration : créé {done}.")
        else:
            stdout.write("Agenda de démonstration déjà en place : rien à changer.")
    return created


def _add_navigation_link(calendar) -> bool:
    """Put "Agenda" in the menu after "Pratiques" and "Outils", unless already there."""
    index = PracticeIndexPage.objects.first()
    path = f"/{calendar.slug}/"
    return add_navigation_link(
        {"label": NAVIGATION_LINK["label"], "page": calendar.pk, "url": ""},
        exists=lambda value: value.get("page") == calendar.pk or (value.get("url") or "") == path,
        after=lambda value: value.get("url") == "/outils/"
        or bool(index and value.get("page") == index.pk),
        otherwise="start",
    )


def _event(calendar, spec: dict, context: dict) -> EventPage:
    organisers = [context["organisations"][slug] for slug in spec["organisers"]]
    owner = (
        User.objects.filter(
            memberships__organisation=organisers[0],
            memberships__role="admin",
            memberships__status="active",
        )
        .order_by("pk")
        .first()
    )
    event = EventPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        summary=spec["summary"],
        description=spec["description"],
        start=spec["start"],
        end=spec["end"],
        time_zone=spec.get("time_zone", "Europe/Brussels"),
        rrule=spec.get("rrule", ""),
        venue=spec.get("venue", ""),
        online_url=spec.get("online_url", ""),
        region=context["regions"].get(spec.get("region")),
        capacity=spec.get("capacity"),
        registration_deadline=spec.get("registration_deadline"),
        audience=spec.get("audience", EventPage.Audience.OPEN),
        owner=owner,
        proposed_by=owner,
    )
    event.organisers = organisers
    event.themes = [context["themes"][slug] for slug in spec.get("themes", [])]
    event.related_sheets = [
        context["sheets"][slug] for slug in spec.get("related", []) if slug in context["sheets"]
    ]
    event.occurrence_changes = [
        OccurrenceChange(sort_order=n, **change) for n, change in enumerate(spec.get("changes", []))
    ]
    calendar.add_child(instance=event)
    # As the announce form does for a federation manager: published at once, and
    # `after_publication` records its state and schedules its reminders.
    event.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
    return event


def _registrations(event, spec: dict, context: dict, now: dt.datetime) -> int:
    """Registrations in the order given, a few days ago; the waiting list after them.
    Nobody is confirmed beyond the capacity."""
    people = [context["people"][email] for email in spec.get("registered", [])]
    waiting = [context["people"][email] for email in spec.get("waitlist", [])]
    if event.capacity is not None:
        assert len(people) <= event.capacity, spec["slug"]
    since = min(now, event.start) - dt.timedelta(days=6)
    rows = [
        Registration(
            event=event,
            user=person,
            status=status,
            queued_at=since + dt.timedelta(hours=5 * n),
        )
        for n, (person, status) in enumerate(
            [(p, Registration.Status.CONFIRMED) for p in people]
            + [(p, Registration.Status.WAITLIST) for p in waiting]
        )
    ]
    Registration.objects.bulk_create(rows)
    return len(rows)


class Command(BaseCommand):
    help = "Crée ou complète l'agenda de démonstration (après `manage.py seed_demo`)."

    def add_arguments(self, parser):
        parser.add_argument("--i-know-this-is-a-demo", action="store_true", dest="demo_anyway")

    def handle(self, *args, **options):
        if not settings.DEMO_SITE and not options["demo_anyway"]:
            raise CommandError(
                "demo_events ajoute des évènements inventés : il ne tourne qu'avec les "
                "réglages de démonstration (website.settings.dev), ou avec "
                "--i-know-this-is-a-demo."
            )
        with transaction.atomic():
            seed_events(self.stdout)
