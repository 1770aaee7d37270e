"""Thin views of the reading side: reactions to a sheet and the tool catalogue.

A sheet itself is a Wagtail page; what its template needs beyond the page's own fields
comes from `sheet_context` (through the `sheet_reading` template tag). Reactions are POST
forms that work without JavaScript: check access, call one service, redirect back to the
sheet with a message.
"""

from __future__ import annotations

import functools

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community import access
from community.fields import MultiLineFormField
from community.forms import labelled_errors
from community.models import Organisation
from community.public import absolute_url
from community.refusals import show_refusal
from community.services import ServiceError

from .listing import for_cards, live_sheets
from .models import Adoption, Bookmark, PracticeSheetPage, SheetTool, Tool, Useful
from .services import reactions

TOOLS_PAGE_SIZE = 24
TOOL_SHEETS_PAGE_SIZE = 12
# The stable address of the library (DESIGN.md): keywords and themes of a sheet link to
# its filters.
LIBRARY_URL = "/pratiques/"


# --- Reading a sheet ----------------------------------------------------------------------


class AdoptionForm(forms.Form):
    """ "We tried it too", in the name of one of the person's organisations."""

    organisation = forms.TypedChoiceField(label=gettext_lazy("Au nom de"), coerce=int)
    outcome = forms.ChoiceField(
        label=gettext_lazy("Et alors ?"), choices=Adoption.Outcome.choices, widget=forms.RadioSelect
    )
    comment = MultiLineFormField(
        label=gettext_lazy("En quelques mots (facultatif)"),
        max_length=Adoption._meta.get_field("comment").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Ce qui a aidé, ce que vous avez adapté."),
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("prefix", "adoption")
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["organisation"].choices = [
            (organisation.pk, organisation.name) for organisation in organisations
        ]

    def clean_organisation(self):
        organisation = self.organisations.get(self.cleaned_data["organisation"])
        if organisation is None:
            raise ValidationError(_("Choisissez une de vos organisations."))
        return organisation


def _json_ld(request, sheet, *, keywords, themes, tools) -> dict:
    """schema.org description of the sheet, for search engines and other sites."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": sheet.title,
        "description": sheet.summary,
        "url": absolute_url(sheet.get_url(request)),
        "inLanguage": "fr",
        "keywords": [keyword.word for keyword in keywords],
        "about": [theme.name for theme in themes],
        "publisher": {"@type": "Organization", "name": "Relais"},
        "mentions": [
            {
                "@type": "SoftwareApplication",
                "name": item.tool.name,
                **({"url": item.tool.website} if item.tool.website else {}),
            }
            for item in tools
        ],
    }
    if sheet.first_published_at:
        data["datePublished"] = sheet.first_published_at.isoformat()
    if sheet.last_published_at:
        data["dateModified"] = sheet.last_published_at.isoformat()
    if sheet.organisation:
        data["author"] = {
            "@type": "Organization",
            "name": sheet.organisation.name,
            "url": absolute_url(sheet.organisation.get_absolute_url()),
        }
    return data


def _reactions(request, sheet: PracticeSheetPage) -> dict:
    """Marks, adoption reports and what this person may do with them."""
    user = request.user
    signed_in = access.can_react(user)
    adoptions = list(
        Adoption.objects.filter(sheet=sheet)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    useful = Useful.objects.filter(sheet=sheet).aggregate(
        total=Count("pk"), mine=Count("pk", filter=Q(user_id=user.pk))
    )
    context = {
        "adoptions": adoptions,
        "adoption_counts": {
            outcome: sum(1 for a in adoptions if a.outcome == outcome)
            for outcome in Adoption.Outcome.values
        },
        "useful_count": useful["total"],
        "is_useful": bool(useful["mine"]),
        "is_bookmarked": signed_in and Bookmark.objects.filter(user=user, sheet=sheet).exists(),
        "can_react": signed_in,
        "can_edit": access.can_edit_sheet(user, sheet),
    }
    if signed_in:
        organisations = list(access.member_organisations(user))
        mine = [a for a in adoptions if a.organisation_id in {o.pk for o in organisations}]
        initial = (
            {
                "organisation": mine[0].organisation_id,
                "outcome": mine[0].outcome,
                "comment": mine[0].comment,
            }
            if mine
            else {}
        )
        context["my_adoptions"] = mine
        context["adoption_form"] = (
            AdoptionForm(organisations=organisations, initial=initial) if organisations else None
        )
    return context


# What a preview shows in place of reactions: the sheet as its first readers will see it.
NO_REACTIONS = {
    "adoptions": [],
    "adoption_counts": {},
    "useful_count": 0,
    "is_useful": False,
    "is_bookmarked": False,
    "can_react": False,
    "can_edit": False,
}


def sheet_context(request, *, sheet: PracticeSheetPage) -> dict:
    """Everything the sheet's template shows beyond its own fields, in a number of queries
    that does not grow with its adoptions, "useful" marks or related sheets.

    In a preview (the admin's, of a sheet maybe never saved) the parts come from the
    edited sheet in memory, which the relation managers return as they are, and there
    are no reactions yet."""
    preview = getattr(request, "is_preview", False) or sheet.pk is None
    # Items keep their order; "pk" breaks ties for items saved without a sort order.
    tools = list(sheet.sheet_tools.select_related("tool").order_by("sort_order", "pk"))
    keywords = list(sheet.keywords.order_by("sort_order", "pk"))
    themes = list(sheet.themes.all())
    if preview:
        related = [other for other in sheet.related_sheets.all() if other.live]
    else:
        related = list(
            for_cards(sheet.related_sheets.live()).order_by("-first_published_at", "-pk")
        )
    context = {
        "library_url": LIBRARY_URL,
        "difficulties": list(sheet.difficulties.order_by("sort_order", "pk")),
        "tips": list(sheet.tips.order_by("sort_order", "pk")),
        "phases": list(sheet.phases.order_by("sort_order", "pk")),
        "tools": tools,
        "keywords": keywords,
        "themes": themes,
        "sectors": list(sheet.sectors.all()),
        "dimensions": [
            (key, label)
            for key, (field, label) in PracticeSheetPage.DIMENSIONS.items()
            if getattr(sheet, field)
        ],
        "related_sheets": related,
        "json_ld": _json_ld(request, sheet, keywords=keywords, themes=themes, tools=tools),
    }
    context.update(NO_REACTIONS if preview else _reactions(request, sheet))
    return context


# --- Reactions ----------------------------------------------------------------------------


def _live_sheet(slug: str) -> PracticeSheetPage:
    sheet = live_sheets().filter(slug=slug).first()
    if sheet is None:
        raise Http404
    return sheet


def _back(request, sheet, anchor="reactions"):
    return redirect(f"{sheet.get_url(request)}#{anchor}")


def reaction(view):
    """POST only, on a live sheet (404 otherwise); visitors are sent to sign in first and
    come back to the sheet; a `ServiceError` becomes an error message. The wrapped view
    returns the success message, or a response of its own."""

    @require_POST
    @functools.wraps(view)
    def wrapper(request, slug):
        sheet = _live_sheet(slug)
        if not request.user.is_authenticated:
            messages.info(request, _("Connectez-vous pour réagir à une fiche."))
            return redirect(
                f"{reverse('account_login')}?{urlencode({'next': sheet.get_url(request)})}"
            )
        try:
            outcome = view(request, sheet)
        except ServiceError as error:
            show_refusal(request, error)
        else:
            if isinstance(outcome, str):
                messages.success(request, outcome)
            else:
                return outcome
        return _back(request, sheet)

    return wrapper


def _wanted_state(request) -> bool:
    value = request.POST.get("on")
    if value not in ("0", "1"):
        raise ServiceError(_("Action inconnue : rien n'a changé."))
    return value == "1"


@reaction
def useful(request, sheet):
    if reactions.set_useful(user=request.user, sheet=sheet, on=_wanted_state(request)):
        return _("Merci : vous trouvez cette fiche utile.")
    return _("C'est noté : vous ne marquez plus cette fiche comme utile.")


@reaction
def bookmark(request, sheet):
    if reactions.set_bookmark(user=request.user, sheet=sheet, on=_wanted_state(request)):
        return _("La fiche est dans vos favoris.")
    return _("La fiche est retirée de vos favoris.")


@reaction
def adoption(request, sheet):
    form = AdoptionForm(request.POST, organisations=access.member_organisations(request.user))
    if not form.is_valid():
        problems = [str(error) for errors in form.errors.values() for error in errors]
        raise ServiceError(
            _("Votre témoignage n'est pas enregistré : %(problems)s")
            % {"problems": " ".join(problems)}
        )
    organisation = form.cleaned_data["organisation"]
    _report, created = reactions.report_adoption(
        user=request.user,
        sheet=sheet,
        organisation=organisation,
        outcome=form.cleaned_data["outcome"],
        comment=form.cleaned_data["comment"],
    )
    if created:
        return _("Merci pour le témoignage de %(name)s.") % {"name": organisation}
    return _("Le témoignage de %(name)s est mis à jour.") % {"name": organisation}


@reaction
def adoption_withdraw(request, sheet):
    organisation_id = request.POST.get("organisation", "")
    organisation = (
        access.member_organisations(request.user).filter(pk=organisation_id).first()
        if organisation_id.isdigit()
        else None
    )
    if organisation is None:
        raise ServiceError(_("Choisissez une de vos organisations."))
    reactions.withdraw_adoption(user=request.user, sheet=sheet, organisation=organisation)
    return _("Le témoignage de %(name)s est retiré.") % {"name": organisation}


# --- Tool catalogue -----------------------------------------------------------------------


class ToolFilterForm(forms.Form):
    """Filters of /outils/. Unknown values are reported and ignored."""

    category = forms.ChoiceField(
        label=gettext_lazy("Catégorie"),
        required=False,
        choices=[("", gettext_lazy("Toutes"))] + Tool.Category.choices,
    )
    licence = forms.ChoiceField(
        label=gettext_lazy("Licence"),
        required=False,
        choices=[("", gettext_lazy("Toutes"))] + Tool.Licence.choices,
    )

    def filter(self, queryset):
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("category"):
            queryset = queryset.filter(category=data["category"])
        if data.get("licence"):
            queryset = queryset.filter(licence=data["licence"])
        return queryset


def _live_sheet_count():
    return Count("usages__page", filter=Q(usages__page__live=True), distinct=True)


def tool_list(request):
    form = ToolFilterForm(request.GET or None)
    tools = form.filter(Tool.objects.live()) if form.is_bound else Tool.objects.live()
    tools = (
        tools.select_related("proposed_for")
        .annotate(sheet_count=_live_sheet_count())
        .order_by("name")
    )
    paginator = Paginator(tools, TOOLS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    errors = labelled_errors(form)
    return render(
        request,
        "practices/tool_list.html",
        {
            "form": form,
            "filter_errors": errors,
            "page": page,
            "tools": page.object_list,
            "query": query.urlencode(),
            "filtered": any(value for key, value in request.GET.items() if key != "page"),
        },
    )


def tool_detail(request, slug):
    tool = get_object_or_404(Tool.objects.live().select_related("proposed_for"), slug=slug)
    usages = (
        SheetTool.objects.filter(tool=tool, page__live=True)
        .select_related("page", "page__organisation")
        .order_by("-page__first_published_at", "-pk")
    )
    paginator = Paginator(usages, TOOL_SHEETS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    organisations = Organisation.objects.for_listing().filter(
        pk__in=PracticeSheetPage.objects.live()
        .filter(sheet_tools__tool=tool)
        .values("organisation_id")
    )
    return render(
        request,
        "practices/tool_detail.html",
        {
            "tool": tool,
            "page": page,
            "usages": page.object_list,
            "organisations": list(organisations),
            "query": "",
        },
    )
