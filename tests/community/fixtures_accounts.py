"""What the account tests share (tests/community/test_accounts_*.py): another browser
(`client_factory`, a fixture test modules make visible by assignment) and whom a browser
is signed in as."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def client_factory():
    """Another browser: `client_factory(REMOTE_ADDR="10.0.0.9")` for another IP too."""
    return Client


def signed_in_user_id(client):
    """The primary key (as text) of the person `client` is signed in as, or None."""
    return client.session.get("_auth_user_id")
