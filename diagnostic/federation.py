"""A federation's dashboard over its member organisations (active affiliations): what
they do on Relais over a chosen period (sheets written, sheets adopted, registrations to
the federation's events and to others', the public rooms where they talk, the pending
affiliation requests), and the anonymised distribution of their latest diagnostics per
axis with their most common gaps, shown only from `ANONYMITY` organisations up (those the
viewer belongs to left out).

The same number of queries whatever the number of members (pinned in the tests)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Affiliation, Membership, Organisation
from community.text import spreadsheet_cell
from community.translations import in_reader_language
from events.models import EventDate, EventPage, Registration
from practices.models import Adoption, PracticeSheetPage
from programmes.models import Dimension
from rooms.models import Room, RoomMessage

from .charts import bars
from .models import Diagnostic, Question, QuestionScore
from .services import current_questionnaire

# Fewer organisations than this and no diagnostic figure is shown at all.
ANONYMITY = 5
GAP = 2.0
BUCKETS = [(0, 24), (25, 49), (50, 74), (75, 100)]
ROOMS_LABEL = _("Les salons publics où elles parlent le plus")
DEFAULT_PERIOD = "365"
PERIODS = {"30": 30, "90": 90, "365": 365, "tout": None}


class PeriodForm(forms.Form):
    periode = forms.ChoiceField(
        label=_("Période"),
        choices=[
            ("30", _("30 derniers jours")),
            ("90", _("3 derniers mois")),
            ("365", _("12 derniers mois")),
            ("tout", _("Depuis le début")),
        ],
        required=False,
    )

    def since(self) -> dt.datetime | None:
        value = self.cleaned_data.get("periode") if self.is_valid() else ""
        days = PERIODS.get(value or DEFAULT_PERIOD)
        return timezone.now() - dt.timedelta(days=days) if days else None


@dataclass
class MemberRow:
    organisation: Organisation
    sheets: int = 0
    adoptions: int = 0
    own_events: int = 0
    other_events: int = 0
    messages: int = 0


@dataclass
class Gap:
    question: Question
    organisations: int
    sheets: int = 0
    intervisions: int = 0

    @property
    def text(self) -> str:
        return in_reader_language(self.question, "text")[0]


@dataclass
class Dashboard:
    federation: Organisation
    since: dt.datetime | None
    members: list[MemberRow]
    pending: list[Affiliation]
    months: list[dict] = field(default_factory=list)
    rooms: dict = field(default_factory=dict)
    diagnosed: int = 0
    axes: list[dict] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def shows_diagnostics(self) -> bool:
        return self.diagnosed >= ANONYMITY

    def totals(self) -> dict[str, int]:
        return {
            name: sum(getattr(row, name) for row in self.members)
            for name in ("sheets", "adoptions", "own_events", "other_events", "messages")
        }


def _in_period(queryset, field_name: str, since):
    return queryset.filter(**{f"{field_name}__gte": since}) if since else queryset


def _month_label(month: dt.datetime) -> str:
    return f"{month:%m/%Y}"


def dashboard(federation: Organisation, since: dt.datetime | None, viewer=None) -> Dashboard:
    """`viewer`: the person looking; the organisations they belong to are left out of the
    diagnostic figures (their own answers would unmask the others' below the threshold)."""
    affiliations = list(
        Affiliation.objects.filter(federation=federation)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    members = [a.organisation for a in affiliations if a.status == Affiliation.Status.ACTIVE]
    pending = [a for a in affiliations if a.status == Affiliation.Status.PENDING]
    ids = [organisation.pk for organisation in members]
    rows = {organisation.pk: MemberRow(organisation) for organisation in members}
    result = Dashboard(federation, since, list(rows.values()), pending)
    result.rooms = {"label": ROOMS_LABEL, "bars": []}
    if not ids:
        return result

    sheets = _in_period(
        PracticeSheetPage.objects.live().filter(organisation__in=ids), "first_published_at", since
    )
    for row in sheets.values("organisation").annotate(n=Count("pk")):
        rows[row["organisation"]].sheets = row["n"]
    adoptions = _in_period(Adoption.objects.filter(organisation__in=ids), "created_at", since)
    for row in adoptions.values("organisation").annotate(n=Count("pk")):
        rows[row["organisation"]].adoptions = row["n"]

    # The members' people, once: registrations and messages are then counted per person
    # (no join through memberships, which would count a row once per membership) and
    # added up per organisation here.
    people: dict[int, list[int]] = {}
    for user_id, organisation_id in (
        Membership.objects.active().filter(organisation__in=ids).values_list("user", "organisation")
    ):
        people.setdefault(user_id, []).append(organisation_id)
    registrations = _in_period(
        Registration.objects.exclude(status=Registration.Status.CANCELLED).filter(
            user__in=list(people)
        ),
        "created_at",
        since,
    )
    own = Q(event__in=EventPage.objects.filter(organisers=federation).values("pk"))
    for row in registrations.values("user").annotate(
        mine=Count("pk", filter=own), others=Count("pk", filter=~own)
    ):
        for organisation_id in people[row["user"]]:
            rows[organisation_id].own_events += row["mine"]
            rows[organisation_id].other_events += row["others"]

    # Public rooms only (themes and pages) and the federation's own room: an organisation's
    # private room or a conversation is nobody else's business; nor a room under the
    # Chatham House rule (counting its messages per organisation would attribute them), nor
    # a room kept for its group (an intervision's), private as an organisation's.
    public = (
        Q(room__kind__in=[Room.Kind.THEME, Room.Kind.PAGE]) | Q(room__organisation=federation)
    ) & Q(room__chatham_house=False, room__roster_only=False)
    messages = _in_period(
        RoomMessage.objects.filter(public, author__in=list(people), deleted_at=None),
        "created_at",
        since,
    )
    # One query for the messages: per person, room and month, added up three ways here.
    by_room: Counter = Counter()
    by_month: Counter = Counter()
    for row in (
        messages.annotate(month=TruncMonth("created_at"))
        .values("author", "room__title", "month")
        .annotate(n=Count("pk"))
    ):
        for organisation_id in people[row["author"]]:
            rows[organisation_id].messages += row["n"]
        by_room[row["room__title"]] += row["n"]
        by_month[row["month"]] += row["n"]
    result.rooms = {"label": ROOMS_LABEL} | bars(
        sorted(by_room.items(), key=lambda item: (-item[1], item[0]))[:5]
    )
    result.months = _months(sheets, adoptions, registrations, by_month)
    viewers = set(
        Membership.objects.active()
        .filter(user=viewer, organisation__in=ids)
        .values_list("organisation", flat=True)
        if viewer is not None
        else []
    )
    _diagnostics(result, [pk for pk in ids if pk not in viewers])
    return result


def _months(sheets, adoptions, registrations, messages: Counter) -> list[dict]:
    """Each kind of activity per month, as bars (newest month last); the messages are
    counted already (`messages`: month → count)."""
    found = []
    for label, queryset, field_name in (
        (_("Fiches publiées"), sheets, "first_published_at"),
        (_("Fiches adoptées"), adoptions, "created_at"),
        (_("Inscriptions à des évènements"), registrations, "created_at"),
    ):
        counts = (
            queryset.annotate(month=TruncMonth(field_name))
            .values("month")
            .annotate(n=Count("pk"))
            .order_by("month")
        )
        found.append({"label": label, **bars([(_month_label(r["month"]), r["n"]) for r in counts])})
    months = sorted(messages.items())
    label = _("Messages dans les salons")
    found.append({"label": label, **bars([(_month_label(m), n) for m, n in months])})
    return found


def _diagnostics(result: Dashboard, ids: list[int]) -> None:
    latest: dict[int, Diagnostic] = {}
    for diagnostic in Diagnostic.objects.filter(
        organisation__in=ids, scored_at__isnull=False
    ).order_by("-created_at"):
        latest.setdefault(diagnostic.organisation_id, diagnostic)
    result.diagnosed = len(latest)
    if not result.shows_diagnostics:
        return
    for key, label in Dimension.choices:
        scores = [d.scores[key] for d in latest.values() if key in d.scores]
        result.axes.append(
            {
                "label": str(label),
                **bars(
                    [
                        (f"{low}–{high}", len([s for s in scores if low <= s <= high]))
                        for low, high in BUCKETS
                    ]
                ),
            }
        )
    weak = Counter(
        dict(
            QuestionScore.objects.filter(
                diagnostic__in=[d.pk for d in latest.values()], level__lte=GAP
            )
            .values_list("key")
            .annotate(n=Count("diagnostic", distinct=True))
            .order_by("-n", "key")[:5]
        )
    )
    questionnaire = current_questionnaire()
    questions = {
        q.key: q
        for q in Question.objects.filter(
            questionnaire=questionnaire, key__in=list(weak)
        ).prefetch_related("themes")
    }
    gaps = [Gap(questions[key], n) for key, n in weak.most_common() if key in questions]
    theme_ids = {t.pk for gap in gaps for t in gap.question.themes.all()}
    # (sheet, theme) and (intervision, theme) pairs: a sheet with two of a gap's themes
    # counts once.
    sheets = set(
        PracticeSheetPage.objects.live().filter(themes__in=theme_ids).values_list("pk", "themes")
    )
    upcoming = set(
        EventDate.objects.filter(
            start__gte=timezone.now(),
            cancelled=False,
            event__live=True,
            event__kind=EventPage.Kind.INTERVISION,
            event__themes__in=theme_ids,
        ).values_list("event", "event__themes")
    )
    for gap in gaps:
        themes = {t.pk for t in gap.question.themes.all()}
        gap.sheets = len({pk for pk, theme in sheets if theme in themes})
        gap.intervisions = len({pk for pk, theme in upcoming if theme in themes})
    result.gaps = gaps


CSV_HEADER = [
    _("Organisation"),
    _("Fiches publiées"),
    _("Fiches adoptées"),
    _("Inscriptions à nos évènements"),
    _("Inscriptions à d'autres évènements"),
    _("Messages dans les salons publics"),
]


def csv_rows(result: Dashboard) -> list[list]:
    return [[str(label) for label in CSV_HEADER]] + [
        [
            spreadsheet_cell(row.organisation.name),
            row.sheets,
            row.adoptions,
            row.own_events,
            row.other_events,
            row.messages,
        ]
        for row in result.members
    ]
