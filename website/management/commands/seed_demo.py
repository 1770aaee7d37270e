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

Practice sheets follow the same rule: the library page, the tools (by slug or name), the
sheets (by slug under the library) and the reactions are created when missing and never
rewritten. The sheet waiting in moderation is created, and its workflow started, only once.
The editor is put back in Wagtail's "Moderators" group so she is notified of submissions.

The data itself lives in `website/demo_data.py` and `website/demo_practices.py`.
"""

import copy
import logging
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    Page,
    ReferenceIndex,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.search.signal_handlers import post_save_signal_handler as search_post_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from community.models import Affiliation, Membership, Organisation, Region, Sector, Theme, User
from community.public import site_address
from practices.models import (
    Adoption,
    Bookmark,
    PracticeIndexPage,
    PracticeSheetPage,
    SheetDifficulty,
    SheetKeyword,
    SheetPhase,
    SheetTip,
    SheetTool,
    Tool,
    Useful,
)
from website import demo_data as data
from website import demo_practices as practices_data
from website.management.commands.demo_events import seed_events
from website.management.commands.demo_rooms import seed_rooms
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
    PracticeIndexPage: "bibliothèque des fiches",
    PracticeSheetPage: "fiches pratiques publiées",
    Tool: "outils",
    Useful: "marques « utile »",
    Bookmark: "favoris",
    Adoption: "adoptions",
}
MODERATION_LABEL = "fiche en modération"
MODERATORS_LABEL = "éditrice dans le groupe des modérateurs"
# Wagtail's migrations create this group and attach a workflow of that name to the root page.
MODERATORS_GROUP = "Moderators"
# Wagtail's default workflow and task, named in French by website/migrations/0002.
DEFAULT_WORKFLOW = "Relecture éditoriale"
DEFAULT_TASK = "Relecture par l'équipe éditoriale"
DUMMY_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


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


@contextmanager
def indexing_deferred(model):
    """Saves of `model` update neither the search index nor Wagtail's reference index for
    the duration; call `index_now` on each instance afterwards.

    Creating and publishing a page saves it three times, and each save re-indexes it: for
    practice sheets that is most of the seed's time. Should the search library rename its
    handler, nothing is disconnected and the seed is only slower."""
    disconnected = post_save.disconnect(search_post_save, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(search_post_save, sender=model)


def index_now(instance):
    """What the two handlers `indexing_deferred` holds back would have done, once."""
    ReferenceIndex.create_or_update_for_object(instance)
    search_post_save(instance)


class Command(BaseCommand):
    help = (
        "Crée ou complète le réseau de démonstration : taxonomies, pages, organisations, personnes."
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
            self.seed_practices(home, site)
            self.created.update(seed_events())
            self.created.update(seed_rooms())
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
        """The default Site serves the home page at the public address (`SITE_URL`, which
        `make run` sets to its host and port), so Wagtail's own absolute links (the API's
        `html_url`, the admin) agree with the emails, feeds and calendar files."""
        hostname, port = site_address()
        spec = {**data.SITE, "hostname": hostname, "port": port}
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

    # --- practice sheets --------------------------------------------------------------------

    def seed_practices(self, home, site):
        """The library at /pratiques/, its menu links, the tool catalogue, the published
        sheets with what other members did with them, and one sheet waiting in moderation."""
        index = self._practice_index(home)
        self._practice_navigation(site, index)
        tools = self._tools()
        editor = User.objects.get(email__iexact=data.EDITOR_EMAIL)
        self._editor_moderates(editor)

        context = {
            "index": index,
            "tools": tools,
            "editor": editor,
            "people": {user.email.lower(): user for user in User.objects.all()},
            "organisations": {
                organisation.slug: organisation
                for organisation in Organisation.objects.prefetch_related("sectors")
            },
            "sectors": {sector.slug: sector for sector in Sector.objects.all()},
            "themes": {theme.slug: theme for theme in Theme.objects.all()},
            "sheets": {sheet.slug: sheet for sheet in PracticeSheetPage.objects.child_of(index)},
        }
        now = timezone.now()
        created = []
        with indexing_deferred(PracticeSheetPage):
            for spec in practices_data.SHEETS:
                if spec["slug"] not in context["sheets"]:
                    published_at = now - timedelta(days=spec["published_days_ago"], hours=2)
                    created.append(self._sheet(spec, context, published_at=published_at))
            spec = practices_data.MODERATION_SHEET
            if spec["slug"] not in context["sheets"]:
                created.append(self._sheet(spec, context, published_at=None))
        for page in created:
            index_now(page)
        self._reactions(context)

    def _practice_index(self, home):
        spec = practices_data.PRACTICE_INDEX
        index = PracticeIndexPage.objects.first()
        if index is None:
            index = PracticeIndexPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"])
            home.add_child(instance=index)
            index.save_revision().publish()
            self._count(PracticeIndexPage, self.created)
        return index

    def _practice_navigation(self, site, index):
        """Put "Pratiques" and "Outils" at the front of the menu unless already there."""
        navigation = NavigationSettings.for_site(site)
        existing = list(navigation.links.raw_data)
        index_url = f"/{index.slug}/"

        def present(link):
            for item in existing:
                value = item.get("value") or {}
                url = value.get("url") or ""
                if link.get("page_slug") and (value.get("page") == index.pk or url == index_url):
                    return True
                if link.get("url") and url == link["url"]:
                    return True
            return False

        missing = [link for link in practices_data.NAVIGATION_LINKS if not present(link)]
        if missing:
            pages = {practices_data.PRACTICE_INDEX["slug"]: index}
            navigation.links = self._links(missing, pages) + existing
            navigation.save()
            if not self.created[LABELS[NavigationSettings]]:  # a menu made by this run is new
                self._count(NavigationSettings, self.updated)

    def _tools(self):
        """The catalogue, by slug; a tool an editor created by hand is found by its name."""
        tools = {}
        for spec in practices_data.TOOLS:
            tool = (
                Tool.objects.filter(slug=spec["slug"]).first()
                or Tool.objects.filter(name__iexact=spec["name"]).first()
            )
            if tool is None:
                tool = Tool.objects.create(**spec)
                self._count(Tool, self.created)
            tools[spec["slug"]] = tool
        return tools

    def _editor_moderates(self, editor):
        """Superusers may approve anyway; the group also brings Wagtail's notifications."""
        group = Group.objects.filter(name=MODERATORS_GROUP).first()
        if group is not None and not editor.groups.filter(pk=group.pk).exists():
            editor.groups.add(group)
            self.updated[MODERATORS_LABEL] += 1

    def _sheet(self, spec, context, *, published_at):
        """Create one sheet under the library. With a publication date it is published (as
        approved by the editor); without one it is submitted to the moderation workflow."""
        organisation = context["organisations"][spec["organisation"]]
        authors = [context["people"][email] for email in spec["authors"]]
        dimensions = set(spec["dimensions"])
        page = PracticeSheetPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            organisation=organisation,
            region_id=organisation.region_id,
            organisation_size=organisation.staff_size,
            duration=spec["duration"],
            budget=spec["budget"],
            funding=spec["funding"],
            why=spec["why"],
            results=spec["results"],
            social_impact=spec["social_impact"],
            live=published_at is not None,
            first_published_at=published_at,
            owner=authors[0],
            difficulties=self._items(SheetDifficulty, spec["difficulties"]),
            tips=self._items(SheetTip, spec["tips"]),
            phases=self._items(SheetPhase, spec["phases"]),
            sheet_tools=[
                SheetTool(tool=context["tools"][slug], usage=usage, sort_order=n)
                for n, (slug, usage) in enumerate(spec["tools"])
            ],
            keywords=[
                SheetKeyword(word=word, sort_order=n) for n, word in enumerate(spec["keywords"])
            ],
        )
        for name, (field, _label) in PracticeSheetPage.DIMENSIONS.items():
            setattr(page, field, name in dimensions)
        page.authors = authors
        if "sectors" in spec:
            page.sectors = [context["sectors"][slug] for slug in spec["sectors"]]
        else:
            page.sectors = list(organisation.sectors.all())
        page.themes = [context["themes"][slug] for slug in spec["themes"]]
        page.related_sheets = [
            context["sheets"][slug] for slug in spec["related"] if slug in context["sheets"]
        ]
        # As the submission wizard does: the authors create the sheet, the editor publishes.
        context["index"].add_child(instance=page)
        log(instance=page, action="wagtail.create", user=authors[0])
        revision = page.save_revision(user=authors[0], log_action=True)
        if published_at is not None:
            revision.publish(user=context["editor"])
            # Spread the demo over past months, so "newest first" and the feed mean something.
            PracticeSheetPage.objects.filter(pk=page.pk).update(last_published_at=published_at)
            self._count(PracticeSheetPage, self.created)
        else:
            workflow = page.get_workflow() or self._default_workflow()
            # Wagtail emails the moderators about a submission; a demo one is not news, and
            # `make run` would print the messages through the console email backend.
            with override_settings(EMAIL_BACKEND=DUMMY_EMAIL_BACKEND):
                workflow.start(page, authors[0])
            self.created[MODERATION_LABEL] += 1
        context["sheets"][page.slug] = page
        return page

    @staticmethod
    def _items(model, pairs):
        return [
            model(title=title, text=text, sort_order=n) for n, (title, text) in enumerate(pairs)
        ]

    def _default_workflow(self):
        """Wagtail's default review workflow on the root page, should it be missing."""
        workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=True).first()
        if workflow is None:
            moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
            task = GroupApprovalTask.objects.create(name=DEFAULT_TASK)
            task.groups.set([moderators])
            workflow = Workflow.objects.create(name=DEFAULT_WORKFLOW)
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.update_or_create(
            page=Page.get_first_root_node(), defaults={"workflow": workflow}
        )
        return workflow

    def _reactions(self, context):
        """Marks of usefulness, bookmarks and adoption reports on the published sheets."""
        sheets = {slug: sheet for slug, sheet in context["sheets"].items() if sheet.live}
        people = context["people"]
        for slug, emails in practices_data.USEFUL.items():
            for email in emails:
                if slug in sheets:
                    self._get_or_create(Useful, {"user": people[email], "sheet": sheets[slug]}, {})
        for email, slugs in practices_data.BOOKMARKS.items():
            for slug in slugs:
                if slug in sheets:
                    self._get_or_create(
                        Bookmark, {"user": people[email], "sheet": sheets[slug]}, {}
                    )
        for slug, organisation_slug, email, outcome, comment in practices_data.ADOPTIONS:
            if slug in sheets:
                self._get_or_create(
                    Adoption,
                    {
                        "sheet": sheets[slug],
                        "organisation": context["organisations"][organisation_slug],
                    },
                    {"author": people[email], "outcome": outcome, "comment": comment},
                )

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
        write("")
        write(f"Comptes de démonstration (mot de passe commun : {data.DEMO_PASSWORD})")
        write(f"  Éditrice (administration Wagtail) : {data.EDITOR_EMAIL}")
        write(f"  Camille, fédération               : {data.FEDERATION_ADMIN_EMAIL}")
        write(f"  Karim, administrateur d'une EES   : {data.EES_ADMIN_EMAIL}")
        write(f"  Léa, membre                       : {data.MEMBER_EMAIL}")
        write("Administration : /admin/ (les fiches à relire sont sur le tableau de bord)")
