"""Reacting to a sheet through POST forms that work without JavaScript: "useful",
bookmark and "we tried it too" (an organisation's report of adopting it), bad input, who may
react, and the reactions' service called directly."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from community.services import ServiceError
from practices.models import Adoption, Bookmark, Useful
from practices.services import reactions
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.practices import fixtures_sheet_page
from tests.practices.fixtures_listing import make_sheet
from tests.practices.fixtures_sheet_page import build_sheet
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

# Built once for the module's tests (tests/shared.py); each test gets its own copy.
_sheet_rows = built_once_per_module(build_sheet)

# The rows' fixtures (tests/practices/fixtures_sheet_page.py).
sheet_rows = fixtures_sheet_page.sheet_rows
sheet_index = fixtures_sheet_page.sheet_index
catalogue = fixtures_sheet_page.catalogue
sheet = fixtures_sheet_page.sheet

# The adopting organisation and its member.
adopter_org = fixtures_sheet_page.adopter_org
adopter = fixtures_sheet_page.adopter


def _url(sheet, action):
    return f"/pratiques/{sheet.slug}/{action}/"


# --- "Useful" and bookmarks ---------------------------------------------------------------


def test_useful_marked_then_unmarked(client, sheet, messages_of):
    user = UserFactory()
    client.force_login(user)

    response = client.post(_url(sheet, "utile"), {"on": "1"})

    assert response.status_code == 302
    assert response["Location"] == "/pratiques/dossier-de-soins/#reactions"
    assert messages_of(response) == ["Merci : vous trouvez cette fiche utile."]
    assert list(Useful.objects.values_list("user", "sheet")) == [(user.pk, sheet.pk)]
    page = client.get("/pratiques/dossier-de-soins/").content.decode()
    assert '<input type="hidden" name="on" value="0">' in page
    assert 'aria-pressed="true">Je la trouve utile' in page

    response = client.post(_url(sheet, "utile"), {"on": "0"})

    assert messages_of(response) == [
        "C'est noté : vous ne marquez plus cette fiche comme utile."
    ]  # the first message was shown by the page view in between
    assert Useful.objects.count() == 0


def test_useful_sent_twice_counts_once(client, sheet):
    client.force_login(UserFactory())

    client.post(_url(sheet, "utile"), {"on": "1"})
    client.post(_url(sheet, "utile"), {"on": "1"})
    client.force_login(UserFactory())
    client.post(_url(sheet, "utile"), {"on": "1"})

    assert Useful.objects.filter(sheet=sheet).count() == 2
    assert "2 membres la trouvent utile" in client.get(sheet.url).content.decode()


def test_bookmark_kept_then_removed(client, sheet, messages_of):
    user = UserFactory()
    client.force_login(user)

    kept = client.post(_url(sheet, "favori"), {"on": "1"})
    assert messages_of(kept) == ["La fiche est dans vos favoris."]
    assert list(Bookmark.objects.values_list("user", "sheet")) == [(user.pk, sheet.pk)]

    removed = client.post(_url(sheet, "favori"), {"on": "0"})
    assert messages_of(removed)[-1] == "La fiche est retirée de vos favoris."
    assert Bookmark.objects.count() == 0


@pytest.mark.parametrize("action", ["utile", "favori"])
def test_reaction_without_a_state_changes_nothing(client, sheet, messages_of, action):
    client.force_login(UserFactory())

    response = client.post(_url(sheet, action), {"on": "maybe"})

    assert response.status_code == 302
    assert messages_of(response) == ["Action inconnue : rien n'a changé."]
    assert Useful.objects.count() == Bookmark.objects.count() == 0


@pytest.mark.parametrize("action", ["utile", "favori", "adoption", "adoption/retirer"])
def test_reaction_by_visitor_asks_to_sign_in(client, sheet, messages_of, action):
    response = client.post(_url(sheet, action), {"on": "1"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fpratiques%2Fdossier-de-soins%2F"
    assert messages_of(response) == ["Connectez-vous pour réagir à une fiche."]
    assert Useful.objects.count() == Adoption.objects.count() == 0


@pytest.mark.parametrize("action", ["utile", "favori", "adoption"])
def test_reaction_on_unknown_or_draft_sheet_is_404(client, sheet_index, catalogue, action):
    make_sheet(
        sheet_index,
        title="Brouillon",
        slug="brouillon",
        tools=list(catalogue.values())[:3],
        live=False,
    )
    client.force_login(UserFactory())

    assert client.post(f"/pratiques/nexiste-pas/{action}/", {"on": "1"}).status_code == 404
    assert client.post(f"/pratiques/brouillon/{action}/", {"on": "1"}).status_code == 404


def test_reaction_get_not_allowed(client, sheet):
    client.force_login(UserFactory())

    assert client.get(_url(sheet, "utile")).status_code == 405
    assert Useful.objects.count() == 0


# --- "We tried it too" --------------------------------------------------------------------


def _adopt(client, sheet, organisation, outcome="worked", comment="Très utile chez nous."):
    return client.post(
        _url(sheet, "adoption"),
        {
            "adoption-organisation": organisation.pk,
            "adoption-outcome": outcome,
            "adoption-comment": comment,
        },
    )


def test_adoption_reported_and_shown(client, sheet, adopter, adopter_org, messages_of):
    client.force_login(adopter)

    response = _adopt(client, sheet, adopter_org)

    assert response["Location"] == "/pratiques/dossier-de-soins/#reactions"
    assert messages_of(response) == ["Merci pour le témoignage de Les Ateliers du Nord."]
    assert list(Adoption.objects.values_list("organisation", "outcome", "comment", "author")) == [
        (adopter_org.pk, "worked", "Très utile chez nous.", adopter.pk)
    ]
    html = client.get(sheet.url).content.decode()
    assert "Adoptée par 1 organisation" in html
    assert "Ça a marché" in html
    assert "Très utile chez nous." in html
    # The form is filled with what the organisation said, to edit it.
    assert 'name="adoption-comment"' in html
    assert "Très utile chez nous.</textarea>" in html
    assert re.search(
        r'<input type="radio" name="adoption-outcome" value="worked"[^>]* checked>', html
    )


def test_adoption_sent_again_edits_the_report(client, sheet, adopter, adopter_org, messages_of):
    colleague = MembershipFactory(organisation=adopter_org).user
    client.force_login(adopter)
    _adopt(client, sheet, adopter_org)
    client.force_login(colleague)

    response = _adopt(client, sheet, adopter_org, outcome="partly", comment="En partie.")

    assert messages_of(response)[-1] == "Le témoignage de Les Ateliers du Nord est mis à jour."
    assert list(Adoption.objects.values_list("organisation", "outcome", "comment", "author")) == [
        (adopter_org.pk, "partly", "En partie.", colleague.pk)
    ]


def test_adoption_counted_per_organisation(client, sheet, adopter, adopter_org):
    other = OrganisationFactory(name="Coopérative Zéro")
    MembershipFactory(organisation=other, user=adopter)
    client.force_login(adopter)

    _adopt(client, sheet, adopter_org)
    _adopt(client, sheet, other, outcome="not", comment="")

    html = client.get(sheet.url).content.decode()
    assert "Adoptée par 2 organisations" in html
    assert "ça a marché : 1" in html
    assert "ça n'a pas marché : 1" in html


def test_adoption_in_the_name_of_another_organisation_refused(client, sheet, adopter, messages_of):
    stranger_org = OrganisationFactory(name="Pas la mienne")
    client.force_login(adopter)

    response = _adopt(client, sheet, stranger_org)

    assert response.status_code == 302
    assert messages_of(response) == [
        "Votre témoignage n'est pas enregistré : "
        "Sélectionnez un choix valide. "
        f"{stranger_org.pk} n’en fait pas partie."
    ]
    assert Adoption.objects.count() == 0


def test_adoption_pending_member_refused(client, sheet, adopter_org, messages_of):
    pending = MembershipFactory(organisation=adopter_org, pending=True).user
    client.force_login(pending)

    response = _adopt(client, sheet, adopter_org)

    assert messages_of(response)[0].startswith("Votre témoignage n'est pas enregistré")
    assert Adoption.objects.count() == 0


@pytest.mark.parametrize(
    ("outcome", "comment", "problem"),
    [
        ("maybe", "", "Sélectionnez un choix valide. maybe n’en fait pas partie."),
        (
            "worked",
            "x" * 501,
            "Assurez-vous que cette valeur comporte au plus 500 caractères (actuellement 501).",
        ),
    ],
)
def test_adoption_bad_input_changes_nothing(
    client, sheet, adopter, adopter_org, messages_of, outcome, comment, problem
):
    client.force_login(adopter)

    response = _adopt(client, sheet, adopter_org, outcome=outcome, comment=comment)

    assert messages_of(response) == [f"Votre témoignage n'est pas enregistré : {problem}"]
    assert Adoption.objects.count() == 0


def test_adoption_withdrawn(client, sheet, adopter, adopter_org, messages_of):
    client.force_login(adopter)
    _adopt(client, sheet, adopter_org)

    response = client.post(_url(sheet, "adoption/retirer"), {"organisation": adopter_org.pk})

    assert messages_of(response)[-1] == "Le témoignage de Les Ateliers du Nord est retiré."
    assert Adoption.objects.count() == 0


def test_adoption_withdraw_other_organisation_refused(
    client, sheet, adopter, adopter_org, messages_of
):
    client.force_login(adopter)
    _adopt(client, sheet, adopter_org)
    client.force_login(UserFactory())

    response = client.post(_url(sheet, "adoption/retirer"), {"organisation": adopter_org.pk})

    assert messages_of(response)[-1] == "Choisissez une de vos organisations."
    assert Adoption.objects.count() == 1


# --- The service, called directly ---------------------------------------------------------


def test_service_refuses_reactions_of_anonymous_and_on_drafts(sheet_index, catalogue, sheet):
    draft = make_sheet(
        sheet_index, title="Brouillon", tools=list(catalogue.values())[:3], live=False
    )
    user = UserFactory()

    with pytest.raises(ServiceError, match="Connectez-vous"):
        reactions.set_useful(user=AnonymousUser(), sheet=sheet, on=True)
    with pytest.raises(ServiceError, match="n'est pas publiée"):
        reactions.set_bookmark(user=user, sheet=draft, on=True)
    assert Useful.objects.count() == Bookmark.objects.count() == 0


def test_service_adoption_only_by_members(sheet, adopter, adopter_org):
    with pytest.raises(ServiceError, match="Seuls les membres de Pas la mienne"):
        reactions.report_adoption(
            user=adopter,
            sheet=sheet,
            organisation=OrganisationFactory(name="Pas la mienne"),
            outcome="worked",
        )
    with pytest.raises(ServiceError, match="Choisissez si la pratique a marché"):
        reactions.report_adoption(
            user=adopter, sheet=sheet, organisation=adopter_org, outcome="perhaps"
        )

    report, created = reactions.report_adoption(
        user=adopter, sheet=sheet, organisation=adopter_org, outcome="worked", comment="  ok  "
    )
    assert (created, report.comment) == (True, "ok")
    assert Adoption.objects.count() == 1
