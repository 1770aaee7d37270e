"""community/widgets.py: QuickSelect writes what Django's templates write."""

from __future__ import annotations

import pytest
from django import forms

from community.widgets import QuickSelect

CHOICES = [
    ("", "Toutes"),
    ("ateliers", "Les Ateliers <Récup> & Cie"),
    ("coop", 'La "Coop" d\'ici'),
    ("Groupe", [("a", "Un"), ("b", "Deux")]),
]


ATTRS = {"id": "id_organiser", "aria-describedby": "x y", "required": True, "disabled": False}


@pytest.mark.parametrize("value", [None, "", "coop", "b", ["coop"], "absent"])
@pytest.mark.parametrize("attrs", [None, ATTRS])
def test_quick_select_writes_what_django_writes(value, attrs):
    django = forms.Select(choices=CHOICES).render("organiser", value, attrs)
    quick = QuickSelect(choices=CHOICES).render("organiser", value, attrs)

    assert quick == django
    assert "&lt;Récup&gt; &amp; Cie" in quick


def test_quick_select_in_a_form_keeps_the_chosen_option():
    class Filters(forms.Form):
        organiser = forms.ChoiceField(choices=CHOICES, required=False, widget=QuickSelect)

    html = str(Filters({"organiser": "coop"})["organiser"])

    assert '<option value="coop" selected>La &quot;Coop&quot; d&#x27;ici</option>' in html
    assert html == str(
        forms.BoundField(
            Filters({"organiser": "coop"}),
            forms.ChoiceField(choices=CHOICES, required=False),
            "organiser",
        )
    )
