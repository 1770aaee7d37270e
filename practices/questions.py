"""Asking a sheet's authors a question (issue 15): the question, and the forms that ask and
answer it. A model of `practices`, kept apart from the sheets' models.

The asker's address is never shown: the authors answer in the sheet's room, in a private
conversation on Relais (`rooms`), or by proposing an intervision; each answer reaches the
asker as a notification. `services.questions` is the only code that writes them."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from community.fields import MultiLineFormField, MultiLineTextField

QUESTION_MAX_LENGTH = 1000
# The answer is posted below the quoted question, in one room message (4000 characters).
ANSWER_MAX_LENGTH = 2000


class SheetQuestion(models.Model):
    """A member's question to the authors of a sheet, and how it was answered.

    One open question per person and sheet (a constraint): the authors are not asked twice
    before they answer. A person who leaves Relais leaves their questions, unsigned."""

    class How(models.TextChoices):
        ROOM = "room", _("dans le salon de la fiche")
        PRIVATE = "private", _("en privé")
        INTERVISION = "intervision", _("par une proposition d'intervision")

    sheet = models.ForeignKey(
        "practices.PracticeSheetPage",
        verbose_name=_("fiche"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = MultiLineTextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    how = models.CharField(_("réponse"), max_length=12, choices=How.choices, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("répondue par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "asker"],
                condition=Q(answered_at__isnull=True),
                name="one_open_question_per_asker",
            )
        ]
        verbose_name = _("question aux auteur·es")
        verbose_name_plural = _("questions aux auteur·es")

    def __str__(self):
        return self.text[:60]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class QuestionForm(forms.Form):
    """The question, on the sheet's page and on its own page (where errors are shown)."""

    text = MultiLineFormField(
        label=_("Votre question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Les auteur·es de la fiche la reçoivent avec votre nom, jamais votre adresse "
            "e-mail. Ils et elles choisissent de répondre dans le salon de la fiche, en "
            "privé ou par une intervision."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "question")
        super().__init__(*args, **kwargs)


class AnswerForm(forms.Form):
    """An answer in the sheet's room or in private (`where`: "room" or "private", also
    its prefix: both forms are on one page)."""

    LABELS = {
        "room": _("Votre réponse dans le salon"),
        "private": _("Votre réponse privée"),
    }
    HELP = {
        "room": _(
            "Publiée dans le salon de la fiche, sous la question citée (sans le nom de la "
            "personne qui l'a posée) : tous les membres la lisent."
        ),
        "private": _(
            "Envoyée dans une conversation privée entre vous et cette personne, sur Relais. "
            "Aucune adresse e-mail n'est échangée."
        ),
    }

    text = MultiLineFormField(
        max_length=ANSWER_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, where: str, **kwargs):
        kwargs["prefix"] = where
        super().__init__(*args, **kwargs)
        self.fields["text"].label = self.LABELS[where]
        self.fields["text"].help_text = self.HELP[where]
