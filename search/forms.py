"""The parameters of /recherche/: the query, the kind of result, the kind's own filters
and the page. A value that is not understood is reported in the person's language and
counts as absent (`community.forms.FilterForm`): never a server error."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from community.forms import FilterForm, slug_choice
from community.widgets import QuickSelect

from .kinds import BY_KEY, KINDS, Kind
from .matching import typos_supported

QUERY_MAX_LENGTH = 200


class SearchForm(FilterForm):
    q = forms.CharField(
        label=_("Rechercher sur Relais"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(
        label=_("Type de résultat"),
        required=False,
        choices=[("", _("Tous"))] + [(kind.key, kind.label) for kind in KINDS],
    )
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10000)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # What the database's search does (README, "Search"): say no more than that.
        self.fields["q"].help_text = (
            _("Accents, pluriels et petites fautes de frappe n'ont pas d'importance.")
            if typos_supported()
            else _("Les accents et les majuscules n'ont pas d'importance.")
        )
        self.kind = self._kind(data)
        if self.kind is not None:
            for flt in self.kind.filters:
                if flt.taxonomy is not None:
                    field = slug_choice(
                        flt.label, flt.taxonomy._default_manager.all(), flt.any_label
                    )
                else:
                    field = forms.ChoiceField(
                        label=flt.label,
                        required=False,
                        choices=[("", flt.any_label), *flt.choices],
                        widget=QuickSelect,
                    )
                self.fields[flt.name] = field

    @staticmethod
    def _kind(data) -> Kind | None:
        """The kind asked for, read before validation: its filters are fields of the form."""
        value = data.get("type") if data is not None else None
        return BY_KEY.get(value) if isinstance(value, str) else None

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def filter_values(self) -> dict:
        """The kind's filters that were given and understood, by name."""
        values = self.cleaned_or_default()
        if self.kind is None:
            return {}
        return {flt.name: values[flt.name] for flt in self.kind.filters if values.get(flt.name)}

    def filter_fields(self) -> list:
        return [self[flt.name] for flt in self.kind.filters] if self.kind else []

    def label_options(self, options: dict[str, list]) -> None:
        """Show each option of the kind's filters with its count (known only once the
        other filters have narrowed the results): `options` maps a filter's name to
        (value, label, count) rows."""
        for name, rows in options.items():
            flt = self.kind.filter_named(name) if self.kind else None
            if flt is None:
                continue
            field = cast(forms.ChoiceField, self.fields[name])
            choices = [("", flt.any_label)] + [
                (value, f"{label} ({count})") for value, label, count in rows
            ]
            field.choices = choices
            field.widget.choices = choices
