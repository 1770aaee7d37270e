"""No diagnostic figure on a federation's dashboard below five diagnosed members: members
that have not taken it do not count, nor does an organisation the viewer belongs to (its
own answers would unmask the others')."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.diagnostic.federation_fixtures import build_federation
from tests.factories import MembershipFactory
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_federation = built_once_per_module(
    lambda sizes: build_federation(size=sizes[0], diagnosed=sizes[1]), params=[(6, 4), (5, 5)]
)


def dashboard_of(built, viewer):
    client = Client()
    client.force_login(viewer)
    response = client.get(f"/organisations/{built['federation'].slug}/tableau-de-bord/")
    return response.context["dashboard"]


def test_five_diagnosed_members_are_needed_and_the_viewers_own_do_not_count(_federation):
    built = _federation.copy()
    diagnosed = built["diagnosed"]
    shown = dashboard_of(built, built["manager"])
    assert (shown.diagnosed, bool(shown.axes), bool(shown.gaps)) == (
        diagnosed,
        diagnosed >= 5,
        diagnosed >= 5,
    )
    # The manager also belongs to one of the diagnosed members: four left, nothing shown.
    MembershipFactory(user=built["manager"], organisation=built["members"][0])
    own_left_out = dashboard_of(built, built["manager"])
    assert (own_left_out.diagnosed, own_left_out.axes, own_left_out.gaps) == (
        diagnosed - 1,
        [],
        [],
    )
