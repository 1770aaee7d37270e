"""Each refusal says what it is: the 403 page shows the reason of the rule that refused,
never a message about organisation admins for a ban from a room."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.utils.html import escape

from community.access import Refusal
from events.services import publishing
from practices.models import SheetDraft
from practices.services import submission
from tests.events.conftest import calendar_page, publish_event  # noqa: F401
from tests.factories import FederationFactory, MembershipFactory, OrganisationFactory, UserFactory
from tests.practices.conftest import (  # noqa: F401
    home_page,
    member_org,
    member_with_org,
    practice_index,
    sheet_data,
    submitted_sheet,
    tools,
)
from tests.refusal_page import refusal_of as _refusal_of
from tests.refusal_page import signed_in as _as

pytestmark = pytest.mark.django_db


def test_refusals_are_all_different():
    reasons = [str(v) for k, v in vars(Refusal).items() if k.isupper()]
    assert len(set(reasons)) == len(reasons) == 28


def test_refusal_editing_an_organisation_says_only_its_admins_may(client, organisation):
    member = MembershipFactory(organisation=organisation).user

    response = _as(client, member).get(f"/organisations/{organisation.slug}/modifier/")

    assert _refusal_of(response) == escape(Refusal.EDIT_ORGANISATION)


def test_refusal_deciding_a_join_request_says_only_admins_decide(client, organisation):
    member = MembershipFactory(organisation=organisation).user
    pending = MembershipFactory(organisation=organisation, pending=True)

    response = _as(client, member).post(
        f"/organisations/{organisation.slug}/demandes/{pending.pk}/approve/"
    )

    assert _refusal_of(response) == escape(Refusal.MANAGE_MEMBERS)


def test_refusal_requesting_an_affiliation_says_who_may(client, organisation):
    member = MembershipFactory(organisation=organisation).user

    response = _as(client, member).post(f"/organisations/{organisation.slug}/affiliation/")

    assert _refusal_of(response) == escape(Refusal.REQUEST_AFFILIATION)


def test_refusal_deciding_an_affiliation_names_the_federation_admins(client, federation):
    member = MembershipFactory(organisation=federation).user

    response = _as(client, member).post(f"/organisations/{federation.slug}/affiliations/1/accept/")

    assert _refusal_of(response) == escape(Refusal.DECIDE_AFFILIATIONS)


def test_refusal_ending_an_affiliation_names_both_sides_admins(client, organisation, federation):
    stranger = MembershipFactory(organisation=OrganisationFactory()).user

    response = _as(client, stranger).post(
        f"/organisations/{organisation.slug}/federations/{federation.slug}/quitter/"
    )

    assert _refusal_of(response) == escape(Refusal.END_AFFILIATION)


def test_refusal_of_someone_elses_registration_list_names_the_organisers(
    client,
    calendar_page,  # noqa: F811
):
    event = publish_event(calendar_page, organisers=[FederationFactory()])
    member = MembershipFactory(organisation=OrganisationFactory()).user

    for url in (f"/agenda/{event.slug}/inscriptions/", f"/agenda/{event.slug}/inscriptions.csv"):
        response = _as(client, member).get(url)

        assert _refusal_of(response) == escape(Refusal.MANAGE_EVENT)


def test_refusal_editing_another_organisations_sheet_names_its_members(
    client,
    submitted_sheet,  # noqa: F811
):
    outsider = MembershipFactory(organisation=OrganisationFactory()).user

    response = _as(client, outsider).get(f"/pratiques/proposer/modifier/{submitted_sheet.pk}/")

    assert _refusal_of(response) == escape(Refusal.EDIT_SHEET)


def test_refusal_of_someone_elses_draft_says_whose_it_is(member_with_org, member_org):  # noqa: F811
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org, data={})

    with pytest.raises(PermissionDenied) as refused:
        submission.delete_draft(draft=draft, user=UserFactory())

    assert str(refused.value) == str(Refusal.OTHERS_DRAFT)


def test_refusal_proposing_a_sheet_or_event_without_an_organisation_says_join_first():
    loner = UserFactory()

    with pytest.raises(PermissionDenied) as sheet:
        submission.start_draft(user=loner)
    with pytest.raises(PermissionDenied) as event:
        publishing.announce(user=loner, organisers=[])

    assert (str(sheet.value), str(event.value)) == (
        str(Refusal.PROPOSE_SHEET),
        str(Refusal.PROPOSE_EVENT),
    )
