"""factory_boy factories for the tests, one module per app."""

from .community import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)

__all__ = [
    "AffiliationFactory",
    "FederationFactory",
    "MembershipFactory",
    "OrganisationFactory",
    "RegionFactory",
    "SectorFactory",
    "ThemeFactory",
    "UserFactory",
]
