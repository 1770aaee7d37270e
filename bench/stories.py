"""The editors' stories of the benchmark's data (bench/data.py): the stories at /recits/,
their authors, what they are about. A step of `bench.generator.Generator`, which writes
the pages (`insert_pages`); the index page (/recits/) is the skeleton's, made by the
demo seeder.

Each story tells how one organisation of the network went through a project: its
region and one of its sectors, one to three themes, a body of 6 to 12 blocks as the
editor's form accepts them (it opens on an h2 and no heading skips a level; paragraphs,
quotes with their speaker, key figures, cards of a sheet sharing a theme or of a
programme that supported it), one of the editorial team as author and often someone of
the organisation, a third of them some programmes, a few chosen related stories and
sheets (the others' are found by theme when the page is read).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from community.models import Organisation
from community.pages import route_slugs
from stories.models import StoryAuthor, StoryIndexPage, StoryPage

from . import vocabulary as words
from .bulk import BATCH, Slugs, m2m_rows, paragraphs

# The kinds of block after the opening heading, and their weights.
BLOCK_WEIGHTS = {"paragraph": 45, "heading": 20, "quote": 12, "key_figures": 10, "page_card": 13}
PROGRAMME_SHARE = 0.35
ORGANISATION_VOICE_SHARE = 0.6
SECOND_EDITOR_SHARE = 0.15
RELATED_SHARE = 0.15


class Stories:
    """Mixed into the `Generator`, whose `rng`, `scale`, `ago`, `between`, `uuid`,
    `insert_pages`, the skeleton's `story_index` (the /recits/ page) and `themes`, the
    network's `orgs` and `org_sectors`, the `sheet_list` and `sheet_m2m` and the
    `programme_list` this step uses. It leaves `story_list` and `story_themes` (story
    index → theme pks)."""

    def _capitalised(self, text: str) -> str:
        return text[0].upper() + text[1:]

    def _story_block(self, kind: str, level: int, cards: list[int]) -> dict:
        """One block of the body in Wagtail's raw StreamField form, with its id."""
        rng = self.rng
        if kind == "heading":
            value = {"text": rng.choice(words.STORY_HEADINGS), "level": f"h{level}"}
        elif kind == "paragraph":
            value = paragraphs(rng.sample(words.STORY_SENTENCES, rng.randint(2, 4)))
        elif kind == "quote":
            value = {
                "text": rng.choice(words.STORY_QUOTES),
                "speaker": rng.choice(words.FIRST_NAMES),
                "role": rng.choice(words.STORY_SPEAKER_ROLES),
            }
        elif kind == "key_figures":
            figures = rng.sample(words.STORY_FIGURES, rng.randint(2, 4))
            value = {
                "figures": [
                    {
                        "figure": f["figure"].format(n=rng.randint(f["low"], f["high"])),
                        "label": f["label"],
                    }
                    for f in figures
                ]
            }
        else:  # page_card: each card once
            value = {"page": cards.pop(rng.randrange(len(cards)))}
        return {"type": kind, "value": value, "id": str(self.uuid())}

    def _story_body(self, cards: list[int]) -> list[dict]:
        """6 to 12 blocks: an h2 first, then headings at most one level below the
        previous one (never two in a row, nor last), and the other kinds by weight; a
        card shows one of `cards` (page pks) not shown yet."""
        rng, cards = self.rng, list(cards)
        kinds, weights = list(BLOCK_WEIGHTS), list(BLOCK_WEIGHTS.values())
        count = rng.randint(6, 12)
        body, level = [self._story_block("heading", 2, cards)], 2
        while len(body) < count:
            kind = rng.choices(kinds, weights)[0]
            if kind == "heading":
                if body[-1]["type"] == "heading" or len(body) == count - 1:
                    kind = "paragraph"
                else:
                    level = rng.randint(2, min(level + 1, 4))
            if kind == "page_card" and not cards:
                kind = "paragraph"
            body.append(self._story_block(kind, level, cards))
        return body

    def _editorial_team(self) -> list[StoryAuthor]:
        return StoryAuthor.objects.bulk_create(
            [StoryAuthor(name=spec["name"], role=spec["role"]) for spec in words.STORY_EDITORS]
        )

    def stories(self):
        rng, scale = self.rng, self.scale
        slugs = Slugs(reserved=route_slugs(StoryIndexPage), length=80)
        team = self._editorial_team()
        voices: dict[int, StoryAuthor] = {}  # org pk → its author, created once
        sheets_by_theme = defaultdict(list)
        for n, theme in self.sheet_m2m["themes"]:
            sheets_by_theme[theme].append(self.sheet_list[n].pk)
        tellers = [o for o in self.orgs if o.kind != Organisation.Kind.FEDERATION] or self.orgs
        self.story_list = []
        self.story_themes: dict[int, list[int]] = {}
        names = ("themes", "sectors", "regions", "programmes", "related_sheets")
        m2m: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
        related = []  # (story index, earlier story index)
        authors = []  # (story index, StoryAuthor)
        for n in range(scale.stories):
            org = rng.choice(tellers)
            title = rng.choice(words.STORY_TITLE_PATTERNS).format(
                org=org.name, town=org.city, change=rng.choice(words.STORY_CHANGES)
            )
            numbers = {"org": org.name, "months": rng.randint(4, 24), "people": rng.randint(5, 90)}
            lead = " ".join(
                [
                    rng.choice(words.STORY_LEAD_OPENINGS).format(**numbers),
                    rng.choice(words.STORY_LEAD_CLOSINGS),
                ]
            )
            themes = [t.pk for t in rng.sample(self.themes, rng.randint(1, 3))]
            programmes = []
            if self.programme_list and rng.random() < PROGRAMME_SHARE:
                count = min(len(self.programme_list), rng.randint(1, 2))
                programmes = [p.pk for p in rng.sample(self.programme_list, count)]
            sheets = sorted({pk for theme in themes for pk in sheets_by_theme[theme]})
            cards = programmes + rng.sample(sheets, min(len(sheets), 3))
            published = self.ago(rng.uniform(0.5, 3 * 365))
            story = StoryPage(
                title=self._capitalised(title),
                slug=slugs(title, "recit"),
                lead=self._capitalised(lead),
                body=self._story_body(cards),
                first_published_at=published,
                last_published_at=self.between(published, published + dt.timedelta(days=30)),
            )
            self.story_list.append(story)
            self.story_themes[n] = themes
            m2m["themes"] += [(n, pk) for pk in themes]
            m2m["sectors"].append((n, rng.choice(self.org_sectors[org.pk])))
            m2m["regions"].append((n, org.region_id))
            m2m["programmes"] += [(n, pk) for pk in programmes]
            authors.append((n, rng.choice(team)))
            if rng.random() < ORGANISATION_VOICE_SHARE:
                if org.pk not in voices:
                    voices[org.pk] = StoryAuthor(
                        name=f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}",
                        role=rng.choice(words.STORY_AUTHOR_ROLES),
                        organisation=org,
                    )
                authors.append((n, voices[org.pk]))
            if rng.random() < SECOND_EDITOR_SHARE:
                second = rng.choice(team)
                if all(a is not second for i, a in authors if i == n):
                    authors.append((n, second))
            if n and rng.random() < RELATED_SHARE:
                related += [(n, r) for r in rng.sample(range(n), min(n, 2))]
            if sheets and rng.random() < RELATED_SHARE:
                m2m["related_sheets"] += [(n, pk) for pk in rng.sample(sheets, min(3, len(sheets)))]
        StoryAuthor.objects.bulk_create(list(voices.values()), batch_size=BATCH)
        self.insert_pages(self.story_index, self.story_list)
        pk = [story.pk for story in self.story_list]
        for name, pairs in m2m.items():
            m2m_rows(StoryPage, name, [(pk[a], b) for a, b in pairs])
        m2m_rows(StoryPage, "related_stories", [(pk[a], pk[b]) for a, b in related])
        m2m_rows(StoryPage, "authors", [(pk[n], author.pk) for n, author in authors])

    def story_samples(self) -> dict:
        """The newest story (its address) and the theme of the most stories (the
        signed-in list's filter)."""
        newest = max(self.story_list, key=lambda s: (s.first_published_at, s.pk))
        named = Counter(pk for themes in self.story_themes.values() for pk in themes)
        theme = max(self.themes, key=lambda t: (named[t.pk], -self.themes.index(t)))
        return {"story": f"/recits/{newest.slug}/", "story_theme": theme.slug}
