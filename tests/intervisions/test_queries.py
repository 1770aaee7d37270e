"""The room page in session mode costs the same number of queries whatever the size of
the harvest and of the group."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intervisions import services
from intervisions.models import Part
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_session_panel_queries_do_not_grow_with_the_harvest(group, client, site_settings):
    session = services.start_session(user=group.fred, intervision=group.intervision)
    client.force_login(group.anna)
    url = group.room.get_absolute_url()
    client.get(url)  # caches warmed: presence, the author's organisation
    small = queries_for(client, url)
    for n in range(5):
        for part in Part.values:
            item, _created = services.propose(
                user=group.bruno if n % 2 else group.anna,
                session=session,
                part=part,
                text=f"Piste {n}",
                client_id=uuid.uuid4(),
            )
            services.support(user=group.anna, session=session, item_id=item.pk, on=True)
        MembershipFactory(organisation=group.ressourcerie)
    services.consent(
        user=group.anna, session=session, organisation_id=group.ressourcerie.pk, on=True
    )
    big = queries_for(client, url)
    assert small == big == 22
