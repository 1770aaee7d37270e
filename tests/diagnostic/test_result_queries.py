"""The result page costs the same queries whatever the number of peers, their sheets and
the voices (pinned), and a peer that did not consent is counted, never named."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from community.models import Organisation, Theme
from diagnostic import services
from tests.diagnostic.fixtures import build_questionnaire, diagnose
from tests.factories import OrganisationFactory
from tests.practices.fixtures_listing import build_index, make_sheet, make_tool
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

RESULT_QUERIES = 25


def build(peers: int) -> dict:
    build_questionnaire()
    library = build_index()
    backups = Theme.objects.get(slug="cybersecurite")
    tools = [make_tool(f"Outil {n}") for n in range(3)]
    year_ago = timezone.now() - dt.timedelta(days=365)
    month_ago = timezone.now() - dt.timedelta(days=30)
    for n in range(peers):
        peer = OrganisationFactory(name=f"Pair {n}")
        diagnose(peer, {"sauvegardes": 0}, when=year_ago)
        diagnose(peer, {"sauvegardes": 3}, when=month_ago, shown=n % 2 == 0)
        make_sheet(
            library,
            title=f"Sauvegardes chez Pair {n}",
            tools=tools,
            organisation=peer,
            themes=[backups],
        )
    own = OrganisationFactory(name="Les Jardins Partagés")
    diagnostic = diagnose(own, {"sauvegardes": 0, "plan-numerique": 1}, when=timezone.now())
    return {"diagnostic": diagnostic, "admin": diagnostic.respondents.get().user}


_few = built_once_per_module(lambda: build(2))


def result_page(built, django_assert_num_queries):
    client = Client()
    client.force_login(built["admin"])
    client.get(f"/diagnostic/{built['diagnostic'].pk}/")  # sessions, caches
    with django_assert_num_queries(RESULT_QUERIES):
        return client.get(f"/diagnostic/{built['diagnostic'].pk}/")


def test_a_peer_that_did_not_consent_is_counted_never_named(_few, django_assert_num_queries):
    response = result_page(_few.copy(), django_assert_num_queries)
    points = {point.question.key: point for point in response.context["weak_points"]}
    backups = points["sauvegardes"]
    assert [peer.organisation.name for peer in backups.peers] == ["Pair 0"]
    assert backups.unnamed_peers == 1
    assert [s.title for s in backups.peers[0].sheets] == ["Sauvegardes chez Pair 0"]
    html = response.content.decode()
    peers = html.split("Des organisations qui ont comblé ce manque")[1].split("Fiches pratiques")[0]
    assert "Pair 0" in peers
    assert "Pair 1" not in peers
    assert "1 autre organisation a progressé sur ce point sans souhaiter être nommée." in peers


def test_consent_is_the_organisations_current_choice(_few, django_assert_num_queries):
    built = _few.copy()
    pair0 = Organisation.objects.get(name="Pair 0")
    latest = pair0.diagnostics.order_by("-created_at").first()
    services.set_peer_consent(diagnostic=latest, shown=False)
    pair1 = Organisation.objects.get(name="Pair 1")
    services.set_peer_consent(
        diagnostic=pair1.diagnostics.order_by("-created_at").first(), shown=True
    )
    response = result_page(built, django_assert_num_queries)
    backups = next(p for p in response.context["weak_points"] if p.question.key == "sauvegardes")
    assert ([p.organisation.name for p in backups.peers], backups.unnamed_peers) == (["Pair 1"], 1)


def test_progress_is_read_in_the_order_diagnostics_were_started(_few, django_assert_num_queries):
    """A late voice re-scoring the older diagnostic today does not turn it into the later
    one: Pair 0 still went from 0 to 3."""
    built = _few.copy()
    earlier = Organisation.objects.get(name="Pair 0").diagnostics.order_by("created_at").first()
    with transaction.atomic():
        services.refresh_scores(earlier)
    response = result_page(built, django_assert_num_queries)
    backups = next(p for p in response.context["weak_points"] if p.question.key == "sauvegardes")
    assert [(p.organisation.name, p.before, p.after) for p in backups.peers] == [
        ("Pair 0", 0.0, 3.0)
    ]
