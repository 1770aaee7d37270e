"""Proposals to an intervision's harvest are limited per person: 20 a minute
(`intervisions.services.PROPOSALS_PER_MINUTE`); the 21st is refused with the message
saying to wait, while a resend of one already stored is still acknowledged."""

from __future__ import annotations

import uuid

import pytest

from community.services import ServiceError
from intervisions import services
from intervisions.models import HarvestItem, Part

pytestmark = pytest.mark.django_db

PROPOSALS_PER_MINUTE = 20


def test_the_twenty_first_proposal_within_a_minute_is_refused(group):
    session = services.start_session(user=group.fred, intervision=group.intervision)
    parts = list(Part)
    first = uuid.uuid4()
    for n in range(PROPOSALS_PER_MINUTE):
        services.propose(
            user=group.anna,
            session=session,
            part=parts[n % len(parts)],
            text=f"Idée {n}",
            client_id=first if n == 0 else uuid.uuid4(),
        )

    with pytest.raises(ServiceError) as refused:
        services.propose(
            user=group.anna, session=session, part=Part.TIPS, text="Encore", client_id=uuid.uuid4()
        )
    resent, created = services.propose(
        user=group.anna, session=session, part=parts[0], text="Idée 0", client_id=first
    )
    bruno_item, bruno_created = services.propose(
        user=group.bruno, session=session, part=Part.TIPS, text="La mienne", client_id=uuid.uuid4()
    )

    assert services.PROPOSALS_PER_MINUTE == PROPOSALS_PER_MINUTE
    assert refused.value.message == "Vous proposez très vite : attendez une minute."
    assert HarvestItem.objects.filter(proposed_by=group.anna).count() == PROPOSALS_PER_MINUTE
    assert (resent.text, created) == ("Idée 0", False)
    # The limit is Anna's own.
    assert bruno_created and bruno_item.pk
