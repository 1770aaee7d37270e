"""A plan's action refused (a past or far-off due date, no action chosen): the result page
comes back with the refusal inside the form that was sent, that form's choice and date
kept, and the address ending in the form's anchor, so the browser shows it where the
person was (the top of a long page is out of sight). The date field says its bounds."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.utils import timezone

from diagnostic.models import PlanAction
from tests.diagnostic.fixtures import answer_everything, build_network
from tests.diagnostic.test_flow import client_of, start
from tests.shared import built_once_per_module

pytestmark = pytest.mark.django_db

_network = built_once_per_module(build_network)


@pytest.fixture
def network(_network):
    return _network.copy()


def refused_form(html: str) -> str:
    (form,) = re.findall(r'<form[^>]* id="add-action-sauvegardes">.*?</form>', html, re.S)
    return unescape(form)


@pytest.mark.parametrize(
    ("target_date", "reason"),
    [
        ("2020-01-01", "Choisissez une échéance qui n'est pas encore passée."),
        ("9999-12-31", "Choisissez une échéance dans les 3 ans qui viennent."),
    ],
)
def test_a_refused_date_is_told_beside_its_form_with_the_choice_kept(network, target_date, reason):
    alice = client_of(network["alice"])
    diagnostic = start(alice)
    answer_everything(alice, diagnostic, lambda q: "0" if q.key == "sauvegardes" else "3")
    reference = f"sheet:{network['sheet'].pk}"

    response = alice.post(
        f"/diagnostic/{diagnostic.pk}/plan/ajouter/",
        {"reference": reference, "question": "sauvegardes", "target_date": target_date},
    )

    assert response.status_code == 400
    form = refused_form(response.content.decode())
    assert f'action="/diagnostic/{diagnostic.pk}/plan/ajouter/#add-action-sauvegardes"' in form
    assert (
        f'<div class="form-errors" id="add-action-error-sauvegardes" role="alert"><p>{reason}</p>'
        in form
    )
    assert f'<option value="{reference}" selected>' in form
    assert f'value="{target_date}"' in form
    assert form.count('aria-describedby="add-action-error-sauvegardes"') == 2
    assert reason not in unescape(response.content.decode()).replace(form, "")
    assert not PlanAction.objects.exists()


def test_the_date_field_says_its_bounds_and_a_missing_choice_is_asked_for(network):
    alice = client_of(network["alice"])
    diagnostic = start(alice)
    answer_everything(alice, diagnostic, lambda q: "0" if q.key == "sauvegardes" else "3")
    today = timezone.localdate()

    page = alice.get(f"/diagnostic/{diagnostic.pk}/").content.decode()
    later = today.replace(year=today.year + 3) if (today.month, today.day) != (2, 29) else None
    assert f'min="{today.isoformat()}"' in refused_form(page)
    if later:
        assert f'max="{later.isoformat()}"' in refused_form(page)

    target = (today + dt.timedelta(days=30)).isoformat()
    response = alice.post(
        f"/diagnostic/{diagnostic.pk}/plan/ajouter/",
        {"reference": "", "question": "sauvegardes", "target_date": target},
    )
    assert response.status_code == 400
    form = refused_form(response.content.decode())
    assert "<p>Champ requis.</p>" in form
    assert f'value="{target}"' in form
