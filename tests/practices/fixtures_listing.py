"""Fixtures of the reading side of practices (list, sheet, tools, feed).

Kept apart from tests/practices/conftest.py (the wizard's fixtures) so that two people can
work on the two sides at once; test modules import what they use from here.

Sheets are built through Wagtail's own API (`add_child`, `save_revision().publish()`), as
an editor or the wizard would, so that the search index sees what a real sheet holds.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from community.indexing import indexed_once
from practices.models import (
    PracticeIndexPage,
    PracticeSheetPage,
    SheetDifficulty,
    SheetKeyword,
    SheetPhase,
    SheetTip,
    SheetTool,
    Tool,
)
from website.models import HomePage

_counter = itertools.count(1)


def build_home():
    """The page tree of a site: a `HomePage` under the root, served by the default site."""

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="Relais", slug="accueil"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "site_name": "Relais"},
    )
    return home


@indexed_once()
def build_index() -> PracticeIndexPage:
    existing = PracticeIndexPage.objects.first()
    if existing:
        return existing
    home = build_home()
    index = home.add_child(
        instance=PracticeIndexPage(
            title="Fiches pratiques",
            slug="pratiques",
            intro="Ce que les organisations ont appris de leurs projets numériques.",
        )
    )
    index.save_revision().publish()
    return index


def make_tool(name: str, **fields) -> Tool:
    fields.setdefault("licence", Tool.Licence.FREE_SOFTWARE)
    fields.setdefault("category", Tool.Category.COLLABORATION)
    return Tool.objects.create(name=name, **fields)


@indexed_once()
def make_sheet(
    index: PracticeIndexPage,
    *,
    title: str,
    tools: list[Tool],
    organisation=None,
    summary: str = "Un projet numérique mené de bout en bout.",
    why: str = "<p>Pour gagner du temps et mieux servir nos membres.</p>",
    keywords: tuple[str, str, str] = ("Écoute", "Patience", "Formation"),
    themes=(),
    sectors=(),
    region=None,
    dimensions=(),
    difficulties=None,
    tips=None,
    phases=None,
    related=(),
    live: bool = True,
    published_at: dt.datetime | None = None,
    **fields,
) -> PracticeSheetPage:
    """One sheet with its three-by-three parts, published unless `live=False`.

    `published_at` pins `first_published_at` so that "newest first" is deterministic.
    """
    n = next(_counter)
    assert len(tools) == 3, "a sheet holds exactly three tools"
    fields.update({f"dim_{name}": True for name in dimensions})

    def items(model, given, label):
        given = given or [(f"{label} {i}", f"Texte de {label.lower()} {i}.") for i in (1, 2, 3)]
        return [model(title=t, text=x, sort_order=i) for i, (t, x) in enumerate(given)]

    sheet = PracticeSheetPage(
        title=title,
        slug=fields.pop("slug", None) or f"fiche-{n}",
        summary=summary,
        why=why,
        organisation=organisation,
        region=region,
        difficulties=items(SheetDifficulty, difficulties, "Difficulté"),
        tips=items(SheetTip, tips, "Conseil"),
        phases=items(SheetPhase, phases, "Phase"),
        sheet_tools=[
            SheetTool(
                tool=tool, usage=f"Nous avons utilisé {tool.name} au quotidien.", sort_order=i
            )
            for i, tool in enumerate(tools)
        ],
        keywords=[SheetKeyword(word=word, sort_order=i) for i, word in enumerate(keywords)],
        **fields,
    )
    index.add_child(instance=sheet)
    sheet.themes.set(themes)
    sheet.sectors.set(sectors)
    sheet.related_sheets.set(related)
    revision = sheet.save_revision()
    if live:
        revision.publish()
        if published_at:
            PracticeSheetPage.objects.filter(pk=sheet.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
    else:
        PracticeSheetPage.objects.filter(pk=sheet.pk).update(live=False)
    sheet.refresh_from_db()
    return sheet


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


@pytest.fixture
def sheet_index(db):
    """/pratiques/: the practice index under a home page served by the default site."""
    return build_index()


def build_catalogue() -> dict[str, Tool]:
    """Four tools of the catalogue, by slug."""
    tools = [
        make_tool("Nextcloud", category=Tool.Category.COLLABORATION, data_hosting="belgium"),
        make_tool("Odoo", category=Tool.Category.CRM, licence=Tool.Licence.FREEMIUM),
        make_tool("Mattermost", category=Tool.Category.COMMUNICATION),
        make_tool(
            "Microsoft Teams",
            category=Tool.Category.COMMUNICATION,
            licence=Tool.Licence.PROPRIETARY,
            data_hosting="outside_eu",
        ),
    ]
    return {tool.slug: tool for tool in tools}


@pytest.fixture
def catalogue(db):
    """Four tools of the catalogue, by slug."""
    return build_catalogue()
