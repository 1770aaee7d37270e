"""`seed()`: write the demo of `website/demo/*.yaml` into the database, through the code
paths people and editors use: the community services create the organisations and decide
the memberships and affiliations, pages are created and published with revisions as in
the admin, the reactions, registrations and room messages go through their services.

Idempotent: what already exists (a row by slug or email, a room's history once it has
one) is left as it is, because people edit the demo while they try it and `make run` seeds
at every start. Only what the demo logins depend on is brought back in line: the regions'
names and order, the editor's staff and superuser flags and her groups, every account's
verified primary address, the admin memberships of the data, the default Site pointing at
the home page. Pending join and affiliation requests are made again if someone refused
them, so admins always have something to decide. Nobody is emailed (`emails_held`).
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import cast

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.forms import ChoiceField
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page, Site

from community.forms import OrganisationForm
from community.models import Affiliation, Membership, Organisation, Region, Sector, Theme, User
from community.public import site_address
from community.services import limits
from community.services import organisations as organisation_services
from community.services.notifications import emails_held
from events.models import CalendarPage
from practices.models import PracticeIndexPage
from website.models import FooterSettings, HomePage, NavigationSettings, StandardPage

from . import load
from .activity import Activity
from .diagnostics import Diagnostics
from .editorial import Editorial
from .intervisions import Intervisions
from .library import Library
from .support import Support

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
# Wagtail emails the moderators itself (not through `email_people`).
DUMMY_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


def seed() -> tuple[Counter, Counter]:
    """Create what is missing; returns (created, brought back in line), counted by label."""
    seeder = Seeder()
    # The whole network at once, through the services: no per-person limit applies.
    with emails_held(), override_settings(EMAIL_BACKEND=DUMMY_EMAIL_BACKEND), limits.suspended():
        seeder.run()
    return +seeder.created, +seeder.updated


class Seeder(Library, Activity, Support, Editorial, Diagnostics, Intervisions):
    def __init__(self):
        self.created = Counter()
        self.updated = Counter()

    def run(self):
        self.taxonomies()
        self.sectors = {s.slug: s for s in Sector.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.people = self.seed_people()
        self.editor = self.people[load("people")["logins"]["editor"]]
        self.admins = self.first_admins()
        self.organisations = self.seed_organisations()
        self.memberships()
        self.affiliations()
        home, pages = self.seed_pages()
        site = self.seed_site(home)
        library = self.index_page(home, PracticeIndexPage, "bibliothèque des fiches")
        calendar = self.index_page(home, CalendarPage, "agenda")
        support = self.programme_index(home)
        told = self.story_index(home)
        pages |= {
            library.slug: library,
            calendar.slug: calendar,
            support.slug: support,
            told.slug: told,
        }
        self.navigation(site, pages)
        self.programme_pages = self.programmes(support)
        self.sheets(library)
        self.reactions()
        self.events(calendar)
        self.rooms()
        self.stories(told)
        self.diagnostics()
        self.intervisions()

    def _sync(self, obj, values, label):
        """Set the given fields on obj, saving only if one differs."""
        changed = [field for field, value in values.items() if getattr(obj, field) != value]
        if changed:
            for field in changed:
                setattr(obj, field, values[field])
            obj.save(update_fields=changed)
            self.updated[label] += 1
        return obj

    # --- taxonomies, people, organisations ------------------------------------------------

    def taxonomies(self):
        data = load("taxonomies")
        for model, key, label in [
            (Region, "regions", "régions"),
            (Sector, "sectors", "secteurs"),
            (Theme, "themes", "thèmes"),
        ]:
            terms = list(model.objects.all())
            by_slug = {term.slug: term for term in terms}
            by_name = {term.name: term for term in reversed(terms)}  # the first one wins
            for position, (slug, name) in enumerate(data[key].items(), start=1):
                # By slug, or by name: an editor may have created it by hand.
                term = by_slug.get(slug) or by_name.get(name)
                extra = {"position": position} if model is Region else {}
                names = {
                    f"name_{language}": terms_in[key][slug]
                    for language, terms_in in data["translations"].items()
                }
                if term is None:
                    model.objects.create(slug=slug, name=name, **names, **extra)
                    self.created[label] += 1
                    continue
                if model is Region:
                    self._sync(term, {"name": name, "slug": slug, **extra}, label)
                # A name in another language is filled where empty, never replaced.
                missing = {
                    field: value for field, value in names.items() if not getattr(term, field)
                }
                self._sync(term, missing, f"{label} traduits")

    def seed_people(self) -> dict[str, User]:
        """Accounts with their verified address, by lower-case email. The password is set
        only when an account is created, with one hash for all (hashing is slow)."""
        data = load("people")
        existing = {u.email.lower(): u for u in User.objects.all()}
        addresses = {(a.user_id, a.email.lower()): a for a in EmailAddress.objects.all()}
        password = None
        people = {}
        for item in data["people"]:
            user = existing.get(item["email"].lower())
            flags = {key: item.get(key, False) for key in ("is_staff", "is_superuser")}
            if user is None:
                password = password or make_password(data["password"])
                user = User.objects.create(
                    email=item["email"],
                    password=password,
                    first_name=item["first_name"],
                    last_name=item["last_name"],
                    display_name=f"{item['first_name']} {item['last_name']}",
                    bio=item.get("bio", ""),
                    time_zone=item.get("time_zone", "Europe/Brussels"),
                    preferred_language=item.get("preferred_language", "fr"),
                    **flags,
                )
                user.interests.set([self.themes[slug] for slug in item.get("interests", [])])
                self.created["personnes"] += 1
            elif any(flags.values()):  # the editor keeps her access to the admin
                self._sync(user, {"is_active": True, **flags}, "personnes")
            self.verified_email(user, addresses.get((user.pk, user.email.lower())))
            people[item["email"].lower()] = user
        return people

    def verified_email(self, user, address):
        """allauth refuses to sign in an account whose address is not verified."""
        if address is not None and address.verified and address.primary:
            return
        EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
        if address is None:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            self.created["adresses e-mail vérifiées"] += 1
        else:
            self._sync(address, {"verified": True, "primary": True}, "adresses e-mail vérifiées")

    def first_admins(self) -> dict[str, User]:
        """Each organisation's first admin in the data: who creates it and decides for it."""
        admins: dict[str, User] = {}
        for item in load("people")["people"]:
            for slug, role in item.get("memberships", {}).items():
                if role == Membership.Role.ADMIN:
                    admins.setdefault(slug, self.people[item["email"].lower()])
        return admins

    def seed_organisations(self) -> dict[str, Organisation]:
        """Created by their first admin with the creation form, as on the site."""
        regions = {r.slug: r.pk for r in Region.objects.all()}
        organisations = {o.slug: o for o in Organisation.objects.all()}
        for item in load("organisations")["organisations"]:
            slug = item["slug"]
            if slug in organisations:
                continue
            values = {
                key: item[key]
                for key in ("name", "kind", "legal_form", "city", "staff_size", "volunteers")
            }
            values |= {
                "description": item["description"],
                "region": regions[item["region"]],
                "sectors": [self.sectors[s].pk for s in item["sectors"]],
                "website": item.get("website", f"https://{slug}.example"),
                "contact_email": item.get("contact_email", f"contact@{slug}.example"),
            }
            form = OrganisationForm(data=values)
            # The site offers every kind but federation: those the Relais team registers.
            cast(ChoiceField, form.fields["kind"]).choices = Organisation.Kind.choices
            if not form.is_valid():
                raise CommandError(f"organisations.yaml, {slug}: {form.errors.as_text()}")
            organisation = organisation_services.create_organisation(
                user=self.admins[slug], **form.profile_values()
            )
            # The demo's short address (/organisations/<slug>/), as editors set it in the admin.
            organisation.slug = slug
            organisation.save(update_fields=["slug"])
            organisations[slug] = organisation
            self.created["organisations"] += 1
        return organisations

    def memberships(self):
        """Asked for and approved by the organisation's admin; the pending requests wait."""
        existing = {(m.user_id, m.organisation_id): m for m in Membership.objects.all()}
        for item in load("people")["people"]:
            user = self.people[item["email"].lower()]
            for slug, role in item.get("memberships", {}).items():
                organisation, admin = self.organisations[slug], self.admins[slug]
                membership = existing.get((user.pk, organisation.pk))
                if membership is None:
                    pending = organisation_services.request_membership(
                        user=user, organisation=organisation
                    )
                    organisation_services.approve_membership(
                        actor=admin, organisation=organisation, membership_id=pending.pk
                    )
                    if role != Membership.Role.MEMBER:
                        organisation_services.set_member_role(
                            actor=admin,
                            organisation=organisation,
                            membership_id=pending.pk,
                            role=role,
                        )
                    self.created["adhésions"] += 1
                elif role == Membership.Role.ADMIN:  # the admin the demo logins rely on
                    active = {"role": role, "status": Membership.Status.ACTIVE}
                    if membership.decided_at is None:
                        active["decided_at"] = timezone.now()
                    self._sync(membership, active, "adhésions")
            for slug, message in item.get("requests", {}).items():
                organisation = self.organisations[slug]
                if (user.pk, organisation.pk) not in existing:
                    organisation_services.request_membership(
                        user=user, organisation=organisation, message=message
                    )
                    self.created["adhésions"] += 1

    def affiliations(self):
        """Asked for by the organisation's admin; the active ones accepted by the
        federation's admin."""
        existing = set(Affiliation.objects.values_list("organisation_id", "federation_id"))
        for item in load("organisations")["organisations"]:
            organisation = self.organisations[item["slug"]]
            wanted = [(slug, True) for slug in item.get("federations", [])]
            wanted += [(slug, False) for slug in item.get("pending_federations", [])]
            for slug, accepted in wanted:
                federation = self.organisations[slug]
                if (organisation.pk, federation.pk) in existing:
                    continue
                affiliation = organisation_services.request_affiliation(
                    actor=self.admins[item["slug"]],
                    organisation=organisation,
                    federation=federation,
                )
                if accepted:
                    organisation_services.accept_affiliation(
                        actor=self.admins[slug],
                        federation=federation,
                        affiliation_id=affiliation.pk,
                    )
                self.created["affiliations"] += 1

    # --- pages, site, menu ----------------------------------------------------------------

    def _publish_child(self, parent, page, label):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created[label] += 1
        return page

    def seed_pages(self):
        """The home page under Wagtail's root and the standard pages under it."""
        data = load("pages")
        home = HomePage.objects.first()
        if home is None:
            spec = copy.deepcopy(data["home"])
            root = Page.get_first_root_node()
            home = self._publish_child(root, HomePage(**spec), "page d'accueil")
        elif not home.headline_nl and not home.headline_en:
            # A home made before it had other languages gets the demo's translations.
            for key in ("headline", "intro", "body"):
                for language in ("nl", "en"):
                    setattr(
                        home, f"{key}_{language}", copy.deepcopy(data["home"][f"{key}_{language}"])
                    )
            home.save_revision().publish()
            self.updated["page d'accueil traduite"] += 1
        pages = {}
        for spec in data["pages"]:
            page = home.get_children().filter(slug=spec["slug"]).specific().first()
            if page is None:
                page = StandardPage(**{**spec, "body": copy.deepcopy(spec["body"])})
                self._publish_child(home, page, "pages standard")
            pages[spec["slug"]] = page
        return home, pages

    def index_page(self, home, model, label):
        """The library of sheets or the calendar, under the home page."""
        page = model.objects.first()
        if page is None:
            kind, key = (
                ("sheets", "library") if model is PracticeIndexPage else ("events", "calendar")
            )
            page = self._publish_child(home, model(**load(kind)[key]), label)
        return page

    def seed_site(self, home):
        """The default Site serves the home page at the public address (`SITE_URL`), so
        Wagtail's own absolute links agree with the emails, feeds and calendar files; and
        the welcome page Wagtail's migrations create is deleted once nothing uses it."""
        hostname, port = site_address()
        values = {"hostname": hostname, "port": port, "site_name": load("pages")["site_name"]}
        site = (
            Site.objects.filter(hostname=hostname, port=port).first()
            or Site.objects.filter(is_default_site=True).first()
        )
        if site is None:
            site = Site.objects.create(root_page=home, is_default_site=True, **values)
            self.created["site"] += 1
        Site.objects.filter(is_default_site=True).exclude(pk=site.pk).update(is_default_site=False)
        self._sync(site, {**values, "root_page_id": home.pk, "is_default_site": True}, "site")
        welcome = Page.objects.filter(
            depth=2,
            content_type=ContentType.objects.get_for_model(Page),
            title=WAGTAIL_WELCOME_TITLE,
            numchild=0,
        ).exclude(sites_rooted_here__isnull=False)
        for page in welcome:
            page.delete()
            self.updated["page d'accueil de Wagtail supprimée"] += 1
        return site

    @staticmethod
    def _link(link, pages):
        """A LinkBlock value in raw StreamField form."""
        page = pages.get(link.get("page"))
        return {
            "label": link["label"],
            "label_nl": link.get("label_nl", ""),
            "label_en": link.get("label_en", ""),
            "page": page.pk if page else None,
            "url": link.get("url", ""),
        }

    def navigation(self, site, pages):
        """A new menu gets every link of the data. In a menu someone has made, each missing
        link goes right after the link that precedes it in the data (or first), and no link
        there is changed. The footer's empty parts are filled."""
        data = load("navigation")
        navigation = NavigationSettings.for_site(site)
        links = list(navigation.links.raw_data)
        if not links:
            navigation.links = [
                {"type": "link", "value": self._link(link, pages)} for link in data["menu"]
            ]
            navigation.save()
            self.created["navigation"] += 1
        else:
            position, added = 0, False
            for link in data["menu"]:
                page = pages.get(link.get("page"))
                url = link.get("url") or (f"/{page.slug}/" if page else "")
                found = [
                    n
                    for n, item in enumerate(links)
                    if (page and (item.get("value") or {}).get("page") == page.pk)
                    or ((item.get("value") or {}).get("url") or "") == url
                ]
                if found:
                    position = found[-1] + 1
                    # Its labels in the other languages, where nobody wrote any.
                    value = links[found[-1]].setdefault("value", {})
                    for key in ("label_nl", "label_en"):
                        if link.get(key) and not value.get(key):
                            value[key], added = link[key], True
                else:
                    links.insert(position, {"type": "link", "value": self._link(link, pages)})
                    position, added = position + 1, True
            if added:
                navigation.links = links
                navigation.save()
                self.updated["navigation"] += 1

        footer = FooterSettings.for_site(site)
        spec = data["footer"]
        empty = [
            field
            for field in ("text", "text_nl", "text_en", "links", "contact_email")
            if not getattr(footer, field)
        ]
        for field in empty:
            value = spec[field]
            if field == "links":
                value = [{"type": "link", "value": self._link(link, pages)} for link in value]
            setattr(footer, field, value)
        if empty:
            footer.save()
            self.created["pied de page"] += 1
