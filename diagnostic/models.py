"""The self-diagnostic of digital maturity.

Editors write a `Questionnaire` in the Wagtail admin: its `Question`s, each on one of the
four axes (the sheets' maturity dimensions, `programmes.models.Dimension`), with five
levels from 0 (nothing in place) to 4, in French and, where given, English and Dutch. A
questionnaire that has been answered is never changed again: editors copy it into a new
version, and each `Diagnostic` keeps the version it answered. A question's `key` stays
the same from one version to the next, so that progress on it can be followed.

A `Diagnostic` belongs to an organisation. Its admin starts it and invites other voices
(`Respondent`: governance, staff, volunteers…); each answers on their own (`Answer`), and
each submission refreshes the diagnostic's scores (`scores`, and one `QuestionScore` per
question: what peers and federations read). The organisation picks up to three actions
(`PlanAction`) from the result."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from community.fields import MultiLineTextField, OneLineCharField
from community.models import Organisation, Theme
from community.translations import in_reader_language
from programmes.models import Dimension

from .admin_forms import QuestionnaireForm

LEVELS = range(5)
PLAN_SIZE = 3
# A plan is for the months ahead: a due date further than this is a typing slip.
PLAN_HORIZON_YEARS = 3


class Questionnaire(ClusterableModel):
    """One version of the questionnaire. The newest published one is the one new
    diagnostics answer."""

    title = OneLineCharField(_("titre"), max_length=160)
    title_en = OneLineCharField(_("titre (anglais)"), max_length=160, blank=True)
    title_nl = OneLineCharField(_("titre (néerlandais)"), max_length=160, blank=True)
    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    published = models.BooleanField(
        _("publiée"),
        default=False,
        help_text=_("Les nouveaux diagnostics répondent à la dernière version publiée."),
    )
    intro_infrastructure = MultiLineTextField(_("infrastructure et équipement"), blank=True)
    intro_organisation = MultiLineTextField(_("organisation et personnes"), blank=True)
    intro_processes = MultiLineTextField(_("processus"), blank=True)
    intro_strategy = MultiLineTextField(_("stratégie"), blank=True)
    intro_infrastructure_en = MultiLineTextField(
        _("infrastructure et équipement (anglais)"), blank=True
    )
    intro_infrastructure_nl = MultiLineTextField(
        _("infrastructure et équipement (néerlandais)"), blank=True
    )
    intro_organisation_en = MultiLineTextField(_("organisation et personnes (anglais)"), blank=True)
    intro_organisation_nl = MultiLineTextField(
        _("organisation et personnes (néerlandais)"), blank=True
    )
    intro_processes_en = MultiLineTextField(_("processus (anglais)"), blank=True)
    intro_processes_nl = MultiLineTextField(_("processus (néerlandais)"), blank=True)
    intro_strategy_en = MultiLineTextField(_("stratégie (anglais)"), blank=True)
    intro_strategy_nl = MultiLineTextField(_("stratégie (néerlandais)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    base_form_class = QuestionnaireForm

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("title_en"), FieldPanel("title_nl")]),
        FieldPanel("published"),
        MultiFieldPanel(
            [
                FieldPanel("intro_infrastructure"),
                FieldPanel("intro_organisation"),
                FieldPanel("intro_processes"),
                FieldPanel("intro_strategy"),
            ],
            heading=_("Ce que regarde chaque axe"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(f"intro_{axis}_en"), FieldPanel(f"intro_{axis}_nl")])
                for axis in ("infrastructure", "organisation", "processes", "strategy")
            ],
            heading=_("Les mêmes, en anglais et en néerlandais"),
        ),
        InlinePanel("questions", label=_("questions"), min_num=1),
    ]

    class Meta:
        ordering = ["-version"]
        verbose_name = _("questionnaire du diagnostic")
        verbose_name_plural = _("questionnaires du diagnostic")

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
        if self.version is None:
            last = Questionnaire.objects.aggregate(last=models.Max("version"))["last"]
            self.version = (last or 0) + 1
        super().save(*args, **kwargs)

    def intro(self, axis: str) -> str:
        return in_reader_language(self, f"intro_{axis}")[0]

    @property
    def answered(self) -> bool:
        return self.diagnostics.exists()


class Question(Orderable, ClusterableModel):
    """One question on one axis, with what each of its five levels looks like in practice.
    Clusterable so that its themes (a ParentalManyToManyField) are saved with it."""

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("clé"),
        max_length=60,
        help_text=_("Gardez la même clé d'une version à l'autre pour suivre les progrès."),
    )
    axis = models.CharField(_("axe"), max_length=20, choices=Dimension.choices)
    text = OneLineCharField(_("question"), max_length=300)
    text_en = OneLineCharField(_("question (anglais)"), max_length=300, blank=True)
    text_nl = OneLineCharField(_("question (néerlandais)"), max_length=300, blank=True)
    help = OneLineCharField(_("aide"), max_length=300, blank=True)
    help_en = OneLineCharField(_("aide (anglais)"), max_length=300, blank=True)
    help_nl = OneLineCharField(_("aide (néerlandais)"), max_length=300, blank=True)
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("thèmes"), blank=True, related_name="diagnostic_questions"
    )
    keywords = OneLineCharField(
        _("mots-clés"), max_length=200, blank=True, help_text=_("Séparés par des virgules.")
    )
    # What each level looks like, from 0 (nothing in place) to 4.
    level_0 = MultiLineTextField(_("niveau 0"), max_length=400)
    level_0_en = MultiLineTextField(_("niveau 0 (anglais)"), max_length=400, blank=True)
    level_0_nl = MultiLineTextField(_("niveau 0 (néerlandais)"), max_length=400, blank=True)
    level_1 = MultiLineTextField(_("niveau 1"), max_length=400)
    level_1_en = MultiLineTextField(_("niveau 1 (anglais)"), max_length=400, blank=True)
    level_1_nl = MultiLineTextField(_("niveau 1 (néerlandais)"), max_length=400, blank=True)
    level_2 = MultiLineTextField(_("niveau 2"), max_length=400)
    level_2_en = MultiLineTextField(_("niveau 2 (anglais)"), max_length=400, blank=True)
    level_2_nl = MultiLineTextField(_("niveau 2 (néerlandais)"), max_length=400, blank=True)
    level_3 = MultiLineTextField(_("niveau 3"), max_length=400)
    level_3_en = MultiLineTextField(_("niveau 3 (anglais)"), max_length=400, blank=True)
    level_3_nl = MultiLineTextField(_("niveau 3 (néerlandais)"), max_length=400, blank=True)
    level_4 = MultiLineTextField(_("niveau 4"), max_length=400)
    level_4_en = MultiLineTextField(_("niveau 4 (anglais)"), max_length=400, blank=True)
    level_4_nl = MultiLineTextField(_("niveau 4 (néerlandais)"), max_length=400, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("axis")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("text_en"), FieldPanel("text_nl")]),
        FieldPanel("help"),
        FieldRowPanel([FieldPanel("help_en"), FieldPanel("help_nl")]),
        FieldPanel("themes"),
        FieldPanel("keywords"),
        *[
            FieldRowPanel(
                [
                    FieldPanel(f"level_{level}"),
                    FieldPanel(f"level_{level}_en"),
                    FieldPanel(f"level_{level}_nl"),
                ],
                heading=_("Niveau %(level)s") % {"level": level},
            )
            for level in LEVELS
        ],
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "key"], name="diagnostic_question_key_once"
            )
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def level_texts(self) -> list[str]:
        return [getattr(self, f"level_{level}") for level in LEVELS]

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class Diagnostic(models.Model):
    """One organisation's diagnostic at one time, on one version of the questionnaire."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="diagnostics"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="diagnostics"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Refreshed at each submission: {"infrastructure": 42, …, "overall": 51} (0–100).
    scores = models.JSONField(default=dict, blank=True)
    scored_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The organisation accepts to be shown by name to others as a peer who progressed.
    show_as_peer = models.BooleanField(
        _("montrer nos progrès aux autres organisations"), default=False
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("diagnostic")
        verbose_name_plural = _("diagnostics")

    def __str__(self):
        return f"{self.organisation} ({self.created_at:%Y-%m-%d})"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Respondent(models.Model):
    """One voice in a diagnostic: the admin who started it, or a person they invited by
    email. An address that belongs to an account is bound to it at once (the person finds
    the invitation in their notifications and on /diagnostic/); otherwise the invitation's
    link binds it to the account that opens it. Either way it counts as accepted only once
    the person has opened the link and accepted."""

    class Role(models.TextChoices):
        GOVERNANCE = "governance", _("Gouvernance (conseil d'administration, direction)")
        STAFF = "staff", _("Équipe salariée")
        VOLUNTEERS = "volunteers", _("Bénévoles")
        OTHER = "other", _("Autre")

    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="diagnostic_voices",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    # When the person opened the invitation and accepted it (at once for the admin who
    # starts the diagnostic): until then it is "sent", even if their account is known.
    accepted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["diagnostic", "user"],
                condition=models.Q(user__isnull=False),
                name="diagnostic_one_voice_per_person",
            )
        ]
        verbose_name = _("personne qui répond")
        verbose_name_plural = _("personnes qui répondent")

    def __str__(self):
        return str(self.user or self.email)


