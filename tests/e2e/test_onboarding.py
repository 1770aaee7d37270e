"""The way into Relais, in Chromium: sign up, confirm the address, sign in, create an
organisation, and a colleague who asks to join it and is accepted."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import Page, expect

from community.models import Membership, Organisation, TermsAcceptance, User
from community.privacy import PRIVACY_NOTICE_VERSION
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.factories.community import PASSWORD

pytestmark = pytest.mark.e2e

ORG_NAME = "La Brouette Solidaire"


def link_in(body: str, path_pattern: str) -> str:
    """The path of the link in an email body whose path matches `path_pattern`."""
    match = re.search(rf"https?://[^/\s]+({path_pattern})", body)
    assert match, f"no link matching {path_pattern!r} in:\n{body}"
    return match.group(1)


def sign_in(page: Page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail (obligatoire)", exact=True).fill(email)
    page.get_by_label("Mot de passe (obligatoire)", exact=True).fill(password)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("link", name="Mon espace")).to_be_visible()


def test_onboarding_sign_up_create_organisation_and_accept_a_colleague(
    page: Page, new_context, mailoutbox
):
    # Camille signs up.
    page.goto("/accounts/signup/")
    page.get_by_label("Votre nom (obligatoire)", exact=True).fill("Camille Dubois")
    page.get_by_label("E-mail (obligatoire)", exact=True).fill("camille@brouette.example")
    page.get_by_label("Mot de passe (obligatoire)", exact=True).fill("un-vélo-pour-la-ressourcerie")
    page.get_by_label("Mot de passe (confirmation) (obligatoire)", exact=True).fill(
        "un-vélo-pour-la-ressourcerie"
    )
    page.get_by_label(
        "J'accepte la charte du réseau et j'ai lu la politique de confidentialité"
    ).check()
    page.get_by_role("button", name="Création de compte").click()

    # She is asked to confirm her address, and the confirmation email is hers alone.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre adresse e-mail")
    expect(page.get_by_role("link", name="Mon espace")).to_have_count(0)
    camille = User.objects.get(email="camille@brouette.example")
    assert camille.display_name == "Camille Dubois"
    assert camille.preferred_language == "fr"
    # Her consent is kept with the versions she accepted.
    assert list(
        TermsAcceptance.objects.filter(user=camille).values_list("privacy_version", flat=True)
    ) == [PRIVACY_NOTICE_VERSION]
    assert list(EmailAddress.objects.filter(user=camille).values_list("verified", flat=True)) == [
        False
    ]
    assert [m.to for m in mailoutbox] == [["camille@brouette.example"]]
    confirm_path = link_in(mailoutbox[0].body, r"/accounts/confirm-email/[^/\s]+/")

    # She opens the link, confirms, and is signed in.
    page.goto(confirm_path)
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_role("link", name="Mon espace")).to_be_visible()
    assert EmailAddress.objects.get(user=camille).verified is True

    # She signs out, then back in with her password.
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
    expect(page.get_by_role("link", name="Mon espace")).to_have_count(0)
    sign_in(page, "camille@brouette.example", "un-vélo-pour-la-ressourcerie")
    expect(page).to_have_url(re.compile(r"/moi/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Camille Dubois")

    # She adds her organisation from her space and becomes its admin.
    page.get_by_role("link", name="Ajouter une organisation").click()
    expect(page).to_have_url(re.compile(r"/organisations/creer/$"))
    page.get_by_label("Nom (obligatoire)", exact=True).fill(ORG_NAME)
    page.get_by_label("Type (obligatoire)", exact=True).select_option(
        label="Entreprise d'économie sociale"
    )
    page.get_by_label("Forme juridique (obligatoire)", exact=True).select_option(
        label="Coopérative"
    )
    page.get_by_label("Localité", exact=True).fill("Liège")
    page.get_by_role("button", name="Créer l'organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ORG_NAME)
    expect(page.get_by_role("status")).to_have_text(
        f"{ORG_NAME} est créée : vous en êtes l'administrateur·rice."
    )
    expect(page.get_by_text("Vous en êtes administrateur·rice.")).to_be_visible()
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.kind, organisation.legal_form, organisation.city) == (
        ORG_NAME,
        Organisation.Kind.EES,
        Organisation.LegalForm.COOPERATIVE,
        "Liège",
    )
    assert list(organisation.memberships.values_list("user__email", "role", "status")) == [
        ("camille@brouette.example", "admin", "active")
    ]
    org_path = f"/organisations/{organisation.slug}/"
    expect(page).to_have_url(re.compile(re.escape(org_path) + "$"))

    # Bastien, a colleague with an account, finds it in the directory and asks to join.
    bastien = UserFactory(display_name="Bastien Lemaire", email="bastien@brouette.example")
    mailoutbox.clear()
    other = new_context().new_page()
    sign_in(other, bastien.email, PASSWORD)
    OrganisationFactory(name="Le Potager Partagé")
    other.goto("/organisations/")
    other.get_by_label("Rechercher", exact=True).fill("brouette")
    other.get_by_role("button", name="Appliquer").click()
    expect(other.get_by_role("heading", name="1 organisation", exact=True)).to_be_visible()
    expect(other.get_by_role("link", name="Le Potager Partagé")).to_have_count(0)
    other.get_by_role("link", name=ORG_NAME).click()
    expect(other).to_have_url(re.compile(re.escape(org_path) + "$"))
    other.get_by_label(
        "Un mot pour l'équipe qui gère l'organisation (facultatif)", exact=True
    ).fill("Je gère l'atelier vélo depuis mars.")
    other.get_by_role("button", name="Demander à rejoindre").click()
    expect(other.get_by_role("status")).to_have_text(
        f"Votre demande est envoyée à l'équipe de {ORG_NAME}."
    )
    expect(other.get_by_text("Votre demande est en attente de validation.")).to_be_visible()
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["camille@brouette.example"], f"[Relais] Bastien Lemaire demande à rejoindre {ORG_NAME}")
    ]
    assert "Je gère l'atelier vélo depuis mars." in mailoutbox[0].body

    # Camille sees the request in her space and accepts it.
    mailoutbox.clear()
    page.goto("/moi/")
    to_decide = page.get_by_role("region", name="À traiter")
    expect(to_decide.get_by_role("link", name="Bastien Lemaire")).to_be_visible()
    to_decide.get_by_role("button", name="Accepter Bastien Lemaire").click()
    expect(page.get_by_role("status")).to_have_text("La demande est acceptée.")
    expect(page.get_by_role("region", name="À traiter")).to_have_count(0)
    assert [m.to for m in mailoutbox] == [["bastien@brouette.example"]]

    # Bastien is now a member, in the database and on the page.
    other.reload()
    expect(other.get_by_text("Vous en êtes membre.")).to_be_visible()
    members = other.get_by_role("region", name="Membres")
    expect(members.get_by_role("listitem")).to_have_text(
        [re.compile(r"^\s*Camille Dubois\s+admin\s*$"), re.compile(r"^\s*Bastien Lemaire\s*$")]
    )
    assert sorted(organisation.memberships.values_list("user__display_name", "role", "status")) == [
        ("Bastien Lemaire", "member", "active"),
        ("Camille Dubois", "admin", "active"),
    ]
    assert Membership.objects.get(user=bastien).decided_by == camille


def test_admin_refuses_a_request_from_the_organisation_page(page: Page, sign_in_as, mailoutbox):
    organisation = OrganisationFactory(name="Les Ateliers du Cœur")
    admin = MembershipFactory(
        organisation=organisation, admin=True, user__display_name="Alice Admin"
    ).user
    requester = MembershipFactory(
        organisation=organisation, pending=True, user__display_name="Robin Retard"
    ).user
    sign_in_as(page.context, admin)

    page.goto(f"/organisations/{organisation.slug}/")
    pending = page.get_by_role("region", name="Demandes d'adhésion en attente")
    pending.get_by_role("button", name="Refuser Robin Retard").click()

    expect(page.get_by_role("status")).to_have_text("La demande est refusée.")
    expect(page.get_by_role("region", name="Demandes d'adhésion en attente")).to_contain_text(
        "Aucune demande en attente."
    )
    assert list(Membership.objects.filter(organisation=organisation).values_list("user")) == [
        (admin.pk,)
    ]
    assert [m.to for m in mailoutbox] == [[requester.email]]


def test_sign_up_with_a_taken_address_reveals_nothing(page: Page, mailoutbox):
    """Enumeration is prevented: the page is the same as for a new address, and only the
    owner of the address is told, by email."""
    UserFactory(email="deja@inscrite.example", display_name="Déjà Inscrite")

    page.goto("/accounts/signup/")
    page.get_by_label("Votre nom (obligatoire)", exact=True).fill("Quelqu'un d'autre")
    page.get_by_label("E-mail (obligatoire)", exact=True).fill("deja@inscrite.example")
    page.get_by_label("Mot de passe (obligatoire)", exact=True).fill("un-autre-mot-de-passe")
    page.get_by_label("Mot de passe (confirmation) (obligatoire)", exact=True).fill(
        "un-autre-mot-de-passe"
    )
    page.get_by_label(
        "J'accepte la charte du réseau et j'ai lu la politique de confidentialité"
    ).check()
    page.get_by_role("button", name="Création de compte").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre adresse e-mail")
    assert User.objects.filter(email="deja@inscrite.example").count() == 1
    assert [m.to for m in mailoutbox] == [["deja@inscrite.example"]]
    assert "/accounts/confirm-email/" not in mailoutbox[0].body
