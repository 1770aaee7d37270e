"""`manage.py seed_demo` on a database it never ran on: a first run that follows the public
address and puts back a missing workflow, the refusal outside the demo settings, and the
demo's data checked on its own. The tests on one seeded demo are in test_seed_demo.py."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Page, Site, WorkflowPage, WorkflowState

from community.models import Organisation
from practices.models import Adoption
from tests.shared import built_once_per_class
from tests.website.test_seed_demo import seed, sheet_in_moderation
from website.demo import load
from website.models import FooterSettings, HomePage, NavigationSettings, StandardPage

# The data files of website/demo/ that the assertions below refer to.
PEOPLE = load("people")["people"]
EDITOR_EMAIL = load("people")["logins"]["editor"]
THEMES = load("taxonomies")["themes"]
TOOLS = load("tools")["tools"]
SHEETS = load("sheets")["published"]
USEFUL = load("reactions")["useful"]
ADOPTIONS = load("reactions")["adoptions"]

pytestmark = pytest.mark.django_db


PUBLIC_ADDRESS = "http://127.0.0.1:8102"


def first_run_without_workflow_on_a_public_address():
    """The first run of two at once (a full seed costs seconds): the site's root lost
    Wagtail's default workflow, and `make run PORT=8102` set SITE_URL, which the Site
    record follows. Seeded twice, as `make run` does at each start."""
    WorkflowPage.objects.all().delete()
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC_ADDRESS):
        seed()
        seed()


_first_run = built_once_per_class(first_run_without_workflow_on_a_public_address)


class TestFirstRun:
    """On one database seeded as `first_run_without_workflow_on_a_public_address` says."""

    @pytest.fixture
    def first_run(self, _first_run, db):
        return _first_run.copy()

    def test_site_root_is_the_published_home_page(self, first_run, settings, client):
        settings.WAGTAILADMIN_BASE_URL = PUBLIC_ADDRESS
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port, site.site_name) == ("127.0.0.1", 8102, "Relais")
        (item,) = client.get("/api/v2/pages/?type=website.HomePage").json()["items"]
        assert item["meta"]["html_url"] == "http://127.0.0.1:8102/"
        assert item["meta"]["detail_url"] == f"http://127.0.0.1:8102/api/v2/pages/{item['id']}/"
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
        # Wagtail's own welcome page is gone; the site has the home page, three pages and the
        # library of practice sheets.
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
            "Pratiques",
            "Outils",
            "Agenda",
            "Soutiens",
            "Récits",
            "Salons",
            "Organisations",
            "À propos",
            "Charte",
        ]
        assert navigation.links[0].value["page"].slug == "pratiques"
        assert navigation.links[1].value["url"] == "/outils/"
        assert navigation.links[2].value["page"].slug == "agenda"
        assert navigation.links[3].value["page"].slug == "soutiens"
        assert navigation.links[4].value["page"].slug == "recits"
        assert navigation.links[5].value["url"] == "/salons/"
        assert navigation.links[6].value["url"] == "/organisations/"
        assert navigation.links[7].value["page"].slug == "a-propos"
        footer = FooterSettings.for_site(site)
        assert footer.contact_email == "contact@relais.example"
        assert [link.value["page"].slug for link in footer.links] == ["mentions-legales", "charte"]

    def test_the_default_workflow_is_put_back_when_missing(self, first_run):
        """A site whose root lost Wagtail's default workflow gets it back for the demo sheet."""
        state = WorkflowState.objects.for_instance(sheet_in_moderation()).get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert Group.objects.get(name="Moderators").user_set.filter(email=EDITOR_EMAIL).exists()


def test_demo_practice_data_is_consistent():
    """Checked on the data itself, so an edit that breaks a rule fails here and not halfway
    through a seed."""
    memberships = {}
    for person in PEOPLE:
        for slug in person.get("memberships", {}):
            memberships.setdefault(slug, set()).add(person["email"])
    tools = {tool["slug"] for tool in TOOLS}
    themes = set(THEMES)
    specs = SHEETS + load("sheets")["submitted"]
    seen = []
    for spec in specs:
        assert set(spec["authors"]) <= memberships[spec["organisation"]], spec["slug"]
        assert set(spec["themes"]) <= themes, spec["slug"]
        for part in ("difficulties", "tips", "phases", "tools", "keywords"):
            assert len(spec[part]) == 3, (spec["slug"], part)
        assert {item["tool"] for item in spec["tools"]} <= tools, spec["slug"]
        assert len({item["tool"] for item in spec["tools"]}) == 3, spec["slug"]
        assert all(len(word) <= 40 for word in spec["keywords"]), spec["slug"]
        # Related sheets are listed earlier, so they exist when the sheet is created.
        assert set(spec["related"]) <= set(seen), spec["slug"]
        seen.append(spec["slug"])
    authors = {spec["slug"]: set(spec["authors"]) for spec in SHEETS}
    for slug, emails in USEFUL.items():
        assert not set(emails) & authors[slug], slug
    organisations = {spec["slug"]: spec["organisation"] for spec in SHEETS}
    for adoption in ADOPTIONS:
        slug, organisation = adoption["sheet"], adoption["organisation"]
        email, outcome = adoption["author"], adoption["outcome"]
        assert organisation != organisations[slug]
        assert email in memberships[organisation]
        assert outcome in Adoption.Outcome.values
    words = " ".join(spec["why"] + spec["summary"] for spec in SHEETS)
    assert "numérique" in words and "bénévoles" in words


@pytest.mark.django_db
def test_seed_demo_refuses_outside_the_demo_settings_unless_told(settings):
    settings.DEBUG = True  # DEBUG alone is no licence: only the demo settings are
    with pytest.raises(CommandError, match="réglages de démonstration"):
        call_command("seed_demo")

    assert Organisation.objects.count() == 0
