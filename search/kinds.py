"""The six kinds of result of /recherche/: what each is, who may see which, its filters,
and what its result shows.

Each kind is a model Wagtail indexes (`index.Indexed`): the practice sheets, stories,
events and programmes are live pages outside any private section (Wagtail's view
restrictions); organisations are all public; tools only once published (`Tool.live`).
An event's audience limits who may register, not who may see it (the calendar lists
every live event), so it hides nothing here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from community.models import Organisation, Region, Sector, Theme
from community.text import plain_text
from events.models import EventPage
from practices.models import PracticeSheetPage, Tool
from programmes.models import ProgrammePage
from stories.models import StoryPage


@dataclass(frozen=True)
class Filter:
    """One filter of a kind: a GET parameter narrowing its results through `path`
    (a relation to a taxonomy picked by slug, or a field with choices)."""

    name: str
    label: Promise
    any_label: Promise
    path: str
    taxonomy: type[Model] | None = None
    choices: list[tuple[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise  # the facet: "Fiches pratiques"
    singular: Promise  # the result's badge: "Fiche pratique"
    model: type[Model]
    title_field: str
    filters: tuple[Filter, ...]
    # The texts an excerpt may come from, best first (plain text; a function for a text
    # that costs something to make, made only when the ones before it hold no match).
    texts: Callable[[Any], tuple]
    related: tuple[str, ...] = ()

    @property
    def is_page(self) -> bool:
        return issubclass(self.model, Page)

    @property
    def typo_field(self) -> str:
        """Where a misspelt word is looked for: a page's title as the index table holds
        it (trigram-indexed), a tool's or an organisation's name."""
        return "index_entries__title_text" if self.is_page else self.title_field

    def visible(self, private: Q) -> Q:
        """Who may see which: `private` is Wagtail's private sections (`private_q()`),
        read once per search."""
        if self.is_page:
            return Q(live=True) & ~private
        if self.model is Tool:
            return Q(live=True)
        return Q()

    def filter_named(self, name: str) -> Filter | None:
        return next((f for f in self.filters if f.name == name), None)


THEME = Filter("theme", _("Thème"), _("Tous"), "themes", taxonomy=Theme)
SECTOR = Filter("sector", _("Secteur"), _("Tous"), "sectors", taxonomy=Sector)
REGION = Filter("region", _("Région"), _("Toutes"), "region", taxonomy=Region)
REGIONS = Filter("region", _("Région"), _("Toutes"), "regions", taxonomy=Region)


def _kind_filter(label, choices) -> Filter:
    return Filter("kind", label, _("Tous"), "kind", choices=list(choices))


KINDS = (
    Kind(
        "sheet",
        _("Fiches pratiques"),
        _("Fiche pratique"),
        PracticeSheetPage,
        "title",
        (THEME, SECTOR, REGION),
        lambda sheet: (
            sheet.summary,
            lambda: plain_text(sheet.why),
            lambda: plain_text(sheet.results),
        ),
        related=("organisation", "region"),
    ),
    Kind(
        "story",
        _("Récits"),
        _("Récit"),
        StoryPage,
        "title",
        (THEME, SECTOR, REGIONS),
        lambda story: (story.lead,),
    ),
    Kind(
        "event",
        _("Évènements"),
        _("Évènement"),
        EventPage,
        "title",
        (_kind_filter(_("Type d'évènement"), EventPage.Kind.choices), THEME, REGION),
        lambda event: (event.summary, lambda: plain_text(event.description), event.venue),
    ),
    Kind(
        "organisation",
        _("Organisations"),
        _("Organisation"),
        Organisation,
        "name",
        (_kind_filter(_("Type d'organisation"), Organisation.Kind.choices), SECTOR, REGION),
        lambda organisation: (organisation.description, organisation.city),
        related=("region",),
    ),
    Kind(
        "tool",
        _("Outils"),
        _("Outil"),
        Tool,
        "name",
        (
            Filter(
                "category", _("Catégorie"), _("Toutes"), "category", choices=Tool.Category.choices
            ),
            Filter("licence", _("Licence"), _("Toutes"), "licence", choices=Tool.Licence.choices),
        ),
        lambda tool: (tool.description,),
    ),
    Kind(
        "programme",
        _("Soutiens"),
        _("Soutien"),
        ProgrammePage,
        "title",
        (_kind_filter(_("Type de soutien"), ProgrammePage.Kind.choices), THEME, REGIONS),
        lambda programme: (programme.summary, lambda: plain_text(programme.description)),
    ),
)
BY_KEY = {kind.key: kind for kind in KINDS}


def narrowed(kind: Kind, queryset: QuerySet, values: dict) -> QuerySet:
    """`queryset` (of `kind`) restricted by the kind's filters given in `values` (rows or
    codes by name). Relations go through `pk__in` subqueries: a result never counts twice."""
    for flt in kind.filters:
        value = values.get(flt.name)
        if value:
            queryset = queryset.filter(
                pk__in=kind.model._default_manager.filter(**{flt.path: value}).values("pk")
            )
    return queryset
