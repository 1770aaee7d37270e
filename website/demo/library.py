"""The practice sheets of the demo (`sheets.yaml`, `tools.yaml`, `reactions.yaml`), as the
submission wizard, the editor and the members make them; part of `website.demo.seeder`."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from community.indexing import indexed_once
from practices.models import (
    Adoption,
    Bookmark,
    PracticeSheetPage,
    SheetDifficulty,
    SheetKeyword,
    SheetPhase,
    SheetTip,
    SheetTool,
    Tool,
    Useful,
)
from practices.services import reactions

from . import load

# Wagtail's migrations create this group; website/migrations/0002 names its workflow.
WAGTAIL_MODERATORS = "Moderators"
DEFAULT_WORKFLOW = "Relecture éditoriale"
DEFAULT_TASK = "Relecture par l'équipe éditoriale"


class Library:
    """Mixed into `Seeder`: uses its people, organisations, sectors, themes and counters."""

    def sheets(self, library):
        """The tool catalogue, then the sheets as the submission wizard and the editor make
        them: created and saved as a revision by their first author, then published by the
        editor, or submitted to the review workflow (those of `submitted`)."""
        data = load("sheets")
        self.tools = {}
        for spec in load("tools")["tools"]:
            tool = (
                Tool.objects.filter(slug=spec["slug"]).first()
                or Tool.objects.filter(name__iexact=spec["name"]).first()
            )
            if tool is None:
                tool = Tool.objects.create(**spec)
                self.created["outils"] += 1
            self.tools[spec["slug"]] = tool
        moderators = Group.objects.filter(name=WAGTAIL_MODERATORS).first()
        if moderators is not None and not self.editor.groups.filter(pk=moderators.pk).exists():
            self.editor.groups.add(moderators)  # Wagtail notifies its moderators
            self.updated["éditrice dans le groupe des modérateurs"] += 1

        self.sheet_pages = {s.slug: s for s in PracticeSheetPage.objects.child_of(library)}
        now, made = timezone.now(), []
        with indexed_once():
            for spec in data["published"] + data["submitted"]:
                if spec["slug"] not in self.sheet_pages:
                    days = spec.get("published_days_ago")
                    when = None if days is None else now - dt.timedelta(days=days, hours=2)
                    made.append(self.sheet(library, spec, when))

    def sheet(self, library, spec, published_at):
        organisation = self.organisations[spec["organisation"]]
        authors = [self.people[email] for email in spec["authors"]]
        dimensions = set(spec["dimensions"])

        def items(model, part):
            return [model(sort_order=n, **item) for n, item in enumerate(spec[part])]

        page = PracticeSheetPage(
            **{key: spec[key] for key in ("title", "slug", "summary", "duration", "budget")},
            **{key: spec[key] for key in ("funding", "why", "results", "social_impact")},
            organisation=organisation,
            funded_by=self.programme_pages.get(spec.get("funded_by", "")),
            region_id=organisation.region_id,
            organisation_size=organisation.staff_size,
            live=published_at is not None,
            first_published_at=published_at,
            owner=authors[0],
            difficulties=items(SheetDifficulty, "difficulties"),
            tips=items(SheetTip, "tips"),
            phases=items(SheetPhase, "phases"),
            sheet_tools=[
                SheetTool(tool=self.tools[item["tool"]], usage=item["usage"], sort_order=n)
                for n, item in enumerate(spec["tools"])
            ],
            keywords=[SheetKeyword(word=w, sort_order=n) for n, w in enumerate(spec["keywords"])],
        )
        for name, (field, _label) in PracticeSheetPage.DIMENSIONS.items():
            setattr(page, field, name in dimensions)
        page.authors = authors
        page.sectors = (
            [self.sectors[slug] for slug in spec["sectors"]]
            if "sectors" in spec
            else list(organisation.sectors.all())
        )
        page.themes = [self.themes[slug] for slug in spec["themes"]]
        page.related_sheets = [
            self.sheet_pages[s] for s in spec["related"] if s in self.sheet_pages
        ]
        library.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=authors[0])
        revision = page.save_revision(user=authors[0], log_action=True)
        if published_at is not None:
            revision.publish(user=self.editor)
            # Spread over past months, so that "newest first" and the feed mean something.
            PracticeSheetPage.objects.filter(pk=page.pk).update(last_published_at=published_at)
            self.created["fiches pratiques publiées"] += 1
        else:
            (page.get_workflow() or self.default_workflow()).start(page, authors[0])
            self.created["fiche en modération"] += 1
        self.sheet_pages[page.slug] = page
        return page

    def default_workflow(self):
        """Wagtail's default review workflow on the root page, should it be missing."""
        workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=True).first()
        if workflow is None:
            moderators, _created = Group.objects.get_or_create(name=WAGTAIL_MODERATORS)
            task = GroupApprovalTask.objects.create(name=DEFAULT_TASK)
            task.groups.set([moderators])
            workflow = Workflow.objects.create(name=DEFAULT_WORKFLOW)
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.update_or_create(
            page=Page.get_first_root_node(), defaults={"workflow": workflow}
        )
        return workflow

    def reactions(self):
        """Marks, bookmarks and adoption reports on published sheets, each made once."""
        data = load("reactions")
        live = {slug: page for slug, page in self.sheet_pages.items() if page.live}
        useful = [(email, slug) for slug, emails in data["useful"].items() for email in emails]
        bookmarks = [(email, slug) for email, slugs in data["bookmarks"].items() for slug in slugs]
        for model, pairs, mark, label in [
            (Useful, useful, reactions.set_useful, "marques « utile »"),
            (Bookmark, bookmarks, reactions.set_bookmark, "favoris"),
        ]:
            made = set(model.objects.values_list("user_id", "sheet_id"))
            for email, slug in pairs:
                user, sheet = self.people[email], live.get(slug)
                if sheet and (user.pk, sheet.pk) not in made:
                    mark(user=user, sheet=sheet, on=True)
                    self.created[label] += 1
        made = set(Adoption.objects.values_list("sheet_id", "organisation_id"))
        for item in data["adoptions"]:
            sheet, organisation = live.get(item["sheet"]), self.organisations[item["organisation"]]
            if sheet and (sheet.pk, organisation.pk) not in made:
                reactions.report_adoption(
                    user=self.people[item["author"]],
                    sheet=sheet,
                    organisation=organisation,
                    outcome=item["outcome"],
                    comment=item["comment"],
                )
                self.created["adoptions"] += 1
