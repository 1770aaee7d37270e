"""Support programmes at /soutiens/: funding, coaching, training, tools and networks on
offer to social-economy enterprises, one Wagtail page each under one index page.

A programme says whom it is for (regions, legal forms, kinds and sizes of organisation:
empty means "no restriction") and when to apply: open all year, or a call with an opening
and a closing date. Whether a call is open, closing soon or closed is computed from
today's date when a page is shown, so a call closes by itself. `eligibility.py` compares an
organisation with a programme's criteria and says why it does not fit.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.fields import OneLineCharField, OneLineTitle
from community.models import Organisation, Region, Theme
from community.translations import OTHER_LANGUAGES, Translated

from .fields import ChoicesField
from .routes import ProgrammeIndexRoutes, ProgrammeRoutes

# A deadline this close is highlighted.
CLOSING_SOON_DAYS = 30
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Dimension(models.TextChoices):
    """The four dimensions of digital maturity (the sheets' and the diagnostic's)."""

    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    ORGANISATION = "organisation", _("Organisation")
    PROCESSES = "processes", _("Processus")
    STRATEGY = "strategy", _("Stratégie")


class CallStatus(models.TextChoices):
    OPEN = "open", _("Ouvert")
    CLOSING = "closing", _("Clôture proche")
    UPCOMING = "upcoming", _("Bientôt ouvert")
    CLOSED = "closed", _("Clos")


class ProgrammeIndexPage(ProgrammeIndexRoutes, OneLineTitle, Page):
    """The list at /soutiens/, its filters, the deadlines' iCalendar feed and "what can my
    organisation apply for?" (routes: `routes.ProgrammeIndexRoutes`)."""

    intro = OneLineCharField(_("chapeau"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des soutiens")

    def get_context(self, request, *args, **kwargs):
        from .listing import programme_listing  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_listing(request, index=self))
        return context


class ProgrammePage(Translated, ProgrammeRoutes, OneLineTitle, Page):
    class Kind(models.TextChoices):
        FUNDING = "funding", _("Financement")
        COACHING = "coaching", _("Accompagnement")
        TRAINING = "training", _("Formation")
        TOOL = "tool", _("Outil")
        NETWORK = "network", _("Réseau")

    summary = OneLineCharField(_("en bref"), max_length=300)
    kind = models.CharField(_("type de soutien"), max_length=20, choices=Kind.choices)
    provider = OneLineCharField(_("proposé par"), max_length=160)
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("régions"),
        blank=True,
        related_name="programmes",
        help_text=_("Aucune : ouvert à toutes les régions."),
    )
    legal_forms = ChoicesField(
        _("formes juridiques admises"),
        choices=Organisation.LegalForm.choices,
        help_text=_("Aucune : toutes les formes juridiques."),
    )
    organisation_kinds = ChoicesField(
        _("types d'organisation admis"),
        choices=Organisation.Kind.choices,
        help_text=_("Aucun : tous les types."),
    )
    sizes = ChoicesField(
        _("tailles admises"),
        choices=Organisation.Size.choices,
        help_text=_("Aucune : toutes les tailles."),
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("thèmes"), blank=True, related_name="programmes"
    )
    dimensions = ChoicesField(_("dimensions de maturité"), choices=Dimension.choices)
    amount = OneLineCharField(
        _("montant ou coût"),
        max_length=160,
        blank=True,
        help_text=_("Par exemple « jusqu'à 15 000 € » ou « gratuit »"),
    )
    open_all_year = models.BooleanField(_("ouvert toute l'année"), default=False)
    opens_on = models.DateField(_("ouverture de l'appel"), null=True, blank=True)
    deadline = models.DateField(_("date de clôture"), null=True, blank=True)
    description = RichTextField(_("description"), features=TEXT_FEATURES)
    how_to_apply = RichTextField(_("comment postuler"), features=TEXT_FEATURES)
    official_url = models.URLField(_("page officielle"), max_length=500)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("provider")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("regions"),
                FieldPanel("legal_forms"),
                FieldPanel("organisation_kinds"),
                FieldPanel("sizes"),
            ],
            heading=_("Pour qui"),
        ),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("dimensions")], heading=_("Ce qu'il aide à faire")
        ),
        MultiFieldPanel(
            [
                FieldPanel("amount"),
                FieldPanel("open_all_year"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("deadline")]),
            ],
            heading=_("Montant et échéances"),
        ),
        FieldPanel("how_to_apply"),
        FieldPanel("official_url"),
        InlinePanel("translations", label=_("traductions"), max_num=len(OTHER_LANGUAGES)),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("provider"),
        index.SearchField("description"),
        index.FilterField("kind"),
        # Readers who search in English or Dutch find the texts editors translated.
        index.RelatedFields(
            "translations",
            [
                index.SearchField("title"),
                index.SearchField("summary"),
                index.SearchField("description"),
            ],
        ),
    ]

    # What /api/v2/ shows (website/api.py says how).
    api_fields = [
        "summary",
        "kind",
        "provider",
        "regions",
        "legal_forms",
        "organisation_kinds",
        "sizes",
        "themes",
        "dimensions",
        "amount",
        "open_all_year",
        "opens_on",
        "deadline",
        "call_status",
        "description",
        "how_to_apply",
        "official_url",
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("soutien")
        verbose_name_plural = _("soutiens")

    def clean(self):
        super().clean()
        if self.open_all_year and self.deadline:
            raise ValidationError(
                {"deadline": _("Un soutien ouvert toute l'année n'a pas de date de clôture.")}
            )
        if not self.open_all_year and not self.deadline:
            raise ValidationError(
                {"deadline": _("Indiquez la date de clôture, ou cochez « ouvert toute l'année ».")}
            )
        if self.opens_on and self.deadline and self.opens_on > self.deadline:
            raise ValidationError(
                {"opens_on": _("L'appel ne peut pas ouvrir après sa date de clôture.")}
            )

    def get_context(self, request, *args, **kwargs):
        from .reading import programme_context  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(request, programme=self))
        return context

    @staticmethod
    def today() -> dt.date:
        """Today where the network lives: a call closes at the end of its day in Brussels."""
        return timezone.localdate(timezone=zoneinfo.ZoneInfo(settings.RELAIS["DEFAULT_TIME_ZONE"]))

    def status(self, today: dt.date | None = None) -> str:
        today = today or self.today()
        if self.open_all_year or self.deadline is None:
            return CallStatus.OPEN
        if self.deadline < today:
            return CallStatus.CLOSED
        if self.opens_on and self.opens_on > today:
            return CallStatus.UPCOMING
        if (self.deadline - today).days <= CLOSING_SOON_DAYS:
            return CallStatus.CLOSING
        return CallStatus.OPEN

    @property
    def call_status(self) -> str:
        return self.status()

    @property
    def call_status_label(self) -> str:
        return str(CallStatus(self.status()).label)

    @property
    def days_left(self) -> int | None:
        if self.open_all_year or self.deadline is None:
            return None
        return (self.deadline - self.today()).days

    def labels(self, field: str) -> list[str]:
        choices = dict(self._meta.get_field(field).choices or [])
        return [str(choices[value]) for value in getattr(self, field) if value in choices]

    @property
    def kind_label(self) -> str:
        return str(self.Kind(self.kind).label) if self.kind in self.Kind.values else ""


