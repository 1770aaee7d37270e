"""Finding sheets at /pratiques/: filters with their counts, text search, sort, pagination.

`PracticeIndexPage.get_context` calls `sheet_listing`. Every filter is a GET parameter, so a
filtered list is a plain link; filters combine. Each option of each filter shows how many
sheets it would give together with the *other* active filters (facet counts), computed with
one aggregate query per filter, whatever the number of options or sheets. A value that is
not understood (unknown slug, `sort=xyz`, `page=zz`, a 5000-character search) is reported
in the person's language and ignored: the list is still shown, never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, Min, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.forms import labelled_errors, slug_choice
from community.models import Region, Sector, Theme, fold, search_terms
from community.widgets import QuickSelect

from .models import Adoption, PracticeSheetPage, SheetKeyword, SheetTool, Tool, Useful

PAGE_SIZE = 12
# Keywords are free words, three per sheet: the filter offers the most used ones (plus the
# chosen one), not hundreds.
KEYWORD_OPTIONS = 20
SEARCH_MAX_LENGTH = 200
KEYWORD_MAX_LENGTH = SheetKeyword._meta.get_field("key").max_length

SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "useful": ("-useful_count", "-first_published_at", "-pk"),
}
DEFAULT_SORT = "newest"

# The filters that narrow the list, in the order of the form, with their "any" option.
ANY_LABELS = {
    "theme": _("Tous"),
    "sector": _("Tous"),
    "region": _("Toutes"),
    "tool": _("Tous"),
    "dimension": _("Toutes"),
    "keyword": _("Tous"),
}
FACETS = tuple(ANY_LABELS)


def live_sheets():
    return PracticeSheetPage.objects.live()


def _count_of(model, field="sheet"):
    """Number of `model` rows pointing at the sheet, as a correlated subquery: several
    counts on one row without joins that would multiply each other."""
    rows = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def for_cards(queryset):
    """What a sheet card shows, fetched in a fixed number of queries whatever the number
    of sheets: organisation and region joined; themes, keywords and tools prefetched (one
    query each); "useful" and adoption counts annotated."""
    return (
        queryset.select_related("organisation", "region")
        .prefetch_related(
            "themes",
            Prefetch("keywords", queryset=SheetKeyword.objects.order_by("sort_order", "pk")),
            Prefetch(
                "sheet_tools",
                queryset=SheetTool.objects.select_related("tool").order_by("sort_order", "pk"),
            ),
        )
        .annotate(useful_count=_count_of(Useful), adoption_count=_count_of(Adoption))
    )


class SheetFilterForm(forms.Form):
    """The filters of /pratiques/. Invalid values are listed in `errors` and ignored."""

    q = forms.CharField(
        label=_("Rechercher"),
        max_length=SEARCH_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Accents et pluriels n'ont pas d'importance."),
    )
    theme = slug_choice(_("Thème"), Theme.objects.all(), _("Tous"))
    sector = slug_choice(_("Secteur"), Sector.objects.all(), _("Tous"))
    region = slug_choice(_("Région"), Region.objects.all(), _("Toutes"))
    tool = slug_choice(_("Outil"), Tool.objects.live(), _("Tous"))
    dimension = forms.ChoiceField(
        label=_("Dimension de maturité"),
        required=False,
        choices=[("", _("Toutes"))]
        + [(key, label) for key, (_field, label) in PracticeSheetPage.DIMENSIONS.items()],
    )
    # A select of the most used keywords, but any keyword of a live sheet is accepted (a
    # link from a sheet): the length is checked in clean_keyword, not as a maxlength
    # attribute that a select may not carry.
    keyword = forms.CharField(label=_("Mot-clé"), required=False, widget=QuickSelect)
    sort = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[("newest", _("Les plus récentes")), ("useful", _("Les plus utiles"))],
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_keyword(self):
        key = fold(self.cleaned_data["keyword"]).strip()
        if len(key) > KEYWORD_MAX_LENGTH:
            raise ValidationError(_("Un mot-clé compte au plus 40 caractères."), code="too_long")
        if key and not SheetKeyword.objects.filter(key=key, page__live=True).exists():
            raise ValidationError(_("Aucune fiche publiée n'a ce mot-clé."), code="unknown")
        return key

    def valid_filters(self) -> dict:
        """The filters that were given and understood, by name."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in (*FACETS, "q") if data.get(name)}


def _matching(query: str):
    """Ids of the live sheets whose search document holds every word of `query`, as a
    subquery, or None when the query has no word to look for.

    Sheets index `search_document` (folded, final s/x dropped); the query gets the same
    treatment with `search_terms`, so accents and plurals do not matter on PostgreSQL
    (tsvector, "simple" configuration) nor on SQLite (FTS5)."""
    terms = search_terms(query)
    if not terms:
        return None
    results = live_sheets().search(" ".join(terms), operator="and", order_by_relevance=False)
    # The database backends build an ORM queryset (`get_queryset`): keep it lazy so that
    # filters, sort and counts combine with it in SQL instead of a list of ids in Python.
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return get_queryset().order_by().values("pk")
    return [sheet.pk for sheet in results]


def _narrow(queryset, name, value):
    """`queryset` restricted by one filter. Multi-valued relations go through `pk__in`
    subqueries so that no sheet is listed (or counted) twice."""
    if name == "q":
        return queryset.filter(pk__in=value)
    if name == "theme":
        return queryset.filter(themes=value)
    if name == "sector":
        return queryset.filter(sectors=value)
    if name == "region":
        return queryset.filter(region=value)
    if name == "tool":
        return queryset.filter(pk__in=SheetTool.objects.filter(tool=value).values("page_id"))
    if name == "dimension":
        return queryset.filter(**{PracticeSheetPage.DIMENSIONS[value][0]: True})
    if name == "keyword":
        return queryset.filter(pk__in=SheetKeyword.objects.filter(key=value).values("page_id"))
    raise ValueError(name)


