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

from .fields import MultiLineTextField, OneLineCharField
from .slugs import unique_slug
from .timezones import time_zone_choices


def _time_zone_choices():
    return time_zone_choices()


class Taxonomy(models.Model):
    """A shared term, editable by editors as a Wagtail snippet."""

    name = OneLineCharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

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


class Notification(models.Model):
    """Something that happened for a person, listed in /moi/ (in-app notification)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField(_("message"), max_length=300)
    url = models.CharField(_("lien"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.message


# --- Rooms ---------------------------------------------------------------------------------
# Real-time discussion rooms. A room belongs to a theme (open to every member), to a Wagtail
# page (a sheet, an event: `wagtailcore.Page`, so community imports neither app), to an
# organisation (its private room; a federation's room is also open to the people of its
# member organisations) or to two people (direct conversation). Who may do what is decided in
# `community/access.py`; every write and every broadcast goes through
# `community/services/rooms.py`.


class RoomQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("organisation", "user_a", "user_b")


class Room(models.Model):
    """A place where members talk. Messages are numbered 1, 2, 3… per room (`last_seq`)."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Salon thématique")
        PAGE = "page", _("Discussion d'une page")
        ORGANISATION = "organisation", _("Salon d'organisation")
        DIRECT = "direct", _("Conversation privée")

    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)
    title = OneLineCharField(_("titre"), max_length=160)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.THEME)
    description = MultiLineTextField(_("description"), max_length=1000, blank=True)
    # `related_name="+"`: Wagtail pages need no reverse accessor; the room of a page is
    # found with Room.objects.filter(page=...).
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # The organisation whose private room this is (kind "organisation"), or the owner of a
    # page's room (the sheet's organisation): its admins moderate the room.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rooms",
    )
    # The two people of a direct conversation, smaller id first: one pair, one room.
    user_a = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user_b = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    last_seq = models.PositiveIntegerField(_("dernier message"), default=0, editable=False)
    archived = models.BooleanField(
        _("archivé"), default=False, help_text=_("Un salon archivé se lit mais ne s'écrit plus.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoomQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("archived"),
    ]

    class Meta:
        ordering = ["title"]
        permissions = [("moderate_rooms", _("Modérer tous les salons"))]
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=Q(kind="page"), name="one_room_per_page"
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(kind="organisation"),
                name="one_room_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["user_a", "user_b"],
                condition=Q(kind="direct"),
                name="one_conversation_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(kind="direct") | Q(user_a__lt=models.F("user_b")),
                name="direct_room_pair_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(kind="page") | Q(page__isnull=False), name="page_room_has_page"
            ),
            models.CheckConstraint(
                condition=~Q(kind="organisation") | Q(organisation__isnull=False),
                name="organisation_room_has_organisation",
            ),
        ]
        verbose_name = _("salon")
        verbose_name_plural = _("salons")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:room", args=[self.slug])

    @property
    def is_direct(self):
        return self.kind == self.Kind.DIRECT

    def label_for(self, user) -> str:
        """The title as this person sees it: a direct conversation is named after the other
        person (needs `user_a`/`user_b` selected, see `for_listing()`)."""
        if self.kind != self.Kind.DIRECT:
            return self.title
        other = self.user_b if getattr(user, "pk", None) == self.user_a_id else self.user_a
        return str(other) if other else self.title


class RoomMessage(models.Model):
    """One message of a room, numbered without gaps (`seq`) and stored as sanitised HTML.

    The same author and `client_id` twice is one message: clients may resend safely."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField(_("numéro"))
    # SET_NULL keeps the numbering without gaps when a person deletes their account.
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="room_messages"
    )
    client_id = models.UUIDField(_("identifiant client"))
    body_markdown = models.TextField(_("texte (Markdown)"))
    html = models.TextField(_("texte (HTML assaini)"))
    reply_to_seq = models.PositiveIntegerField(_("en réponse au message"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["room", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["room", "seq"], name="unique_message_seq"),
            models.UniqueConstraint(
                fields=["room", "author", "client_id"], name="unique_message_client_id"
            ),
        ]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.room} #{self.seq}"

    @property
    def is_gone(self):
        """Deleted by its author or hidden by a moderator: its text is no longer shown."""
        return bool(self.deleted_at or self.hidden_at)


class ReadMarker(models.Model):
    """How far a person has read a room; unread = room.last_seq - last_read_seq."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="read_markers")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="read_markers")
    last_read_seq = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["room", "user"], name="unique_read_marker")]

    def __str__(self):
        return f"{self.user} {self.room} ≤ {self.last_read_seq}"


class RoomSanction(models.Model):
    """A moderator's decision about a person in a room: muted (reads, cannot write) or
    banned (can neither read nor write), until a date or for good."""

    class Kind(models.TextChoices):
        MUTE = "mute", _("Rendu muet")
        BAN = "ban", _("Exclu")

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="sanctions")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="room_sanctions")
    kind = models.CharField(_("mesure"), max_length=10, choices=Kind.choices)
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    until = models.DateTimeField(_("jusqu'au"), null=True, blank=True)
    reason = models.CharField(_("motif"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "user", "kind"], name="unique_room_sanction")
        ]
        verbose_name = _("mesure de modération")
        verbose_name_plural = _("mesures de modération")

    def __str__(self):
        return f"{self.user} {self.kind} {self.room}"


class MessageReport(models.Model):
    """A member tells the moderators that a message is a problem."""

    class Status(models.TextChoices):
        OPEN = "open", _("À traiter")
        HANDLED = "handled", _("Traité")

    class Outcome(models.TextChoices):
        HIDDEN = "hidden", _("Message masqué")
        DISMISSED = "dismissed", _("Classé sans suite")

    message = models.ForeignKey(RoomMessage, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="message_reports"
    )
    reason = models.CharField(_("motif"), max_length=500, blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.CharField(_("décision"), max_length=10, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "reporter"], name="one_report_per_person_and_message"
            )
        ]
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")

    def __str__(self):
        return f"{self.message} ({self.get_status_display()})"


class ModerationLog(models.Model):
    """Everything moderators do, for accountability. Written by the rooms service only."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Message masqué")
        MUTE = "mute", _("Personne rendue muette")
        BAN = "ban", _("Personne exclue")
        LIFT = "lift", _("Mesure levée")
        DISMISS = "dismiss", _("Signalement classé")

    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="moderation_log")
    message = models.ForeignKey(
        RoomMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    detail = models.CharField(_("détail"), max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("journal de modération")
        verbose_name_plural = _("journal de modération")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.room}"


class Mention(models.Model):
    """Someone was @mentioned in a message. People who were not in the room at that moment
    get an email: one digest per person for all their pending mentions (see
    `services.rooms.send_mention_digest`), not one email per message."""

    message = models.ForeignKey(RoomMessage, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mentions")
    email_wanted = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="one_mention_per_message")
        ]
        indexes = [models.Index(fields=["user", "emailed_at"], name="mention_pending_idx")]

    def __str__(self):
        return f"@{self.user} {self.message}"
