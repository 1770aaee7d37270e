"""The editors' stories of the demo (`stories.yaml`): their page, their authors (snippets)
and the stories, written and published by the editor as in the admin; part of
`website.demo.seeder`."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from community.models import Organisation, Region, Sector, Theme, User
from practices.models import PracticeSheetPage
from programmes.models import ProgrammePage
from stories.models import StoryAuthor, StoryIndexPage, StoryPage, StoryTranslation

from . import load


class Editorial:
    """Mixed into `Seeder`: uses its editor, themes, sectors, `_publish_child` and counters."""

    editor: User
    themes: dict[str, Theme]
    sectors: dict[str, Sector]
    created: Counter

    def story_index(self, home):
        page = StoryIndexPage.objects.first()
        if page is None:
            spec = load("stories")["index"]
            page = self._publish_child(home, StoryIndexPage(**spec), "liste des récits")
        return page

    def story_authors(self) -> dict[str, StoryAuthor]:
        authors = {author.name: author for author in StoryAuthor.objects.all()}
        for spec in load("stories")["authors"]:
            if spec["name"] not in authors:
                authors[spec["name"]] = StoryAuthor.objects.create(**spec)
                self.created["auteur·ices de récits"] += 1
        return authors

    def stories(self, index):
        """The stories missing under `index`, published by the editor, oldest first."""
        existing = {
            s.slug: s for s in StoryPage.objects.child_of(index).prefetch_related("translations")
        }
        organisations = {o.slug: o.pk for o in Organisation.objects.only("pk", "slug")}
        sheets = {s.slug: s.pk for s in PracticeSheetPage.objects.only("pk", "slug")}
        for spec in load("stories")["stories"]:
            story = existing.get(spec["slug"])
            if story is not None and spec.get("translations") and not story.translations.all():
                # A story seeded before stories had translations gets the demo's.
                story.translations = self._story_translations(spec, sheets, organisations)
                story.save_revision(user=self.editor).publish(user=self.editor)
                self.updated["récits traduits"] += 1
        specs = [spec for spec in load("stories")["stories"] if spec["slug"] not in existing]
        if not specs:
            return
        authors = self.story_authors()
        regions = {region.slug: region for region in Region.objects.all()}
        programmes = {p.slug: p for p in ProgrammePage.objects.all()}
        now = timezone.now()
        for spec in sorted(specs, key=lambda s: -s["published_days_ago"]):
            body = [self._story_block(block, sheets, organisations) for block in spec["body"]]
            page = StoryPage(
                title=spec["title"],
                slug=spec["slug"],
                lead=" ".join(spec["lead"].split()),
                body=body,
                owner=self.editor,
            )
            try:  # as the editor's form would: alt texts, heading order, speakers…
                StoryPage._meta.get_field("body").stream_block.clean(page.body)
            except ValidationError as error:
                raise CommandError(f"stories.yaml, {spec['slug']}: {error}") from error
            page.translations = self._story_translations(spec, sheets, organisations)
            page.authors = [authors[name] for name in spec["authors"]]
            page.themes = [self.themes[slug] for slug in spec.get("themes", [])]
            page.sectors = [self.sectors[slug] for slug in spec.get("sectors", [])]
            page.regions = [regions[slug] for slug in spec.get("regions", [])]
            page.programmes = [programmes[slug] for slug in spec.get("programmes", [])]
            index.add_child(instance=page)
            page.save_revision(user=self.editor).publish(user=self.editor)
            when = now - dt.timedelta(days=spec["published_days_ago"])
            StoryPage.objects.filter(pk=page.pk).update(
                first_published_at=when, last_published_at=when
            )
            self.created["récits"] += 1

    def _story_translations(self, spec, sheets, organisations) -> list[StoryTranslation]:
        return [
            StoryTranslation(
                language=language,
                title=text["title"],
                lead=" ".join(text["lead"].split()),
                body=[self._story_block(b, sheets, organisations) for b in text["body"]],
            )
            for language, text in spec.get("translations", {}).items()
        ]

    @staticmethod
    def _story_block(block: dict, sheets: dict, organisations: dict) -> dict:
        """A block of `stories.yaml` in Wagtail's raw StreamField form."""
        ((kind, value),) = block.items()
        if kind == "paragraph":
            return {"type": "paragraph", "value": " ".join(value.split())}
        if kind == "key_figures":
            return {"type": "key_figures", "value": {"figures": value}}
        if kind == "sheet":
            return {"type": "page_card", "value": {"page": sheets[value]}}
        if kind == "organisation":
            return {"type": "organisation_card", "value": {"organisation": organisations[value]}}
        return {"type": kind, "value": value}
