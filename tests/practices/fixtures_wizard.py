"""Helpers of the tests of the submission wizard and of moderation
(tests/practices/test_wizard*.py, test_moderation.py, test_my_sheets.py): the wizard's
addresses, a step's items as the browser posts them, and what an editor does in the
admin."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import WorkflowState

from practices.models import PracticeIndexPage


def wizard_url(name, *args):
    """An address of the wizard, a route of the library page (`practices.routes`)."""
    return PracticeIndexPage.route_path(name, *args)


def step_url(draft, step):
    return wizard_url("wizard_step", draft.pk, step)


def items(part, count):
    data = {}
    for n in range(1, count + 1):
        data[f"{part}-{n}-title"] = f"{part} {n}"
        data[f"{part}-{n}-text"] = f"Ce qu'il faut savoir sur {part} {n}."
    return data


def current_task_state(sheet):
    return WorkflowState.objects.get(
        object_id=str(sheet.pk), status__in=["in_progress", "needs_changes"]
    ).current_task_state


def request_changes(client, editor, sheet, comment):
    """What an editor does in the admin: "Request changes" with a comment."""
    client.force_login(editor)
    task_state = current_task_state(sheet)
    url = reverse("wagtailadmin_pages:workflow_action", args=[sheet.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302)
    client.logout()
