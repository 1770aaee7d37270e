"""The pages of the benchmark's data (bench/data.py): practice sheets with their parts and
the reactions to them, events with their registrations. Steps of
`bench.generator.Generator`, which writes the pages (`insert_pages`)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter, defaultdict
from itertools import islice

from community.models import Organisation, fold
from community.pages import route_slugs
from events import dates as event_dates
from events.models import (
    CalendarPage,
    EventDate,
    EventPage,
    EventState,
    OccurrenceChange,
    Registration,
    event_search_text,
)
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
    Useful,
)

from . import vocabulary as words
from .bulk import BATCH, Slugs, dates_as_given, m2m_rows, paragraphs
from .indexing import sheet_document


class Pages:
    """Mixed into the `Generator`, whose `rng`, `scale`, `now`, `ago`, `between`,
    `insert_pages`, the skeleton's `library`, `calendar`, `regions`, `themes`, the tools
    (`tool_list`) and the network (bench/people.py) these steps use. They leave
    `sheet_list`, `sheet_documents` (each sheet's search document), `useful_counts`,
    `event_list` and `event_owner` (event pk → the organisation owning its room)."""

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
            )
            # As EventPage.save computes it.
            event.search_text = event_search_text(title, summary, venue, event.description)
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
        # The calendar's dates, as `after_publication` writes them (events/dates.py).
        EventDate.objects.bulk_create(
            [row for event in self.event_list for row in event_dates.rows_of(event)],
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
