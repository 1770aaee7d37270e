"""Text fields that store what people type in one shape (see `community.text`).

`MultiLineTextField` keeps line breaks as "\\n" whatever the browser sent (browsers send
a textarea's line breaks as "\\r\\n": stored as such, an unchanged form would still change
the text). `OneLineCharField` holds one line: titles, names and places end up in
iCalendar lines, email subjects and attributes, where a line break breaks the file.

The model fields normalise on every save (`get_prep_value` goes through `to_python`), so
the front end, the Wagtail admin and the services all store the same shape; their form
fields normalise what a form receives, so "unchanged" compares like with like. Both
deconstruct as Django's own fields: a model switching to them needs no migration.
"""

from __future__ import annotations

from django import forms
from django.db import models

from .text import multi_line, one_line


class OneLineFormField(forms.CharField):
    # True for a field whose form refuses bidi controls with a reason (a person's name)
    # rather than drop them (see `one_line`).
    keep_bidi = False

    def __init__(self, *args, keep_bidi=False, **kwargs):
        self.keep_bidi = keep_bidi
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return one_line(value, keep_bidi=self.keep_bidi) if isinstance(value, str) else value


class MultiLineFormField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.Textarea)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = multi_line(value) if isinstance(value, str) else value
        return super().to_python(value)


class OneLineCharField(models.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return one_line(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        if self.choices is None:
            kwargs.setdefault("form_class", OneLineFormField)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


class MultiLineTextField(models.TextField):
    def to_python(self, value):
        value = super().to_python(value)
        return multi_line(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        if self.choices is None:
            kwargs.setdefault("form_class", MultiLineFormField)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


class OneLineTitle:
    """For Wagtail pages: the title (and its draft and SEO versions) on one line, whoever
    writes it, front end or admin: Wagtail cleans a page before every save and revision."""

    def full_clean(self, *args, **kwargs):
        for name in ("title", "draft_title", "seo_title"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                setattr(self, name, one_line(value))
        return super().full_clean(*args, **kwargs)
