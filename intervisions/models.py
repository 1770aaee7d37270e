"""Intervisions: an event of that kind, its protocol, its live sessions and their harvest.

- `Intervision`: one per intervision event (`events.EventPage`), prepared by the
  organisers' admins: a facilitator and a protocol (`protocols.py`), whose steps and their
  durations are `ProtocolStep` rows the facilitator may adjust.
- `Session`: one meeting of the group, run in the event's room: the current step and when
  it started, a `version` that grows with every change (the clients keep the newest state
  they were sent), and, once closed, the draft sheet it became.
- `HarvestItem`: what the group proposes for one part of the sheet (why, difficulties,
  tips, phases, tools, keywords), its supports (`HarvestSupport`) and whether the
  facilitator keeps it (three per part at most). Items name no author on any page or
  frame: the harvest is the group's.
- `Consent`: an organisation of the group agrees to co-sign the sheet born of a session.

Written by `intervisions.services` only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from community.models import Organisation
from events.models import EventPage
from practices.models import Adoption, SheetDraft

from .protocols import PROTOCOLS


class Part(models.TextChoices):
    """The parts of a practice sheet the harvest mirrors, in the sheet's order."""

    WHY = "why", _("Pourquoi se lancer")
    DIFFICULTIES = "difficulties", _("Difficultés")
    TIPS = "tips", _("Conseils")
    PHASES = "phases", _("Phases")
    TOOLS = "tools", _("Outils")
    KEYWORDS = "keywords", _("Mots-clés")


KEPT_PER_PART = 3


class Intervision(models.Model):
    event = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="intervision")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("animateur·rice"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    protocol = models.CharField(
        _("protocole"),
        max_length=20,
        choices=[(key, protocol.name) for key, protocol in PROTOCOLS.items()],
        default="case",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("intervision")
        verbose_name_plural = _("intervisions")

    def __str__(self):
        return self.event.title


class ProtocolStep(models.Model):
    intervision = models.ForeignKey(Intervision, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(_("étape"), max_length=120)
    guidance = models.CharField(_("consigne"), max_length=300, blank=True)
    minutes = models.PositiveSmallIntegerField(_("durée (minutes)"))

    class Meta:
        ordering = ["intervision", "position"]
        constraints = [
            models.UniqueConstraint(fields=["intervision", "position"], name="one_step_per_place")
        ]

    def __str__(self):
        return f"{self.position}. {self.title} ({self.minutes} min)"


class Session(models.Model):
    intervision = models.ForeignKey(Intervision, on_delete=models.CASCADE, related_name="sessions")
    started_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The position (from 1) of the step under way.
    current_step = models.PositiveSmallIntegerField(default=1)
    step_started_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)
    draft = models.ForeignKey(
        SheetDraft, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The participants were asked, six weeks after, what they tried (`FollowUp`).
    followup_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["intervision"],
                condition=Q(closed_at__isnull=True),
                name="one_running_session",
            )
        ]

    def __str__(self):
        return f"{self.intervision} · {self.started_at:%Y-%m-%d}"

    @property
    def running(self) -> bool:
        return self.closed_at is None


class HarvestItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    part = models.CharField(max_length=20, choices=Part.choices)
    text = models.CharField(max_length=300)
    # Who proposed it, for idempotence and the proposer's own "withdraw" only: shown to
    # nobody (SET_NULL: the item is the group's, it outlives the account).
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    client_id = models.UUIDField()
    from_message = models.PositiveIntegerField(null=True, blank=True)
    kept = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "part", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "proposed_by", "client_id"], name="one_item_per_client_id"
            )
        ]

    def __str__(self):
        return f"{self.part}: {self.text[:40]}"


class HarvestSupport(models.Model):
    item = models.ForeignKey(HarvestItem, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "user"], name="one_support")]

    def __str__(self):
        return f"{self.user} + {self.item}"


class Consent(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "organisation"], name="one_consent")
        ]

    def __str__(self):
        return f"{self.organisation} ✓ {self.session}"


class FollowUp(models.Model):
    """Six weeks after a session, an organisation of the group says what it tried and
    whether it worked: an adoption report on the sheet born of the session (at once if it
    is published, else when it is), shown at the start of the group's next session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="followups")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    tried = models.CharField(_("ce que nous avons essayé"), max_length=500)
    outcome = models.CharField(_("résultat"), max_length=10, choices=Adoption.Outcome.choices)
    reported = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "organisation"], name="one_followup_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} · {self.session} ({self.outcome})"
