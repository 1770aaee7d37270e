"""The network: people, their organisations, federations and the shared taxonomies."""

from __future__ import annotations

import re
from typing import ClassVar

from anyascii import anyascii
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from community.fields import MultiLineTextField, OneLineCharField
from community.slugs import unique_slug
from community.timezones import time_zone_choices
from community.translations import in_reader_language


def _time_zone_choices():
    return time_zone_choices()


class Taxonomy(models.Model):
    """A shared term, editable by editors as a Wagtail snippet."""

    name = OneLineCharField(_("nom"), max_length=100, unique=True)
    # The name in the other interface languages; empty: the French one is shown, marked.
    name_en = OneLineCharField(_("nom en anglais"), max_length=100, blank=True)
    name_nl = OneLineCharField(_("nom en néerlandais"), max_length=100, blank=True)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("name_nl"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language (`community.translations`)."""
        return in_reader_language(self, "name")[0]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)


class Sector(Taxonomy):
    """Field of activity of an organisation (home care, culture, circular economy…)."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")


class Region(Taxonomy):
    """Where an organisation works: Wallonia, Brussels, Flanders, France, Québec, other."""

    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = Taxonomy.panels + [FieldPanel("position")]

    class Meta(Taxonomy.Meta):
        ordering = ["position", "name"]
        verbose_name = _("région")
        verbose_name_plural = _("régions")


class Theme(Taxonomy):
    """A subject of digital transformation (CRM, GDPR, collaborative tools…)."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")


class UserManager(BaseUserManager):
    """Users are identified by their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        email = self.normalize_email(email)
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on Relais. The email address is the login."""

    # Django's way to drop AbstractUser's field, which django-stubs types as always there.
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("adresse e-mail"), unique=True)
    display_name = OneLineCharField(_("nom affiché"), max_length=120)
    avatar = models.ImageField(_("photo"), upload_to="avatars/", blank=True)
    bio = MultiLineTextField(_("présentation courte"), max_length=600, blank=True)
    interests = models.ManyToManyField(
        Theme, verbose_name=_("centres d'intérêt"), blank=True, related_name="interested_users"
    )
    preferred_language = models.CharField(
        _("langue préférée"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    time_zone = models.CharField(
        _("fuseau horaire"), max_length=64, default="Europe/Brussels", choices=_time_zone_choices
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # Email logins need their own manager; django-stubs expects auth's username-based one.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")

    def __str__(self):
        return self.display_name or self.email.split("@")[0]

    @property
    def name(self):
        return str(self)

    def get_absolute_url(self):
        return reverse("community:person", args=[self.pk])

    def save(self, *args, **kwargs):
        if not self.display_name:
            self.display_name = (self.get_full_name() or self.email.split("@")[0])[:120]
        super().save(*args, **kwargs)


class OrganisationQuerySet(models.QuerySet):
    def federations(self):
        return self.filter(kind=Organisation.Kind.FEDERATION)

    def for_listing(self):
        return self.select_related("region").prefetch_related("sectors")


class Organisation(index.Indexed, models.Model):
    """A social-economy enterprise (EES), a federation or a support structure."""

    class Kind(models.TextChoices):
        EES = "ees", _("Entreprise d'économie sociale")
        FEDERATION = "federation", _("Fédération ou coupole")
        SUPPORT = "support", _("Structure d'accompagnement")

    class LegalForm(models.TextChoices):
        ASSOCIATION = "association", _("ASBL / association")
        COOPERATIVE = "cooperative", _("Coopérative")
        SOCIAL_PURPOSE = "social_purpose", _("Société à finalité sociale")
        FOUNDATION = "foundation", _("Fondation")
        MUTUAL = "mutual", _("Mutuelle")
        OTHER = "other", _("Autre")

    class Size(models.TextChoices):
        NONE = "0", _("Aucun salarié")
        MICRO = "1-9", _("1 à 9 salariés")
        SMALL = "10-49", _("10 à 49 salariés")
        MEDIUM = "50-249", _("50 à 249 salariés")
        LARGE = "250+", _("250 salariés et plus")

    name = OneLineCharField(_("nom"), max_length=160, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=160, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.EES)
    legal_form = models.CharField(
        _("forme juridique"),
        max_length=20,
        choices=LegalForm.choices,
        default=LegalForm.ASSOCIATION,
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("secteurs"), blank=True, related_name="organisations"
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
    )
    city = OneLineCharField(_("localité"), max_length=120, blank=True)
    staff_size = models.CharField(
        _("taille (salariés)"), max_length=8, choices=Size.choices, blank=True
    )
    volunteers = models.PositiveIntegerField(_("nombre de bénévoles"), null=True, blank=True)
    website = models.URLField(_("site web"), blank=True)
    description = MultiLineTextField(_("description"), max_length=3000, blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    contact_phone = OneLineCharField(_("téléphone"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Name, city and description without accents and in lower case, so that the
    # directory's text filter finds "Vélo" from "velo" on every database.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("legal_form"),
        FieldPanel("sectors"),
        FieldPanel("region"),
        FieldPanel("city"),
        FieldPanel("staff_size"),
        FieldPanel("volunteers"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:organisation", args=[self.slug])

    @property
    def is_federation(self):
        return self.kind == self.Kind.FEDERATION

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                self.name, taken=Organisation.objects, fallback="organisation", length=154
            )
        self.search_text = fold(" ".join([self.name, self.city, self.description]))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)


def fold(text: str) -> str:
    """Lower case without accents or ligatures: "Cœur Vélo" → "coeur velo"."""
    return anyascii(text).lower()


def search_terms(query: str, limit: int | None = 8) -> list[str]:
    """Folded words of a query; a final plural s/x is dropped so that "bénévoles" also
    finds "bénévole". Applied to both the indexed text and the query."""
    terms = []
    for word in re.findall(r"[a-z0-9]+", fold(query))[:limit]:
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]
        terms.append(word)
    return terms


class MembershipQuerySet(models.QuerySet):
    """The questions asked of memberships, by name: `Membership.objects.of_user(user)
    .of_organisation(organisation).admins().exists()` is "is this person one of its
    admins?". Each method adds one filter; they chain in any order."""

    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)

    def admins(self):
        """Active admins (a pending request is never an admin's)."""
        return self.filter(role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE)

    def of_user(self, user):
        return self.filter(user=user)

    def of_organisation(self, organisation):
        """`organisation`: an organisation or its id."""
        return self.filter(organisation=organisation)


