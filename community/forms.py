"""Forms of the community app. Labels and errors in the person's language."""

from __future__ import annotations

import unicodedata
from typing import cast

from django import forms
from django.conf import settings
from django.core import validators
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from PIL import Image

from . import privacy
from .fields import MultiLineFormField, OneLineFormField
from .models import Membership, Organisation, Region, Sector, Theme, User, search_terms
from .services.accounts import complete_signup
from .widgets import QuickSelect

MAX_IMAGE_BYTES = settings.RELAIS["LOGO_MAX_BYTES"]


def slug_choice(label, queryset, empty_label):
    """A filter that picks a row by its slug (the value used in addresses); its options
    drawn without a template each (a network has thousands of organisations)."""
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        to_field_name="slug",
        required=False,
        empty_label=empty_label,
        widget=QuickSelect,
    )


class FilterForm(forms.Form):
    """The filters of a list, read from its GET parameters: a value that is not understood
    is reported (`labelled_errors`) and counts as absent, never a server error."""

    def cleaned_or_default(self) -> dict:
        """The valid values; an invalid one counts as absent (its error is shown)."""
        cleaned = getattr(self, "cleaned_data", None) or {}
        return {name: None if name in self.errors else cleaned.get(name) for name in self.fields}


def query_without(params, *names: str) -> str:
    """A list's GET parameters without `names` (e.g. the page, for its pagination links)."""
    query = params.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def labelled_errors(form) -> list[tuple[str | Promise, str]]:
    """A bound form's errors as (field label, message) pairs, in field order."""
    return [
        (form.fields[name].label if name in form.fields else "", message)
        for name, messages in form.errors.items()
        for message in messages
    ]


def validate_image_size(image):
    if image and hasattr(image, "size") and image.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("L'image dépasse %(max)s Mo : choisissez un fichier plus léger."),
            params={"max": MAX_IMAGE_BYTES // (1024 * 1024)},
            code="too_large",
        )


