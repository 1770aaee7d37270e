"""The preferences form: a channel per kind, the digest's day and hour."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models.notifications import Channel, Kind, NotificationSettings


class PreferencesForm(forms.Form):
    digest_weekday = forms.TypedChoiceField(
        label=_("Jour du récapitulatif hebdomadaire"),
        choices=NotificationSettings.Weekday.choices,
        coerce=int,
    )
    digest_hour = forms.TypedChoiceField(
        label=_("Heure des récapitulatifs"),
        help_text=_("À l'heure de votre fuseau horaire (voir votre profil)."),
        choices=[(h, f"{h:02d}:00") for h in range(24)],
        coerce=int,
    )

    def __init__(self, *args, current: NotificationSettings, **kwargs):
        initial = {
            "digest_weekday": current.digest_weekday,
            "digest_hour": current.digest_hour,
            **{f"kind_{k}": v for k, v in current.all_channels().items()},
        }
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[f"kind_{kind.value}"] = forms.ChoiceField(
                label=kind.label, choices=Channel.choices, widget=forms.RadioSelect
            )
        # What to hear of first, then when the digests go.
        self.order_fields([f"kind_{kind.value}" for kind in Kind])

    def kind_fields(self):
        return [self[f"kind_{kind.value}"] for kind in Kind]

    def preferences(self) -> dict:
        data = self.cleaned_data
        return {
            "channels": {kind.value: data[f"kind_{kind.value}"] for kind in Kind},
            "digest_weekday": data["digest_weekday"],
            "digest_hour": data["digest_hour"],
        }