class ProgrammeTranslation(Orderable):
    """A programme's texts in another interface language; its criteria and dates are the
    same in every language."""

    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(
        _("langue"),
        max_length=8,
        choices=[(code, name) for code, name in settings.LANGUAGES if code in OTHER_LANGUAGES],
    )
    title = OneLineCharField(_("titre"), max_length=255)
    summary = OneLineCharField(_("en bref"), max_length=300)
    amount = OneLineCharField(_("montant ou coût"), max_length=160, blank=True)
    description = RichTextField(_("description"), features=TEXT_FEATURES)
    how_to_apply = RichTextField(_("comment postuler"), features=TEXT_FEATURES)

    class Meta(Orderable.Meta):
        verbose_name = _("traduction")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "language"], name="one_programme_translation_per_language"
            )
        ]


class ProgrammeFollow(models.Model):
    """A member who wants to hear of a programme's next call."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_follows"
    )
    programme = models.ForeignKey(ProgrammePage, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)
    # The closing date of the last call they know of: the one on the page when they chose
    # to follow it, then each one they were told of (services.announce_call). Kept here,
    # not on the page, whose fields a publication overwrites with its revision's.
    known_deadline = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("soutien suivi")
        verbose_name_plural = _("soutiens suivis")
        constraints = [
            models.UniqueConstraint(fields=["user", "programme"], name="unique_programme_follow")
        ]

    def __str__(self):
        return f"{self.user} → {self.programme}"
