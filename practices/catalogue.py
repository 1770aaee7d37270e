"""The tool catalogue: the tools sheets name, at /outils/ (members propose, editors
publish). A model of `practices`, kept apart from the sheets' models."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from community.fields import MultiLineTextField, OneLineCharField
from community.models import Organisation
from community.slugs import unique_slug


class ToolQuerySet(models.QuerySet):
    def live(self):
        """The public catalogue: tools proposed by members wait for an editor."""
        return self.filter(live=True)


class Tool(index.Indexed, models.Model):
    """A digital tool of the catalogue, shared by every sheet that used it.

    A tool a member proposes in the wizard is not live: it has no page, no link and no
    place in the catalogue or the filters until an editor publishes it, by publishing a
    sheet that uses it or here in the admin (a spam link waits with its sheet)."""

    class Category(models.TextChoices):
        CRM = "crm", _("Relation aux membres (CRM)")
        COLLABORATION = "collaboration", _("Travail collaboratif")
        COMMUNICATION = "communication", _("Communication et site web")
        ECOMMERCE = "ecommerce", _("Vente en ligne")
        ACCOUNTING = "accounting", _("Comptabilité et gestion")
        SECURITY = "security", _("Sécurité et données")
        TRAINING = "training", _("Formation et inclusion")
        PROJECT = "project", _("Gestion de projet")
        OTHER = "other", _("Autre")

    class Licence(models.TextChoices):
        FREE_SOFTWARE = "free_software", _("Logiciel libre")
        FREEMIUM = "freemium", _("Freemium")
        PROPRIETARY = "proprietary", _("Propriétaire")

    class Hosting(models.TextChoices):
        BELGIUM = "belgium", _("En Belgique")
        EU = "eu", _("Ailleurs dans l'Union européenne")
        OUTSIDE_EU = "outside_eu", _("Hors de l'Union européenne")
        SELF = "self", _("Chez soi (auto-hébergé)")
        UNKNOWN = "unknown", _("Inconnu")

    name = OneLineCharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)
    category = models.CharField(
        _("catégorie"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    website = models.URLField(_("site web"), blank=True)
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices)
    cost = OneLineCharField(
        _("coût indicatif"), max_length=120, blank=True, help_text=_("Par exemple « gratuit »")
    )
    data_hosting = models.CharField(
        _("hébergement des données"),
        max_length=20,
        choices=Hosting.choices,
        default=Hosting.UNKNOWN,
    )
    description = MultiLineTextField(_("description courte"), max_length=600, blank=True)
    live = models.BooleanField(
        _("publié"),
        default=True,
        help_text=_(
            "Un outil proposé par un membre n'est public qu'une fois publié par l'équipe "
            "éditoriale (en publiant sa fiche, ou ici)."
        ),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_for = models.ForeignKey(
        Organisation,
        verbose_name=_("proposé au nom de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Its page's `lastmod` in the sitemap.
    updated_at = models.DateTimeField(auto_now=True)

    objects = ToolQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("category"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("licence"), FieldPanel("cost")]),
        FieldPanel("data_hosting"),
        FieldPanel("description"),
        FieldPanel("live"),
        FieldRowPanel(
            [FieldPanel("proposed_by", read_only=True), FieldPanel("proposed_for", read_only=True)]
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("outil")
        verbose_name_plural = _("outils")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("practices:tool", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, taken=Tool.objects, fallback="outil", length=94)
        super().save(*args, **kwargs)
