"""The site-wide forms: deleting one's account."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AccountDeletion


class DeleteAccountForm(forms.Form):
    messages = forms.ChoiceField(
        label=_("Vos messages dans les salons"),
        choices=AccountDeletion.Messages.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez ce que deviennent vos messages.")},
    )
    password = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Ce mot de passe n'est pas le bon."))
        return password
