"""The rule of a practice sheet's three-item parts: difficulties, tips, phases, tools and
keywords hold exactly three items each. The admin's page form (`PracticeSheetForm`) and the
submission wizard (`wizard`, `services.submission`) both apply it, with the same messages.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# The parts of a sheet that hold exactly three items, by relation name.
THREE_PARTS = {
    "difficulties": _("Difficultés"),
    "tips": _("Conseils"),
    "phases": _("Phases"),
    "sheet_tools": _("Outils"),
    "keywords": _("Mots-clés"),
}
ITEMS_PER_PART = 3


def three_items_errors(counts: dict[str, int]) -> list[str]:
    """One clear message per part that does not hold exactly three items.
    Shared by the admin form and the submission wizard."""
    errors = []
    for part, label in THREE_PARTS.items():
        count = counts.get(part, 0)
        if count != ITEMS_PER_PART:
            errors.append(
                _("%(part)s : %(count)s sur 3. Une fiche en compte exactement trois.")
                % {"part": label, "count": count}
            )
    return errors


class PracticeSheetForm(WagtailAdminPageForm):
    """The admin's form: every three-part holds exactly three items, or nothing is saved
    (not even a draft), with a message naming the part and its count."""

    def clean(self):
        cleaned_data = super().clean()
        counts = {}
        for part in THREE_PARTS:
            formset = self.formsets.get(part)
            if formset is None:
                continue
            formset.is_valid()  # fills each form's cleaned_data
            counts[part] = sum(
                1
                for form in formset.forms
                if not (formset.can_delete and formset._should_delete_form(form))
                and (form.instance.pk or form.has_changed())
            )
        for message in three_items_errors(counts):
            self.add_error(None, message)
        return cleaned_data