class BoundedImageField(forms.ImageField):
    """An image field that refuses pictures of more than RELAIS["IMAGE_MAX_PIXELS"] pixels.

    A small file can hold a huge picture (a "decompression bomb": 144 megapixels of one
    colour compress to a few kilobytes) that would take the server's memory when decoded.
    Pillow itself refuses it before decoding (Image.MAX_IMAGE_PIXELS, set in
    CommunityConfig); the header's size is checked too. Either way, a clear message."""

    def to_python(self, data):
        try:
            image_file = super().to_python(data)
        except ValidationError as error:
            if isinstance(error.__cause__, Image.DecompressionBombError):
                raise self._too_many_pixels() from None
            raise
        if image_file is not None:
            width, height = image_file.image.size
            if width * height > settings.RELAIS["IMAGE_MAX_PIXELS"]:
                raise self._too_many_pixels()
        return image_file

    @staticmethod
    def _too_many_pixels() -> ValidationError:
        return ValidationError(
            _(
                "Cette image est trop grande : %(max)s mégapixels au plus. Réduisez ses "
                "dimensions (par exemple à 2000 × 2000 pixels), puis envoyez-la à nouveau."
            ),
            params={"max": settings.RELAIS["IMAGE_MAX_PIXELS"] // 1_000_000},
            code="too_many_pixels",
        )


DISPLAY_NAME_MAX_LENGTH = 60
# Invisible characters that reverse or isolate the text around them (a name could make
# what follows it read backwards): other one-line fields drop them (community/text.py:
# one_line), a name's form refuses them with the reason. Line breaks, tabs and other
# control characters are already folded into spaces by OneLineFormField.
_BIDI_CONTROLS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_display_name(value: str) -> str:
    """A person's name as others see it: one short line of visible text."""
    if any(char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            _("Votre nom contient un caractère invisible de mise en forme : retirez-le."),
            code="invisible_characters",
        )
    name = " ".join(value.split())
    if not name:
        raise ValidationError(_("Indiquez votre nom."), code="required")
    return name


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form gets in addition to email and password."""

    display_name = OneLineFormField(
        label=_("Votre nom"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("Tel qu'il apparaîtra aux autres membres, par exemple « Camille Dubois »."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        keep_bidi=True,  # refused by clean_display_name, with the reason
    )

    accept_terms = forms.BooleanField(
        label=_("J'accepte la charte du réseau et j'ai lu la politique de confidentialité"),
        error_messages={
            "required": _(
                "Pour rejoindre Relais, acceptez la charte et lisez la politique de "
                "confidentialité."
            )
        },
    )

    field_order = ["display_name", "email", "password1", "password2", "accept_terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        charter = privacy.charter_page()
        self.charter_version = privacy.charter_version(charter)
        notice = format_html(
            '<a href="{}">{}</a>', reverse("privacy"), _("Lire la politique de confidentialité")
        )
        self.fields["accept_terms"].help_text = (
            format_html('<a href="{}">{}</a> · {}', charter.url, _("Lire la charte"), notice)
            if charter is not None
            else notice
        )

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        complete_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            language=getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            charter_version=self.charter_version,
            privacy_version=privacy.PRIVACY_NOTICE_VERSION,
        )


class ProfileForm(forms.ModelForm):
    interests = forms.ModelMultipleChoiceField(
        label=_("Centres d'intérêt"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["display_name", "bio", "avatar", "interests", "preferred_language", "time_zone"]
        field_classes = {"avatar": BoundedImageField}
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        validate_image_size(avatar)
        return avatar

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One short line, as at sign-up (the column holds 120 for names written before).
        name = self.fields["display_name"]
        name.keep_bidi = True  # refused by clean_display_name, with the reason
        name.max_length = DISPLAY_NAME_MAX_LENGTH
        name.widget.attrs["maxlength"] = str(DISPLAY_NAME_MAX_LENGTH)
        name.validators = [
            v for v in name.validators if not isinstance(v, validators.MaxLengthValidator)
        ] + [validators.MaxLengthValidator(DISPLAY_NAME_MAX_LENGTH)]

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])


class OrganisationForm(forms.ModelForm):
    # "asso.example" is understood as https://asso.example.
    website = forms.URLField(label=_("Site web"), required=False, assume_scheme="https")
    sectors = forms.ModelMultipleChoiceField(
        label=_("Secteurs"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "legal_form",
            "sectors",
            "region",
            "city",
            "staff_size",
            "volunteers",
            "website",
            "description",
            "logo",
            "contact_email",
            "contact_phone",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"logo": BoundedImageField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].empty_label = _("— choisir —")
        self.fields["staff_size"].choices = [("", _("— choisir —"))] + list(
            Organisation.Size.choices
        )
        # Once an organisation exists, its kind decides who may do what (federations
        # announce events…): editors change it in the admin, not its members.
        if self.instance.pk:
            self.fields["kind"].disabled = True
            self.fields["kind"].help_text = _("Pour changer le type, contactez l'équipe Relais.")
        else:
            # A federation manager announces events for many organisations: federations
            # are added by the Relais team (Wagtail admin), not self-declared.
            self.fields["kind"].choices = [
                choice
                for choice in Organisation.Kind.choices
                if choice[0] != Organisation.Kind.FEDERATION
            ]
            self.fields["kind"].help_text = _(
                "Une fédération ? Contactez l'équipe Relais pour l'inscrire."
            )

    def profile_values(self) -> dict:
        """The cleaned values the organisation services take. A disabled field (the kind,
        once the organisation exists) is shown, not written."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if not self.fields[name].disabled
        }

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Organisation.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(
                _("Une organisation porte déjà ce nom : demandez plutôt à la rejoindre.")
            )
        return name

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        validate_image_size(logo)
        return logo


class JoinRequestForm(forms.Form):
    message = MultiLineFormField(
        label=_("Un mot pour l'équipe qui gère l'organisation (facultatif)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AffiliationRequestForm(forms.Form):
    federation = forms.ModelChoiceField(
        label=_("Fédération"), queryset=Organisation.objects.none(), empty_label=_("— choisir —")
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["federation"]).queryset = (
            Organisation.objects.federations()
            .exclude(pk=organisation.pk)
            .exclude(member_affiliations__organisation=organisation)
        )


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)


class DirectoryFilterForm(forms.Form):
    """Filters of /organisations/. Unknown values are reported, never a server error."""

    q = forms.CharField(label=_("Rechercher"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous"))] + Organisation.Kind.choices
    )
    sector = slug_choice(_("Secteur"), Sector.objects.all(), _("Tous"))
    region = slug_choice(_("Région"), Region.objects.all(), _("Toutes"))
    federation = slug_choice(_("Fédération"), Organisation.objects.federations(), _("Toutes"))

    def filter(self, queryset):
        """Apply the valid filters; invalid ones are listed in `self.errors` and ignored."""
        self.is_valid()
        data = self.cleaned_data
        for term in search_terms(data.get("q") or ""):
            queryset = queryset.filter(search_text__contains=term)
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("sector"):
            queryset = queryset.filter(sectors=data["sector"])
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        if data.get("federation"):
            queryset = queryset.filter(
                affiliations__federation=data["federation"], affiliations__status="active"
            )
        return queryset.distinct()
