"""Invitations to a diagnostic are emails to addresses that never asked for them: an admin
sends at most 30 a day (`diagnostic.services.INVITES_PER_DAY`); the 31st is refused with
the message saying when to try again, and no email goes."""

from __future__ import annotations

import pytest
from django.core import mail

from community.services import ServiceError
from diagnostic import services
from diagnostic.models import Respondent
from tests.diagnostic.fixtures import build_questionnaire
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

INVITES_PER_DAY = 30


def test_the_thirty_first_invitation_of_the_day_is_refused(django_capture_on_commit_callbacks):
    build_questionnaire()
    admin = MembershipFactory(admin=True).user
    diagnostic = services.start(
        organisation=admin.memberships.get().organisation, user=admin, role="staff"
    )
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(INVITES_PER_DAY):
            services.invite(
                diagnostic=diagnostic, by=admin, email=f"voix{n}@example.org", role="staff"
            )
    sent = len(mail.outbox)
    mail.outbox.clear()

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ServiceError) as refused,
    ):
        services.invite(diagnostic=diagnostic, by=admin, email="encore@example.org", role="staff")

    assert services.INVITES_PER_DAY == INVITES_PER_DAY
    assert sent == INVITES_PER_DAY
    assert refused.value.message == (
        "Vous avez envoyé beaucoup d'invitations aujourd'hui : réessayez demain."
    )
    assert mail.outbox == []
    assert not Respondent.objects.filter(email="encore@example.org").exists()
