"""Seeing the calendar at /agenda/: upcoming dates, past dates, a month grid; filters by
kind, organiser, theme, region and mode (online / on site).

`CalendarPage.get_context` calls `calendar_listing`; the iCalendar feed applies the same
filters (`filtered_events`). Every filter is a GET parameter; a value that is not
understood is reported in the person's language and ignored, never a server error. The
dates are read from `EventDate` (events/dates.py), one page of them at a time in the
database's order, then their events in one query (and one per prefetched relation): a
longer calendar costs neither more queries nor more work per page.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.forms import FilterForm, labelled_errors, query_without, slug_choice
from community.models import Organisation, Region, Theme

from . import dates
from .models import EventDate, EventPage, Registration

PAGE_SIZE = 20
# The months the grid shows (beyond them, date arithmetic would overflow).
FIRST_YEAR, LAST_YEAR = 1970, 2199
WINDOW = dt.timedelta(days=366)


class Mode:
    ONLINE = "online"
    ON_SITE = "onsite"
    CHOICES = [("", _("Tous")), (ONLINE, _("En ligne")), (ON_SITE, _("Sur place"))]


class CalendarFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous"))] + EventPage.Kind.choices
    )
    # Narrowed to the organisers of live events in __init__: a filter across a reverse
    # relation cannot be built while the apps' models are still loading.
    organiser = slug_choice(_("Organisé par"), Organisation.objects.order_by("name"), _("Toutes"))
    theme = slug_choice(_("Thème"), Theme.objects.all(), _("Tous"))
    region = slug_choice(_("Région"), Region.objects.all(), _("Toutes"))
    mode = forms.ChoiceField(label=_("Format"), required=False, choices=Mode.CHOICES)
    when = forms.ChoiceField(
        label=_("Période"),
        required=False,
        choices=[("", _("À venir")), ("past", _("Passés"))],
    )
    view = forms.ChoiceField(
        label=_("Affichage"),
        required=False,
        choices=[("", _("Liste")), ("month", _("Mois"))],
    )
    month = forms.RegexField(
        label=_("Mois"),
        required=False,
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        error_messages={"invalid": _("Un mois s'écrit AAAA-MM, par exemple 2026-12.")},
    )
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10000)

    FILTERS = ("kind", "organiser", "theme", "region", "mode")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organiser = self.fields["organiser"]
        assert isinstance(organiser, forms.ModelChoiceField)
        # Only what an option shows: a network has thousands of organisers.
        organiser.queryset = (
            Organisation.objects.filter(events__live=True)
            .distinct()
            .order_by("name")
            .only("pk", "slug", "name")
        )

    def clean_month(self):
        month = self.cleaned_data.get("month")
        if month and not (FIRST_YEAR <= int(month[:4]) <= LAST_YEAR):
            raise forms.ValidationError(
                _("Choisissez un mois entre %(first)s et %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return month


def _confirmed_count():
    return Coalesce(
        Subquery(
            Registration.objects.filter(event=OuterRef("pk"), status=Registration.Status.CONFIRMED)
            .values("event")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def listed(events):
    """`events` with what showing one of their dates needs: region, state, organisers and
    the count of confirmed registrations (the date itself comes from `EventDate`)."""
    return (
        events.select_related("region", "state")
        .prefetch_related("organisers")
        .annotate(confirmed=_confirmed_count())
    )


def filtered_events(values: dict):
    """Live events matching the filters, with what computing and listing their dates needs
    (the feeds)."""
    return listed(matching_events(values)).prefetch_related("occurrence_changes")


def matching_events(values: dict):
    """Live events matching the filters."""
    events = EventPage.objects.live()
    if values.get("kind"):
        events = events.filter(kind=values["kind"])
    if values.get("organiser"):
        events = events.filter(pk__in=EventPage.objects.filter(organisers=values["organiser"]))
    if values.get("theme"):
        events = events.filter(pk__in=EventPage.objects.filter(themes=values["theme"]))
    if values.get("region"):
        events = events.filter(region=values["region"])
    if values.get("mode") == Mode.ONLINE:
        events = events.exclude(online_url="")
    elif values.get("mode") == Mode.ON_SITE:
        events = events.exclude(venue="")
    return events


def dates_between(values: dict, after, before):
    """The dates of the live events matching the filters that overlap [after, before), in
    time order (cancelled ones included), as `EventDate` rows."""
    dates.keep_fresh()
    return EventDate.objects.filter(
        event__in=matching_events(values).values("pk"), end__gt=after, start__lt=before
    ).order_by("start", "event__title", "pk")


def next_dates(values: dict | None = None, *, count: int, within=WINDOW) -> list:
    """The next `count` dates of the live events matching the filters, cancelled ones left
    out: the widget and the home page."""
    values = values or {}
    now = timezone.now()
    rows = dates_between(values, now, now + within).filter(cancelled=False)[:count]
    return dates.as_occurrences(rows, listed(EventPage.objects.all()))


def month_bounds(month: str | None, zone) -> tuple[dt.date, dt.datetime, dt.datetime]:
    today = timezone.localdate(timezone=zone)
    if month:
        year, number = (int(part) for part in month.split("-"))
        first = dt.date(year, number, 1)
    else:
        first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    start = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(following, dt.time(), tzinfo=zone)
    return first, start, end


def month_grid(first: dt.date, found, zone) -> list[list[dict]]:
    by_day: dict[dt.date, list] = {}
    for occurrence in found:
        by_day.setdefault(occurrence.start.astimezone(zone).date(), []).append(occurrence)
    today = timezone.localdate(timezone=zone)
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == first.month,
                    "today": day == today,
                    "occurrences": by_day.get(day, []),
                }
                for day in week
            ]
        )
    return weeks


def calendar_listing(request, *, calendar) -> dict:
    form = CalendarFilterForm(request.GET or None)
    if request.GET:
        form.is_valid()
    values = form.cleaned_or_default() if request.GET else {}
    zone = timezone.get_current_timezone()
    now = timezone.now()
    events = listed(EventPage.objects.all())
    context = {
        "filter_form": form,
        "filter_errors": labelled_errors(form) if request.GET else [],
        "active_filters": any(values.get(name) for name in CalendarFilterForm.FILTERS),
        "view": values.get("view") or "list",
        "when": values.get("when") or "upcoming",
        "filter_query": query_without(request.GET, "page", "view", "month", "when"),
        "feed_query": query_without(request.GET, "page", "view", "month", "when"),
        "page_query": query_without(request.GET, "page"),
    }
    if values.get("view") == "month":
        first, start, end = month_bounds(values.get("month"), zone)
        found = dates.as_occurrences(dates_between(values, start, end), events)
        previous = (first - dt.timedelta(days=1)).replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        context.update(
            {
                "month": first,
                "weeks": month_grid(first, found, zone),
                "month_occurrences": found,
                "previous_month": previous.strftime("%Y-%m"),
                "next_month": following.strftime("%Y-%m"),
                "weekdays": [dt.date(2024, 1, day) for day in range(1, 8)],  # a Monday first
            }
        )
        return context
    if values.get("when") == "past":
        found = (
            dates_between(values, now - WINDOW, now)
            .filter(end__lte=now)
            .order_by("-start", "-event__title", "-pk")
        )
    else:
        found = dates_between(values, now, now + WINDOW)
    paginator = Paginator(found, PAGE_SIZE)
    page = paginator.get_page(values.get("page") or 1)
    page.object_list = dates.as_occurrences(page.object_list, events)
    context.update({"occurrences": page.object_list, "page_obj": page, "paginator": paginator})
    return context
