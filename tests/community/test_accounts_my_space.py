"""One's own space (/moi/: memberships, requests waiting and to decide, at a query count
that does not grow with them), editing one's profile, and a person's page, shown to
signed-in people only."""

from __future__ import annotations

import pytest

from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- My space and my profile --------------------------------------------------------------


def test_me_requires_login(client):
    response = client.get("/moi/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/moi/"


def test_me_lists_my_organisations_and_requests(client):
    me = UserFactory()
    mine = MembershipFactory(user=me, organisation__name="Mon Asso", admin=True)
    waiting = MembershipFactory(user=me, organisation__name="Autre Asso", pending=True)
    to_decide = MembershipFactory(
        organisation=mine.organisation, pending=True, user__display_name="Zoé"
    )
    MembershipFactory(organisation=waiting.organisation, pending=True)  # not mine to decide
    client.force_login(me)

    response = client.get("/moi/")

    assert response.status_code == 200
    assert response.context["active_memberships"] == [mine]
    assert response.context["pending_memberships"] == [waiting]
    assert list(response.context["requests_to_decide"]) == [to_decide]
    assert list(response.context["affiliations_to_decide"]) == []


def test_profile_edit_requires_login(client):
    response = client.get("/moi/profil/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/moi/profil/"


def test_profile_edit_saves(client, messages_of):
    user = UserFactory(display_name="Ancien Nom")
    client.force_login(user)

    response = client.post(
        "/moi/profil/",
        {
            "display_name": "  Nouveau Nom ",
            "bio": "Coordinatrice numérique.",
            "preferred_language": "nl",
            "time_zone": "America/Toronto",
        },
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/moi/"
    assert (user.display_name, user.bio, user.preferred_language, user.time_zone) == (
        "Nouveau Nom",
        "Coordinatrice numérique.",
        "nl",
        "America/Toronto",
    )
    assert messages_of(response) == ["Votre profil est enregistré."]


@pytest.mark.parametrize(
    ("field", "value"),
    [("display_name", "   "), ("preferred_language", "xx"), ("time_zone", "Mars/Olympus")],
)
def test_profile_edit_bad_value_refused_and_nothing_saved(client, field, value):
    user = UserFactory(display_name="Ancien Nom")
    client.force_login(user)
    data = {"display_name": "Nouveau Nom", "preferred_language": "en", "time_zone": "Europe/Paris"}

    response = client.post("/moi/profil/", {**data, field: value})

    user.refresh_from_db()
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert (user.display_name, user.preferred_language, user.time_zone) == (
        "Ancien Nom",
        "fr",
        "Europe/Brussels",
    )


def test_person_page_requires_login(client):
    person = UserFactory()

    response = client.get(person.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/personnes/{person.pk}/"


def test_person_page_shows_active_memberships_only(client):
    person = UserFactory(display_name="Camille")
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Active Asso"))
    MembershipFactory(
        user=person, organisation=OrganisationFactory(name="Pending Asso"), pending=True
    )
    client.force_login(UserFactory())

    response = client.get(person.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert [m.organisation.name for m in response.context["person"].active_memberships] == [
        "Active Asso"
    ]
    assert "Active Asso" in html
    assert "Pending Asso" not in html


def test_person_page_deactivated_person_404(client):
    gone = UserFactory(is_active=False)
    client.force_login(UserFactory())

    response = client.get(gone.get_absolute_url())

    assert response.status_code == 404


# memberships, requests to decide, affiliations to decide, notifications, session/user/settings,
# and the practices section (my organisations, drafts, sheets with their workflow states);
# rooms: +1 (rooms with unread messages, one query with the read markers as a subquery);
# events: +2 (the events section); practices: +1 (my bookmarked sheets).
MY_SPACE_QUERIES = 16


def _busy_person(size: int):
    """Someone who belongs to `size` organisations, waits on `size` more, and administers
    a federation and an EES that each have `size` requests to decide."""
    me = UserFactory()
    federation = MembershipFactory(
        user=me, organisation=FederationFactory(), admin=True
    ).organisation
    ees = MembershipFactory(user=me, admin=True).organisation
    for _n in range(size):
        MembershipFactory(user=me)
        MembershipFactory(user=me, pending=True)
        MembershipFactory(organisation=ees, pending=True)
        AffiliationFactory(federation=federation, pending=True)
    return me


@pytest.mark.usefixtures("site_settings")
@pytest.mark.parametrize("size", [1, 10])
def test_me_query_count_independent_of_lists(client, size, django_assert_num_queries):
    client.force_login(_busy_person(size))

    with django_assert_num_queries(MY_SPACE_QUERIES):
        response = client.get("/moi/")

    assert len(response.context["pending_memberships"]) == size
    assert len(response.context["requests_to_decide"]) == size
    assert len(response.context["affiliations_to_decide"]) == size
