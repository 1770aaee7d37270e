"""`ChoicesField`: several values of a fixed list in one column, e.g. the legal forms a
programme is open to. Stored as ",cooperative,association," so that "open to
cooperatives" is `legal_forms__contains="cooperative"` on every database (the lookup's value
goes through `get_prep_value`: ",cooperative,"); empty means "no
restriction". The form shows one checkbox per choice (the admin's page form included)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoicesField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        if not value:
            return []
        return [part for part in str(value).split(",") if part]

    def get_prep_value(self, value):
        values = self.to_python(value)
        return f",{','.join(values)}," if values else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {str(key) for key, _label in self.choices or []}
        unknown = [item for item in value if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Valeur inconnue : %(value)s.") % {"value": ", ".join(unknown)}, code="invalid"
            )
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=self.choices,
            widget=forms.CheckboxSelectMultiple,
            **{key: kwargs[key] for key in ("initial",) if key in kwargs},
        )

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key, default in (("max_length", 200), ("blank", True), ("default", "")):
            if kwargs.get(key) == default:
                kwargs.pop(key)
        return name, path, args, kwargs
