"""The network's calendar: events (single or recurring series) under one calendar page,
registrations with a waiting list, and what the iCalendar feeds need to stay stable.

Times are stored in UTC. A series is defined by its first date (`start`, `end`), the
zone it happens in (`time_zone`) and an RFC 5545 RRULE; its dates are computed in that
zone, so "every first Tuesday at 14:00" stays 14:00 in Brussels across daylight-saving
changes. Single dates of a series can be cancelled or moved (`OccurrenceChange`).

Registration is for the event as a whole: for a series, that is the cycle (an
intervision group is the same peers meeting date after date).
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.fields import MultiLineTextField, OneLineCharField, OneLineTitle
from community.models import Organisation, Region, Theme, fold, search_terms
from community.text import plain_text

from .recurrence import after_the_gap, event_errors, exists, next_occurrence, out_of_bounds
from .routes import CalendarRoutes, EventRoutes


class CalendarPage(CalendarRoutes, OneLineTitle, Page):
    """The calendar at /agenda/: upcoming list, month grid, filters, past events. Its
    route (`routes.CalendarRoutes`) is the announce form."""

    intro = OneLineCharField(_("chapeau"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        from .listing import calendar_listing  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context.update(calendar_listing(request, calendar=self))
        return context


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time typed in the admin, read in the editor's zone: the hour repeated
    when clocks go back is its first occurrence (Django refuses it as ambiguous), the hour
    they skip is refused with the time that exists instead."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "ambiguous_timezone":
                raise
        text = value.strip() if isinstance(value, str) else value
        naive = text if isinstance(text, dt.datetime) else parse_datetime(text)
        naive = naive or forms.fields.BaseTemporalField.to_python(self, text)
        moment = naive.replace(tzinfo=timezone.get_current_timezone(), fold=0)
        if exists(moment):
            return moment
        raise ValidationError(
            _(
                "%(time)s n'existe pas le %(date)s : les horloges avancent d'une heure "
                "(passage à l'heure d'été). Choisissez par exemple %(later)s."
            ),
            code="nonexistent_time",
            params={
                "time": naive.strftime("%H:%M"),
                "date": formats.date_format(naive.date(), "j F Y"),
                "later": after_the_gap(moment).strftime("%H:%M"),
            },
        )


class EventForm(WagtailAdminPageForm):
    """The admin's form applies the same rules as the front end's announce form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        changes = self.formsets.get("occurrence_changes")
        for form in [self, *(changes.forms if changes is not None else [])]:
            for name in ("start", "end", "registration_deadline", "new_start", "new_end"):
                if name in form.fields:
                    # Same field, label and widget; only the reading of the hour around
                    # a daylight-saving change differs.
                    form.fields[name].__class__ = WallClockDateTimeField

    def clean(self):
        cleaned = super().clean()
        for field, message in event_errors(cleaned):
            if field in self.fields:
                self.add_error(field, message)
            else:
                self.add_error(None, message)
        return cleaned


def event_search_text(title: str, summary: str, venue: str, description: str) -> str:
    """What site search reads of an event (`EventPage.search_text`): every word of its
    title, summary, venue and description, folded and without plural endings, as
    `search_terms` treats queries."""
    text = " ".join([title, summary, venue, plain_text(description)])
    return " ".join(search_terms(fold(text), limit=None))


