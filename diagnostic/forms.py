"""The diagnostic's forms: each parses what a person sent and says what is wrong in
their language; the services do the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from community.translations import in_reader_language

from .models import LEVELS, Respondent

UNKNOWN = "nsp"


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, empty_label=None)
    role = forms.ChoiceField(
        label=_("Vous y répondez en tant que"), choices=Respondent.Role.choices
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Rôle dans l'organisation"), choices=Respondent.Role.choices)


def level_choices(question) -> list[tuple[str, str]]:
    return [(str(level), in_reader_language(question, f"level_{level}")[0]) for level in LEVELS] + [
        (UNKNOWN, str(_("Je ne sais pas")))
    ]


class AxisForm(forms.Form):
    """One axis's questions, one set of radio buttons each; a question left blank keeps
    its earlier answer (or stays to answer)."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=in_reader_language(question, "text")[0],
                help_text=in_reader_language(question, "help")[0],
                choices=level_choices(question),
                widget=forms.RadioSelect,
                required=False,
            )

    def levels(self) -> dict[int, int | None]:
        """{question id: level, or None for "I don't know"}, for the questions answered."""
        found: dict[int, int | None] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if value == UNKNOWN:
                found[question.pk] = None
            elif value:
                found[question.pk] = int(value)
        return found


class ConsentForm(forms.Form):
    show_as_peer = forms.BooleanField(
        label=_(
            "Montrer notre organisation, par son nom, aux organisations qui cherchent à "
            "progresser là où nous avons progressé"
        ),
        required=False,
    )


class ActionForm(forms.Form):
    reference = forms.CharField(max_length=40, widget=forms.HiddenInput)
    question = forms.SlugField(max_length=60, widget=forms.HiddenInput)
    # A date in the past is refused by `services.add_action`, with its reason.
    target_date = forms.DateField(label=_("Échéance"))


class TickForm(forms.Form):
    done = forms.BooleanField(required=False)
