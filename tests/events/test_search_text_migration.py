"""events 0004 writes every event's search text again, as `EventPage.save` now does: all the
words of its title, summary, venue and description (the text used to stop after eight
words and leave the description out)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from events.models import EventPage
from tests.events.conftest import publish_event
from tests.factories import OrganisationFactory

BEFORE = [("events", "0003_event_dates")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_writes_every_word_of_existing_events(calendar_page):
    event = publish_event(
        calendar_page,
        organisers=[OrganisationFactory()],
        title="Atelier du jeudi",
        summary="Nous verrons ensemble, pas à pas et sans jargon, la facturation partagée.",
        venue="Maison des associations, Gembloux",
        description="<p>Apportez votre portable.</p><p>Nous installerons <b>Dolibarr</b>.</p>",
    )
    # What the site wrote before: the first eight folded words of title, summary and venue.
    EventPage.objects.filter(pk=event.pk).update(
        search_text="atelier du jeudi nou verron ensemble pas a"
    )

    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert EventPage.objects.get(pk=event.pk).search_text == (
        "atelier du jeudi nou verron ensemble pas a pas et san jargon la facturation partagee "
        "maison des association gemblou apportez votre portable nou installeron dolibarr"
    )
