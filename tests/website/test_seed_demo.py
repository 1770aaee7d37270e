"""`manage.py seed_demo`: the demo network, its pages and its logins; idempotent."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page, Revision, Site

from community.models import Affiliation, Membership, Organisation, Region, Sector, Theme, User
from website import demo_data
from website.models import FooterSettings, HomePage, NavigationSettings, StandardPage

pytestmark = pytest.mark.django_db

EXPECTED = {
    "organisations": 25,  # 4 federations, 1 support structure, 20 EES
    "federations": 4,
    "support": 1,
    "ees": 20,
    "people": 32,
    "memberships_active": 30,
    "memberships_pending": 2,
    "affiliations_active": 24,
    "affiliations_pending": 2,
}

SNAPSHOT_MODELS = [
    Region,
    Sector,
    Theme,
    Organisation,
    Organisation.sectors.through,
    Affiliation,
    User,
    User.interests.through,
    EmailAddress,
    Membership,
    Page,
    Revision,
    Site,
    NavigationSettings,
    FooterSettings,
]


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row the command may touch, field by field."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in SNAPSHOT_MODELS
    }


def test_second_run_changes_nothing():
    seed()
    first = snapshot()
    output = seed()

    assert snapshot() == first
    assert "rien à changer" in output
    assert Organisation.objects.count() == EXPECTED["organisations"]


def test_builds_the_expected_network():
    seed()

    assert list(Region.objects.values_list("slug", "name", "position")) == [
        ("wallonie", "Wallonie", 1),
        ("bruxelles", "Bruxelles", 2),
        ("flandre", "Flandre", 3),
        ("france", "France", 4),
        ("quebec", "Québec", 5),
        ("autre", "Autre", 6),
    ]
    assert Sector.objects.count() == 12
    assert Theme.objects.count() == 12

    organisations = Organisation.objects.all()
    assert organisations.count() == EXPECTED["organisations"]
    assert organisations.filter(kind="federation").count() == EXPECTED["federations"]
    assert organisations.filter(kind="support").count() == EXPECTED["support"]
    assert organisations.filter(kind="ees").count() == EXPECTED["ees"]
    assert set(organisations.values_list("legal_form", flat=True)) >= {
        "association",
        "cooperative",
        "social_purpose",
        "foundation",
        "mutual",
    }
    for organisation in organisations:
        assert organisation.website.endswith(".example"), organisation
        assert organisation.contact_email.endswith(".example"), organisation
        assert organisation.region_id is not None, organisation

    assert User.objects.count() == EXPECTED["people"]
    assert not User.objects.exclude(email__endswith="@relais.example").exists()
    memberships = Membership.objects.all()
    assert memberships.filter(status="active").count() == EXPECTED["memberships_active"]
    assert memberships.filter(status="pending").count() == EXPECTED["memberships_pending"]
    affiliations = Affiliation.objects.all()
    assert affiliations.filter(status="active").count() == EXPECTED["affiliations_active"]
    assert affiliations.filter(status="pending").count() == EXPECTED["affiliations_pending"]
    assert not affiliations.exclude(federation__kind="federation").exists()
    # Camille, a federation admin, has affiliation requests to decide; Karim a join request.
    camilles = Organisation.objects.get(
        memberships__user__email=demo_data.FEDERATION_ADMIN_EMAIL, memberships__role="admin"
    )
    assert camilles.kind == "federation"
    assert camilles.member_affiliations.filter(status="pending").count() == 2
    karims = Organisation.objects.get(
        memberships__user__email=demo_data.EES_ADMIN_EMAIL, memberships__role="admin"
    )
    assert karims.kind == "ees"
    assert karims.memberships.filter(status="pending").count() == 1


def test_every_organisation_has_an_active_admin_and_every_ees_a_federation():
    seed()
    seed()

    for organisation in Organisation.objects.all():
        assert organisation.memberships.filter(role="admin", status="active").exists(), organisation
    for ees in Organisation.objects.filter(kind="ees"):
        active = ees.affiliations.filter(status="active").count()
        assert 1 <= active <= 2, ees


def test_site_root_is_the_published_home_page():
    seed()
    seed()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("localhost", 80, "Relais")
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert (home.title, home.slug, home.live) == ("Accueil", "accueil", True)
    assert home.live_revision is not None
    assert [block.block_type for block in home.body] == [
        "heading",
        "paragraph",
        "heading",
        "paragraph",
        "call_to_action",
    ]
    assert home.body[-1].value["link"]["url"] == "/organisations/"
    # Wagtail's own welcome page is gone; the site has the home page and three pages.
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert Site.objects.count() == 1
    children = StandardPage.objects.child_of(home).live().order_by("path")
    assert list(children.values_list("slug", flat=True)) == [
        "a-propos",
        "charte",
        "mentions-legales",
    ]

    navigation = NavigationSettings.for_site(site)
    assert [link.value["label"] for link in navigation.links] == [
        "Organisations",
        "À propos",
        "Charte",
    ]
    assert navigation.links[0].value["url"] == "/organisations/"
    assert navigation.links[1].value["page"].slug == "a-propos"
    footer = FooterSettings.for_site(site)
    assert footer.contact_email == "contact@relais.example"
    assert [link.value["page"].slug for link in footer.links] == ["mentions-legales", "charte"]


def test_every_demo_account_has_a_verified_primary_email():
    output = seed()
    seed()

    emails = [person["email"] for person in demo_data.PEOPLE]
    assert set(User.objects.values_list("email", flat=True)) == set(emails)
    for user in User.objects.all():
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True
        ).exists(), user
        assert user.display_name
        assert user.check_password(demo_data.DEMO_PASSWORD), user

    editor = User.objects.get(email=demo_data.EDITOR_EMAIL)
    assert editor.is_staff and editor.is_superuser
    for email in [
        demo_data.EDITOR_EMAIL,
        demo_data.FEDERATION_ADMIN_EMAIL,
        demo_data.EES_ADMIN_EMAIL,
        demo_data.MEMBER_EMAIL,
        demo_data.DEMO_PASSWORD,
        "/admin/",
    ]:
        assert email in output


def test_the_editor_can_sign_in(client):
    seed()

    assert client.login(email=demo_data.EDITOR_EMAIL, password=demo_data.DEMO_PASSWORD)
    editor = User.objects.get(email=demo_data.EDITOR_EMAIL)
    assert editor.has_perm("wagtailadmin.access_admin")


def test_a_member_signs_in_through_allauth_without_verification_step(client):
    """Mandatory verification would send an unverified account to confirm its email."""
    seed()

    response = client.post(
        "/accounts/login/",
        {"login": demo_data.MEMBER_EMAIL, "password": demo_data.DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert "confirm-email" not in response.url
    lea = User.objects.get(email=demo_data.MEMBER_EMAIL)
    assert client.session["_auth_user_id"] == str(lea.pk)


def test_edits_made_during_the_demo_survive_a_new_run():
    seed()
    organisation = Organisation.objects.get(slug="recyclerie-du-condroz")
    organisation.description = "Texte revu par Karim."
    organisation.save()
    lea = User.objects.get(email=demo_data.MEMBER_EMAIL)
    lea.set_password("un-autre-mot-de-passe")
    lea.save()

    seed()

    organisation.refresh_from_db()
    lea.refresh_from_db()
    assert organisation.description == "Texte revu par Karim."
    assert lea.check_password("un-autre-mot-de-passe")


def test_home_page_shows_the_intro(client):
    seed()

    response = client.get("/")
    assert response.status_code == 200
    assert escape(demo_data.HOME_PAGE["intro"]) in response.content.decode()
