"""The facilitator's preparation form: who facilitates, which protocol, how long each step
lasts, and the room's confidence."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import User
from practices.models import Adoption

from .protocols import PROTOCOLS
from .services import MAX_STEP_MINUTES

# The retentions a group may choose (the privacy notice lists them).
RETENTION_DAYS = (7, 30, 90)
RETENTION_CHOICES = [
    ("", _("Garder les messages")),
    ("7", _("Effacer les messages 7 jours après la séance")),
    ("30", _("Effacer les messages 30 jours après la séance")),
    ("90", _("Effacer les messages 90 jours après la séance")),
]


class PrepareForm(forms.Form):
    facilitator = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Animateur·rice"), empty_label=None
    )
    protocol = forms.ChoiceField(
        label=_("Protocole"),
        choices=[(key, protocol.name) for key, protocol in PROTOCOLS.items()],
        widget=forms.RadioSelect,
    )
    chatham_house = forms.BooleanField(
        label=_("Règle de Chatham House : les messages ne montrent pas leur auteur·e"),
        required=False,
    )
    retention = forms.ChoiceField(
        label=_("Conservation des messages"), choices=RETENTION_CHOICES, required=False
    )

    def __init__(self, *args, people, protocol: str, minutes: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = people  # type: ignore[attr-defined]
        self.protocol_key = protocol
        for n, step in enumerate(PROTOCOLS[protocol].steps, start=1):
            self.fields[f"minutes_{n}"] = forms.IntegerField(
                label=str(step.title),
                min_value=1,
                max_value=MAX_STEP_MINUTES,
                initial=minutes[n - 1] if n <= len(minutes) else step.minutes,
                help_text=_("minutes"),
            )

    def step_fields(self):
        return [self[name] for name in self.fields if name.startswith("minutes_")]

    def values(self) -> dict:
        data = self.cleaned_data
        protocol = data["protocol"]
        # Durations are those of the protocol shown; another protocol starts from its own.
        minutes = (
            [data[f"minutes_{n}"] for n in range(1, len(PROTOCOLS[protocol].steps) + 1)]
            if protocol == self.protocol_key
            else None
        )
        return {
            "facilitator": data["facilitator"],
            "protocol": protocol,
            "minutes": minutes,
            "chatham_house": data["chatham_house"],
            "retention_days": int(data["retention"]) if data.get("retention") else None,
        }


class FollowUpForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Au nom de"), coerce=int)
    tried = forms.CharField(
        label=_("Qu'avez-vous essayé depuis la séance ?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.ChoiceField(
        label=_("Est-ce que ça a marché ?"),
        choices=Adoption.Outcome.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "organisation_id": data["organisation"],
            "tried": data["tried"],
            "outcome": data["outcome"],
        }
