"""`manage.py seed_demo`: fill an empty Relais with a believable, invented demo network.

Idempotent: a second run finds everything in place and writes nothing. Rows are keyed by
slug (taxonomies, organisations, pages) or email (people). What already exists is left as
it is, because people edit the demo while they try it and `make run` seeds at every start;
only what the demo logins depend on is brought back in line:
- the regions' names and order;
- the editor's staff and superuser flags;
- every demo account's verified primary email address (allauth refuses unverified sign-ins);
- the admin memberships listed in the data;
- the default Site pointing at the home page.
Passwords are set only when an account is created. Pending join and affiliation requests
are recreated if someone refused them, so admins always have something to decide.

The data itself lives in `website/demo_data.py`.
"""

import copy
import logging
from collections import Counter
from contextlib import contextmanager

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from community.models import Affiliation, Membership, Organisation, Region, Sector, Theme, User
from website import demo_data as data
from website.models import FooterSettings, HomePage, NavigationSettings, StandardPage

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
# Loggers that report every page saved and every background task run; too chatty for
# `make run` unless asked for with --verbosity 2.
CHATTY_LOGGERS = ["wagtail", "django_tasks"]

# How the summary names what was created or put back in order.
LABELS = {
    Region: "régions",
    Sector: "secteurs",
    Theme: "thèmes",
    Organisation: "organisations",
    Affiliation: "affiliations",
    User: "personnes",
    EmailAddress: "adresses e-mail vérifiées",
    Membership: "adhésions",
    HomePage: "page d'accueil",
    StandardPage: "pages standard",
    Site: "site",
    NavigationSettings: "navigation",
    FooterSettings: "pied de page",
}


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
        "Crée ou complète le réseau de démonstration : taxonomies, pages, organisations, personnes."
    )

    def handle(self, *args, **options):
        self.created = Counter()
        self.updated = Counter()
        with quiet_logs(options["verbosity"] < 2), transaction.atomic():
            self.seed_taxonomies()
            organisations = self.seed_organisations()
            admins = self.seed_people(organisations)
            self.seed_affiliations(organisations, admins)
            home, pages = self.seed_pages()
            site = self.seed_site(home)
            self.remove_wagtail_welcome_page(site)
            self.seed_settings(site, pages)
        self.print_summary()

    # --- helpers ----------------------------------------------------------------------------

    def _count(self, model, counter):
        counter[LABELS.get(model, model._meta.label)] += 1

    def _sync(self, obj, values):
        """Set the given fields on obj, saving only if one differs."""
        changed = [field for field, value in values.items() if getattr(obj, field) != value]
        if changed:
            for field in changed:
                setattr(obj, field, values[field])
            obj.save(update_fields=changed)
            self._count(type(obj), self.updated)
        return obj

    def _get_or_create(self, model, lookup, defaults, **extra):
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults, **extra)
        if created:
            self._count(model, self.created)
        return obj, created

    # --- taxonomies -------------------------------------------------------------------------

    def seed_taxonomies(self):
        for position, (slug, name) in enumerate(data.REGIONS, start=1):
            region = self._taxonomy(Region, slug, name, position=position)
            self._sync(region, {"name": name, "slug": slug, "position": position})
        for slug, name in data.SECTORS:
            self._taxonomy(Sector, slug, name)
        for slug, name in data.THEMES:
            self._taxonomy(Theme, slug, name)

    def _taxonomy(self, model, slug, name, **extra):
        """Find a term by slug, or by name (an editor may have created it by hand)."""
        term = model.objects.filter(slug=slug).first() or model.objects.filter(name=name).first()
        if term is None:
            term = model.objects.create(slug=slug, name=name, **extra)
            self._count(model, self.created)
        return term

    # --- organisations ----------------------------------------------------------------------

    def seed_organisations(self):
        """Create the federations, the support structure and the EES; returns them by slug."""
        regions = {r.slug: r for r in Region.objects.all()}
        sectors = {s.slug: s for s in Sector.objects.all()}
        organisations = {}
        for item in data.ORGANISATIONS:
            slug = item["slug"]
            defaults = {
                "name": item["name"],
                "kind": item["kind"],
                "legal_form": item["legal_form"],
                "region": regions[item["region"]],
                "city": item["city"],
                "staff_size": item["staff_size"],
                "volunteers": item["volunteers"],
                "website": item.get("website", f"https://{slug}.example"),
                "contact_email": item.get("contact_email", f"contact@{slug}.example"),
                "description": item["description"],
            }
            organisation, created = self._get_or_create(Organisation, {"slug": slug}, defaults)
            if created:
                organisation.sectors.set([sectors[s] for s in item["sectors"]])
            organisations[slug] = organisation
        return organisations

    def seed_affiliations(self, organisations, admins):
        """Active and pending affiliations, each requested by the organisation's admin."""
        now = timezone.now()
        for item in data.ORGANISATIONS:
            organisation = organisations[item["slug"]]
            requested_by = admins.get(item["slug"])
            wanted = [(slug, Affiliation.Status.ACTIVE) for slug in item.get("federations", [])]
            wanted += [
                (slug, Affiliation.Status.PENDING) for slug in item.get("pending_federations", [])
            ]
            for federation_slug, status in wanted:
                self._get_or_create(
                    Affiliation,
                    {"organisation": organisation, "federation": organisations[federation_slug]},
                    {
                        "status": status,
                        "requested_by": requested_by,
                        "decided_at": now if status == Affiliation.Status.ACTIVE else None,
                    },
                )

    # --- people -----------------------------------------------------------------------------

    def seed_people(self, organisations):
        """Accounts, verified addresses and memberships; returns each organisation's admin."""
        themes = {t.slug: t for t in Theme.objects.all()}
        # One hash for every demo account: hashing ~30 times would slow down `make run`.
        password = make_password(data.DEMO_PASSWORD)
        admins = {}  # organisation slug -> its first admin
        for item in data.PEOPLE:
            user = self._person(item, password, themes)
            self._verified_email(user)
            for slug, role in item.get("memberships", []):
                self._membership(user, organisations[slug], role)
                if role == Membership.Role.ADMIN:
                    admins.setdefault(slug, user)
            for slug, message in item.get("requests", []):
                self._get_or_create(
                    Membership,
                    {"user": user, "organisation": organisations[slug]},
                    {
                        "role": Membership.Role.MEMBER,
                        "status": Membership.Status.PENDING,
                        "message": message,
                    },
                )
        return admins

    def _person(self, item, password, themes):
        email = item["email"]
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create(
                email=email,
                password=password,
                first_name=item["first_name"],
                last_name=item["last_name"],
                display_name=f"{item['first_name']} {item['last_name']}",
                bio=item.get("bio", ""),
                time_zone=item.get("time_zone", "Europe/Brussels"),
                preferred_language=item.get("preferred_language", "fr"),
                is_staff=item.get("is_staff", False),
                is_superuser=item.get("is_superuser", False),
            )
            user.interests.set([themes[slug] for slug in item.get("interests", [])])
            self._count(User, self.created)
        elif item.get("is_staff") or item.get("is_superuser"):
            # The editor must keep her access to the Wagtail admin.
            self._sync(
                user,
                {
                    "is_active": True,
                    "is_staff": item.get("is_staff", False),
                    "is_superuser": item.get("is_superuser", False),
                },
            )
        return user

    def _verified_email(self, user):
        """Make sure the account's address is verified and primary, or sign-in is refused."""
        address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
        if address is None:
            EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            self._count(EmailAddress, self.created)
        elif not (address.verified and address.primary):
            if not address.primary:
                EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
            self._sync(address, {"verified": True, "primary": True})

    def _membership(self, user, organisation, role):
        membership, created = self._get_or_create(
            Membership,
            {"user": user, "organisation": organisation},
            {"role": role, "status": Membership.Status.ACTIVE, "decided_at": timezone.now()},
        )
        if not created and role == Membership.Role.ADMIN:
            # Every organisation keeps the admin the demo logins rely on.
            values = {"role": role, "status": Membership.Status.ACTIVE}
            if membership.decided_at is None:
                values["decided_at"] = timezone.now()
            self._sync(membership, values)

    # --- pages and site ---------------------------------------------------------------------

    def seed_pages(self):
        """The home page under Wagtail's root and the standard pages under home."""
        home = HomePage.objects.first()
        if home is None:
            spec = data.HOME_PAGE
            home = HomePage(
                title=spec["title"],
                slug=spec["slug"],
                headline=spec["headline"],
                intro=spec["intro"],
                body=copy.deepcopy(spec["body"]),
            )
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
            self._count(HomePage, self.created)

        pages = {}
        for spec in data.STANDARD_PAGES:
            page = home.get_children().filter(slug=spec["slug"]).specific().first()
            if page is None:
                page = StandardPage(
                    title=spec["title"],
                    slug=spec["slug"],
                    intro=spec["intro"],
                    body=copy.deepcopy(spec["body"]),
                )
                home.add_child(instance=page)
                page.save_revision().publish()
                self._count(StandardPage, self.created)
            pages[spec["slug"]] = page
        return home, pages

    def seed_site(self, home):
        """The default Site serves the home page at localhost:80."""
        spec = data.SITE
        site = (
            Site.objects.filter(hostname=spec["hostname"], port=spec["port"]).first()
            or Site.objects.filter(is_default_site=True).first()
        )
        if site is None:
            site = Site.objects.create(root_page=home, is_default_site=True, **spec)
            self._count(Site, self.created)
        Site.objects.filter(is_default_site=True).exclude(pk=site.pk).update(is_default_site=False)
        return self._sync(site, {**spec, "root_page_id": home.pk, "is_default_site": True})

    def remove_wagtail_welcome_page(self, site):
        """Delete the placeholder page Wagtail's migrations create, once nothing uses it."""
        plain_page = ContentType.objects.get_for_model(Page)
        welcome = Page.objects.filter(
            depth=2, content_type=plain_page, title=WAGTAIL_WELCOME_TITLE, numchild=0
        ).exclude(sites_rooted_here__isnull=False)
        for page in welcome:
            page.delete()
            self.updated["page d'accueil de Wagtail supprimée"] += 1

    def seed_settings(self, site, pages):
        """Fill the menu and footer, leaving alone whatever an editor has already set."""
        navigation = NavigationSettings.for_site(site)
        if not navigation.links:
            navigation.links = self._links(data.NAVIGATION_LINKS, pages)
            navigation.save()
            self._count(NavigationSettings, self.created)

        footer = FooterSettings.for_site(site)
        values = {}
        if not footer.text:
            values["text"] = data.FOOTER["text"]
        if not footer.links:
            values["links"] = self._links(data.FOOTER["links"], pages)
        if not footer.contact_email:
            values["contact_email"] = data.FOOTER["contact_email"]
        if values:
            for field, value in values.items():
                setattr(footer, field, value)
            footer.save()
            self._count(FooterSettings, self.created)

    @staticmethod
    def _links(links, pages):
        """LinkBlock values in raw StreamField form; page links point at the demo pages."""
        raw = []
        for link in links:
            page = pages.get(link.get("page_slug"))
            raw.append(
                {
                    "type": "link",
                    "value": {
                        "label": link["label"],
                        "page": page.pk if page else None,
                        "url": link.get("url", ""),
                    },
                }
            )
        return raw

    # --- report -----------------------------------------------------------------------------

    def print_summary(self):
        write = self.stdout.write
        if self.created or self.updated:
            done = ", ".join(f"{n} {label}" for label, n in sorted(self.created.items()))
            fixed = ", ".join(f"{n} {label}" for label, n in sorted(self.updated.items()))
            write(self.style.SUCCESS("Données de démonstration en place."))
            if done:
                write(f"  Créé : {done}.")
            if fixed:
                write(f"  Remis en ordre : {fixed}.")
        else:
            write(self.style.SUCCESS("Données de démonstration déjà en place : rien à changer."))
        write(
            f"  {Organisation.objects.count()} organisations, {User.objects.count()} personnes, "
            f"{Affiliation.objects.count()} affiliations."
        )
        write("")
        write(f"Comptes de démonstration (mot de passe commun : {data.DEMO_PASSWORD})")
        write(f"  Éditrice (administration Wagtail) : {data.EDITOR_EMAIL}")
        write(f"  Camille, fédération               : {data.FEDERATION_ADMIN_EMAIL}")
        write(f"  Karim, administrateur d'une EES   : {data.EES_ADMIN_EMAIL}")
        write(f"  Léa, membre                       : {data.MEMBER_EMAIL}")
        write("Administration : /admin/")
