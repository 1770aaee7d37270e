"""The tool catalogue at /outils/: plain Django views, not under a Wagtail page's path.

Sheets and the library are Wagtail pages: their context comes from `get_context`
(`listing.sheet_listing`, `reading.sheet_context`) and their sub-addresses (reactions,
feed, wizard) are routes of the pages (`routes.py`).
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from community.forms import labelled_errors
from community.models import Organisation

from .models import PracticeSheetPage, SheetTool, Tool

TOOLS_PAGE_SIZE = 24
TOOL_SHEETS_PAGE_SIZE = 12
# The stable address of the library (DESIGN.md): keywords and themes of a sheet link to
# its filters.
LIBRARY_URL = "/pratiques/"


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
