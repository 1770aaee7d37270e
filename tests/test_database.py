"""tests/database.py: after a transactional test, the database is as the migrations left it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Locale, Page, Site

from community.models import Organisation
from tests.database import back_to_baseline
from tests.factories import OrganisationFactory


def snapshot() -> dict[str, list]:
    return {
        "pages": list(Page.objects.order_by("path").values_list("pk", "path", "title")),
        "sites": list(Site.objects.values_list("pk", "root_page_id", "is_default_site")),
        "locales": list(Locale.objects.values_list("pk", "language_code")),
        "groups": sorted(Group.objects.values_list("name", "permissions__codename")),
        "content types": sorted(ContentType.objects.values_list("pk", "model")),
        "permissions": Permission.objects.count(),
    }


@pytest.mark.django_db(transaction=True)
def test_back_to_baseline_empties_what_a_test_wrote_and_restores_what_migrations_wrote():
    before = snapshot()
    assert before["sites"] and before["pages"] and before["locales"]
    OrganisationFactory(name="Les Ateliers Récup")
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    Group.objects.filter(name="Editors").delete()

    back_to_baseline()

    assert Organisation.objects.count() == 0
    assert snapshot() == before


@pytest.mark.django_db(transaction=True)
def test_back_to_baseline_empties_tables_whose_foreign_key_is_not_deferrable():
    """Rows are deleted table by table (in name order); a foreign key checked at once, not
    at commit, refuses that when the referenced table comes first: TRUNCATE takes over."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE a_probe_parent (id integer PRIMARY KEY)")
        cursor.execute(
            "CREATE TABLE b_probe_child (parent_id integer NOT NULL "
            "REFERENCES a_probe_parent (id) NOT DEFERRABLE)"
        )
    try:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO a_probe_parent VALUES (1)")
            cursor.execute("INSERT INTO b_probe_child VALUES (1)")
        OrganisationFactory(name="Les Ateliers Récup")

        back_to_baseline()

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT count(*) FROM a_probe_parent), (SELECT count(*) FROM b_probe_child)"
            )
            assert cursor.fetchone() == (0, 0)
        assert Organisation.objects.count() == 0
        assert Site.objects.filter(is_default_site=True).exists()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE b_probe_child, a_probe_parent")
