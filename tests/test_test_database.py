"""The test suite's PostgreSQL backend (tests/postgresql/base.py): its flush empties every
table, whatever points at what, and leaves the database usable."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from community.models import Membership, Organisation, User
from tests.factories import MembershipFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the backend is PostgreSQL's"
)


def test_the_flush_deletes_rather_than_truncates():
    statements = connection.ops.sql_flush(no_style(), ["a_table", "b_table"])
    assert statements == ['DELETE FROM "a_table";', 'DELETE FROM "b_table";']


def test_sequences_are_reset_as_django_does_when_asked():
    statements = connection.ops.sql_flush(no_style(), ["a_table"], reset_sequences=True)
    assert statements == ['TRUNCATE "a_table" RESTART IDENTITY;']


@pytest.mark.django_db(transaction=True)
def test_flush_empties_tables_that_point_at_each_other():
    # A membership points at a user and an organisation: deleting the rows they point at
    # before the membership would fail if the keys were checked statement by statement.
    MembershipFactory()
    assert Membership.objects.count() == 1
    call_command("flush", verbosity=0, interactive=False)
    assert (Membership.objects.count(), Organisation.objects.count(), User.objects.count()) == (
        0,
        0,
        0,
    )
