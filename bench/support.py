"""The support programmes of the benchmark's data (bench/data.py): the programmes at
/soutiens/, the members who follow them, the sheets that name the programme that funded
them. A step of `bench.generator.Generator`, which writes the pages (`insert_pages`).

The mix, drawn per programme: a quarter open all year; of the calls, most open (a deadline
up to eight months away, so some within `programmes.models.CLOSING_SOON_DAYS`), some not
yet open and some closed, which the list shows apart (`?when=closed`). Criteria as a
publisher sets them: many programmes restrict nothing (empty means "everyone"), others
name one or two regions, legal forms, kinds or a range of sizes. The dates are counted
from today in Brussels (`ProgrammePage.today()`), as the list counts them.
"""

from __future__ import annotations

import datetime as dt
import html

from community.models import Organisation
from community.pages import route_slugs
from practices.models import PracticeSheetPage
from programmes.models import Dimension, ProgrammeFollow, ProgrammeIndexPage, ProgrammePage

from . import vocabulary as words
from .bulk import BATCH, Slugs, dates_as_given, m2m_rows, paragraphs, slug_of

KIND_WEIGHTS = {"funding": 35, "coaching": 20, "training": 20, "tool": 15, "network": 10}
LEGAL_FORM_WEIGHTS = {
    "association": 5,
    "cooperative": 3,
    "social_purpose": 2,
    "foundation": 1,
    "mutual": 1,
    "other": 1,
}
SIZES = [value for value, _label in Organisation.Size.choices]
ORG_KINDS = [value for value, _label in Organisation.Kind.choices]
DIMENSIONS = [value for value, _label in Dimension.choices]
# The share of sheets that name the (funding) programme that paid for them.
FUNDED_SHARE = 0.05


