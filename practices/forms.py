"""Forms of the submission wizard, one per part of a sheet (or per item of a three-part).

Every form has two modes. Lenient (`strict=False`) checks only the shape of the input
(lengths, known choices, a valid address) so that a half-written step can still be kept in
the draft. Strict (`strict=True`) also asks for what a submittable sheet needs; it runs on
"Suivant" and, again, on the whole draft at preview and submission time.
"""

from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from community.access import member_organisations
from community.fields import MultiLineFormField, OneLineFormField
from community.models import Organisation, Region, Sector, Theme
from community.widgets import QuickSelect
from programmes.models import ProgrammePage

from .models import PracticeSheetPage, Tool

TEXTAREA = forms.Textarea(attrs={"rows": 6})
SHORT_TEXTAREA = forms.Textarea(attrs={"rows": 3})


class WizardForm(forms.Form):
    # Drafts may be incomplete: the browser must not block "Précédent" or "Enregistrer le
    # brouillon" on an empty field. The server checks what is required (strict mode).
    use_required_attribute = False

    def __init__(self, *args, strict: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.strict = strict
        if not strict:
            for field in self.fields.values():
                field.required = False


class ContextForm(WizardForm):
    """Who wrote the sheet and in which situation."""

    title = OneLineFormField(label=_("Titre de la fiche"), max_length=255)
    summary = MultiLineFormField(
        label=_("Résumé"),
        max_length=500,
        widget=SHORT_TEXTAREA,
        help_text=_("Deux ou trois phrases : le projet et ce qu'il a changé (500 signes au plus)."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_(
            "La fiche est publiée au nom de cette organisation ; ses membres pourront la modifier."
        ),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Secteurs"),
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Région"), queryset=Region.objects.all(), required=False
    )
    organisation_size = forms.ChoiceField(
        label=_("Taille de l'organisation"),
        choices=[("", "—")] + list(Organisation.Size.choices),
        required=False,
    )
    duration = OneLineFormField(
        label=_("Durée du projet"),
        max_length=100,
        required=False,
        help_text=_("Par exemple « 8 mois »"),
    )
    budget = OneLineFormField(
        label=_("Budget"), max_length=100, required=False, help_text=_("Par exemple « 12 000 € »")
    )
    funding = OneLineFormField(label=_("Financements mobilisés"), max_length=300, required=False)
    funded_by = forms.ModelChoiceField(
        label=_("Un soutien de la liste de Relais qui l'a financé"),
        queryset=ProgrammePage.objects.live().order_by("title").only("pk", "title"),
        required=False,
        empty_label="—",
        help_text=_("La page du soutien montrera votre fiche : ce que vous en avez fait."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Dimensions de maturité numérique que le projet a fait avancer"),
        choices=[(key, label) for key, (_field, label) in PracticeSheetPage.DIMENSIONS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    written_after_diagnostic = forms.BooleanField(
        label=_("Nous avons mené ce projet après notre diagnostic numérique sur Relais"),
        required=False,
        help_text=_(
            "Les organisations qui ont le même manque à combler verront votre fiche en premier."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the organisations the person belongs to: a sheet speaks in their name.
        self.fields["organisation"].queryset = member_organisations(user)
        # An organisation must always be chosen, even in a half-written draft.
        self.fields["organisation"].required = True


class WhyForm(WizardForm):
    why = MultiLineFormField(
        label=_(
            "Pourquoi se lancer dans un projet numérique quand on est une entreprise "
            "d'économie sociale ?"
        ),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Texte simple ; laissez une ligne vide entre deux paragraphes."),
    )


class ResultsForm(WizardForm):
    results = MultiLineFormField(
        label=_("Résultats"),
        max_length=6000,
        widget=TEXTAREA,
        required=False,
        help_text=_("Texte simple ; laissez une ligne vide entre deux paragraphes."),
    )
    social_impact = MultiLineFormField(
        label=_("Impact social"),
        max_length=6000,
        widget=TEXTAREA,
        required=False,
        help_text=_(
            "Ce que le projet a changé pour les personnes : bénéficiaires, travailleurs, bénévoles."
        ),
    )


class ItemForm(WizardForm):
    """One difficulty, tip or phase: a title and a text, both or neither."""

    title = OneLineFormField(max_length=150, required=False)
    text = MultiLineFormField(max_length=1200, required=False, widget=SHORT_TEXTAREA)

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("%(item)s — titre") % {"item": label}
        self.fields["text"].label = _("%(item)s — texte") % {"item": label}

    @property
    def filled(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("title") or data.get("text"))

    def clean(self):
        data = super().clean()
        if self.strict and self.filled:
            for name in ("title", "text"):
                if not data.get(name):
                    self.add_error(name, self.fields[name].error_messages["required"])
        return data


class ToolRowForm(WizardForm):
    """One of the three tools: picked from the catalogue or proposed, and how it was used."""

    tool = forms.ModelChoiceField(
        queryset=Tool.objects.all(),
        required=False,
        empty_label=_("— Choisir dans le catalogue —"),
        widget=QuickSelect,  # the whole catalogue, three times on the page
    )
    new_name = OneLineFormField(max_length=100, required=False)
    new_website = forms.URLField(required=False, assume_scheme="https")
    new_licence = forms.ChoiceField(
        choices=[("", "—")] + list(Tool.Licence.choices), required=False
    )
    usage = MultiLineFormField(max_length=1000, required=False, widget=SHORT_TEXTAREA)

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        # The public catalogue, and the tool this row already names (one the person
        # proposed may still wait for an editor).
        cast(forms.ModelChoiceField, fields["tool"]).queryset = Tool.objects.filter(
            Q(live=True) | Q(pk=self.initial.get("tool") or 0)
        )
        fields["tool"].label = _("%(item)s — outil du catalogue") % {"item": label}
        fields["new_name"].label = _("%(item)s — ou nom d'un outil absent du catalogue") % {
            "item": label
        }
        fields["new_name"].help_text = _(
            "Laissez vide si vous avez choisi un outil du catalogue. L'équipe éditoriale "
            "complétera sa fiche."
        )
        fields["new_website"].label = _("%(item)s — site web du nouvel outil") % {"item": label}
        fields["new_licence"].label = _("%(item)s — licence du nouvel outil") % {"item": label}
        fields["usage"].label = _("%(item)s — comment nous l'avons utilisé") % {"item": label}

    @property
    def filled(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("tool") or data.get("new_name"))

    def clean(self):
        data = super().clean()
        if not self.strict:
            return data
        if data.get("tool") and data.get("new_name"):
            self.add_error(
                "new_name",
                _("Choisissez un outil du catalogue ou proposez-en un nouveau, pas les deux."),
            )
        if data.get("new_name") and not data.get("new_licence"):
            self.add_error("new_licence", _("Indiquez la licence du nouvel outil."))
        if self.filled and not data.get("usage"):
            self.add_error("usage", _("Dites en quelques mots comment vous l'avez utilisé."))
        if not self.filled and data.get("usage"):
            self.add_error("tool", _("Choisissez l'outil dont vous parlez."))
        return data


class KeywordsForm(WizardForm):
    keyword_1 = OneLineFormField(label=_("Mot-clé 1"), max_length=40, required=False)
    keyword_2 = OneLineFormField(label=_("Mot-clé 2"), max_length=40, required=False)
    keyword_3 = OneLineFormField(label=_("Mot-clé 3"), max_length=40, required=False)

    def words(self) -> list[str]:
        data = getattr(self, "cleaned_data", {})
        return [data.get(f"keyword_{n}", "") for n in (1, 2, 3)]
