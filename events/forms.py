"""The announce form: plain questions (date, hours, "repeat every…"), turned into the
event's UTC times and RRULE; the same rules as the admin (`recurrence.event_errors`)."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import cast

from django import forms
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from community.access import member_organisations
from community.converters import ID_PATTERN
from community.fields import MultiLineFormField, OneLineFormField
from community.models import Organisation, Region, Theme
from community.public import absolute_url
from community.text import multi_line, one_line, plain_text, text_to_rich_text
from community.timezones import time_zone_choices

from .models import EventPage
from .recurrence import after_the_gap, event_errors, out_of_bounds, wall_clock
from .services.publishing import FIELDS as EVENT_FIELDS

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# What a browser's date and time inputs read and send, whatever the interface language.
DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TIME_INPUT = forms.TimeInput(format="%H:%M", attrs={"type": "time"})
# The fields that make the event's start and end.
WHEN = ("date", "start_time", "end_date", "end_time", "time_zone")


class Repeat:
    NONE = "none"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY_WEEKDAY = "monthly_weekday"
    MONTHLY_DATE = "monthly_date"

    CHOICES = [
        (NONE, _("Une seule date")),
        (WEEKLY, _("Chaque semaine")),
        (BIWEEKLY, _("Toutes les deux semaines")),
        (MONTHLY_WEEKDAY, _("Chaque mois, le même jour de la semaine (ex. : le premier mardi)")),
        (MONTHLY_DATE, _("Chaque mois, à la même date")),
    ]


def build_rrule(repeat: str, count: int, first: dt.date) -> str:
    if repeat == Repeat.WEEKLY:
        return f"FREQ=WEEKLY;COUNT={count}"
    if repeat == Repeat.BIWEEKLY:
        return f"FREQ=WEEKLY;INTERVAL=2;COUNT={count}"
    if repeat == Repeat.MONTHLY_WEEKDAY:
        nth = (first.day - 1) // 7 + 1
        # A fifth weekday does not exist every month: "the last one" does.
        nth = -1 if nth == 5 else nth
        return f"FREQ=MONTHLY;BYDAY={nth}{WEEKDAYS[first.weekday()]};COUNT={count}"
    if repeat == Repeat.MONTHLY_DATE:
        return f"FREQ=MONTHLY;BYMONTHDAY={first.day};COUNT={count}"
    return ""


def parse_rrule(rule: str) -> tuple[str, int]:
    """The form's (repeat, count) of a rule it made; (none, 1) otherwise."""
    count = re.search(r"COUNT=(\d+)", rule or "")
    n = int(count.group(1)) if count else 6
    if not rule:
        return Repeat.NONE, 1
    if "INTERVAL=2" in rule and "WEEKLY" in rule:
        return Repeat.BIWEEKLY, n
    if "WEEKLY" in rule:
        return Repeat.WEEKLY, n
    if "BYMONTHDAY" in rule:
        return Repeat.MONTHLY_DATE, n
    if "MONTHLY" in rule:
        return Repeat.MONTHLY_WEEKDAY, n
    return Repeat.NONE, 1


TITLE_MAX_LENGTH = 200


