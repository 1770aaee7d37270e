"""What the result page suggests for each weak point: the peers who closed that gap (and
the sheets they wrote), the sheets and tools that address it, the next events and
intervisions on its themes, and the support programmes the organisation may apply for
that cover it. The same queries whatever the number of weak points, peers or pages.

A peer is an organisation whose later diagnostic (by the date it was started) is at least
one level higher on the same question (by its key, across versions) than an earlier one.
It is named only if the organisation accepts it now: the choice on its latest diagnostic
(`Diagnostic.show_as_peer`, carried over to each new one); otherwise it is only counted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from community.converters import ID_PATTERN
from community.models import Organisation, Theme
from events.dates import keep_fresh
from events.models import EventDate, EventPage
from practices.models import PracticeSheetPage, Tool
from programmes.eligibility import current_programmes, reasons
from programmes.models import ProgrammePage

from .models import Diagnostic, PlanAction, QuestionScore
from .scoring import QuestionResult

SHOWN = 3
# Candidates read at most, per kind, before they are shared out among the weak points.
CANDIDATES = 60
# Named peers' rows read at most (the latest first), for three per weak point.
PEER_ROWS = 200


@dataclass
class Suggestion:
    kind: str
    pk: int
    title: str
    url: str
    detail: str = ""

    @property
    def reference(self) -> str:
        return f"{self.kind}:{self.pk}"


@dataclass
class Peer:
    organisation: Organisation
    before: float
    after: float
    sheets: list[Suggestion] = field(default_factory=list)


@dataclass
class WeakPoint:
    result: QuestionResult
    peers: list[Peer] = field(default_factory=list)
    unnamed_peers: int = 0
    sheets: list[Suggestion] = field(default_factory=list)
    tools: list[Suggestion] = field(default_factory=list)
    events: list[Suggestion] = field(default_factory=list)
    programmes: list[Suggestion] = field(default_factory=list)
    # What the plan's form offers (`options`), set by the page's reading.
    choices: list = field(default_factory=list)

    @property
    def question(self):
        return self.result.question

    def options(self, chosen: set[str]) -> list[tuple[str, list[Suggestion]]]:
        """What the plan's form offers for this point, by kind, without what the plan holds
        already: the peers and their sheets, sheets, tools, events, programmes."""
        peers = [_peer(peer.organisation) for peer in self.peers]
        peer_sheets = [sheet for peer in self.peers for sheet in peer.sheets]
        sheets = peer_sheets + [s for s in self.sheets if s.url not in {p.url for p in peer_sheets}]
        groups = [
            (_("Organisations qui ont progressé"), peers),
            (_("Fiches pratiques"), sheets),
            (_("Outils"), self.tools),
            (_("Évènements et intervisions"), self.events),
            (_("Soutiens"), self.programmes),
        ]
        return [
            (str(label), [item for item in items if item.url not in chosen])
            for label, items in groups
            if any(item.url not in chosen for item in items)
        ]

    @cached_property
    def theme_ids(self) -> set[int]:
        return {theme.pk for theme in self.question.themes.all()}


def _peer(organisation: Organisation) -> Suggestion:
    return Suggestion(
        PlanAction.Kind.PEER,
        organisation.pk,
        _("Échanger avec %(name)s") % {"name": organisation.name},
        organisation.get_absolute_url(),
    )


def _sheet(sheet: PracticeSheetPage, request) -> Suggestion:
    return Suggestion(
        PlanAction.Kind.SHEET,
        sheet.pk,
        sheet.title,
        sheet.get_url(request) or "",
        sheet.organisation.name if sheet.organisation_id else "",
    )


def _covers_sheet(point: WeakPoint, sheet: PracticeSheetPage) -> int:
    """How well a sheet fits a weak point: its themes in common, and its dimension."""
    common = len(point.theme_ids & {theme.pk for theme in sheet.themes.all()})
    dimension = getattr(sheet, PracticeSheetPage.DIMENSIONS[point.question.axis][0])
    return common * 2 + dimension if common or dimension else 0


def _peers(diagnostic: Diagnostic, points: list[WeakPoint], request) -> None:
    """Two queries on the scores whatever the number of peers: how many organisations
    progressed on each weak point, and the latest named ones (`PEER_ROWS` at most)."""
    keys = [point.question.key for point in points]
    earlier = QuestionScore.objects.filter(
        key=OuterRef("key"),
        diagnostic__organisation=OuterRef("diagnostic__organisation"),
        diagnostic__created_at__lt=OuterRef("diagnostic__created_at"),
        level__lte=OuterRef("level") - 1,
    )
    # Consent is the organisation's current choice: that of its latest diagnostic.
    consent = Diagnostic.objects.filter(organisation=OuterRef("diagnostic__organisation")).order_by(
        "-created_at"
    )
    progressed = (
        QuestionScore.objects.filter(key__in=keys)
        .exclude(diagnostic__organisation=diagnostic.organisation_id)
        .filter(Exists(earlier))
        .annotate(shown=Subquery(consent.values("show_as_peer")[:1]))
    )
    counts = {
        row["key"]: row
        for row in progressed.values("key").annotate(
            total=Count("diagnostic__organisation", distinct=True),
            named=Count("diagnostic__organisation", distinct=True, filter=Q(shown=True)),
        )
    }
    rows = list(
        progressed.filter(shown=True)
        .annotate(before=earlier.order_by("diagnostic__created_at").values("level")[:1])
        .values("key", "level", "before", "diagnostic__organisation")
        .order_by("-diagnostic__created_at", "diagnostic__organisation")[:PEER_ROWS]
    )
    chosen: dict[str, dict[int, dict]] = {}
    for row in rows:
        found = chosen.setdefault(row["key"], {})
        if len(found) < SHOWN:
            found.setdefault(row["diagnostic__organisation"], row)
    organisation_ids = {org for found in chosen.values() for org in found}
    organisations = Organisation.objects.in_bulk(list(organisation_ids))
    sheets = list(
        PracticeSheetPage.objects.live()
        .filter(organisation__in=organisation_ids)
        .select_related("organisation")
        .prefetch_related("themes")
        .order_by("-written_after_diagnostic", "-first_published_at")[:CANDIDATES]
    )
    for point in points:
        count = counts.get(point.question.key, {"total": 0, "named": 0})
        for org_id, row in chosen.get(point.question.key, {}).items():
            peer = Peer(organisations[org_id], row["before"], row["level"])
            peer.sheets = [
                _sheet(sheet, request)
                for sheet in sheets
                if sheet.organisation_id == org_id and _covers_sheet(point, sheet)
            ][:SHOWN]
            point.peers.append(peer)
        point.unnamed_peers = count["total"] - count["named"]


def _library(points: list[WeakPoint], request) -> None:
    theme_ids = set().union(*(point.theme_ids for point in points))
    sheets = list(
        PracticeSheetPage.objects.live()
        .filter(pk__in=PracticeSheetPage.objects.filter(themes__in=theme_ids).values("pk"))
        .select_related("organisation")
        .prefetch_related(
            "themes", Prefetch("sheet_tools__tool", queryset=Tool.objects.filter(live=True))
        )
        .order_by("-first_published_at")[:CANDIDATES]
    )
    for point in points:
        fits = [(_covers_sheet(point, sheet), index, sheet) for index, sheet in enumerate(sheets)]
        ranked = [sheet for fit, _index, sheet in sorted(fits, key=lambda f: (-f[0], f[1])) if fit]
        ranked = ranked[:SHOWN]
        point.sheets = [_sheet(sheet, request) for sheet in ranked]
        tools: dict[int, Tool] = {}
        for sheet in ranked:
            for usage in sheet.sheet_tools.all():
                if usage.tool and usage.tool.live:
                    tools.setdefault(usage.tool.pk, usage.tool)
        point.tools = [
            Suggestion(PlanAction.Kind.TOOL, tool.pk, tool.name, tool.get_absolute_url())
            for tool in list(tools.values())[:SHOWN]
        ]


def _events(points: list[WeakPoint], request) -> None:
    theme_ids = set().union(*(point.theme_ids for point in points))
    keep_fresh()
    events = EventPage.objects.live().filter(
        pk__in=EventPage.objects.filter(themes__in=theme_ids).values("pk")
    )
    dates = list(
        EventDate.objects.filter(
            event__in=events.values("pk"), start__gte=timezone.now(), cancelled=False
        )
        .select_related("event")
        .prefetch_related(Prefetch("event__themes", queryset=Theme.objects.only("pk")))
        .order_by("start", "pk")[:CANDIDATES]
    )
    for point in points:
        seen: set[int] = set()
        for date in dates:
            event = date.event
            if event.pk in seen or not point.theme_ids & {t.pk for t in event.themes.all()}:
                continue
            seen.add(event.pk)
            when = timezone.localtime(date.start).strftime("%d/%m/%Y %H:%M")
            point.events.append(
                Suggestion(
                    PlanAction.Kind.EVENT,
                    event.pk,
                    event.title,
                    event.get_url(request) or "",
                    f"{event.get_kind_display()} · {when}",
                )
            )
            if len(point.events) == SHOWN:
                break


def _programmes(diagnostic: Diagnostic, points: list[WeakPoint], request) -> None:
    """The current programmes covering a weak point's axis or themes (filtered in SQL),
    then those the organisation may apply for (`eligibility.reasons`)."""
    organisation = diagnostic.organisation
    today = ProgrammePage.today()
    covers = Q(themes__in=set().union(*(point.theme_ids for point in points)))
    for axis in {point.question.axis for point in points}:
        covers |= Q(dimensions__contains=axis)
    candidates = current_programmes().filter(
        pk__in=ProgrammePage.objects.filter(covers).values("pk")
    )
    eligible = [
        programme
        for programme in candidates.prefetch_related("themes")[:CANDIDATES]
        if not reasons(programme, organisation, today)
    ]
    for point in points:
        found = [
            programme
            for programme in eligible
            if point.question.axis in (programme.dimensions or [])
            or point.theme_ids & {theme.pk for theme in programme.themes.all()}
        ][:SHOWN]
        point.programmes = [
            Suggestion(
                PlanAction.Kind.PROGRAMME,
                programme.pk,
                programme.title,
                programme.get_url(request) or "",
                programme.provider,
            )
            for programme in found
        ]


def for_weak_points(diagnostic: Diagnostic, weak: list[QuestionResult], request) -> list[WeakPoint]:
    points = [WeakPoint(result) for result in weak]
    if points:
        _peers(diagnostic, points, request)
        _library(points, request)
        _events(points, request)
        _programmes(diagnostic, points, request)
    return points


def resolve(reference: str, request) -> Suggestion | None:
    """The suggestion a plan's form names ("sheet:12"), read again from the database: a
    title or address is never taken from the request."""
    kind, _colon, pk = reference.partition(":")
    if not re.fullmatch(ID_PATTERN, pk):
        return None
    pk_value = int(pk)
    if kind == PlanAction.Kind.SHEET:
        sheet = PracticeSheetPage.objects.live().select_related("organisation").filter(pk=pk_value)
        found = sheet.first()
        return _sheet(found, request) if found else None
    if kind == PlanAction.Kind.TOOL:
        tool = Tool.objects.filter(pk=pk_value, live=True).first()
        return Suggestion(kind, tool.pk, tool.name, tool.get_absolute_url()) if tool else None
    if kind in (PlanAction.Kind.EVENT, PlanAction.Kind.PROGRAMME):
        model = EventPage if kind == PlanAction.Kind.EVENT else ProgrammePage
        page = model.objects.live().filter(pk=pk_value).first()
        return Suggestion(kind, page.pk, page.title, page.get_url(request) or "") if page else None
    if kind == PlanAction.Kind.PEER:
        organisation = Organisation.objects.filter(pk=pk_value).first()
        if organisation:
            return _peer(organisation)
    return None