def _filtered(base, filters: dict, *, skip: str | None = None):
    for name, value in filters.items():
        if name != skip:
            base = _narrow(base, name, value)
    return base


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


def _model_options(rows, relation: str, others, selected) -> list[Option]:
    """Every row of a taxonomy (or the tools) with the number of live sheets it would give
    together with the other filters, in one query. Options that would give nothing are
    left out, except the chosen one."""
    count = Count(relation, filter=Q(**{f"{relation}__in": others.values("pk")}), distinct=True)
    rows = rows.annotate(n=count)
    return [
        Option(row.slug, str(row), row.n, row == selected)
        for row in rows
        if row.n or row == selected
    ]


def _facets(base, filters: dict) -> dict[str, list[Option]]:
    others = {name: _filtered(base, filters, skip=name) for name in FACETS}
    facets = {
        "theme": _model_options(
            Theme.objects.all(), "sheets", others["theme"], filters.get("theme")
        ),
        "sector": _model_options(
            Sector.objects.all(), "sheets", others["sector"], filters.get("sector")
        ),
        "region": _model_options(
            Region.objects.all(), "sheets", others["region"], filters.get("region")
        ),
        "tool": _model_options(
            Tool.objects.live(), "usages__page", others["tool"], filters.get("tool")
        ),
    }
    dimension_counts = others["dimension"].aggregate(
        **{
            key: Count("pk", filter=Q(**{field: True}))
            for key, (field, _label) in PracticeSheetPage.DIMENSIONS.items()
        }
    )
    facets["dimension"] = [
        Option(key, str(label), dimension_counts[key], filters.get("dimension") == key)
        for key, (_field, label) in PracticeSheetPage.DIMENSIONS.items()
    ]
    keywords = list(
        SheetKeyword.objects.filter(page__in=others["keyword"].values("pk"))
        .values("key")
        .annotate(n=Count("page", distinct=True), word=Min("word"))
        .order_by("-n", "key")[:KEYWORD_OPTIONS]
    )
    chosen = filters.get("keyword")
    options = [Option(row["key"], row["word"], row["n"], row["key"] == chosen) for row in keywords]
    if chosen and not any(option.selected for option in options):
        options.append(Option(chosen, chosen, 0, True))
    facets["keyword"] = sorted(options, key=lambda option: fold(option.label))
    return facets


def _label_choices(form: SheetFilterForm, facets: dict[str, list[Option]]) -> None:
    """Show each option with its count in the form's selects (the counts depend on the
    other filters, so they are known only now)."""
    for name, options in facets.items():
        field = cast(forms.ChoiceField, form.fields[name])
        choices = [("", ANY_LABELS[name])] + [
            (option.value, f"{option.label} ({option.count})") for option in options
        ]
        field.choices = choices
        field.widget.choices = choices


def _without(params: QueryDict, *names: str) -> str:
    query = params.copy()
    for name in (*names, "page"):
        query.pop(name, None)
    return query.urlencode()


def _active_filters(form, filters: dict, facets, params: QueryDict) -> list[dict]:
    """The filters in force, each with a link that removes it (works without JavaScript)."""
    active = []
    for name in ("q", *FACETS):
        if name not in filters:
            continue
        if name == "q":
            text = filters["q"]
        else:
            text = next((o.label for o in facets[name] if o.selected), str(filters[name]))
        active.append(
            {
                "name": name,
                "label": form.fields[name].label,
                "value": text,
                "remove_query": _without(params, name),
            }
        )
    return active


def sheet_listing(request, *, index_page) -> dict:
    params = request.GET
    form = SheetFilterForm(params or None)
    filters = form.valid_filters() if form.is_bound else {}
    errors = labelled_errors(form)

    # What narrows the list: the filters, with the text search turned into matching ids.
    narrowing = dict(filters)
    if "q" in filters:
        matching = _matching(filters["q"])
        if matching is None:
            del narrowing["q"]
        else:
            narrowing["q"] = matching
    base = live_sheets().child_of(index_page)
    facets = _facets(base, narrowing)
    _label_choices(form, facets)

    sort = getattr(form, "cleaned_data", {}).get("sort") or DEFAULT_SORT
    ordered = for_cards(_filtered(base, narrowing)).order_by(*SORTS[sort])
    paginator = Paginator(ordered, PAGE_SIZE)
    raw_page = params.get("page", "")
    # ASCII digits only: "²" is a digit to str.isdigit, not to int().
    asked = int(raw_page) if raw_page.isascii() and raw_page.isdigit() else 0
    page = paginator.get_page(max(asked, 1))
    if raw_page and asked < 1:
        errors.append(
            (
                _("Page"),
                gettext("« %(value)s » n'est pas un numéro de page : voici la première.")
                % {"value": raw_page[:20]},
            )
        )
    elif raw_page and page.number != asked:
        errors.append(
            (
                _("Page"),
                gettext("La page %(asked)s n'existe pas : voici la page %(shown)s.")
                % {"asked": raw_page[:20], "shown": page.number},
            )
        )

    return {
        "filter_form": form,
        "filter_errors": errors,
        "facets": facets,
        "active_filters": _active_filters(form, filters, facets, params),
        "filtered": bool(filters),
        "sort": sort,
        "sheets_page": page,
        "sheets": page.object_list,
        "result_count": paginator.count,
        "query": _without(params),
        "library_url": index_page.get_url(request),
    }
