"""Factories for people, organisations, memberships, affiliations and the taxonomies.

Every user comes with a verified primary allauth `EmailAddress`, so that they can sign in
through allauth's login form; pass `verified_email=False` for someone who has not
confirmed their address yet.
"""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from community.models import (
    Affiliation,
    Membership,
    Organisation,
    Region,
    Sector,
    Theme,
    User,
)

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    """A person who can sign in with `PASSWORD`."""

    class Meta:
        model = User
        # The post-generation hook saves what it needs; no second save of the user.
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n:03d}")
    password = factory.django.Password(PASSWORD)
    preferred_language = "fr"

    class Params:
        staff = factory.Trait(is_staff=True, is_superuser=True)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        """Give the user a verified primary address unless `verified_email=False`."""
        if not create:
            return
        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Secteur {n:03d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Région {n:03d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n:03d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OrganisationFactory(DjangoModelFactory):
    """A social-economy enterprise (EES); the slug follows from the name."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n:03d}")
    kind = Organisation.Kind.EES
    legal_form = Organisation.LegalForm.ASSOCIATION
    city = "Namur"
    description = "Une entreprise d'économie sociale inventée pour les tests."

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class FederationFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Fédération {n:03d}")
    kind = Organisation.Kind.FEDERATION


class MembershipFactory(DjangoModelFactory):
    """An active, plain membership; `admin=True` or `pending=True` for the other cases."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE

    class Params:
        admin = factory.Trait(role=Membership.Role.ADMIN)
        pending = factory.Trait(status=Membership.Status.PENDING)


class AffiliationFactory(DjangoModelFactory):
    """An active affiliation of an EES to a federation; `pending=True` for a request."""

    class Meta:
        model = Affiliation

    organisation = factory.SubFactory(OrganisationFactory)
    federation = factory.SubFactory(FederationFactory)
    status = Affiliation.Status.ACTIVE

    class Params:
        pending = factory.Trait(status=Affiliation.Status.PENDING)
