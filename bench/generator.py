"""The generator behind `python -m bench.data` (see bench/data.py for what it writes
and how): one `Generator` run fills the database at a `Scale`."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import random
import sys
import time
import uuid
import zoneinfo
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate, islice
from pathlib import Path

from allauth.account.models import EmailAddress
from anyascii import anyascii
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from community.models import (
    Affiliation,
    Membership,
    Organisation,
    Region,
    Sector,
    Theme,
    User,
    fold,
    search_terms,
)
from community.pages import route_slugs
from community.services.notifications import emails_held
from events.models import CalendarPage, EventPage, EventState, OccurrenceChange, Registration
from events.recurrence import parse_rule
from events.services.publishing import fingerprint
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
from rooms.models import ReadMarker, Room, RoomMessage
from rooms.services.rendering import render_markdown
from website.demo import load
from website.demo.seeder import DUMMY_EMAIL_BACKEND, Seeder

from . import vocabulary as words
from .indexing import index_objects, sheet_document

SEED = 2026
PASSWORD = "relais-banc-2026"
BATCH = 5000
PAGE_BATCH = 2000
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, Page.alphabet
STEPLEN = 4  # Page.steplen
IMMEDIATE_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
# RoomMessage's columns, in the order its instances are built positionally.
MESSAGE_FIELDS = [
    "id",
    "room_id",
    "seq",
    "author_id",
    "client_id",
    "body_markdown",
    "html",
    "reply_to_seq",
    "created_at",
    "edited_at",
    "deleted_at",
    "hidden_at",
    "hidden_by_id",
]


@dataclass(frozen=True)
class Scale:
    organisations: int
    federations: int
    people: int
    sheets: int
    events: int
    rooms: int
    messages: int
    big_room_messages: int


SCALES = {
    "full": Scale(2000, 40, 20_000, 10_000, 5000, 200, 500_000, 100_000),
    "quick": Scale(40, 3, 400, 200, 100, 10, 5000, 2000),
    "tiny": Scale(8, 2, 24, 6, 5, 4, 60, 30),
}


def step(number: int) -> str:
    """One treebeard path step: `number` in base 36, on four characters."""
    if not 0 < number < len(ALPHABET) ** STEPLEN:
        raise ValueError(f"no room for child {number}")
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def slug_of(text: str, length: int) -> str:
    return slugify(anyascii(text))[:length].strip("-")


class Slugs:
    """Unique slugs among one set of siblings, as `community.slugs.unique_slug` makes them
    (the text's slug, then "-2", "-3"…), without a query each."""

    def __init__(self, reserved=(), length: int = 80):
        self.used = set(reserved)
        self.length = length

    def __call__(self, text: str, fallback: str = "page") -> str:
        base = slug_of(text, self.length) or fallback
        slug, n = base, 2
        while slug in self.used:
            slug, n = f"{base}-{n}", n + 1
        self.used.add(slug)
        return slug


@contextmanager
def dates_as_given(*models):
    """`auto_now`/`auto_now_add` off for the duration, so that bulk_create keeps the dates
    spread over the past that the generator set."""
    fields = [
        field
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def m2m_rows(model, name: str, pairs) -> int:
    """Rows of a many-to-many table (plain or modelcluster's ParentalManyToManyField)."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs]
    through.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def paragraphs(sentences) -> str:
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in sentences)


class Generator:
    def __init__(self, scale: Scale, *, out=sys.stdout):
        self.scale = scale
        self.rng = random.Random(SEED)
        self.now = timezone.now().replace(minute=0, second=0, microsecond=0)
        self.out = out
        self.timings: dict[str, float] = {}

    # --- helpers ----------------------------------------------------------------------

    def ago(self, days: float) -> dt.datetime:
        return self.now - dt.timedelta(days=days)

    def between(self, start: dt.datetime, end: dt.datetime) -> dt.datetime:
        """A moment in [start, end], never after now. One draw whatever the dates, so
        that the rest of the run does not depend on the time it starts."""
        draw = self.rng.random()
        end = min(end, self.now)
        return end if end <= start else start + (end - start) * draw

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    @contextmanager
    def timed(self, label: str):
        started = time.perf_counter()
        yield
        self.timings[label] = time.perf_counter() - started
        print(f"  {label}: {self.timings[label]:.1f} s", file=self.out, flush=True)

    def insert_pages(self, parent: Page, pages: list[Page]) -> None:
        """Write live pages under `parent`: the `wagtailcore_page` rows in bulk with their
        materialised paths, then the specific table's rows; then the parent's numchild."""
        model = type(pages[0])
        content_type = ContentType.objects.get_for_model(model)
        last = parent.get_last_child()
        first_number = 1 + (int(last.path[-STEPLEN:], len(ALPHABET)) if last else 0)
        for number, page in enumerate(pages, start=first_number):
            page.path = parent.path + step(number)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.content_type_id = content_type.pk
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.live = True
            page.has_unpublished_changes = False
            page.translation_key = self.uuid()
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = [
            Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages
        ]
        Page.objects.bulk_create(rows, batch_size=PAGE_BATCH)
        for page, row in zip(pages, rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        local_fields = model._meta.local_concrete_fields
        for start in range(0, len(pages), PAGE_BATCH):
            model._base_manager._insert(
                pages[start : start + PAGE_BATCH], fields=local_fields, using=connection.alias
            )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        parent.numchild += len(pages)

    # --- the run ------------------------------------------------------------------------

    def run(self, *, analyze: bool = True) -> dict:
        if Organisation.objects.exists() or PracticeSheetPage.objects.exists():
            raise SystemExit("The database already holds Relais content: use an empty one.")
        started = time.perf_counter()
        with emails_held(), override_settings(EMAIL_BACKEND=DUMMY_EMAIL_BACKEND):
            with transaction.atomic():
                for label, action in [
                    ("skeleton (demo seeder)", self.skeleton),
                    ("tools", self.tools),
                    ("organisations", self.organisations),
                    ("people and memberships", self.people),
                    ("affiliations", self.affiliations),
                    ("sheets", self.sheets),
                    ("reactions", self.reactions),
                    ("events", self.events),
                    ("rooms and messages", self.rooms),
                    ("search index", self.search_index),
                ]:
                    with self.timed(label):
                        action()
        if analyze:
            with self.timed("analyze"), connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.elapsed = time.perf_counter() - started
        return self.samples()

    # --- skeleton -----------------------------------------------------------------------

    def skeleton(self):
        """Taxonomies, home and standard pages, /pratiques/, /agenda/, the default Site and
        its menu and footer: the demo seeder's own steps (its network is not loaded)."""
        seeder = Seeder()
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)  # one line per page saved, as seed_demo
        try:
            # The pages' search and reference indexing at once, not left in a task queue.
            with override_settings(TASKS=IMMEDIATE_TASKS):
                self._skeleton(seeder)
        finally:
            wagtail_logger.setLevel(level)

    def _skeleton(self, seeder):
        seeder.taxonomies()
        home, pages = seeder.seed_pages()
        site = seeder.seed_site(home)
        self.library = seeder.index_page(home, PracticeIndexPage, "bibliothèque des fiches")
        self.calendar = seeder.index_page(home, CalendarPage, "agenda")
        pages |= {self.library.slug: self.library, self.calendar.slug: self.calendar}
        seeder.navigation(site, pages)
        self.regions = {region.slug: region for region in Region.objects.all()}
        self.sectors = list(Sector.objects.order_by("slug"))
        self.themes = list(Theme.objects.order_by("slug"))

    def tools(self):
        self.tool_list = Tool.objects.bulk_create(
            [
                Tool(
                    slug=spec["slug"],
                    name=spec["name"],
                    category=spec["category"],
                    licence=spec["licence"],
                    cost=spec.get("cost", ""),
                    data_hosting=spec.get("data_hosting", Tool.Hosting.UNKNOWN),
                    website=spec.get("website", ""),
                    description=spec.get("description", ""),
                )
                for spec in load("tools")["tools"]
            ]
        )

    # --- the network --------------------------------------------------------------------

    def _org_name(self, kind: str) -> str:
        choice = self.rng.choice
        if kind == Organisation.Kind.FEDERATION:
            parts = [words.FEDERATION_PREFIXES, words.FEDERATION_SCOPES, words.FEDERATION_AREAS]
        elif kind == Organisation.Kind.SUPPORT:
            parts = [words.SUPPORT_PREFIXES, words.ORG_ACTIVITIES, words.LANDSCAPES]
        else:
            parts = [words.ORG_PREFIXES, words.ORG_ACTIVITIES, words.LANDSCAPES]
        return " ".join(choice(part) for part in parts)

    def organisations(self):
        rng, scale = self.rng, self.scale
        supports = max(1, scale.organisations // 20)
        region_slugs = list(words.REGION_WEIGHTS)
        region_weights = list(words.REGION_WEIGHTS.values())
        names: set[str] = set()
        slugs = Slugs(reserved={"creer"}, length=150)
        size_values = [value for value, _label in Organisation.Size.choices]
        legal_forms = [value for value, _label in Organisation.LegalForm.choices]
        organisations = []
        for n in range(scale.organisations):
            if n < scale.federations:
                kind = Organisation.Kind.FEDERATION
            elif n < scale.federations + supports:
                kind = Organisation.Kind.SUPPORT
            else:
                kind = Organisation.Kind.EES
            name = self._org_name(kind)
            while name in names:
                name = self._org_name(kind)
            names.add(name)
            region = rng.choices(region_slugs, region_weights)[0]
            city = rng.choice(words.TOWNS[region])
            slug = slugs(name, "organisation")
            description = " ".join(
                sentence.format(name=name, city=city)
                for sentence in rng.sample(words.ORG_DESCRIPTIONS, rng.randint(2, 3))
            )
            created = self.ago(rng.uniform(400, 5 * 365))
            organisations.append(
                Organisation(
                    name=name,
                    slug=slug,
                    kind=kind,
                    legal_form=(
                        Organisation.LegalForm.ASSOCIATION
                        if kind == Organisation.Kind.FEDERATION
                        else rng.choices(legal_forms, [50, 25, 10, 5, 3, 7])[0]
                    ),
                    region=self.regions[region],
                    city=city,
                    staff_size=rng.choices(size_values, [15, 45, 25, 12, 3])[0],
                    volunteers=rng.choice([None, 0, 3, 8, 15, 40, 120]),
                    website=f"https://{slug}.example",
                    description=description,
                    contact_email=f"contact@{slug}.example",
                    contact_phone=f"+32 {rng.randint(10, 99)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                    created_at=created,
                    updated_at=self.between(created, self.now),
                    # As Organisation.save computes it.
                    search_text=fold(" ".join([name, city, description])),
                )
            )
        with dates_as_given(Organisation):
            self.orgs = Organisation.objects.bulk_create(organisations, batch_size=BATCH)
        self.federations = [o for o in self.orgs if o.kind == Organisation.Kind.FEDERATION]
        self.org_sectors = {
            org.pk: [s.pk for s in rng.sample(self.sectors, rng.randint(1, 3))] for org in self.orgs
        }
        m2m_rows(
            Organisation,
            "sectors",
            [(org, sector) for org, sectors in self.org_sectors.items() for sector in sectors],
        )

    def people(self):
        """People, each in one organisation (the first one of each is its admin), some in
        a second one, a few with a request waiting; verified addresses, interests."""
        rng, scale = self.rng, self.scale
        orgs = self.orgs
        # Organisation sizes are skewed: a few large ones, many small ones.
        weights = [
            rng.paretovariate(1.3) * (3 if o.kind == Organisation.Kind.FEDERATION else 1)
            for o in orgs
        ]
        cumulative = list(accumulate(weights))
        if scale.people < len(orgs):
            raise ValueError("every organisation needs a person (its first admin)")
        primary = list(range(len(orgs)))
        primary += rng.choices(range(len(orgs)), cum_weights=cumulative, k=scale.people - len(orgs))
        password = make_password(PASSWORD)
        emails: set[str] = set()
        users = []
        for n, index in enumerate(primary):
            org = orgs[index]
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
            local = f"{slug_of(first, 40)}.{slug_of(last, 40)}".replace("-", "")
            email, k = f"{local}@{org.slug}.example", 2
            while email in emails:
                email, k = f"{local}{k}@{org.slug}.example", k + 1
            emails.add(email)
            region = next(slug for slug, r in self.regions.items() if r.pk == org.region_id)
            language = rng.choices(["fr", "nl", "en"], [90, 5, 5])[0]
            users.append(
                User(
                    email=email,
                    password=password,
                    first_name=first,
                    last_name=last,
                    display_name=f"{first} {last}",
                    bio=rng.choice(words.BIOS) if rng.random() < 0.3 else "",
                    preferred_language=language,
                    time_zone=words.TIME_ZONES.get(region, words.DEFAULT_TIME_ZONE),
                    is_active=True,
                    date_joined=self.between(org.created_at, self.ago(n % 30)),
                )
            )
        self.users = User.objects.bulk_create(users, batch_size=BATCH)
        self.user_pks = [user.pk for user in self.users]
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in self.users],
            batch_size=BATCH,
        )
        m2m_rows(
            User,
            "interests",
            [
                (user.pk, theme.pk)
                for user in self.users
                if rng.random() < 0.5
                for theme in rng.sample(self.themes, rng.randint(1, 3))
            ],
        )

        # Memberships: (user index, org index, role, status).
        self.members = defaultdict(list)  # org pk → active member user pks
        self.admins = defaultdict(list)  # org pk → admin user pks
        memberships = []
        taken = set()

        def join(user, org, role, status, message=""):
            taken.add((user.pk, org.pk))
            created = self.between(max(user.date_joined, org.created_at), self.now)
            first_admin = self.admins[org.pk][0] if self.admins[org.pk] else None
            active = status == Membership.Status.ACTIVE
            memberships.append(
                Membership(
                    user=user,
                    organisation=org,
                    role=role,
                    status=status,
                    message=message,
                    created_at=created,
                    decided_at=self.between(created, created + dt.timedelta(days=3))
                    if active
                    else None,
                    decided_by_id=first_admin if active and first_admin != user.pk else None,
                )
            )
            if active:
                self.members[org.pk].append(user.pk)
                if role == Membership.Role.ADMIN:
                    self.admins[org.pk].append(user.pk)

        for user, index in zip(self.users, primary, strict=True):
            org = orgs[index]
            admin = not self.admins[org.pk] or rng.random() < 0.08
            role = Membership.Role.ADMIN if admin else Membership.Role.MEMBER
            join(user, org, role, Membership.Status.ACTIVE)
        for user in self.users:
            draw = rng.random()
            if draw < 0.12:
                org = orgs[rng.choices(range(len(orgs)), cum_weights=cumulative)[0]]
                status = Membership.Status.ACTIVE if draw < 0.10 else Membership.Status.PENDING
                if (user.pk, org.pk) not in taken:
                    message = (
                        ""
                        if status == Membership.Status.ACTIVE
                        else "J'aimerais rejoindre l'équipe."
                    )
                    join(user, org, Membership.Role.MEMBER, status, message)
        with dates_as_given(Membership):
            Membership.objects.bulk_create(memberships, batch_size=BATCH)

    def affiliations(self):
        rng = self.rng
        rows = []
        for org in self.orgs:
            if org.kind == Organisation.Kind.FEDERATION or not self.federations:
                continue
            draw = rng.random()
            count = 2 if draw < 0.15 else 1 if draw < 0.80 else 0
            for federation in rng.sample(self.federations, min(count, len(self.federations))):
                active = rng.random() < 0.93
                created = self.between(max(org.created_at, federation.created_at), self.now)
                rows.append(
                    Affiliation(
                        organisation=org,
                        federation=federation,
                        status=Affiliation.Status.ACTIVE if active else Affiliation.Status.PENDING,
                        requested_by_id=self.admins[org.pk][0],
                        created_at=created,
                        decided_at=self.between(created, created + dt.timedelta(days=5))
                        if active
                        else None,
                    )
                )
        with dates_as_given(Affiliation):
            self.affiliation_list = Affiliation.objects.bulk_create(rows, batch_size=BATCH)
        self.affiliated = defaultdict(list)  # federation pk → member organisation pks
        for row in self.affiliation_list:
            if row.status == Affiliation.Status.ACTIVE:
                self.affiliated[row.federation_id].append(row.organisation_id)

    # --- practice sheets ----------------------------------------------------------------

    def _items(self, model, pool, count=3):
        return [
            model(title=title, text=text, sort_order=i)
            for i, (title, text) in enumerate(self.rng.sample(pool, count))
        ]

    def sheets(self):
        rng, scale = self.rng, self.scale
        slugs = Slugs(reserved=route_slugs(PracticeIndexPage), length=70)  # as the wizard
        writers = [o for o in self.orgs if self.members[o.pk]]
        writer_weights = [len(self.members[o.pk]) ** 0.7 for o in writers]
        authors_of = rng.choices(writers, writer_weights, k=scale.sheets)
        dimension_fields = [field for field, _label in PracticeSheetPage.DIMENSIONS.values()]
        self.sheet_list = []
        self.sheet_m2m = {"themes": [], "sectors": [], "authors": [], "related_sheets": []}
        for n, org in enumerate(authors_of):
            title = " ".join(
                [
                    rng.choice(words.SHEET_ACTIONS),
                    rng.choice(words.SHEET_GOALS),
                    rng.choice(words.SHEET_CONTEXTS),
                ]
            )
            place = rng.random()
            if place < 0.3:
                title += f" à {org.city}"
            elif place < 0.5:
                title += f" en {rng.randint(2, 18)} mois"
            tools = rng.sample(self.tool_list, 3)
            dimensions = {field: rng.random() < 0.4 for field in dimension_fields}
            if not any(dimensions.values()):
                dimensions[rng.choice(dimension_fields)] = True
            published = self.ago(rng.uniform(0.05, 4 * 365))
            authors = rng.sample(self.members[org.pk], min(len(self.members[org.pk]), 2))
            sheet = PracticeSheetPage(
                title=title,
                slug=slugs(title, "fiche"),
                summary=rng.choice(words.SHEET_SUMMARIES).format(
                    people=rng.randint(3, 60), months=rng.randint(3, 18), tool=tools[0].name
                ),
                organisation=org,
                region_id=org.region_id,
                organisation_size=org.staff_size,
                duration=rng.choice(words.DURATIONS),
                budget=rng.choice(words.BUDGETS),
                funding=rng.choice(words.FUNDINGS),
                why=paragraphs(rng.sample(words.WHY_SENTENCES, rng.randint(2, 3))),
                results=paragraphs(rng.sample(words.RESULT_SENTENCES, 2)),
                social_impact=paragraphs(rng.sample(words.IMPACT_SENTENCES, 1)),
                first_published_at=published,
                last_published_at=self.between(published, published + dt.timedelta(days=90)),
                owner_id=authors[0],
                difficulties=self._items(SheetDifficulty, words.DIFFICULTIES),
                tips=self._items(SheetTip, words.TIPS),
                phases=self._items(SheetPhase, words.PHASES),
                sheet_tools=[
                    SheetTool(
                        tool=tool,
                        usage=rng.choice(words.TOOL_USAGES).format(tool=tool.name),
                        sort_order=i,
                    )
                    for i, tool in enumerate(tools)
                ],
                keywords=[
                    SheetKeyword(word=word, key=fold(word).strip()[:40], sort_order=i)
                    for i, word in enumerate(rng.sample(words.KEYWORDS, 3))
                ],
                **dimensions,
            )
            self.sheet_list.append(sheet)
            m2m = self.sheet_m2m
            m2m["themes"] += [(n, t.pk) for t in rng.sample(self.themes, rng.randint(1, 3))]
            org_sectors = self.org_sectors[org.pk]
            m2m["sectors"] += [
                (n, s)
                for s in rng.sample(org_sectors, rng.randint(1, 2) if len(org_sectors) > 1 else 1)
            ]
            m2m["authors"] += [(n, a) for a in authors]
            if n and rng.random() < 0.2:
                m2m["related_sheets"] += [(n, r) for r in rng.sample(range(n), min(n, 2))]
        self.insert_pages(self.library, self.sheet_list)
        children = []
        for sheet in self.sheet_list:
            for part in ("difficulties", "tips", "phases", "sheet_tools", "keywords"):
                for item in getattr(sheet, part).all():
                    item.page_id = sheet.pk
                    children.append(item)
        by_model = defaultdict(list)
        for item in children:
            by_model[type(item)].append(item)
        for model, items in by_model.items():
            model.objects.bulk_create(items, batch_size=BATCH)
        pk = [sheet.pk for sheet in self.sheet_list]
        for name, pairs in self.sheet_m2m.items():
            targets = (lambda b: pk[b]) if name == "related_sheets" else (lambda b: b)
            m2m_rows(PracticeSheetPage, name, [(pk[a], targets(b)) for a, b in pairs])
        # The model's text from the parts in memory (no query), once per sheet.
        self.sheet_documents = [sheet_document(sheet) for sheet in self.sheet_list]

    def reactions(self):
        rng = self.rng
        user_pks = self.user_pks
        useful, bookmarks, adoptions = [], [], []
        adopters = [o for o in self.orgs if self.admins[o.pk]]
        outcomes = [value for value, _label in Adoption.Outcome.choices]
        for sheet in self.sheet_list:
            published = sheet.first_published_at
            for model, rows, mean in ((Useful, useful, 3.0), (Bookmark, bookmarks, 1.0)):
                count = min(len(user_pks), int(rng.expovariate(1 / mean)))
                for user in rng.sample(user_pks, count):
                    rows.append(
                        model(
                            sheet=sheet, user_id=user, created_at=self.between(published, self.now)
                        )
                    )
            if rng.random() < 0.25:
                for org in rng.sample(adopters, min(len(adopters), rng.randint(1, 2))):
                    if org.pk == sheet.organisation_id:
                        continue
                    created = self.between(published, self.now)
                    adoptions.append(
                        Adoption(
                            sheet=sheet,
                            organisation=org,
                            author_id=self.admins[org.pk][0],
                            outcome=rng.choices(outcomes, [6, 3, 1])[0],
                            comment=rng.choice(["", "", "Adapté à notre petite équipe."]),
                            created_at=created,
                            updated_at=created,
                        )
                    )
        with dates_as_given(Useful, Bookmark, Adoption):
            Useful.objects.bulk_create(useful, batch_size=BATCH)
            Bookmark.objects.bulk_create(bookmarks, batch_size=BATCH)
            Adoption.objects.bulk_create(adoptions, batch_size=BATCH)
        self.useful_counts = Counter(row.sheet_id for row in useful)

    # --- events -------------------------------------------------------------------------

    DURATIONS = {
        "intervision": [150],
        "workshop": [120, 180],
        "webinar": [60, 90],
        "conference": [180, 420],
        "training": [420],
    }
    HOURS = [(9, 0), (9, 30), (10, 0), (12, 30), (13, 30), (14, 0), (18, 30)]

    def _rule(self) -> str:
        rng = self.rng
        draw = rng.random()
        if draw < 0.4:
            return f"FREQ=WEEKLY;COUNT={rng.randint(4, 10)}"
        if draw < 0.6:
            return f"FREQ=WEEKLY;INTERVAL=2;COUNT={rng.randint(4, 8)}"
        if draw < 0.95:
            return f"FREQ=MONTHLY;COUNT={rng.randint(3, 10)}"
        return "FREQ=MONTHLY"  # open-ended: expanded up to the horizon

    def events(self):
        rng, scale = self.rng, self.scale
        slugs = Slugs(reserved=route_slugs(CalendarPage), length=60)  # as the announce form
        hosts = [o for o in self.orgs if o.kind != Organisation.Kind.EES]
        kinds = [value for value, _label in EventPage.Kind.choices]
        region_slug = {r.pk: slug for slug, r in self.regions.items()}
        self.event_list = []
        organisers, themes, related = [], [], []
        for n in range(scale.events):
            org = rng.choice(hosts) if rng.random() < 0.6 else rng.choice(self.orgs)
            kind = rng.choices(kinds, [15, 35, 25, 10, 15])[0]
            subject = rng.choice(words.EVENT_SUBJECTS)
            title = words.EVENT_TITLES[kind].format(subject=subject)
            region = region_slug[org.region_id]
            zone_name = words.TIME_ZONES.get(region, words.DEFAULT_TIME_ZONE)
            zone = zoneinfo.ZoneInfo(zone_name)
            day = (self.now + dt.timedelta(days=rng.uniform(-365, 365))).astimezone(zone).date()
            hour, minute = rng.choice(self.HOURS)
            # Stored in UTC, as read back from the database (the state's fingerprint).
            local = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)
            start = local.astimezone(dt.UTC)
            end = start + dt.timedelta(minutes=rng.choice(self.DURATIONS[kind]))
            rrule = self._rule() if rng.random() < 0.15 else ""
            mode = rng.random()
            slug = slugs(title, "evenement")
            city = org.city
            venue = ""
            if mode < 0.75:
                venue = (
                    f"{rng.choice(words.VENUES)}\n{rng.choice(words.STREETS)} "
                    f"{rng.randint(1, 120)}\n{rng.randint(1000, 9999)} {city}"
                )
            online = f"https://visio.{org.slug}.example/{slug}" if mode > 0.6 else ""
            summary = rng.choice(words.EVENT_SUMMARIES)
            changes = []
            if rrule.startswith("FREQ=WEEKLY") and rng.random() < 0.25:
                k = rng.randint(1, 3)
                dates = list(islice(parse_rule(rrule, start, zone), k + 1))
                changes.append(
                    OccurrenceChange(
                        original_start=dates[-1].astimezone(dt.UTC),
                        cancelled=True,
                        note=rng.choice(words.OCCURRENCE_NOTES),
                        sort_order=0,
                    )
                )
            published = min(self.now, start - dt.timedelta(days=rng.uniform(7, 60)))
            capacity = rng.choice([None, None, 12, 20, 30, 50, 100, 200])
            federation_only = org.kind == Organisation.Kind.FEDERATION and rng.random() < 0.3
            event = EventPage(
                title=title,
                slug=slug,
                kind=kind,
                summary=summary,
                start=start,
                end=end,
                time_zone=zone_name,
                rrule=rrule,
                venue=venue,
                online_url=online,
                region_id=org.region_id,
                capacity=capacity,
                registration_deadline=start - dt.timedelta(days=2) if rng.random() < 0.2 else None,
                audience=EventPage.Audience.FEDERATION
                if federation_only
                else EventPage.Audience.OPEN,
                description=paragraphs(rng.sample(words.EVENT_PARAGRAPHS, 2)),
                cancelled=rng.random() < 0.03,
                proposed_by_id=self.admins[org.pk][0],
                first_published_at=published,
                last_published_at=published,
                owner_id=self.admins[org.pk][0],
                occurrence_changes=changes,
                # As EventPage.save computes it.
                search_text=" ".join(search_terms(fold(" ".join([title, summary, venue])))),
            )
            self.event_list.append(event)
            organisers.append((n, org.pk))
            if rng.random() < 0.2:
                other = rng.choice(self.orgs)
                if other.pk != org.pk:
                    organisers.append((n, other.pk))
            themes += [(n, t.pk) for t in rng.sample(self.themes, rng.randint(1, 2))]
            if rng.random() < 0.1:
                related += [
                    (n, s.pk) for s in rng.sample(self.sheet_list, min(2, len(self.sheet_list)))
                ]
        self.insert_pages(self.calendar, self.event_list)
        pk = [event.pk for event in self.event_list]
        # The first organiser owns the event's room (as `after_publication` makes it).
        self.event_owner = {}
        for a, b in organisers:
            self.event_owner.setdefault(pk[a], b)
        m2m_rows(EventPage, "organisers", [(pk[a], b) for a, b in organisers])
        m2m_rows(EventPage, "themes", [(pk[a], b) for a, b in themes])
        m2m_rows(EventPage, "related_sheets", [(pk[a], b) for a, b in related])
        changes = []
        for event in self.event_list:
            for change in event.occurrence_changes.all():
                change.event_id = event.pk
                changes.append(change)
        OccurrenceChange.objects.bulk_create(changes, batch_size=BATCH)
        EventState.objects.bulk_create(
            [
                EventState(
                    event_id=event.pk,
                    fingerprint=fingerprint(event),
                    changed_at=event.first_published_at,
                )
                for event in self.event_list
            ],
            batch_size=BATCH,
        )
        self.registrations()

    def registrations(self):
        rng = self.rng
        user_pks = self.user_pks
        rows = []
        for event in self.event_list:
            count = min(len(user_pks), rng.randint(0, 12))
            for i, user in enumerate(rng.sample(user_pks, count)):
                if rng.random() < 0.05:
                    status = Registration.Status.CANCELLED
                elif event.capacity is not None and i >= event.capacity:
                    status = Registration.Status.WAITLIST
                else:
                    status = Registration.Status.CONFIRMED
                queued = self.between(
                    event.first_published_at, event.first_published_at + dt.timedelta(days=20)
                )
                rows.append(
                    Registration(
                        event=event,
                        user_id=user,
                        status=status,
                        queued_at=queued,
                        created_at=queued,
                        updated_at=queued,
                    )
                )
        with dates_as_given(Registration):
            Registration.objects.bulk_create(rows, batch_size=BATCH)

    # --- rooms --------------------------------------------------------------------------

    def _room_plan(self) -> list[Room]:
        """The rooms, big room first: theme rooms, a handful of sheet and event rooms,
        organisations' rooms (federations first) and direct conversations."""
        rng, total = self.rng, self.scale.rooms
        page_rooms = max(1, total // 20)
        org_rooms = total // 5
        direct = total // 10
        themes = total - 2 * page_rooms - org_rooms - direct
        slugs = self.room_slugs = Slugs(reserved={"moderation"}, length=90)
        rooms = []
        towns = [town for region in words.TOWNS.values() for town in region]
        for n in range(themes):
            title, description = words.THEME_ROOM_TOPICS[n % len(words.THEME_ROOM_TOPICS)]
            if n >= len(words.THEME_ROOM_TOPICS):
                title = f"{title} · {towns[(n // len(words.THEME_ROOM_TOPICS) - 1) % len(towns)]}"
            rooms.append(
                Room(kind=Room.Kind.THEME, title=title, description=description, slug=slugs(title))
            )
        for page in rng.sample(self.sheet_list, min(page_rooms, len(self.sheet_list))):
            rooms.append(
                Room(
                    kind=Room.Kind.PAGE,
                    page_id=page.pk,
                    title=page.title[:160],
                    slug=slugs(page.slug),
                    organisation_id=page.organisation_id,
                )
            )
        for page in rng.sample(self.event_list, min(page_rooms, len(self.event_list))):
            rooms.append(
                Room(
                    kind=Room.Kind.PAGE,
                    page_id=page.pk,
                    title=page.title[:160],
                    slug=slugs(page.slug),
                    organisation_id=self.event_owner[page.pk],
                )
            )
        by_size = sorted(
            self.orgs,
            key=lambda o: (o.kind != Organisation.Kind.FEDERATION, -len(self.members[o.pk])),
        )
        for org in by_size[:org_rooms]:
            rooms.append(
                Room(
                    kind=Room.Kind.ORGANISATION,
                    organisation=org,
                    title=org.name[:160],
                    slug=slugs(f"{org.slug}-equipe"),
                )
            )
        pairs = set()
        teams = [o for o in self.orgs if len(self.members[o.pk]) > 1]
        while len(pairs) < direct:
            org = rng.choice(teams)
            a, b = sorted(rng.sample(self.members[org.pk], 2))
            pairs.add((a, b))
        names = {u.pk: u.display_name for u in self.users}
        for a, b in sorted(pairs):
            rooms.append(
                Room(
                    kind=Room.Kind.DIRECT,
                    user_a_id=a,
                    user_b_id=b,
                    title=f"{names[a]} · {names[b]}"[:160],
                    slug=slugs(f"conversation-{a}-{b}"),
                )
            )
        return rooms

    def _message_counts(self, rooms: list[Room]) -> list[int]:
        """The big room gets `big_room_messages`; the others share the rest, skewed (a few
        busy rooms, many quiet ones; conversations quieter still), at least one each."""
        rest = self.scale.messages - self.scale.big_room_messages
        others = rooms[1:]
        order = list(range(len(others)))
        self.rng.shuffle(order)
        weights = [0.0] * len(others)
        for rank, index in enumerate(order, start=1):
            quiet = 0.2 if others[index].kind == Room.Kind.DIRECT else 1.0
            weights[index] = quiet / rank**0.8
        counts = [1] * len(others)
        spare = rest - len(others)
        total = sum(weights)
        shares = [int(spare * w / total) for w in weights]
        counts = [c + s for c, s in zip(counts, shares, strict=True)]
        counts[order[0]] += rest - sum(counts)  # rounding
        return [self.scale.big_room_messages, *counts]

    def _chatters(self, room: Room, count: int) -> list[int]:
        rng = self.rng
        if room.kind == Room.Kind.DIRECT:
            return [room.user_a_id, room.user_b_id]
        if room.kind == Room.Kind.ORGANISATION:
            people = list(self.members[room.organisation_id])
            for org_pk in self.affiliated.get(room.organisation_id, []):
                people += self.members[org_pk]
            people = sorted(set(people))
        else:
            people = self.user_pks
        wanted = max(2, min(300, count // 20))
        return rng.sample(people, min(wanted, len(people)))

    def rooms(self):
        rng = self.rng
        fields = [field.attname for field in RoomMessage._meta.concrete_fields]
        if fields != MESSAGE_FIELDS:
            raise RuntimeError(f"RoomMessage's fields changed: update MESSAGE_FIELDS ({fields})")
        rooms = self._room_plan()
        counts = self._message_counts(rooms)
        spans = []
        for n, (room, count) in enumerate(zip(rooms, counts, strict=True)):
            room.last_seq = count
            days = 730 if n == 0 else rng.uniform(30, 700)
            last = self.ago(rng.uniform(0, 3) if n else 0.01)
            first = last - dt.timedelta(days=days)
            room.created_at = first - dt.timedelta(hours=1)
            spans.append((first, last))
        with dates_as_given(Room):
            self.room_list = Room.objects.bulk_create(rooms, batch_size=BATCH)
        self.big_room = self.room_list[0]
        rendered: dict[str, str] = {}
        buffer: list[RoomMessage] = []
        markers = []
        self.message_count = 0
        for room, count, (first, last) in zip(self.room_list, counts, spans, strict=True):
            chatters = self._chatters(room, count)
            if room.pk == self.big_room.pk:
                self.big_room_chatters = chatters
            step_seconds = (last - first).total_seconds() / count
            for seq in range(1, count + 1):
                created = first + dt.timedelta(
                    seconds=step_seconds * (seq - 1 + rng.random() * 0.9)
                )
                body = self._message_body()
                if body not in rendered:
                    rendered[body] = render_markdown(body)
                deleted = rng.random() < 0.005
                reply = (
                    seq - rng.randint(1, min(10, seq - 1))
                    if seq > 1 and rng.random() < 0.08
                    else None
                )
                edited = (
                    created + dt.timedelta(minutes=rng.randint(1, 30))
                    if not deleted and rng.random() < 0.02
                    else None
                )
                # Positional, in MESSAGE_FIELDS order: Django's fast path (as from_db).
                buffer.append(
                    RoomMessage(
                        None,
                        room.pk,
                        seq,
                        chatters[int(len(chatters) * rng.random() ** 2)],
                        self.uuid(),
                        "" if deleted else body,
                        "" if deleted else rendered[body],
                        reply,
                        created,
                        edited,
                        created + dt.timedelta(minutes=5) if deleted else None,
                        None,
                        None,
                    )
                )
                if len(buffer) >= BATCH:
                    self._flush(buffer)
            for user in chatters:
                markers.append(
                    ReadMarker(
                        room_id=room.pk,
                        user_id=user,
                        last_read_seq=count if rng.random() < 0.5 else rng.randint(0, count),
                        updated_at=last,
                    )
                )
        self._flush(buffer)
        with dates_as_given(ReadMarker):
            ReadMarker.objects.bulk_create(markers, batch_size=BATCH)
        self.quiet_page_rooms()

    def quiet_page_rooms(self):
        """An empty room for every other sheet and event, as their publication opens one
        (`ensure_page_room`, owned by the sheet's organisation or the event's first
        organiser). Without it, the first view of a page would create its room
        (`rooms_tags.discussion_for`): a write in the middle of a read benchmark."""
        taken = {room.page_id for room in self.room_list if room.page_id}
        owners = {sheet.pk: sheet.organisation_id for sheet in self.sheet_list}
        owners |= self.event_owner
        rooms = [
            Room(
                kind=Room.Kind.PAGE,
                page_id=page.pk,
                title=page.title[:160],
                slug=self.room_slugs(page.slug),
                organisation_id=owners[page.pk],
                created_at=page.first_published_at,
            )
            for page in [*self.sheet_list, *self.event_list]
            if page.pk not in taken
        ]
        with dates_as_given(Room):
            Room.objects.bulk_create(rooms, batch_size=BATCH)

    def _flush(self, buffer: list[RoomMessage]) -> None:
        if buffer:
            with dates_as_given(RoomMessage):
                RoomMessage.objects.bulk_create(buffer, batch_size=BATCH)
            self.message_count += len(buffer)
            buffer.clear()

    def _message_body(self) -> str:
        rng = self.rng
        sentence = rng.choice(words.MESSAGE_SENTENCES)
        if rng.random() < 0.6:
            opening = rng.choice(words.MESSAGE_OPENINGS)
            body = f"{opening} {sentence}"
        else:
            body = sentence[0].upper() + sentence[1:]
        return body + rng.choice(words.MESSAGE_EXTRAS)

    # --- search index -------------------------------------------------------------------

    def search_index(self):
        """Wagtail's search index (database backend), in bulk: `bench.indexing`."""
        for sheet, document in zip(self.sheet_list, self.sheet_documents, strict=True):
            # The indexer reads `search_document` once per column: hand it the text
            # computed once (an instance attribute shadows the method).
            sheet.search_document = document
        for model, objects in [
            (PracticeSheetPage, self.sheet_list),
            (EventPage, self.event_list),
            (Organisation, self.orgs),
            (Tool, self.tool_list),
        ]:
            index_objects(model, objects)

    # --- results ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        models = [
            Organisation,
            Affiliation,
            User,
            Membership,
            Tool,
            PracticeSheetPage,
            SheetKeyword,
            Useful,
            Bookmark,
            Adoption,
            EventPage,
            OccurrenceChange,
            Registration,
            Room,
            RoomMessage,
            ReadMarker,
        ]
        return {model.__name__: model.objects.count() for model in models}

    def samples(self) -> dict:
        sheet = max(self.sheet_list, key=lambda s: (self.useful_counts[s.pk], -s.pk))
        upcoming = [e for e in self.event_list if e.rrule and e.start > self.now] or self.event_list
        event = upcoming[0]
        organisation = max(self.federations or self.orgs, key=lambda o: len(self.members[o.pk]))
        member = next(u for u in self.users if u.pk == self.big_room_chatters[0])
        return {
            "scale": next((name for name, s in SCALES.items() if s == self.scale), "custom"),
            "sheet": f"/pratiques/{sheet.slug}/",
            "sheet_query": sheet.sheet_tools.all()[0].tool.name,
            "event": f"/agenda/{event.slug}/",
            "organisation": f"/organisations/{organisation.slug}/",
            "organisation_query": organisation.name.split()[-1],
            "room": self.big_room.slug,
            "room_messages": self.big_room.last_seq,
            "member_email": member.email,
            "password": PASSWORD,
        }


def generate(scale: str | Scale, *, samples_path: Path | None = None, analyze=True, out=sys.stdout):
    """Fill the database at `scale` ("full", "quick", "tiny" or a `Scale`); returns the
    generator (its `counts()`, `elapsed`) and the samples."""
    generator = Generator(SCALES[scale] if isinstance(scale, str) else scale, out=out)
    samples = generator.run(analyze=analyze)
    if samples_path is not None:
        samples_path.write_text(json.dumps(samples, indent=2, ensure_ascii=False) + "\n")
    return generator, samples
