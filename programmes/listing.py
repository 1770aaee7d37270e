"""The list at /soutiens/: filters by kind, region, legal form, kind and size of
organisation, theme, maturity dimension and the state of the call; pagination.

"Open to cooperatives" means a programme that names cooperatives or names no legal form at
all, and so on for regions, kinds and sizes; themes and dimensions are what a programme
helps with, so those must be named. Every filter is a GET parameter; a value that is not
understood is reported in the person's language and ignored, never a server error. One
page costs the same queries whatever the number of programmes.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from community.forms import FilterForm, labelled_errors, query_without, slug_choice
from community.models import Organisation, Region, Theme

from .eligibility import member_organisations
from .models import Dimension, ProgrammePage

PAGE_SIZE = 12


class When:
    CURRENT = ""
    CLOSED = "closed"
    CHOICES = [(CURRENT, _("En cours ou à venir")), (CLOSED, _("Clos"))]


def _choices(any_label, choices):
    return [("", any_label), *choices]


class ProgrammeFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Type de soutien"),
        required=False,
        choices=_choices(_("Tous"), ProgrammePage.Kind.choices),
    )
    region = slug_choice(_("Région"), Region.objects.all(), _("Toutes"))
    legal_form = forms.ChoiceField(
        label=_("Forme juridique"),
        required=False,
        choices=_choices(_("Toutes"), Organisation.LegalForm.choices),
    )
    organisation_kind = forms.ChoiceField(
        label=_("Type d'organisation"),
        required=False,
        choices=_choices(_("Tous"), Organisation.Kind.choices),
    )
    size = forms.ChoiceField(
        label=_("Taille"), required=False, choices=_choices(_("Toutes"), Organisation.Size.choices)
    )
    theme = slug_choice(_("Thème"), Theme.objects.all(), _("Tous"))
    dimension = forms.ChoiceField(
        label=_("Dimension de maturité"),
        required=False,
        choices=_choices(_("Toutes"), Dimension.choices),
    )
    when = forms.ChoiceField(label=_("Appels"), required=False, choices=When.CHOICES)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10000)

    FILTERS = ("kind", "region", "legal_form", "organisation_kind", "size", "theme", "dimension")


def matching(values: dict):
    """Live programmes matching the filters, in the order of the list."""
    today = ProgrammePage.today()
    programmes = ProgrammePage.objects.live()
    if values.get("kind"):
        programmes = programmes.filter(kind=values["kind"])
    if values.get("region"):
        # Without a join, which would repeat a programme once per region it names.
        through = ProgrammePage.regions.through.objects.filter(programmepage=OuterRef("pk"))
        programmes = programmes.filter(
            ~Exists(through) | Exists(through.filter(region=values["region"]))
        )
    for name, column in (
        ("legal_form", "legal_forms"),
        ("organisation_kind", "organisation_kinds"),
        ("size", "sizes"),
    ):
        if values.get(name):
            programmes = programmes.filter(
                Q(**{column: ""}) | Q(**{f"{column}__contains": values[name]})
            )
    if values.get("theme"):
        programmes = programmes.filter(pk__in=ProgrammePage.objects.filter(themes=values["theme"]))
    if values.get("dimension"):
        programmes = programmes.filter(dimensions__contains=values["dimension"])
    if values.get("when") == When.CLOSED:
        return programmes.filter(open_all_year=False, deadline__lt=today).order_by(
            F("deadline").desc(), "title"
        )
    return programmes.filter(Q(open_all_year=True) | Q(deadline__gte=today)).order_by(
        F("deadline").asc(nulls_last=True), "title"
    )


def for_cards(programmes):
    return programmes.prefetch_related("regions", "translations")


def programme_listing(request, *, index) -> dict:
    form = ProgrammeFilterForm(request.GET or None)
    if request.GET:
        form.is_valid()
    values = form.cleaned_or_default() if request.GET else {}
    paginator = Paginator(for_cards(matching(values)), PAGE_SIZE)
    page = paginator.get_page(values.get("page") or 1)
    return {
        "filter_form": form,
        "filter_errors": labelled_errors(form) if request.GET else [],
        "active_filters": any(values.get(name) for name in ProgrammeFilterForm.FILTERS),
        "when": values.get("when") or When.CURRENT,
        "programmes": page.object_list,
        "page_obj": page,
        "page_query": query_without(request.GET, "page"),
        "filter_query": query_without(request.GET, "page", "when"),
        "has_organisations": bool(member_organisations(request.user)),
    }
