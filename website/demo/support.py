"""The list of support of the demo (`programmes.yaml`): its page and the programmes,
written and published by the editor as in the admin; part of `website.demo.seeder`.

The calls' dates are counted from the day of the seed, so that the demo always shows
calls open, closing soon, not yet open and closed."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from community.models import Region, Theme, User
from programmes.models import ProgrammeIndexPage, ProgrammePage

from . import load

FIELDS = ("title", "slug", "summary", "kind", "provider", "amount", "official_url")
CHOICES = ("legal_forms", "organisation_kinds", "sizes", "dimensions")


class Support:
    """Mixed into `Seeder`: uses its editor, themes, `_publish_child` and counters."""

    editor: User
    themes: dict[str, Theme]
    created: Counter

    def programme_index(self, home):
        page = ProgrammeIndexPage.objects.first()
        if page is None:
            spec = load("programmes")["index"]
            page = self._publish_child(home, ProgrammeIndexPage(**spec), "liste des soutiens")
        return page

    def programmes(self, index) -> dict[str, ProgrammePage]:
        """The programmes by slug; those missing are created and published by the editor."""
        pages = {page.slug: page for page in ProgrammePage.objects.child_of(index)}
        regions = {region.slug: region for region in Region.objects.all()}
        today = ProgrammePage.today()

        def day(spec, key):
            days = spec.get(key)
            return None if days is None else today + dt.timedelta(days=days)

        for spec in load("programmes")["programmes"]:
            if spec["slug"] in pages:
                continue
            page = ProgrammePage(
                **{key: spec.get(key, "") for key in FIELDS},
                **{key: [str(value) for value in spec.get(key, [])] for key in CHOICES},
                open_all_year=spec.get("open_all_year", False),
                opens_on=day(spec, "opens_in_days"),
                deadline=day(spec, "deadline_in_days"),
                description=spec["description"],
                how_to_apply=spec["how_to_apply"],
                owner=self.editor,
            )
            page.regions = [regions[slug] for slug in spec.get("regions", [])]
            page.themes = [self.themes[slug] for slug in spec.get("themes", [])]
            index.add_child(instance=page)
            page.save_revision(user=self.editor).publish(user=self.editor)
            pages[page.slug] = page
            self.created["soutiens"] += 1
        return pages
