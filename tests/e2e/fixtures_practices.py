"""What the practice sheets' browser tests share (tests/e2e/test_practices_*.py, and
`next_step` for tests/e2e/test_intervision.py): /pratiques/ with Wagtail's moderation
workflow, five catalogue tools, Nora a plain member, the sheet she writes, and filling the
wizard's steps. Test modules make the fixtures visible by assignment.

The browser tests run on a transactional database, flushed between tests: Wagtail's
default "Relecture éditoriale" workflow, which its migrations attach to the root page,
is rebuilt here (`practice_index`) so that a submitted sheet enters moderation as on a real
site.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.models import Page as WagtailPage  # Page is Playwright's here

from practices.models import PracticeIndexPage, PracticeSheetPage, Tool
from tests.factories import MembershipFactory, OrganisationFactory
from tests.practices.fixtures_listing import make_tool

ORG_NAME = "L'Atelier des Possibles"
TITLE = "Un atelier numérique pour nos bénévoles"
SUMMARY = (
    "Nos bénévoles ont appris à partager agenda et documents en ligne, en trois mois et "
    "sans budget informatique."
)


@pytest.fixture
def practice_index(home_page) -> PracticeIndexPage:
    """/pratiques/ under the e2e `home_page`, and Wagtail's default moderation workflow
    (flushed with the rest of the database between transactional tests) on the root."""
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    task, _ = GroupApprovalTask.objects.get_or_create(name="Relecture par l'équipe éditoriale")
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name="Relecture éditoriale")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=WagtailPage.get_first_root_node(), defaults={"workflow": workflow}
    )

    index = home_page.add_child(
        instance=PracticeIndexPage(
            title="Fiches pratiques",
            slug="pratiques",
            intro="Ce que les organisations ont appris de leurs projets numériques.",
        )
    )
    index.save_revision().publish()
    return index


@pytest.fixture
def catalogue(db) -> dict[str, Tool]:
    """Five catalogue tools, by slug."""
    tools = [
        make_tool("Nextcloud", category=Tool.Category.COLLABORATION, data_hosting="belgium"),
        make_tool("Dolibarr", category=Tool.Category.CRM),
        make_tool("Signal", category=Tool.Category.COMMUNICATION),
        make_tool("Odoo", category=Tool.Category.CRM, licence=Tool.Licence.FREEMIUM),
        make_tool(
            "Microsoft Teams",
            category=Tool.Category.COMMUNICATION,
            licence=Tool.Licence.PROPRIETARY,
            data_hosting="outside_eu",
        ),
    ]
    return {tool.slug: tool for tool in tools}


@pytest.fixture
def member(db):
    """Nora, a plain member of "L'Atelier des Possibles"."""
    organisation = OrganisationFactory(name=ORG_NAME)
    return MembershipFactory(
        organisation=organisation,
        user__display_name="Nora Membre",
        user__email="nora@atelier.example",
    ).user


def sheet_url(sheet: PracticeSheetPage) -> str:
    return f"/pratiques/{sheet.slug}/"


def fill_items(page: Page, item: str, items: list[tuple[str, str]]) -> None:
    for n, (title, text) in enumerate(items, start=1):
        page.get_by_label(f"{item} {n} — titre", exact=True).fill(title)
        page.get_by_label(f"{item} {n} — texte", exact=True).fill(text)


def next_step(page: Page, label: str) -> None:
    """Click "Suivant" and land on the step called `label`, with no error."""
    page.get_by_role("button", name=re.compile(r"^Suivant")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)
    expect(page.get_by_role("alert")).to_have_count(0)


DIFFICULTIES = [
    ("La peur de mal faire", "Plusieurs bénévoles n'osaient pas toucher à l'ordinateur."),
    ("Des horaires éclatés", "On ne se croise jamais tous au local."),
    ("Un vieux matériel", "Deux portables sur cinq ne démarraient plus."),
]
TIPS = [
    ("Former en binômes", "Un bénévole à l'aise accompagne un débutant."),
    ("Commencer petit", "D'abord l'agenda partagé, ensuite les documents."),
    ("Garder une trace", "Un mémo imprimé reste près de chaque poste."),
]
PHASES = [
    ("Écouter", "Un café-rencontre pour recueillir les besoins."),
    ("Essayer", "Deux semaines de test avec cinq volontaires."),
    ("Généraliser", "Tout le monde passe à l'agenda partagé."),
]