class EventForm(forms.Form):
    title = OneLineFormField(label=_("Titre"), max_length=TITLE_MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Type"), choices=EventPage.Kind.choices)
    organisers: forms.ModelMultipleChoiceField[Organisation] = forms.ModelMultipleChoiceField(
        label=_("Organisé par"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les organisations dont vous êtes membre."),
    )
    summary = OneLineFormField(
        label=_("En une phrase"),
        max_length=300,
        required=False,
        help_text=_("Montrée dans l'agenda."),
    )
    date = forms.DateField(
        label=_("Date"),
        widget=DATE_INPUT,
        help_text=_("La première date, pour une série."),
    )
    start_time = forms.TimeField(label=_("Heure de début"), widget=TIME_INPUT)
    end_time = forms.TimeField(label=_("Heure de fin"), widget=TIME_INPUT)
    end_date = forms.DateField(
        label=_("Date de fin"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Vide : le même jour. Pour un évènement sur plusieurs jours."),
    )
    time_zone = forms.ChoiceField(
        label=_("Fuseau horaire"), choices=time_zone_choices, initial="Europe/Brussels"
    )
    repeat = forms.ChoiceField(label=_("Répétition"), choices=Repeat.CHOICES, initial=Repeat.NONE)
    repeat_count = forms.IntegerField(
        label=_("Nombre de dates"),
        min_value=2,
        max_value=52,
        required=False,
        help_text=_("Pour une série : combien de dates en tout (de 2 à 52)."),
    )
    venue = MultiLineFormField(
        label=_("Adresse du lieu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Vide pour un évènement en ligne."),
    )
    region = forms.ModelChoiceField(
        label=_("Région"), queryset=Region.objects.all(), required=False, empty_label=_("—")
    )
    online_url = forms.URLField(
        label=_("Lien de connexion"),
        required=False,
        assume_scheme="https",
        help_text=_("Montré seulement aux personnes inscrites."),
    )
    capacity = forms.IntegerField(
        label=_("Nombre de places"),
        min_value=1,
        max_value=100000,
        required=False,
        help_text=_("Vide : pas de limite."),
    )
    registration_deadline = forms.DateField(
        label=_("Inscriptions jusqu'au"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Vide : jusqu'au début."),
    )
    audience = forms.ChoiceField(
        label=_("Public"), choices=EventPage.Audience.choices, initial=EventPage.Audience.OPEN
    )
    description = MultiLineFormField(
        label=_("Description"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Le programme, pour qui, ce qu'il faut préparer."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, event: EventPage | None = None, **kwargs):
        self.event = event
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(event)
        super().__init__(*args, **kwargs)
        queryset = member_organisations(user)
        if event is not None:
            # The event's current organisers stay choosable (an admin may have added one
            # the person is not a member of). Read as primary keys: on a page object the
            # relation may be modelcluster's in-memory one.
            organiser_ids = [organisation.pk for organisation in event.organisers.all()]
            queryset = Organisation.objects.filter(
                Q(pk__in=queryset.values("pk")) | Q(pk__in=organiser_ids)
            ).order_by("name")
        cast(forms.ModelMultipleChoiceField, self.fields["organisers"]).queryset = queryset
        time_zone = cast(forms.ChoiceField, self.fields["time_zone"])
        zone = self.initial.get("time_zone")
        if zone and not time_zone.valid_value(zone):
            # A zone chosen in the admin stays the event's zone.
            time_zone.choices = [*time_zone_choices(), (zone, zone)]

    @staticmethod
    def initial_from_query(query) -> dict:
        """What a link to the blank form may prefill (a sheet's authors proposing an
        intervision, `practices.services.questions.announce_url`): `type` (a kind of
        event), `titre` and `fiche` (a live sheet's id: the description names it, the form
        having no field for related sheets). Anything else, or a value that is not one of
        these, is ignored."""
        initial: dict = {}
        kind = query.get("type", "")
        if kind in EventPage.Kind.values:
            initial["kind"] = kind
        title = one_line(query.get("titre", ""))[:TITLE_MAX_LENGTH]
        if title:
            initial["title"] = title
        sheet_id = query.get("fiche", "")
        if re.fullmatch(ID_PATTERN, sheet_id):
            # The sheets' model, read through the event's relation to them: `events`
            # does not import `practices`.
            sheets = EventPage._meta.get_field("related_sheets").related_model
            sheet = sheets.objects.live().filter(pk=int(sheet_id)).first()
            if sheet is not None:
                initial["description"] = _("Autour de la fiche « %(title)s » : %(url)s") % {
                    "title": sheet.title,
                    "url": absolute_url(sheet.url or ""),
                }
        return initial

    @staticmethod
    def initial_from(event: EventPage) -> dict:
        zone = event.zone
        start, end = event.start.astimezone(zone), event.end.astimezone(zone)
        repeat, count = parse_rrule(event.rrule)
        return {
            "title": event.title,
            "kind": event.kind,
            "organisers": list(event.organisers.all()),
            "summary": event.summary,
            "date": start.date(),
            "start_time": start.time().replace(second=0, microsecond=0),
            "end_date": end.date() if end.date() != start.date() else None,
            "end_time": end.time().replace(second=0, microsecond=0),
            "time_zone": event.time_zone,
            "repeat": repeat,
            "repeat_count": count if repeat != Repeat.NONE else None,
            "venue": event.venue,
            "region": event.region,
            "online_url": event.online_url,
            "capacity": event.capacity,
            "registration_deadline": (
                event.registration_deadline.astimezone(zone).date()
                if event.registration_deadline
                else None
            ),
            "audience": event.audience,
            "description": multi_line(plain_text(event.description)),
            "themes": list(event.themes.all()),
        }

    def event_values(self) -> dict:
        """The cleaned values the publishing service takes (`announce`, `update`)."""
        names = (*EVENT_FIELDS, "organisers", "themes")
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}

    def unchanged(self, *names) -> bool:
        """Editing, and none of these fields changed: what is stored is kept as it is
        (seconds, a deadline's hour or an editor's formatting the form cannot show)."""
        return self.event is not None and not set(names) & set(self.changed_data)

    def _moment(self, day, time, zone, field):
        """The moment of a wall-clock time; a time the clocks skip gets a clear message
        on its field (and None), with the time that exists instead."""
        try:
            return wall_clock(day, time, zone)
        except ValueError:
            later = after_the_gap(dt.datetime.combine(day, time, tzinfo=zone))
            self.add_error(
                field,
                _(
                    "%(time)s n'existe pas le %(date)s : les horloges avancent d'une heure "
                    "(passage à l'heure d'été). Choisissez par exemple %(later)s."
                )
                % {
                    "time": time.strftime("%H:%M"),
                    "date": formats.date_format(day, "j F Y"),
                    "later": later.strftime("%H:%M"),
                },
            )
            return None

    def clean(self):
        cleaned = super().clean()
        date, start_time, end_time = (
            cleaned.get("date"),
            cleaned.get("start_time"),
            cleaned.get("end_time"),
        )
        zone = zoneinfo.ZoneInfo(cleaned.get("time_zone") or "Europe/Brussels")
        for name in ("date", "end_date", "registration_deadline"):
            message = out_of_bounds(cleaned[name]) if cleaned.get(name) else None
            if message:
                self.add_error(name, message)
                if name != "registration_deadline":
                    date = None  # no start or end made of a date in the year 9999
        if self.unchanged(*WHEN) and date and start_time and end_time:
            cleaned["start"], cleaned["end"] = self.event.start, self.event.end
        elif date and start_time and end_time:
            start = self._moment(date, start_time, zone, "start_time")
            end = self._moment(cleaned.get("end_date") or date, end_time, zone, "end_time")
            if start and end and end <= start:
                self.add_error("end_time", _("La fin doit suivre le début."))
            elif start and self.event is None and start < timezone.now():
                self.add_error("date", _("Cette date est déjà passée."))
            if start and end:
                cleaned["start"], cleaned["end"] = start, end
        repeat = cleaned.get("repeat") or Repeat.NONE
        count = cleaned.get("repeat_count")
        if repeat != Repeat.NONE and not count and "repeat_count" not in self.errors:
            self.add_error("repeat_count", _("Combien de dates ? Entre 2 et 52."))
        cleaned["rrule"] = build_rrule(repeat, count or 0, date) if date and count else ""
        untouched = not {"repeat", "repeat_count", "date"} & set(self.changed_data)
        if self.event is not None and self.event.rrule and untouched:
            # A rule written in the admin ("every Tuesday and Thursday", open-ended…) is
            # kept as it is when the organiser changes something else.
            cleaned["rrule"] = self.event.rrule
        deadline = cleaned.get("registration_deadline")
        cleaned["registration_deadline"] = (
            dt.datetime.combine(deadline, dt.time(23, 59), tzinfo=zone) if deadline else None
        )
        if deadline and deadline == date and "end" in cleaned:
            # "Until the day of the event": until it ends.
            cleaned["registration_deadline"] = cleaned["end"]
        if self.unchanged("registration_deadline"):
            stored = self.event.registration_deadline
            follows_end = stored is not None and stored == self.event.end and "end" in cleaned
            cleaned["registration_deadline"] = cleaned["end"] if follows_end else stored
        if deadline and date and deadline > date and repeat == Repeat.NONE:
            self.add_error(
                "registration_deadline",
                _("Les inscriptions ne peuvent pas fermer après la date de l'évènement."),
            )
        cleaned["description"] = (
            self.event.description
            if self.unchanged("description")
            else text_to_rich_text(cleaned.get("description") or "")
        )
        if "start" in cleaned:
            for field, message in event_errors(cleaned):
                if field in ("start", "end"):
                    field = {"start": "date", "end": "end_time"}[field]
                if field in self.fields and field not in self.errors:
                    self.add_error(field, message)
                elif field is None and "online_url" in self.errors:
                    continue  # a malformed link has its own message: no "address or link"
                elif field not in self.fields:
                    self.add_error(None, message)
        return cleaned
