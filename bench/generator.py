"""The generator behind `python -m bench.data` (see bench/data.py for what it writes
and how): one `Generator` run fills the database at a `Scale`.

The run's orchestration, the skeleton, the tools, the pages' tree and the search index
are here; the other steps are mixed into the `Generator` from their modules, in the order
of the run: bench/people.py (organisations, people, memberships, affiliations),
bench/pages.py (sheets and reactions, events and registrations), bench/rooms.py (rooms,
messages, read markers), bench/support.py (support programmes, their followers, the sheets
they funded), bench/stories.py (editors' stories and their authors), bench/notices.py
(people's notifications). They all draw from
the one `rng`, in that order (each new step last, so that adding it changed no draw of the
steps before); bench/bulk.py holds what they share to write rows in bulk,
bench/vocabulary.yaml the words they draw."""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import sys
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page

from community.models import Affiliation, Membership, Organisation, Region, Sector, Theme, User
from community.services import limits
from community.services.notifications import emails_held
from events.models import CalendarPage, EventPage, OccurrenceChange, Registration
from practices.models import (
    Adoption,
    Bookmark,
    PracticeIndexPage,
    PracticeSheetPage,
    SheetKeyword,
    Tool,
    Useful,
)
from programmes.models import ProgrammeFollow, ProgrammePage
from rooms.models import ReadMarker, Room, RoomMessage
from stories.models import StoryAuthor, StoryPage
from website.demo import load
from website.demo.seeder import DUMMY_EMAIL_BACKEND, Seeder

from .diagnostics import Diagnostics
from .indexing import index_objects
from .intervisions import Intervisions
from .notices import Notices
from .pages import Pages
from .people import PASSWORD, Network
from .rooms import Rooms
from .stories import Stories
from .support import Support

SEED = 2026
PAGE_BATCH = 2000
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, Page.alphabet
STEPLEN = 4  # Page.steplen
IMMEDIATE_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}


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
    programmes: int
    stories: int


SCALES = {
    "full": Scale(2000, 40, 20_000, 10_000, 5000, 200, 500_000, 100_000, 300, 500),
    "quick": Scale(40, 3, 400, 200, 100, 10, 5000, 2000, 12, 10),
    "tiny": Scale(8, 2, 24, 6, 5, 4, 60, 30, 6, 4),
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


class Generator(Network, Pages, Rooms, Support, Stories, Notices, Diagnostics, Intervisions):
    """One run at `scale`: `run()` takes the steps in order, each drawing from `rng`
    (seeded) and leaving in attributes what the next ones need."""

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
            with transaction.atomic(), limits.suspended():
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
                    ("support programmes", self.programmes),
                    ("stories", self.stories),
                    ("notifications", self.notifications),
                    ("diagnostics", self.diagnostics),
                    ("intervisions", self.intervisions),
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
        """Taxonomies, home and standard pages, /pratiques/, /agenda/, /soutiens/, /recits/,
        the default Site and its menu and footer: the demo seeder's own steps (its network and
        its programmes are not loaded)."""
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
        self.support = seeder.programme_index(home)
        self.story_index = seeder.story_index(home)
        indexes = (self.library, self.calendar, self.support, self.story_index)
        pages |= {page.slug: page for page in indexes}
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
            (ProgrammePage, self.programme_list),
            (StoryPage, self.story_list),
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
            ProgrammePage,
            ProgrammeFollow,
            StoryPage,
            StoryAuthor,
        ]
        return {model.__name__: model.objects.count() for model in models}

    def samples(self) -> dict:
        sheet = max(self.sheet_list, key=lambda s: (self.useful_counts[s.pk], -s.pk))
        upcoming = [e for e in self.event_list if e.rrule and e.start > self.now] or self.event_list
        event = upcoming[0]
        organisation = max(self.federations or self.orgs, key=lambda o: len(self.members[o.pk]))
        member = next(u for u in self.users if u.pk == self.big_room_chatters[0])
        programme = max(self.programme_list, key=lambda p: (p.kind == "funding", -p.pk))
        return {
            "scale": next((name for name, s in SCALES.items() if s == self.scale), "custom"),
            "sheet": f"/pratiques/{sheet.slug}/",
            "sheet_query": sheet.sheet_tools.all()[0].tool.name,
            "event": f"/agenda/{event.slug}/",
            "organisation": f"/organisations/{organisation.slug}/",
            "organisation_query": organisation.name.split()[-1],
            "programme": f"/soutiens/{programme.slug}/",
            "programme_region": self.programme_region(),
            **self.story_samples(),
            "room": self.big_room.slug,
            "room_messages": self.big_room.last_seq,
            "member_email": member.email,
            "diagnostic": f"/diagnostic/{self.sample_diagnostic.pk}/",
            "diagnostic_step": f"/diagnostic/{self.sample_diagnostic.pk}/repondre/processes/",
            "federation_dashboard": (
                f"/organisations/{self.sample_federation.slug}/tableau-de-bord/"
            ),
            "intervision_room": f"/salons/{self.intervision_room.slug}/",
            "password": PASSWORD,
        }

    def programme_region(self) -> str:
        """The region that the most current programmes open to cooperatives name: the
        signed-in list's two filters (`?region=…&legal_form=cooperative`)."""
        today = ProgrammePage.today()
        current = {
            p.pk
            for p in self.programme_list
            if (p.open_all_year or p.deadline >= today)
            and (not p.legal_forms or "cooperative" in p.legal_forms)
        }
        through = ProgrammePage.regions.through.objects.filter(programmepage_id__in=current)
        named = Counter(through.values_list("region__slug", flat=True))
        return max(self.regions, key=lambda slug: (named[slug], -list(self.regions).index(slug)))


def generate(scale: str | Scale, *, samples_path: Path | None = None, analyze=True, out=sys.stdout):
    """Fill the database at `scale` ("full", "quick", "tiny" or a `Scale`); returns the
    generator (its `counts()`, `elapsed`) and the samples."""
    generator = Generator(SCALES[scale] if isinstance(scale, str) else scale, out=out)
    samples = generator.run(analyze=analyze)
    if samples_path is not None:
        samples_path.write_text(json.dumps(samples, indent=2, ensure_ascii=False) + "\n")
    return generator, samples