class Support:
    """Mixed into the `Generator`, whose `rng`, `scale`, `ago`, `between`, `insert_pages`,
    the skeleton's `support` (the /soutiens/ page), `regions` and `themes`, the network's
    `user_pks` and the `sheet_list` this step uses. It leaves `programme_list`."""

    def _weighted(self, weights: dict[str, int], most: int) -> list[str]:
        """One to `most` distinct values, drawn by weight, in the choices' order."""
        names, values = list(weights), list(weights.values())
        count = self.rng.randint(1, most)
        picked = {self.rng.choices(names, values)[0] for _ in range(count)}
        return [name for name in names if name in picked]

    def _criteria(self) -> dict:
        rng = self.rng
        regions = []
        if rng.random() < 0.55:
            regions = self._weighted(words.REGION_WEIGHTS, 2)
        legal_forms = self._weighted(LEGAL_FORM_WEIGHTS, 3) if rng.random() < 0.45 else []
        kinds = sorted(rng.sample(ORG_KINDS, rng.randint(1, 2))) if rng.random() < 0.3 else []
        sizes = []
        if rng.random() < 0.4:  # a range: "up to 49", "from 10 to 249"…
            first = rng.randint(0, len(SIZES) - 2)
            sizes = SIZES[first : rng.randint(first + 1, len(SIZES))]
        dimensions = sorted(rng.sample(DIMENSIONS, rng.randint(1, 2)), key=DIMENSIONS.index)
        return {
            "regions": regions,
            "legal_forms": legal_forms,
            "organisation_kinds": kinds,
            "sizes": sizes,
            "dimensions": dimensions,
        }

    def _call(self, today: dt.date) -> tuple[dict, float]:
        """The call's fields, and how many days ago the programme was first published
        (before its call opened, and before a closed call's deadline)."""
        rng = self.rng
        draw, a, b = rng.random(), rng.randint(0, 240), rng.randint(20, 120)
        if draw < 0.25:  # open all year
            return {"open_all_year": True, "opens_on": None, "deadline": None}, 30 + a * 2
        if draw < 0.4:  # closed: the deadline passed up to eight months ago
            deadline = today - dt.timedelta(days=1 + a)
            opens = deadline - dt.timedelta(days=b)
        elif draw < 0.5:  # not open yet
            opens = today + dt.timedelta(days=1 + a // 3)
            deadline = opens + dt.timedelta(days=b)
        else:  # open, some closing within a month; a few name no opening date
            deadline = today + dt.timedelta(days=a)
            opens = today - dt.timedelta(days=b) if rng.random() < 0.8 else None
        published = (today - (opens or deadline)).days + 7 + b / 4
        return {"open_all_year": False, "opens_on": opens, "deadline": deadline}, max(1, published)

    def _how_to_apply(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            steps = rng.sample(words.PROGRAMME_STEPS, rng.randint(2, 3))
            items = "".join(f"<li>{html.escape(step, quote=False)}</li>" for step in steps)
            return f"<ol>{items}</ol>"
        return paragraphs([rng.choice(words.PROGRAMME_APPLICATIONS)])

    def programmes(self):
        rng, scale = self.rng, self.scale
        today = ProgrammePage.today()
        slugs = Slugs(reserved=route_slugs(ProgrammeIndexPage), length=80)
        region_pk = {slug: region.pk for slug, region in self.regions.items()}
        region_name = {slug: region.name for slug, region in self.regions.items()}
        kinds, kind_weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
        self.programme_list = []
        regions, themes = [], []
        for n in range(scale.programmes):
            kind = rng.choices(kinds, kind_weights)[0]
            criteria = self._criteria()
            title = rng.choice(words.PROGRAMME_TITLES[kind]).format(
                subject=rng.choice(words.PROGRAMME_SUBJECTS)
            )
            if len(criteria["regions"]) == 1 and criteria["regions"][0] != "autre":
                title += f" — {region_name[criteria['regions'][0]]}"
            slug = slugs(title, "soutien")
            amount = rng.choice(words.PROGRAMME_AMOUNTS[kind])
            summary = rng.choice(words.PROGRAMME_SUMMARIES[kind]).format(amount=amount)
            provider = rng.choice(words.PROGRAMME_PROVIDERS)
            call, published_days = self._call(today)
            published = self.ago(published_days)
            programme = ProgrammePage(
                title=title,
                slug=slug,
                summary=summary[0].upper() + summary[1:],
                kind=kind,
                provider=provider,
                legal_forms=criteria["legal_forms"],
                organisation_kinds=criteria["organisation_kinds"],
                sizes=criteria["sizes"],
                dimensions=criteria["dimensions"],
                amount=amount,
                description=paragraphs(rng.sample(words.PROGRAMME_PARAGRAPHS, 2)),
                how_to_apply=self._how_to_apply(),
                official_url=f"https://{slug_of(provider.split(' (')[0], 40)}.example/{slug}",
                first_published_at=published,
                last_published_at=self.between(published, published + dt.timedelta(days=60)),
                **call,
            )
            self.programme_list.append(programme)
            regions += [(n, region_pk[name]) for name in criteria["regions"]]
            themes += [(n, t.pk) for t in rng.sample(self.themes, rng.randint(1, 3))]
        self.insert_pages(self.support, self.programme_list)
        pk = [programme.pk for programme in self.programme_list]
        m2m_rows(ProgrammePage, "regions", [(pk[a], b) for a, b in regions])
        m2m_rows(ProgrammePage, "themes", [(pk[a], b) for a, b in themes])
        self.programme_follows()
        self.funded_sheets()

    def programme_follows(self):
        """Members who follow a programme to hear of its next call."""
        rng, user_pks = self.rng, self.user_pks
        rows = []
        for programme in self.programme_list:
            count = min(len(user_pks), int(rng.expovariate(1 / 2.0)))
            for user in rng.sample(user_pks, count):
                rows.append(
                    ProgrammeFollow(
                        user_id=user,
                        programme=programme,
                        created_at=self.between(programme.first_published_at, self.now),
                        known_deadline=programme.deadline,
                    )
                )
        with dates_as_given(ProgrammeFollow):
            ProgrammeFollow.objects.bulk_create(rows, batch_size=BATCH)

    def funded_sheets(self):
        """A few sheets name the funding programme that paid for them (its page lists
        them: "who got it")."""
        funding = [p for p in self.programme_list if p.kind == ProgrammePage.Kind.FUNDING]
        if not funding:
            return
        funded = []
        for sheet in self.sheet_list:
            if self.rng.random() < FUNDED_SHARE:
                sheet.funded_by_id = self.rng.choice(funding).pk
                funded.append(sheet)
        PracticeSheetPage.objects.bulk_update(funded, ["funded_by"], batch_size=BATCH)
