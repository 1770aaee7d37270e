"""What happened for a person (`Notification`) and how they want to hear of it
(`NotificationSettings`: a channel per kind, and the slot of their digest)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The kinds of notification, each with its own preference."""

    MENTION = "mention", _("On me mentionne dans un salon")
    DIRECT = "direct", _("On m'écrit un message privé")
    REPLY = "reply", _("On répond à mon message")
    SHEET_REVIEWED = "sheet", _("Mes fiches et mes évènements proposés sont relus")
    NEW_SHEET = "new_sheet", _("Une fiche paraît dans mes thèmes")
    EVENT = "event", _("Un évènement où je suis inscrit·e change")
    REQUEST = "request", _("Une demande attend ma réponse")
    PROGRAMME = "programme", _("Un programme de soutien que je suis ouvre un appel")
    DIAGNOSTIC = (
        "diagnostic",
        _("Mon organisation m'invite à son diagnostic ou il est temps de le refaire"),
    )
    INTERVISION = "intervision", _("Mon groupe d'intervision me demande des nouvelles")


class Channel(models.TextChoices):
    """How a person hears of a kind of notification."""

    INSTANT = "instant", _("Par e-mail tout de suite")
    DAILY = "daily", _("Dans un e-mail quotidien")
    WEEKLY = "weekly", _("Dans un e-mail hebdomadaire")
    APP = "app", _("Sur Relais seulement")
    NEVER = "never", _("Jamais")


# Mentions and direct messages by email at once, and what someone waits on or what cannot
# wait a week (a request to decide, a review of one's sheet, an event changed or cancelled);
# the rest (replies, new sheets, programmes' calls) in the weekly digest.
DEFAULT_CHANNELS = {kind: Channel.WEEKLY for kind in Kind} | {
    Kind.MENTION: Channel.INSTANT,
    Kind.DIRECT: Channel.INSTANT,
    Kind.REQUEST: Channel.INSTANT,
    Kind.SHEET_REVIEWED: Channel.INSTANT,
    Kind.EVENT: Channel.INSTANT,
    Kind.DIAGNOSTIC: Channel.INSTANT,
    Kind.INTERVISION: Channel.INSTANT,
}
DIGESTS = (Channel.DAILY, Channel.WEEKLY)


class Notification(models.Model):
    """One thing that happened for a person, about one object (`about_key`: "room:12",
    "page:34", "organisation:5"), by which the notification centre groups them and mail
    clients thread their emails."""

    Kind = Kind

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    message = models.CharField(_("message"), max_length=300)
    url = models.CharField(_("lien"), max_length=300, blank=True)
    excerpt = models.CharField(_("extrait"), max_length=300, blank=True)
    about_key = models.CharField(_("objet"), max_length=40, blank=True)
    about_label = models.CharField(_("titre de l'objet"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Waiting for an email (at once, batched, or in a digest): cleared when it is emailed,
    # read first, or was seen as it happened.
    email_due = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread"),
            models.Index(
                fields=["user", "created_at"],
                condition=models.Q(email_due=True),
                name="notification_email_due",
            ),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.message


class NotificationSettings(models.Model):
    """A person's choices: a channel per kind (`channels`, only what differs from
    `DEFAULT_CHANNELS`), the day and hour of their digest in their own time zone, and the
    last digest slots sent (so a late or repeated run neither skips nor doubles one)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("lundi")
        TUESDAY = 1, _("mardi")
        WEDNESDAY = 2, _("mercredi")
        THURSDAY = 3, _("jeudi")
        FRIDAY = 4, _("vendredi")
        SATURDAY = 5, _("samedi")
        SUNDAY = 6, _("dimanche")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    channels = models.JSONField(_("canaux"), default=dict, blank=True)
    digest_weekday = models.PositiveSmallIntegerField(
        _("jour du récapitulatif"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("heure du récapitulatif"), choices=[(h, f"{h:02d}:00") for h in range(24)], default=8
    )
    last_daily_slot = models.DateTimeField(null=True, blank=True)
    last_weekly_slot = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("préférences de notification")
        verbose_name_plural = _("préférences de notification")

    def __str__(self):
        return str(self.user)

    def channel(self, kind: str) -> str:
        chosen = self.channels.get(str(kind))
        return chosen if chosen in Channel.values else DEFAULT_CHANNELS[Kind(kind)]

    def all_channels(self) -> dict[str, str]:
        return {kind.value: self.channel(kind) for kind in Kind}

    def digest_kinds(self, channel: str) -> list[str]:
        return [kind for kind, chosen in self.all_channels().items() if chosen == channel]
