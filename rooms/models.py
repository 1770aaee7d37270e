"""Real-time discussion rooms, their messages, read markers and moderation records.

A room belongs to a theme (open to every member), to a Wagtail page (a sheet, an event:
`wagtailcore.Page`, so rooms import neither app), to an organisation (its private room; a
federation's room is also open to the people of its member organisations) or to two people
(direct conversation). Who may do what is decided in `rooms/access.py`; every write and
every broadcast goes through `rooms/services/`.

These models lived in `community` until issue 10: `rooms/migrations/0001_initial.py` took
them over without touching the tables, `0002_rename_tables.py` renamed the tables.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from community.fields import MultiLineTextField, OneLineCharField
from community.models import Organisation, User


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
    # A person who deletes their account leaves the conversation to the other, archived
    # (website/account_deletion.py).
    user_a = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user_b = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_seq = models.PositiveIntegerField(_("dernier message"), default=0, editable=False)
    archived = models.BooleanField(
        _("archivé"), default=False, help_text=_("Un salon archivé se lit mais ne s'écrit plus.")
    )
    # Confidence (an intervision's room): under the Chatham House rule, what is said may be
    # used, never attributed: no message shows its author to anyone but the moderators,
    # in frames, pages, notifications and emails alike. Once promised, never lifted
    # (`rooms.services.confidence`).
    chatham_house = models.BooleanField(
        _("règle de Chatham House"),
        default=False,
        help_text=_(
            "Les messages ne montrent leur auteur·e qu'à la modération. Une fois promise, "
            "la règle ne se lève plus."
        ),
    )
    # Messages of a session are erased this many days after it ends (`RetentionCut`);
    # empty: kept.
    retention_days = models.PositiveSmallIntegerField(
        _("conservation des messages (jours après la séance)"),
        null=True,
        blank=True,
        help_text=_("Vide : les messages sont gardés."),
    )
    # Limited to its roster (`RoomMember`, kept by the app that owns the page: an
    # intervision's group), its moderators and its owners: "what is said at an intervision
    # stays in the group" (the charter).
    roster_only = models.BooleanField(_("réservé à son groupe"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoomQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("archived"),
        FieldPanel("chatham_house"),
        FieldPanel("retention_days"),
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
        return reverse("rooms:room", args=[self.slug])

    @property
    def is_direct(self):
        return self.kind == self.Kind.DIRECT

    def label_for(self, user) -> str:
        """The title as this person sees it: a direct conversation is named after the other
        person (needs `user_a`/`user_b` selected, see `for_listing()`)."""
        if self.kind != self.Kind.DIRECT:
            return self.title
        other = self.user_b if getattr(user, "pk", None) == self.user_a_id else self.user_a
        return str(other) if other else gettext("Ancien·ne membre")


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
    # Erased when the room's retention ran out (`deleted_at` is set too, the author gone).
    expired = models.BooleanField(default=False)

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


class RoomMember(models.Model):
    """Someone on a `roster_only` room's roster (`rooms.services.confidence.set_roster`)."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="roster")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["room", "user"], name="one_roster_row")]

    def __str__(self):
        return f"{self.user} ∈ {self.room}"


class RetentionCut(models.Model):
    """The messages of a room up to `upto_seq` are to be erased at `due_at` (the end of a
    session plus the room's retention). Written and carried out by
    `rooms.services.confidence` only."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="retention_cuts")
    upto_seq = models.PositiveIntegerField()
    due_at = models.DateTimeField(db_index=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at"]

    def __str__(self):
        return f"{self.room} ≤ {self.upto_seq} @ {self.due_at:%Y-%m-%d}"


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
    """Everything moderators do, for accountability. Written by `rooms.services.moderation` only."""

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
    `rooms.services.digests.send_mention_digest`), not one email per message."""

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
