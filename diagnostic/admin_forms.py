"""The questionnaire's form in the Wagtail admin: a version that has been answered is
never changed (each diagnostic keeps the version it answered); editors make a new one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class QuestionnaireForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if instance.pk and instance.diagnostics.exists():
            raise ValidationError(
                _(
                    "Des organisations ont déjà répondu à cette version : elle ne peut plus "
                    "changer. Créez-en une nouvelle version depuis la liste des questionnaires "
                    "(« Nouvelle version »)."
                )
            )
        return cleaned
