"""The context of /recherche/: the results of every kind in one list, the kinds as facets
with their counts, the chosen kind's filters with theirs, excerpts with the found words
marked, pagination, and, when nothing is found, what to try instead.

A fixed number of queries whatever the number of results (search/matching.py): the
private sections, the counts of every kind, a page of results, then one query per kind
on the page for its rows; with a kind chosen, one per filter for its options' counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.core.paginator import Paginator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from community.forms import labelled_errors, query_without
from community.models import fold, search_terms
from community.translations import Translated, french_mark

from . import matching, suggestions
from .excerpts import Marker, excerpt, highlight
from .forms import SearchForm
from .kinds import BY_KEY, KINDS, Kind
from .suggestions import with_params

PAGE_SIZE = 20
COMPLETIONS = 8
# Completion starts with the second letter typed.
COMPLETE_FROM = 2


@dataclass
class Result:
    kind: Kind
    obj: Any
    url: str
    title: str
    excerpt: str
    # The language of title and excerpt when it is not the reader's (the French shown in
    # another interface, marked lang="fr"), else "".
    lang: str = ""


@dataclass
class Facet:
    key: str
    label: str
    count: int
    selected: bool
    query: str


def _facets(params, counts: dict[str, int], chosen: Kind | None) -> list[Facet]:
    every = Facet("", gettext("Tout"), sum(counts.values()), chosen is None, "")
    every.query = with_params(params, type=None)
    return [every] + [
        Facet(
            kind.key,
            str(kind.label),
            counts[kind.key],
            kind is chosen,
            with_params(params, type=kind.key),
        )
        for kind in KINDS
    ]


def _fetch(request, rows: list[tuple[str, Any]], marker: Marker) -> list[Result]:
    """The results of a page in their order: one query per kind on the page."""
    wanted: dict[str, list] = {}
    for key, pk in rows:
        wanted.setdefault(key, []).append(pk)
    found: dict[tuple[str, Any], Any] = {}
    for key, ids in wanted.items():
        kind = BY_KEY[key]
        queryset = kind.model._default_manager.filter(pk__in=ids).select_related(*kind.related)
        if issubclass(kind.model, Translated):
            queryset = queryset.prefetch_related("translations")
        found.update({(key, obj.pk): obj for obj in queryset})
    french = french_mark()
    results = []
    for key, pk in rows:
        obj: Any = found.get((key, pk))
        if obj is None:  # gone between the two queries
            continue
        kind = BY_KEY[key]
        url = obj.get_url(request) if kind.is_page else obj.get_absolute_url()
        # A story's or programme's translation in the reader's language, where an editor
        # gave one: its title and texts (they have the same names) are shown instead.
        shown = obj.in_reader_language() if isinstance(obj, Translated) else None
        source = shown or obj
        results.append(
            Result(
                kind,
                obj,
                url,
                highlight(getattr(source, kind.title_field), marker),
                excerpt(kind.texts(source), marker),
                "" if shown else french,
            )
        )
    return results


def _options(form: SearchForm, search, kind: Kind, values: dict) -> None:
    """The chosen kind's filters, each option with the number of results it would give
    together with the other filters; options that would give none are left out, except
    the chosen one."""
    options = {}
    for flt in kind.filters:
        others = {name: value for name, value in values.items() if name != flt.name}
        counts = matching.option_counts(kind, search, others, flt.path)
        chosen = values.get(flt.name)
        if flt.taxonomy is not None:
            taxonomy: Any = flt.taxonomy._default_manager.all()
            rows = [
                (row.slug, str(row), counts.get(row.pk, 0))
                for row in taxonomy
                if counts.get(row.pk) or row == chosen
            ]
        else:
            rows = [
                (code, str(label), counts.get(code, 0))
                for code, label in flt.choices
                if counts.get(code) or code == chosen
            ]
        options[flt.name] = rows
    form.label_options(options)


def _active_filters(form: SearchForm, params, kind: Kind | None, values: dict) -> list[dict]:
    """The kind and its filters in force, each with a link that removes it."""
    if kind is None:
        return []
    active = [
        {
            "name": "type",
            "label": form.fields["type"].label,
            "value": kind.label,
            "remove_query": with_params(params, type=None),
        }
    ]
    for flt in kind.filters:
        value = values.get(flt.name)
        if value:
            shown = str(value) if flt.taxonomy else dict(flt.choices).get(value, value)
            active.append(
                {
                    "name": flt.name,
                    "label": flt.label,
                    "value": shown,
                    "remove_query": with_params(params, **{flt.name: None}),
                }
            )
    return active


class _Ranked:
    """The rows of a search as Django's `Paginator` reads them: a known count, and a
    slice read with one query (`matching.page_rows`)."""

    def __init__(self, total: int, read):
        self.total = total
        self.read = read

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, bounds: slice):
        if not self.total or bounds.start >= bounds.stop:
            return []
        return self.read(bounds.start, bounds.stop)


def _page(search, kind: Kind | None, filters: dict, total: int, asked: int, errors: list):
    kinds = [kind] if kind else list(KINDS)
    ranked = _Ranked(
        total, lambda start, stop: matching.page_rows(search, kinds, filters, start, stop)
    )
    page: Any = Paginator(cast(Any, ranked), PAGE_SIZE).get_page(asked)
    if asked != page.number:
        errors.append(
            (
                _("Page"),
                gettext("La page %(asked)s n'existe pas : voici la page %(shown)s.")
                % {"asked": asked, "shown": page.number},
            )
        )
    return page


def _tolerating_typos(search: matching.Search):
    """For a query that found nothing: the same search with the words found nowhere
    looked for approximately, and how many results each word gives alone (None for a
    single word, which needs no count). The search itself when every word is found
    somewhere (only not together) or the query is too long for typo tolerance."""
    if len(search.terms) > matching.TYPO_WORDS:
        return search, None
    if len(search.terms) == 1:
        return search.tolerating(set(search.terms)), None
    totals = matching.term_counts(search, list(KINDS))
    unknown = {term for term in search.terms if not totals.get(term)}
    return (search.tolerating(unknown) if unknown else search), totals


def site_search(request) -> dict:
    params = request.GET
    form = SearchForm(params or None)
    if form.is_bound:
        form.is_valid()
    values = form.cleaned_or_default() if form.is_bound else {}
    errors = labelled_errors(form) if form.is_bound else []
    text = values.get("q") or ""
    kind = BY_KEY.get(values.get("type") or "")
    filters = form.filter_values()
    context: dict[str, Any] = {
        "form": form,
        "filter_errors": errors,
        "query": text,
        "kind": kind,
        "results": [],
        "total": 0,
        "searched": False,
        "missed": False,
        "approximate": False,
        "active_filters": _active_filters(form, params, kind, filters),
        "page_query": query_without(params, "page"),
    }
    if not search_terms(text):
        context["facets"] = []
        return context
    with matching.planned():
        context.update(_searched(request, form, values, errors, text, kind, filters))
    return context


def _searched(request, form, values, errors, text, kind, filters) -> dict:
    """What a query with words finds (`site_search`'s main part)."""
    params = request.GET
    search = matching.Search.of(text, matching.private_sections())
    counts = matching.counts(search, list(KINDS))
    totals = None  # how many results each word would give alone, once asked
    exact = search
    if not any(counts.values()) and matching.typos_supported():
        search, totals = _tolerating_typos(search)
        if search is not exact:
            counts = matching.counts(search, list(KINDS))
    every = sum(counts.values())
    search.many = every > matching.MANY
    if kind is None:
        total = every
    elif filters:
        total = matching.counts(search, [kind], filters)[kind.key]
    else:
        total = counts[kind.key]

    page = _page(search, kind, filters, total, values.get("page") or 1, errors)
    marker = Marker.of(search.words, search.fuzzy)
    if kind is not None:
        _options(form, search, kind, filters)
    results = _fetch(request, list(page.object_list), marker)
    found: dict[str, Any] = {
        "searched": True,
        "missed": every == 0,
        "approximate": search.approximate,
        "facets": _facets(params, counts, kind),
        "results": results,
        "total": total,
        "page_obj": page,
    }
    if search.approximate and results:
        found["corrections"] = suggestions.corrections(params, search, results, marker)
    if total == 0:
        found["remove"] = suggestions.filters_to_remove(params, search, kind, filters, every)
        if every == 0:
            found["fewer_words"] = suggestions.fewer_words(params, exact, totals)
    return found


def completion_list(text: str) -> list[dict]:
    """The titles and names that complete what is being typed (the header's box)."""
    if len(" ".join(fold(text).split())) < COMPLETE_FROM:
        return []
    roots = [(root.root_path, root.root_url) for root in Site.get_site_root_paths()]
    with matching.planned():
        rows = matching.completions(text, list(KINDS), matching.private_sections(), COMPLETIONS)
    items = []
    for key, label, path in rows:
        kind = BY_KEY[key]
        if kind.is_page:
            url = next(
                ("/" + path[len(root) :] for root, _url in roots if path.startswith(root)), None
            )
            if url is None:
                continue
        else:
            url = cast(Any, kind.model(slug=path)).get_absolute_url()
        items.append({"label": label, "kind": str(kind.singular), "url": url})
    return items
