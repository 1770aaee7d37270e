"""The list at /recits/: the newest stories first, filtered by theme, sector and region;
pagination. A value that is not understood is reported and ignored, never a server
error; one page costs the same queries whatever the number of stories."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from community.forms import FilterForm, labelled_errors, query_without, slug_choice
from community.models import Region, Sector, Theme

from .models import StoryPage

PAGE_SIZE = 12


class StoryFilterForm(FilterForm):
    theme = slug_choice(_("Thème"), Theme.objects.all(), _("Tous"))
    sector = slug_choice(_("Secteur"), Sector.objects.all(), _("Tous"))
    region = slug_choice(_("Région"), Region.objects.all(), _("Toutes"))
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10000)

    FILTERS = ("theme", "sector", "region")


def live_stories():
    return StoryPage.objects.live().order_by("-first_published_at", "-pk")


def for_cards(stories):
    """What a story card shows, in a fixed number of queries: hero image, themes and
    translations."""
    return stories.select_related("hero_image").prefetch_related("themes", "translations")


def matching(values: dict):
    stories = live_stories()
    for name, relation in (("theme", "themes"), ("sector", "sectors"), ("region", "regions")):
        if values.get(name):
            stories = stories.filter(
                pk__in=StoryPage.objects.filter(**{relation: values[name]}).values("pk")
            )
    return stories


def story_listing(request, *, index) -> dict:
    form = StoryFilterForm(request.GET or None)
    if request.GET:
        form.is_valid()
    values = form.cleaned_or_default() if request.GET else {}
    paginator = Paginator(for_cards(matching(values)), PAGE_SIZE)
    page = paginator.get_page(values.get("page") or 1)
    return {
        "filter_form": form,
        "filter_errors": labelled_errors(form) if request.GET else [],
        "active_filters": any(values.get(name) for name in StoryFilterForm.FILTERS),
        "stories": page.object_list,
        "page_obj": page,
        "page_query": query_without(request.GET, "page"),
    }