class EventPage(EventRoutes, OneLineTitle, Page):
    """One event of the calendar, single or a series. Its routes (`routes.EventRoutes`)
    are what people do with it: register, manage it, download its `event.ics`."""

    class Kind(models.TextChoices):
        INTERVISION = "intervision", _("Intervision")
        WORKSHOP = "workshop", _("Atelier")
        WEBINAR = "webinar", _("Webinaire")
        CONFERENCE = "conference", _("Conférence")
        TRAINING = "training", _("Formation")

    class Audience(models.TextChoices):
        OPEN = "open", _("Ouvert à toutes et tous")
        FEDERATION = "federation", _("Réservé aux membres de la fédération organisatrice")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    summary = OneLineCharField(_("résumé"), max_length=300, blank=True)
    organisers = ParentalManyToManyField(
        Organisation, related_name="events", verbose_name=_("organisé par")
    )
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    time_zone = models.CharField(
        _("fuseau horaire"),
        max_length=64,
        default="Europe/Brussels",
        help_text=_("Le fuseau horaire du lieu : les dates d'une série y gardent leur heure."),
    )
    rrule = models.CharField(
        _("récurrence (RRULE)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Vide pour une date unique. Exemple, le premier mardi de chaque mois pendant "
            "six mois : FREQ=MONTHLY;BYDAY=1TU;COUNT=6"
        ),
    )
    venue = MultiLineTextField(_("adresse du lieu"), blank=True)
    online_url = models.URLField(
        _("lien de connexion"),
        blank=True,
        help_text=_("Montré seulement aux personnes inscrites."),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : pas de limite.")
    )
    registration_deadline = models.DateTimeField(_("inscriptions jusqu'au"), null=True, blank=True)
    audience = models.CharField(
        _("public"), max_length=20, choices=Audience.choices, default=Audience.OPEN
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    themes = ParentalManyToManyField(Theme, blank=True, related_name="events")
    related_sheets = ParentalManyToManyField(
        "practices.PracticeSheetPage",
        blank=True,
        related_name="events",
        verbose_name=_("fiches liées"),
    )
    cancelled = models.BooleanField(_("annulé"), default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    search_text = models.TextField(editable=False, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldPanel("summary"),
        FieldPanel("organisers"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("rrule"),
                InlinePanel("occurrence_changes", label=_("dates annulées ou déplacées")),
            ],
            heading=_("Quand"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("region"), FieldPanel("online_url")],
            heading=_("Où"),
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("related_sheets"),
        FieldPanel("cancelled"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.FilterField("kind"),
    ]

    # What /api/v2/ shows (website/api.py says how). Never `online_url` (given to registered
    # people only), `proposed_by` or the registrations.
    api_fields = [
        "kind",
        "summary",
        "organisers",
        "start",
        "end",
        "time_zone",
        "rrule",
        "upcoming_dates",
        "venue",
        "is_online",
        "region",
        "capacity",
        "registration_deadline",
        "audience",
        "description",
        "themes",
        "related_sheets",
        "cancelled",
    ]

    base_form_class = EventForm
    parent_page_types = ["events.CalendarPage"]
    subpage_types: list = []

    def get_context(self, request, *args, **kwargs):
        from .reading import event_context  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(request, self))
        return context

    class Meta:
        verbose_name = _("évènement")
        verbose_name_plural = _("évènements")

    @property
    def public_path(self) -> str:
        """/agenda/<slug>/ without a query, for what has no request to ask Wagtail with
        (iCalendar files, emails, notifications): the site's root page is the first
        segment of Wagtail's url_path (one site). With a request, `get_url(request)`."""
        tail = self.url_path.strip("/").split("/", 1)
        return "/" + (tail[1] if len(tail) > 1 else tail[0]) + "/"

    @property
    def is_series(self) -> bool:
        return bool(self.rrule)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_on_site(self) -> bool:
        return bool(self.venue.strip())

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or "Europe/Brussels")

    @property
    def duration(self):
        return self.end - self.start

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.cancelled or not self.live:
            return False
        if self.registration_deadline and now > self.registration_deadline:
            return False
        return next_occurrence(self, now) is not None

    def save(self, *args, **kwargs):
        self.search_text = event_search_text(self.title, self.summary, self.venue, self.description)
        super().save(*args, **kwargs)


class OccurrenceChange(Orderable):
    """One date of a series, cancelled or moved. `original_start` is the date the RRULE
    gives (it is the RECURRENCE-ID of the iCalendar override)."""

    event = ParentalKey(EventPage, related_name="occurrence_changes", on_delete=models.CASCADE)
    original_start = models.DateTimeField(_("date prévue"))
    cancelled = models.BooleanField(_("annulée"), default=False)
    new_start = models.DateTimeField(_("nouveau début"), null=True, blank=True)
    new_end = models.DateTimeField(_("nouvelle fin"), null=True, blank=True)
    note = OneLineCharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldPanel("original_start"),
        FieldPanel("cancelled"),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("date modifiée")
        verbose_name_plural = _("dates modifiées")

    def clean(self):
        if not self.cancelled and not (self.new_start and self.new_end):
            raise ValidationError(_("Une date est soit annulée, soit déplacée (début et fin)."))
        if self.new_start and self.new_end and self.new_end <= self.new_start:
            raise ValidationError(_("La fin doit suivre le début."))
        for moment in (self.new_start, self.new_end):
            message = out_of_bounds(moment.date()) if moment else None
            if message:
                raise ValidationError(message)

    def __str__(self):
        return f"{self.original_start:%Y-%m-%d %H:%M}"


class EventDate(models.Model):
    """One date of an event as the calendar lists it: the dates of `recurrence.occurrences`
    written down, so that the calendar, the month grid and the next dates of the home page
    read a page of dates from an index instead of expanding every event in Python
    (`events/dates.py` writes them). For a series, the dates up to `horizon`; a single
    event has one row and no horizon."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="dates")
    start = models.DateTimeField()
    end = models.DateTimeField()
    # The date the rule gives (the RECURRENCE-ID), null for a single event.
    original_start = models.DateTimeField(null=True)
    cancelled = models.BooleanField(default=False)
    moved = models.BooleanField(default=False)
    note = models.CharField(max_length=200, blank=True)
    # A series' dates were computed up to this moment (null: a single event).
    horizon = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["start"], name="events_date_start"),
            models.Index(fields=["end"], name="events_date_end"),
        ]

    def __str__(self):
        return f"{self.event_id} {self.start:%Y-%m-%d %H:%M}"


class EventState(models.Model):
    """What the last publication of an event looked like to the outside world: the
    iCalendar SEQUENCE, and a fingerprint of the time and place, so that a change is
    noticed (and the registered people told) whoever made it, admin or front end."""

    event = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="state")
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.event} (SEQUENCE {self.sequence})"


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("inscrit·e")
        WAITLIST = "waitlist", _("en liste d'attente")
        CANCELLED = "cancelled", _("désinscrit·e")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(max_length=12, choices=Status.choices)
    # When the person (re)joined: the waiting list is served in this order.
    queued_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]
        ordering = ["queued_at", "pk"]
        verbose_name = _("inscription")

    def __str__(self):
        return f"{self.user} → {self.event} ({self.status})"


class ReminderSent(models.Model):
    """One reminder per registration and date: a task run twice sends nothing twice."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE)
    occurrence_start = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "occurrence_start"], name="one_reminder_per_date"
            )
        ]

    def __str__(self):
        return f"{self.registration} @ {self.occurrence_start:%Y-%m-%d %H:%M}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in the address of a person's private feed; regenerating it cuts off
    every calendar app that knew the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user}"


def event_uid(event: EventPage) -> str:
    """Stable across edits, moves and renames: Wagtail's translation key never changes."""
    key = event.translation_key or uuid.uuid5(uuid.NAMESPACE_URL, f"relais-event-{event.pk}")
    return f"{key}@relais"
