"""The submission wizard's drafts (saved as they are typed, resumed in a new session,
deleted, never changed by malformed input, only for the member's own organisations) and who
may use the wizard at all."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from practices.models import SheetDraft
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.practices.fixtures_wizard import step_url, wizard_url

# The wizard's addresses are routes of the library page: every test here has one.
pytestmark = pytest.mark.usefixtures("practice_index")


# --- Drafts ------------------------------------------------------------------------------


def test_wizard_malformed_input_changes_nothing(member_client, member_with_org, member_org, tools):
    draft = SheetDraft.objects.create(
        author=member_with_org, organisation=member_org, data={"x": 1}
    )

    response = member_client.post(
        step_url(draft, "tools"),
        {"tool-1-new_name": "Outil", "tool-1-new_website": "pas une adresse", "action": "save"},
    )

    assert [error["message"] for error in response.context["errors"]] == [
        "Outil 1 — site web du nouvel outil : Saisissez une URL valide."
    ]
    draft.refresh_from_db()
    assert draft.data == {"x": 1}


def test_wizard_organisation_only_among_mine(member_client, member_with_org, member_org):
    other = OrganisationFactory(name="Une autre ASBL")
    second = MembershipFactory(user=member_with_org, organisation__name="Coop du Coin").organisation
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    form = member_client.get(step_url(draft, "context")).context["forms"].forms[0]
    refused = member_client.post(
        step_url(draft, "context"), {"organisation": other.pk, "action": "save"}
    )
    moved = member_client.post(
        step_url(draft, "context"), {"organisation": second.pk, "action": "save"}
    )

    assert list(form.fields["organisation"].queryset) == [second, member_org]
    assert refused.status_code == 200
    assert moved.status_code == 302
    draft.refresh_from_db()
    assert draft.organisation == second


def test_wizard_draft_resumes_in_a_new_session(member_with_org, member_org):
    first = Client()
    first.force_login(member_with_org)
    first.post(wizard_url("wizard_start"))
    draft = SheetDraft.objects.get()
    first.post(
        step_url(draft, "context"),
        {
            "title": "Boutique en ligne",
            "summary": "Vendre nos légumes.",
            "organisation": member_org.pk,
            "action": "next",
        },
    )

    second = Client()
    second.force_login(member_with_org)
    listing = second.get(wizard_url("wizard"))
    resumed = second.get(wizard_url("wizard_resume", draft.pk))
    context = second.get(step_url(draft, "context")).context["forms"].forms[0]

    assert [str(d) for d, _step in listing.context["drafts"]] == ["Boutique en ligne"]
    assert resumed["Location"] == step_url(draft, "why")
    assert (context["title"].value(), context["summary"].value()) == (
        "Boutique en ligne",
        "Vendre nos légumes.",
    )


def test_wizard_delete_draft(member_client, member_with_org, member_org):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    response = member_client.post(wizard_url("wizard_delete", draft.pk))

    assert response["Location"] == wizard_url("wizard")
    assert SheetDraft.objects.count() == 0


# --- Access ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["wizard", "wizard_start", "wizard_edit", "wizard_resume", "wizard_step"]
)
def test_wizard_anonymous_sent_to_login(client, member_with_org, member_org, name):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)
    args = {
        "wizard": [],
        "wizard_start": [],
        "wizard_edit": [1],
        "wizard_resume": [draft.pk],
        "wizard_step": [draft.pk, "context"],
    }[name]
    url = wizard_url(name, *args)

    response = client.post(url) if name == "wizard_start" else client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_wizard_without_organisation_explains_joining(client, db):
    client.force_login(UserFactory())

    response = client.get(wizard_url("wizard"))

    assert response.status_code == 403
    assert response.templates[0].name == "practices/wizard/join_first.html"
    assert f'href="{reverse("community:directory")}"' in response.content.decode()
    assert client.post(wizard_url("wizard_start")).status_code == 403
    assert SheetDraft.objects.count() == 0


def test_wizard_pending_member_cannot_propose(client, member_org):
    pending = MembershipFactory(organisation=member_org, pending=True).user
    client.force_login(pending)

    assert client.get(wizard_url("wizard")).status_code == 403


def test_wizard_unknown_step_is_404(member_client, member_with_org, member_org):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)

    assert member_client.get(step_url(draft, "nowhere")).status_code == 404


@pytest.mark.parametrize("name", ["wizard_resume", "wizard_step", "wizard_delete"])
def test_wizard_someone_elses_draft_is_404(client, member_with_org, member_org, name):
    draft = SheetDraft.objects.create(author=member_with_org, organisation=member_org)
    colleague = MembershipFactory(organisation=member_org).user
    client.force_login(colleague)
    args = [draft.pk, "context"] if name == "wizard_step" else [draft.pk]

    response = client.post(wizard_url(name, *args), {"action": "save", "title": "Volé"})

    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.data == {}
