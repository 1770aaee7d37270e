"""The join request the membership tests share (tests/community/test_memberships_*.py):
Bob, who asks to join (`requester`), and his pending request to the organisation of
`org_admin` (`join_request`). Test modules make them visible by assignment."""

from __future__ import annotations

import pytest

from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def requester(db):
    return UserFactory(display_name="Bob Demandeur", email="bob@example.org")


@pytest.fixture
def join_request(organisation, org_admin, requester):
    return MembershipFactory(organisation=organisation, user=requester, pending=True)
