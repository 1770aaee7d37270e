"""The directory /organisations/ and the organisation pages: filters, bad input, member
names, and query counts that do not grow with the length of a list."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils.html import escape

from community.models import Organisation
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

PAGE_SIZE = settings.RELAIS["DIRECTORY_PAGE_SIZE"]

# Measured, then pinned: they must not move with the number of organisations or members.
# Steady state (site settings already exist: see the `site_settings` fixture).
DIRECTORY_QUERIES_ANONYMOUS = 9
DIRECTORY_QUERIES_SIGNED_IN = 13
# Profiles: +1 since organisations list their upcoming events (`organisation.events`).
ORGANISATION_QUERIES_SIGNED_IN = 12
ORGANISATION_QUERIES_ADMIN = 16
FEDERATION_QUERIES_ADMIN = 14

ALL = [
    "Atelier Vélo",
    "Conseil Plus",
    "Fédé Alpha",
    "Fédé Bêta",
    "Ressourcerie Namuroise",
    "Théâtre du Parc",
]


@pytest.fixture
def network(db):
    """Six organisations across kinds, sectors, regions and federations."""
    wallonia = RegionFactory(name="Wallonie", position=1)
    brussels = RegionFactory(name="Bruxelles", position=2)
    culture = SectorFactory(name="Culture")
    recycling = SectorFactory(name="Recyclage")
    alpha = FederationFactory(name="Fédé Alpha", region=wallonia)
    beta = FederationFactory(name="Fédé Bêta", region=None)
    bike = OrganisationFactory(
        name="Atelier Vélo",
        region=brussels,
        city="Ixelles",
        sectors=[recycling],
        description="Réparation et réemploi de bicyclettes.",
    )
    theatre = OrganisationFactory(
        name="Théâtre du Parc",
        region=wallonia,
        city="Mons",
        sectors=[culture],
        description="Création théâtrale avec des amateurs.",
    )
    shop = OrganisationFactory(
        name="Ressourcerie Namuroise",
        region=wallonia,
        city="Namur",
        sectors=[recycling, culture],
        description="Collecte, tri et revente d'objets.",
    )
    OrganisationFactory(
        name="Conseil Plus",
        kind=Organisation.Kind.SUPPORT,
        region=brussels,
        city="Bruxelles",
        description="Accompagnement numérique.",
    )
    AffiliationFactory(organisation=bike, federation=alpha)
    AffiliationFactory(organisation=shop, federation=alpha)
    AffiliationFactory(organisation=shop, federation=beta)
    AffiliationFactory(organisation=theatre, federation=alpha, pending=True)  # not yet in
    return {"alpha": alpha, "beta": beta}


def _names(response):
    return [o.name for o in response.context["organisations"]]


def _errors(response):
    return {field: list(errors) for field, errors in response.context["form"].errors.items()}


# --- Listing and filters ----------------------------------------------------------------


def test_directory_unfiltered_lists_all_by_name(client, network):
    response = client.get("/organisations/")

    assert response.status_code == 200
    assert _names(response) == ALL
    assert response.context["filtered"] is False
    assert response.context["page"].paginator.count == 6


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "federation"}, ["Fédé Alpha", "Fédé Bêta"]),
        ({"kind": "support"}, ["Conseil Plus"]),
        ({"kind": "ees"}, ["Atelier Vélo", "Ressourcerie Namuroise", "Théâtre du Parc"]),
        ({"sector": "recyclage"}, ["Atelier Vélo", "Ressourcerie Namuroise"]),
        ({"sector": "culture"}, ["Ressourcerie Namuroise", "Théâtre du Parc"]),
        ({"region": "wallonie"}, ["Fédé Alpha", "Ressourcerie Namuroise", "Théâtre du Parc"]),
        ({"region": "bruxelles"}, ["Atelier Vélo", "Conseil Plus"]),
        # Only active affiliations count: the theatre's request is still pending.
        ({"federation": "fede-alpha"}, ["Atelier Vélo", "Ressourcerie Namuroise"]),
        ({"federation": "fede-beta"}, ["Ressourcerie Namuroise"]),
        ({"q": "vélo"}, ["Atelier Vélo"]),
        ({"q": "IXELLES"}, ["Atelier Vélo"]),  # the city
        ({"q": "réemploi"}, ["Atelier Vélo"]),  # the description
        ({"q": "fédé"}, ["Fédé Alpha", "Fédé Bêta"]),
        ({"q": "collecte namur"}, ["Ressourcerie Namuroise"]),  # every word must match
        ({"q": "collecte mons"}, []),
        ({"q": "   "}, ALL),
    ],
    ids=lambda v: "&".join(f"{k}={x}" for k, x in v.items()) if isinstance(v, dict) else None,
)
def test_directory_filter_single(client, network, params, expected):
    response = client.get("/organisations/", params)

    assert response.status_code == 200
    assert _names(response) == expected
    assert _errors(response) == {}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "wallonie", "sector": "recyclage"}, ["Ressourcerie Namuroise"]),
        ({"kind": "ees", "federation": "fede-alpha", "region": "bruxelles"}, ["Atelier Vélo"]),
        (
            {"federation": "fede-alpha", "sector": "recyclage", "q": "objets"},
            ["Ressourcerie Namuroise"],
        ),
        ({"kind": "federation", "region": "bruxelles"}, []),
        ({"federation": "fede-alpha", "sector": "culture"}, ["Ressourcerie Namuroise"]),
    ],
)
def test_directory_filter_combined(client, network, params, expected):
    response = client.get("/organisations/", params)

    assert _names(response) == expected
    assert response.context["filtered"] is True


def test_directory_filters_joining_rows_neither_repeat_nor_inflate_counts(client, network):
    shop = Organisation.objects.get(name="Ressourcerie Namuroise")
    MembershipFactory(organisation=shop, admin=True)
    MembershipFactory(organisation=shop)
    MembershipFactory(organisation=shop, pending=True)  # not counted

    # Two sectors, two federations, three memberships: joins that could multiply rows.
    response = client.get("/organisations/", {"federation": "fede-beta", "q": "objets"})
    unfiltered = client.get("/organisations/", {"sector": "recyclage"})

    assert [(o.name, o.member_count) for o in response.context["organisations"]] == [
        ("Ressourcerie Namuroise", 2)
    ]
    assert response.context["page"].paginator.count == 1
    assert [(o.name, o.member_count) for o in unfiltered.context["organisations"]] == [
        ("Atelier Vélo", 0),
        ("Ressourcerie Namuroise", 2),
    ]


def test_directory_no_result_says_so(client, network):
    response = client.get("/organisations/", {"q": "introuvable"})

    assert _names(response) == []
    assert "Aucune organisation ne correspond à ces critères." in response.content.decode()


# --- Bad input: a clear message, the listing still shown, never a 500 -------------------

TOO_LONG = "Assurez-vous que cette valeur comporte au plus 100 caractères (actuellement 5000)."
INVALID_CHOICE = "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"sector": "inconnu"}, {"sector": [INVALID_CHOICE]}),
        ({"region": "atlantide"}, {"region": [INVALID_CHOICE]}),
        # An EES is not a federation.
        ({"federation": "atelier-velo"}, {"federation": [INVALID_CHOICE]}),
        ({"kind": "xyz"}, {"kind": ["Sélectionnez un choix valide. xyz n’en fait pas partie."]}),
        (
            {"q": "a" * 5000},
            {"q": [TOO_LONG]},
        ),
    ],
    ids=["unknown-sector", "unknown-region", "ees-as-federation", "unknown-kind", "q-5000-chars"],
)
def test_directory_bad_filter_reported_and_ignored(client, network, params, errors):
    response = client.get("/organisations/", params)

    assert response.status_code == 200
    assert _errors(response) == errors
    assert _names(response) == ALL
    html = response.content.decode()
    assert "Certains filtres ne sont pas valides et ont été ignorés :" in html
    ((field, (message,)),) = errors.items()
    label = response.context["form"].fields[field].label
    assert escape(f"{label} : {message}") in html


def test_directory_bad_filter_with_good_ones_applies_the_good(client, network):
    response = client.get("/organisations/", {"sector": "inconnu", "region": "bruxelles"})

    assert _names(response) == ["Atelier Vélo", "Conseil Plus"]
    assert list(_errors(response)) == ["sector"]


def test_directory_filter_value_escaped_in_page(client, network):
    response = client.get("/organisations/", {"kind": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()


@pytest.fixture
def thirteen_organisations(db):
    return [OrganisationFactory(name=f"Organisation {n:02d}") for n in range(1, PAGE_SIZE + 2)]


def test_directory_paginated_by_page_size(client, thirteen_organisations):
    first = client.get("/organisations/")
    second = client.get("/organisations/", {"page": "2"})

    assert _names(first) == [f"Organisation {n:02d}" for n in range(1, PAGE_SIZE + 1)]
    assert _names(second) == [f"Organisation {PAGE_SIZE + 1:02d}"]
    assert 'rel="next"' in first.content.decode()
    assert "Page 2 sur 2" in second.content.decode()


@pytest.mark.parametrize(
    ("page", "number"), [("abc", 1), ("9999", 2), ("-1", 2), ("0", 2), ("", 1)]
)
def test_directory_bad_page_shows_a_real_page(client, thirteen_organisations, page, number):
    response = client.get("/organisations/", {"page": page})

    assert response.status_code == 200
    assert response.context["page"].number == number


def test_directory_pagination_keeps_filters(client, thirteen_organisations):
    response = client.get("/organisations/", {"kind": "ees", "page": "1"})

    assert response.context["query"] == "kind=ees"
    assert 'href="?kind=ees&amp;page=2"' in response.content.decode()


def test_organisation_unknown_slug_404(client):
    response = client.get("/organisations/nexiste-pas/")

    assert response.status_code == 404


# --- Organisation page: member names for signed-in people only ---------------------------


@pytest.fixture
def staffed(organisation, org_admin):
    MembershipFactory(organisation=organisation, user__display_name="Bruno Bénévole")
    MembershipFactory(organisation=organisation, user__display_name="Paula Pending", pending=True)
    return organisation


def test_organisation_member_names_hidden_for_anonymous(client, staffed):
    response = client.get(staffed.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["members"] is None
    assert response.context["member_count"] == 2
    assert "2 membres sur Relais." in html
    assert "Alice Admin" not in html
    assert "Bruno Bénévole" not in html
    assert "Paula Pending" not in html


def test_organisation_member_names_shown_when_signed_in(client, staffed):
    client.force_login(UserFactory())

    response = client.get(staffed.get_absolute_url())

    html = response.content.decode()
    assert [m.user.display_name for m in response.context["members"]] == [
        "Alice Admin",
        "Bruno Bénévole",
    ]
    assert "Alice Admin" in html
    assert "Bruno Bénévole" in html
    assert "Paula Pending" not in html  # pending requests are for admins only


def test_organisation_pending_requests_shown_to_admin_only(client, staffed, org_admin):
    member = MembershipFactory(organisation=staffed).user
    client.force_login(member)
    as_member = client.get(staffed.get_absolute_url())
    client.force_login(org_admin)
    as_admin = client.get(staffed.get_absolute_url())

    assert "pending_members" not in as_member.context
    assert "Paula Pending" not in as_member.content.decode()
    assert [m.user.display_name for m in as_admin.context["pending_members"]] == ["Paula Pending"]
    assert "Accepter Paula Pending" in as_admin.content.decode()


def test_organisation_page_shows_active_federations_only(client, organisation, federation):
    AffiliationFactory(organisation=organisation, federation=federation)
    AffiliationFactory(
        organisation=organisation,
        federation=FederationFactory(name="Fédé en attente"),
        pending=True,
    )

    response = client.get(organisation.get_absolute_url())

    assert [a.federation.name for a in response.context["federations"]] == [
        "Fédération des Coopératives"
    ]
    assert "Fédé en attente" not in response.content.decode()


def test_federation_page_lists_active_member_organisations(client, federation):
    AffiliationFactory(organisation=OrganisationFactory(name="Membre B"), federation=federation)
    AffiliationFactory(organisation=OrganisationFactory(name="Membre A"), federation=federation)
    AffiliationFactory(
        organisation=OrganisationFactory(name="Candidat"), federation=federation, pending=True
    )

    response = client.get(federation.get_absolute_url())

    assert sorted(a.organisation.name for a in response.context["member_organisations"]) == [
        "Membre A",
        "Membre B",
    ]
    assert "Candidat" not in response.content.decode()


# --- Query counts -----------------------------------------------------------------------


def _populate(count: int) -> None:
    """`count` organisations, each with a region, two sectors, two members, an admin and
    an affiliation: everything a listing might be tempted to fetch row by row."""
    regions = [RegionFactory(name=f"Région {n}") for n in range(3)]
    sectors = [SectorFactory(name=f"Secteur {n}") for n in range(4)]
    federation = FederationFactory(name="Fédé Q")
    for n in range(count - 1):
        organisation = OrganisationFactory(
            name=f"Org {n:02d}", region=regions[n % 3], sectors=sectors[n % 3 : n % 3 + 2]
        )
        MembershipFactory(organisation=organisation, admin=True)
        MembershipFactory(organisation=organisation)
        AffiliationFactory(organisation=organisation, federation=federation)


@pytest.mark.usefixtures("site_settings")
@pytest.mark.parametrize("count", [3, 30])
def test_directory_query_count_anonymous_independent_of_size(
    client, count, django_assert_num_queries
):
    _populate(count)

    with django_assert_num_queries(DIRECTORY_QUERIES_ANONYMOUS):
        response = client.get("/organisations/")

    assert len(response.context["organisations"]) == min(count, PAGE_SIZE)


@pytest.mark.usefixtures("site_settings")
@pytest.mark.parametrize("count", [3, 30])
def test_directory_query_count_filtered_signed_in_independent_of_size(
    client, count, django_assert_num_queries
):
    _populate(count)
    client.force_login(UserFactory())

    with django_assert_num_queries(DIRECTORY_QUERIES_SIGNED_IN):
        response = client.get(
            "/organisations/", {"federation": "fede-q", "sector": "secteur-1", "q": "org"}
        )

    assert response.status_code == 200
    assert _errors(response) == {}


def _staff_organisation(members: int, pending: int) -> tuple[Organisation, object]:
    organisation = OrganisationFactory(
        name="Grande Maison", region=RegionFactory(), sectors=[SectorFactory(), SectorFactory()]
    )
    admin = MembershipFactory(organisation=organisation, admin=True).user
    for _n in range(members):
        MembershipFactory(organisation=organisation)
    for _n in range(pending):
        MembershipFactory(organisation=organisation, pending=True)
    for n in range(members // 2 + 1):
        AffiliationFactory(
            organisation=organisation, federation=FederationFactory(name=f"Fédé {n}")
        )
    return organisation, admin


@pytest.mark.usefixtures("site_settings")
@pytest.mark.parametrize(("members", "pending"), [(2, 1), (20, 10)])
def test_organisation_page_query_count_signed_in_independent_of_members(
    client, members, pending, django_assert_num_queries
):
    organisation, _admin = _staff_organisation(members, pending)
    client.force_login(UserFactory())

    with django_assert_num_queries(ORGANISATION_QUERIES_SIGNED_IN):
        response = client.get(organisation.get_absolute_url())

    assert len(response.context["members"]) == members + 1


@pytest.mark.usefixtures("site_settings")
@pytest.mark.parametrize(("members", "pending"), [(2, 1), (20, 10)])
def test_organisation_page_query_count_admin_independent_of_members(
    client, members, pending, django_assert_num_queries
):
    organisation, admin = _staff_organisation(members, pending)
    client.force_login(admin)

    with django_assert_num_queries(ORGANISATION_QUERIES_ADMIN):
        response = client.get(organisation.get_absolute_url())

    assert len(response.context["pending_members"]) == pending


@pytest.mark.usefixtures("site_settings")
@pytest.mark.parametrize("size", [1, 10])
def test_federation_page_query_count_admin_independent_of_affiliations(
    client, size, django_assert_num_queries
):
    federation = FederationFactory(name="Fédé Mesurée")
    admin = MembershipFactory(organisation=federation, admin=True).user
    for n in range(size):
        AffiliationFactory(
            organisation=OrganisationFactory(name=f"Membre {n}"), federation=federation
        )
        AffiliationFactory(
            organisation=OrganisationFactory(name=f"Candidat {n}"),
            federation=federation,
            pending=True,
        )
        MembershipFactory(organisation=federation)
    client.force_login(admin)

    with django_assert_num_queries(FEDERATION_QUERIES_ADMIN):
        response = client.get(federation.get_absolute_url())

    assert len(response.context["pending_affiliations"]) == size


# --- Text search forgives accents, case and plurals -------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("velo", ["Vélo-Quartier"]),
        ("VÉLO", ["Vélo-Quartier"]),
        ("benevoles", ["Les Petites Mains"]),
        ("bénévole", ["Les Petites Mains"]),
        ("coeur", ["Ateliers du Cœur"]),
        ("namur velo", []),
    ],
)
def test_directory_text_search_ignores_accents_case_and_plurals(client, query, expected):
    OrganisationFactory(name="Vélo-Quartier", city="Schaerbeek", description="Atelier vélo.")
    OrganisationFactory(name="Les Petites Mains", city="Namur", description="Nos bénévoles.")
    OrganisationFactory(name="Ateliers du Cœur", city="Liège", description="Réemploi.")

    response = client.get("/organisations/", {"q": query})

    assert [o.name for o in response.context["organisations"]] == expected
