""" "What can my organisation apply for?": each criterion a programme sets, compared with an
organisation's profile, with the reason in words when it does not fit."""

from __future__ import annotations

import pytest

from community.models import Membership, Organisation
from programmes.eligibility import for_member, reasons
from tests.factories import MembershipFactory, OrganisationFactory, RegionFactory, UserFactory

from .conftest import days, publish_programme

pytestmark = pytest.mark.django_db

COOP = Organisation.LegalForm.COOPERATIVE
ASSOCIATION = Organisation.LegalForm.ASSOCIATION


@pytest.fixture
def wallonia():
    return RegionFactory(name="Wallonie", slug="wallonie")


@pytest.fixture
def brussels():
    return RegionFactory(name="Bruxelles", slug="bruxelles")


@pytest.fixture
def small_coop(wallonia):
    return OrganisationFactory(
        name="Paniers de Famenne", legal_form=COOP, region=wallonia, staff_size="1-9"
    )


def test_each_criterion_not_met_gives_its_reason(programme_index, small_coop, brussels):
    associations_in_brussels = publish_programme(
        programme_index,
        title="Parcours RGPD",
        legal_forms=[ASSOCIATION, Organisation.LegalForm.FOUNDATION],
        regions=[brussels],
        sizes=["10-49"],
        organisation_kinds=[Organisation.Kind.FEDERATION],
    )
    assert reasons(associations_in_brussels, small_coop) == [
        "Réservé aux organisations de type : Fédération ou coupole.",
        "Réservé aux organisations de forme juridique : ASBL / association, Fondation.",
        "Réservé aux organisations de ces régions : Bruxelles.",
        "Réservé aux organisations de taille : 10 à 49 salariés.",
    ]


def test_no_criterion_admits_everyone_and_a_named_one_admits_its_own(
    programme_index, small_coop, wallonia
):
    anyone = publish_programme(programme_index, title="Ouvert à tous", open_all_year=True)
    coops_of_wallonia = publish_programme(
        programme_index, title="Coopératives", legal_forms=[COOP], regions=[wallonia]
    )
    assert reasons(anyone, small_coop) == []
    assert reasons(coops_of_wallonia, small_coop) == []


def test_a_profile_that_does_not_say_is_told_what_to_fill_in(programme_index, wallonia):
    unknown = OrganisationFactory(name="Sans profil", region=None, staff_size="")
    programme = publish_programme(
        programme_index, title="Wallonie, petites", regions=[wallonia], sizes=["1-9"]
    )
    assert reasons(programme, unknown) == [
        "Réservé aux organisations de ces régions : Wallonie. La région de votre "
        "organisation n'est pas renseignée dans son profil.",
        "Réservé aux organisations de taille : 1 à 9 salariés. La taille de votre "
        "organisation n'est pas renseignée dans son profil.",
    ]


def test_a_closed_call_is_not_open_to_anyone(programme_index, small_coop):
    closed = publish_programme(programme_index, title="Clos", deadline=days(-3))
    date = days(-3).strftime("%d/%m/%Y")
    assert reasons(closed, small_coop) == [f"L'appel est clos depuis le {date}."]


def test_for_member_sorts_each_organisation_programmes_in_four_queries(
    programme_index, small_coop, wallonia, brussels, django_assert_num_queries
):
    member = UserFactory()
    MembershipFactory(user=member, organisation=small_coop, status=Membership.Status.ACTIVE)
    other = OrganisationFactory(name="ASBL de Bruxelles", legal_form=ASSOCIATION, region=brussels)
    MembershipFactory(user=member, organisation=other, status=Membership.Status.ACTIVE)
    pending = OrganisationFactory(name="Demande en attente")
    MembershipFactory(user=member, organisation=pending, status=Membership.Status.PENDING)
    coops = publish_programme(programme_index, title="Coops", legal_forms=[COOP])
    brussels_only = publish_programme(programme_index, title="Bruxelles", regions=[brussels])
    publish_programme(programme_index, title="Clos", deadline=days(-1))  # never listed

    with django_assert_num_queries(4):
        result = for_member(member)

    assert [entry.organisation.name for entry in result] == [
        "ASBL de Bruxelles",
        "Paniers de Famenne",
    ]
    brussels_asbl, coop = result
    assert [v.programme.title for v in brussels_asbl.eligible] == ["Bruxelles"]
    assert [(v.programme.pk, v.reasons) for v in brussels_asbl.not_eligible] == [
        (coops.pk, ["Réservé aux organisations de forme juridique : Coopérative."])
    ]
    assert [v.programme.title for v in coop.eligible] == ["Coops"]
    assert [(v.programme.pk, v.reasons) for v in coop.not_eligible] == [
        (brussels_only.pk, ["Réservé aux organisations de ces régions : Bruxelles."])
    ]