class Answer(models.Model):
    """One person's level on one question; no level is "I don't know"."""

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    level = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(max(LEVELS))]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "question"], name="diagnostic_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(level__lte=max(LEVELS)), name="diagnostic_level_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.level}"


class QuestionScore(models.Model):
    """A diagnostic's mean level on one question (by its key, the same across versions),
    over the voices that submitted: what peer suggestions and federations read."""

    diagnostic = models.ForeignKey(
        Diagnostic, on_delete=models.CASCADE, related_name="question_scores"
    )
    key = models.SlugField(max_length=60)
    axis = models.CharField(max_length=20, choices=Dimension.choices)
    level = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["diagnostic", "key"], name="diagnostic_score_per_key")
        ]
        indexes = [models.Index(fields=["key", "level"], name="diagnostic_score_key_level")]

    def __str__(self):
        return f"{self.key}: {self.level:.1f}"


class PlanAction(models.Model):
    """One of the (at most three) actions an organisation chose from its result."""

    class Kind(models.TextChoices):
        SHEET = "sheet", _("Fiche pratique")
        TOOL = "tool", _("Outil")
        EVENT = "event", _("Évènement")
        PROGRAMME = "programme", _("Programme de soutien")
        PEER = "peer", _("Organisation pair")

    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    question_key = models.SlugField(max_length=60)
    title = OneLineCharField(_("action"), max_length=300)
    url = models.CharField(max_length=300)
    target_date = models.DateField(_("échéance"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["target_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["diagnostic", "url"], name="diagnostic_action_once")
        ]
        verbose_name = _("action du plan")
        verbose_name_plural = _("actions du plan")

    def __str__(self):
        return self.title
