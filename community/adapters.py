"""allauth adapters: how accounts are created and which emails they get."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # No username on Relais: the email address is the login.
        return None
