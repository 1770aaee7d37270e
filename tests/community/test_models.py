"""The community's models: what they store, their defaults and the rules the database keeps."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from community.models import Affiliation, Membership, Organisation, Region, Sector, Theme, User
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- Taxonomies -------------------------------------------------------------------------


@pytest.mark.parametrize("model", [Sector, Region, Theme])
def test_taxonomy_slug_from_name_when_blank(model):
    term = model.objects.create(name="Économie circulaire & réemploi")

    assert term.slug == "economie-circulaire-reemploi"
    assert str(term) == "Économie circulaire & réemploi"


def test_taxonomy_slug_kept_when_given():
    sector = Sector.objects.create(name="Aide à domicile", slug="domicile")

    assert sector.slug == "domicile"


def test_region_ordering_by_position_then_name():
    RegionFactory(name="Wallonie", position=1)
    RegionFactory(name="Autre", position=9)
    RegionFactory(name="Bruxelles", position=1)

    assert [r.name for r in Region.objects.all()] == ["Bruxelles", "Wallonie", "Autre"]


# --- User -------------------------------------------------------------------------------


def test_user_create_user_normalises_email_and_hashes_password():
    user = User.objects.create_user("Camille@EXAMPLE.org", password="s3cret-pass")

    assert user.email == "Camille@example.org"
    assert user.check_password("s3cret-pass") is True
    assert user.password != "s3cret-pass"
    assert (user.is_staff, user.is_superuser) == (False, False)


def test_user_create_user_without_email_raises():
    with pytest.raises(ValueError, match="An email address is required"):
        User.objects.create_user("", password="x")


def test_user_create_superuser_is_staff_and_superuser():
    user = User.objects.create_superuser("editor@example.org", password="x")

    assert (user.is_staff, user.is_superuser) == (True, True)


def test_user_display_name_from_email_when_blank():
    user = User.objects.create_user("camille.dubois@example.org")

    assert user.display_name == "camille.dubois"
    assert str(user) == "camille.dubois"
    assert user.name == "camille.dubois"


def test_user_display_name_from_full_name_when_blank():
    user = User.objects.create_user("c@example.org", first_name="Camille", last_name="Dubois")

    assert user.display_name == "Camille Dubois"


def test_user_defaults_language_and_time_zone():
    user = User.objects.create_user("d@example.org")

    assert (user.preferred_language, user.time_zone) == ("fr", "Europe/Brussels")


def test_user_absolute_url_is_person_page():
    user = UserFactory()

    assert user.get_absolute_url() == f"/personnes/{user.pk}/"


def test_user_email_unique():
    UserFactory(email="same@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("same@example.org")


def test_user_factory_gives_verified_primary_address():
    user = UserFactory(email="v@example.org")
    unverified = UserFactory(email="u@example.org", verified_email=False)

    assert list(
        EmailAddress.objects.filter(user=user).values_list("email", "primary", "verified")
    ) == [("v@example.org", True, True)]
    assert list(
        EmailAddress.objects.filter(user=unverified).values_list("email", "primary", "verified")
    ) == [("u@example.org", True, False)]


# --- Organisation -----------------------------------------------------------------------


def test_organisation_slug_from_name():
    organisation = OrganisationFactory(name="Régie de quartier à Liège")

    assert organisation.slug == "regie-de-quartier-a-liege"
    assert organisation.get_absolute_url() == "/organisations/regie-de-quartier-a-liege/"
    assert str(organisation) == "Régie de quartier à Liège"


def test_organisation_slug_spells_out_ligatures():
    # French names often hold œ/æ, which Unicode does not decompose: "Cœur" must not
    # become "cur" in the address.
    organisation = OrganisationFactory(name="Les Ateliers du Cœur et de l'Œuvre")

    assert organisation.slug == "les-ateliers-du-coeur-et-de-loeuvre"


def test_organisation_slug_numbered_when_taken():
    first = OrganisationFactory(name="La Ferme")
    second = OrganisationFactory(name="La ferme !")
    third = OrganisationFactory(name="LA FERME")

    assert [first.slug, second.slug, third.slug] == ["la-ferme", "la-ferme-2", "la-ferme-3"]


def test_organisation_slug_fallback_when_name_has_no_letters():
    organisation = OrganisationFactory(name="***")

    assert organisation.slug == "organisation"


def test_organisation_name_unique():
    OrganisationFactory(name="Unique")

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="Unique", slug="unique-bis")


def test_organisation_is_federation_by_kind():
    assert OrganisationFactory().is_federation is False
    assert FederationFactory().is_federation is True


def test_organisation_federations_queryset_only_federations():
    OrganisationFactory(name="EES")
    FederationFactory(name="Fédé B")
    FederationFactory(name="Fédé A")
    OrganisationFactory(name="Accompagnement", kind=Organisation.Kind.SUPPORT)

    assert [o.name for o in Organisation.objects.federations()] == ["Fédé A", "Fédé B"]


def test_organisation_for_listing_loads_region_and_sectors_in_two_queries(
    django_assert_num_queries,
):
    region = RegionFactory(name="Wallonie")
    sectors = [SectorFactory(name="Culture"), SectorFactory(name="Recyclage")]
    for n in range(4):
        OrganisationFactory(name=f"Org {n}", region=region, sectors=sectors)

    with django_assert_num_queries(2):
        rows = [
            (o.name, o.region.name, [s.name for s in o.sectors.all()])
            for o in Organisation.objects.for_listing()
        ]

    assert rows == [(f"Org {n}", "Wallonie", ["Culture", "Recyclage"]) for n in range(4)]


def test_region_in_use_cannot_be_deleted():
    region = RegionFactory()
    OrganisationFactory(region=region)

    with pytest.raises(ProtectedError):
        region.delete()


# --- Membership -------------------------------------------------------------------------


def test_membership_defaults_pending_member():
    membership = Membership.objects.create(user=UserFactory(), organisation=OrganisationFactory())

    assert (membership.role, membership.status, membership.is_active) == (
        "member",
        "pending",
        False,
    )


def test_membership_unique_per_person_and_organisation():
    membership = MembershipFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=membership.user, organisation=membership.organisation)


def test_membership_pending_admin_rejected_by_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=UserFactory(),
            organisation=OrganisationFactory(),
            role=Membership.Role.ADMIN,
            status=Membership.Status.PENDING,
        )


def test_membership_str_names_both_sides():
    membership = MembershipFactory(
        user__display_name="Camille", organisation__name="La Ferme", admin=True
    )

    assert str(membership) == "Camille → La Ferme (admin, active)"


def test_membership_deleted_with_organisation():
    membership = MembershipFactory()

    membership.organisation.delete()

    assert Membership.objects.filter(pk=membership.pk).exists() is False


# --- Affiliation ------------------------------------------------------------------------


def test_affiliation_defaults_pending():
    affiliation = Affiliation.objects.create(
        organisation=OrganisationFactory(), federation=FederationFactory()
    )

    assert affiliation.status == "pending"


def test_affiliation_unique_per_pair():
    affiliation = AffiliationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.create(
            organisation=affiliation.organisation, federation=affiliation.federation
        )


def test_affiliation_to_itself_rejected_by_database():
    federation = FederationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.create(organisation=federation, federation=federation)


def test_affiliation_ees_in_several_federations():
    ees = OrganisationFactory(name="La Ferme")
    AffiliationFactory(organisation=ees, federation=FederationFactory(name="Fédé B"))
    AffiliationFactory(organisation=ees, federation=FederationFactory(name="Fédé A"))

    assert [a.federation.name for a in ees.affiliations.all()] == ["Fédé A", "Fédé B"]
    assert str(ees.affiliations.first()) == "La Ferme ∈ Fédé A (active)"
