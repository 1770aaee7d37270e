"""A search that finds nothing: counted for the editors (no person attached), and met with
what to try instead: the filters whose removal gives results, the words that find
something alone, the lists to browse."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from search.models import SearchMiss
from tests.factories import UserFactory
from tests.search.conftest import build_search_site, found, postgresql, search
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_site = built_once_per_module(build_search_site)


@pytest.fixture
def site(_site, db):
    return _site.copy()


def _misses():
    return list(SearchMiss.objects.values_list("query", "count"))


def test_a_search_that_finds_nothing_is_counted_once_per_search(client, site):
    first = search(client, q="Zorglub")
    search(client, q="zorglub")
    search(client, q="  ZÖRGLUB ")

    assert found(first) == []
    assert first.context["missed"] is True
    assert _misses() == [("zorglub", 3)]
    miss = SearchMiss.objects.get()
    assert miss.first_seen <= miss.last_seen
    assert timezone.now() - miss.last_seen < dt.timedelta(minutes=1)
    # Every such search is counted: no cache keeps its answer for the next visitor.
    assert "no-cache" in first["Cache-Control"]


def test_each_query_that_finds_nothing_has_its_own_count(client, site):
    search(client, q="zorglub")
    search(client, q="Bénévole Xyzzy")
    search(client, q="benevole xyzzy")

    assert _misses() == [("benevole xyzzy", 2), ("zorglub", 1)]


@postgresql
def test_a_search_that_finds_something_is_not_counted(client, site):
    response = search(client, q="benevole")
    search(client, q="nextclod")  # found, with a typo
    search(client, q="zorglub", type="tool")  # nothing anywhere: counted once
    search(client, q="benevole", type="tool")  # nothing among tools, but elsewhere

    assert "no-cache" not in response.get("Cache-Control", "")
    assert _misses() == [("zorglub", 1)]


def test_a_miss_records_the_words_and_nobody(site):
    fields = [field.name for field in SearchMiss._meta.get_fields()]

    assert fields == ["id", "query", "count", "first_seen", "last_seen"]


@postgresql
def test_nothing_found_offers_the_words_that_find_something_alone(client, site):
    response = search(client, q="benevole xyzzy")

    assert response.context["fewer_words"] == [
        {"word": "benevole", "count": 2, "query": "q=benevole"}
    ]
    content = response.content.decode()
    assert "Aucun résultat pour « benevole xyzzy »." in content
    assert '<a href="?q=benevole">« benevole »</a>' in content
    assert "Cette recherche est notée, sans rien qui vous identifie" in content
    assert '<a href="/pratiques/proposer/">' in content


@postgresql
def test_nothing_found_in_a_kind_offers_to_look_in_every_kind(client, site):
    response = search(client, q="benevole", type="tool")

    assert found(response) == []
    assert response.context["missed"] is False
    assert response.context["remove"] == [
        {"label": "Type de résultat : Outils", "count": 2, "query": "q=benevole"}
    ]
    assert "Cette recherche est notée" not in response.content.decode()


def test_nothing_found_offers_the_nearest_filters_to_remove(client, site):
    """ "dossiers" is in the CRM sheet, whose theme is management."""
    response = search(client, q="dossiers", type="sheet", theme="benevolat", region="wallonie")

    assert found(response) == []
    assert response.context["remove"] == [
        {"label": "Type de résultat : Fiches pratiques", "count": 1, "query": "q=dossiers"},
    ]
    response = search(client, q="dossiers", type="sheet", theme="benevolat")
    assert response.context["remove"] == [
        {"label": "Type de résultat : Fiches pratiques", "count": 1, "query": "q=dossiers"},
        {"label": "Thème : Bénévolat", "count": 1, "query": "q=dossiers&type=sheet"},
    ]


def test_editors_read_the_misses_most_searched_first(client, site):
    for query, times in (("zorglub", 1), ("fiche comptable", 3), ("tiers lieu", 2)):
        for _ in range(times):
            search(client, q=query)
    editor = UserFactory(staff=True)  # a superuser
    client.force_login(editor)

    response = client.get(reverse("recherches-sans-resultat:index"))

    assert response.status_code == 200
    assert [str(row.instance) for row in response.context["table"].rows] == [
        "fiche comptable",
        "tiers lieu",
        "zorglub",
    ]
    assert "Recherches sans résultat" in response.content.decode()


def test_wagtails_editors_group_reads_the_misses_too(client, site):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    assert client.get(reverse("recherches-sans-resultat:index")).status_code == 200
    # Someone who may open the admin, not the misses: sent back to the admin's home.
    admin_only = Group.objects.create(name="Admin seulement")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    other = UserFactory(is_staff=True)
    other.groups.add(admin_only)
    client.force_login(other)
    response = client.get(reverse("recherches-sans-resultat:index"))
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_nobody_adds_changes_or_deletes_a_miss_in_the_admin(client, site):
    search(client, q="zorglub")
    miss = SearchMiss.objects.get()
    editor = UserFactory(staff=True)  # a superuser
    client.force_login(editor)

    for name, args in (("add", []), ("edit", [miss.pk]), ("delete", [miss.pk])):
        response = client.get(reverse(f"recherches-sans-resultat:{name}", args=args))
        assert response.status_code == 302, name
        assert response["Location"] == "/admin/", name
    assert (
        client.post(reverse("recherches-sans-resultat:delete", args=[miss.pk])).status_code == 302
    )
    assert _misses() == [("zorglub", 1)]