class Membership(models.Model):
    """A person in an organisation. Requests start pending; an admin of the organisation
    approves them (refusing deletes the request, so the person may ask again later)."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrateur·rice")
        MEMBER = "member", _("Membre")

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        ACTIVE = "active", _("Active")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership"),
            models.CheckConstraint(
                condition=Q(status="active") | Q(role="member"),
                name="pending_membership_is_not_admin",
            ),
        ]
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")

    def __str__(self):
        return f"{self.user} → {self.organisation} ({self.role}, {self.status})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE


class Affiliation(models.Model):
    """An organisation belongs to a federation: requested by the organisation's admins,
    accepted by the federation's admins."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        ACTIVE = "active", _("Active")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    federation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="member_affiliations",
        limit_choices_to={"kind": Organisation.Kind.FEDERATION},
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["federation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "federation"], name="unique_affiliation"
            ),
            models.CheckConstraint(
                condition=~Q(organisation=models.F("federation")), name="no_self_affiliation"
            ),
        ]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self):
        return f"{self.organisation} ∈ {self.federation} ({self.status})"


class TermsAcceptance(models.Model):
    """Someone accepted the charter and read the privacy notice, in these versions
    (`community.privacy`): recorded at sign-up, kept with the account."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="terms_acceptances")
    charter_version = models.CharField(_("version de la charte"), max_length=60, blank=True)
    privacy_version = models.CharField(
        _("version de la politique de confidentialité"), max_length=20
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("acceptation de la charte")
        verbose_name_plural = _("acceptations de la charte")

    def __str__(self):
        return f"{self.user_id} {self.privacy_version} {self.charter_version}"


# Notifications and their preferences, in a module of their own (imported last: they
# point at User).
from community.models.notifications import Notification as Notification  # noqa: E402
from community.models.notifications import (  # noqa: E402
    NotificationSettings as NotificationSettings,
)
