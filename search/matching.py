"""What matches a search, kind by kind, in a fixed number of queries.

Every kind's results come from Wagtail's search backend (`backend.search`, the full-text
match of its index table) as a lazy queryset with a rank; the kinds are then put together
with SQL's `UNION ALL`, so that one query counts the results of every kind and one query
reads a page of them across kinds, best first, whatever their number.

Every word of the query must be found:

- exactly (`Search.terms`): folded and plural-stripped (`community.models.search_terms`,
  as the library does) and, on PostgreSQL, stemmed by the `french_unaccent`
  configuration: "benevoles numeriques" finds "bénévole" and "numérique";
- or, for a word found nowhere when the whole query found nothing (`Search.fuzzy`, on
  PostgreSQL only), approximately in titles and names: compared by trigrams, accents
  removed (`pg_trgm`'s `%>`; pages' titles through the index of search/migrations/0001),
  so that "nextclod" finds the tool Nextcloud and "nextclod agendas" the tool whose
  description says "agendas".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet, Value
from modelsearch.backends.database.postgres.postgres import FUnaccent
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from community.models import fold, search_terms

from .kinds import Kind, narrowed

# Typo tolerance for queries of at most this many words (one count per word tells which
# words are found nowhere).
TYPO_WORDS = 4
# Beyond this many results (every kind together), they are ranked by their titles alone.
MANY = 1000
# How close (pg_trgm's word similarity) a misspelt word must be to a word of a title.
TYPO_SIMILARITY = 0.5


@dataclass
class Search:
    """A query as the matching reads it: `terms` found exactly (as typed in `forms`, the
    same order), `fuzzy` approximately, `words` the query's folded words (marked in
    excerpts). `private` is Wagtail's private sections, read once per request
    (`private_sections()`); `many`: the query is known to find more than `MANY` results
    (ranked more cheaply)."""

    terms: list[str]
    words: list[str]
    private: Q
    fuzzy: list[str] = field(default_factory=list)
    many: bool = False
    forms: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, private: Q) -> Search:
        terms = search_terms(text)
        words = re.findall(r"[a-z0-9]+", fold(text))[:8]
        return cls(terms, words, private, forms=words[: len(terms)])

    @property
    def approximate(self) -> bool:
        return bool(self.fuzzy)

    def tolerating(self, unknown: set[str]) -> Search:
        """The same search, the `unknown` terms (found nowhere) looked for approximately."""
        pairs = list(zip(self.terms, self.forms, strict=True))
        return replace(
            self,
            terms=[term for term, _form in pairs if term not in unknown],
            forms=[form for term, form in pairs if term not in unknown],
            fuzzy=[form for term, form in pairs if term in unknown],
        )

    def words_query(self):
        """What the backend looks for: on PostgreSQL the terms, which its French stems
        match whatever their plural; elsewhere each term or its form as typed ("benevole"
        or "benevoles": SQLite's FTS5 does not stem, and only the sheets' search document
        drops plural endings)."""
        if connection.vendor == "postgresql":
            return " ".join(self.terms)
        forms = dict(zip(self.terms, self.forms, strict=True))
        return And(
            [
                Or([PlainText(term), PlainText(forms[term])])
                if forms[term] != term
                else PlainText(term)
                for term in self.terms
            ]
        )


@contextmanager
def planned() -> Iterator[None]:
    """The search's queries in a transaction of their own, planned for what they are on
    PostgreSQL (measured at 10,000 sheets, bench/RESULTS.md):

    - random reads counted as cheap (`random_page_cost` 1.1, as for data in memory or on
      SSD): with the default (4, for spinning disks) a common word was matched by reading
      every row's vectors (a sequential scan of the index table, 150 ms) rather than the
      GIN index of practices/migrations/0004 (20 ms);
    - no parallel workers: starting two cost about 12 ms per query, more than the short
      scans they shared (and the server's processes share its cores anyway);
    - a misspelt word is close enough to a word of a title from a trigram similarity of
      `TYPO_SIMILARITY` (pg_trgm's default, 0.6, missed "numerque" for "numérique")."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('random_page_cost', '1.1', true), "
                "set_config('max_parallel_workers_per_gather', '0', true), "
                "set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(TYPO_SIMILARITY)],
            )
        yield


def private_sections() -> Q:
    """Wagtail's private sections as a condition on pages (one query)."""
    return Page.objects.private_q()


def typos_supported() -> bool:
    return connection.vendor == "postgresql"


def _rank(score: str):
    # PostgreSQL ranks higher is better; SQLite's FTS5 (bm25) lower is better.
    return F(score) if connection.vendor == "postgresql" else -F(score)


def _matching(kind: Kind, search: Search) -> tuple[QuerySet, Any]:
    """`kind`'s rows holding every word of `search` (visible or not), and their rank."""
    queryset = kind.model._default_manager.all()
    rank: Any = Value(0.0)
    if search.terms:
        backend = get_search_backend()
        results = backend.search(
            search.words_query(), queryset, operator="and", order_by_relevance=True
        )
        if search.many and connection.vendor == "postgresql":
            # Thousands of results: ranked by their titles alone (small vectors), not by
            # their bodies too, which would be read and ranked whole for every result.
            queryset = results.get_queryset()
            query = SearchQuery(
                " & ".join(f"'{term}'" for term in search.terms),
                search_type="raw",
                config=backend.config,
            )
            rank = SearchRank(F("index_entries__title"), query) * F("index_entries__title_norm")
        else:
            queryset = results.annotate_score("_score").get_queryset()
            rank = _rank("_score")
    if search.fuzzy:
        # Typos are looked for in titles and names (short texts: what people misspell is
        # a tool's, an organisation's or a page's name), by trigrams: a page's title
        # through the index table's trigram index, a tool's or organisation's name in its
        # own (small) table.
        queryset = queryset.alias(_name=FUnaccent(F(kind.typo_field)))
        for word in search.fuzzy:
            queryset = queryset.filter(TrigramWordSimilar(F("_name"), Value(word)))
            rank = rank + TrigramWordSimilarity(word, F("_name"))
    return queryset, rank


def scored(kind: Kind, search: Search, values: dict | None = None) -> QuerySet:
    """The results of `kind` that `search` finds and its reader may see, narrowed by the
    kind's filters in `values`, each annotated with `_kind`, `_id` and `_rank` (higher
    first)."""
    queryset, rank = _matching(kind, search)
    queryset = narrowed(kind, queryset.filter(kind.visible(search.private)), values or {})
    return queryset.order_by().annotate(_kind=Value(kind.key), _id=F("pk"), _rank=rank)


def _union(parts: list[QuerySet]) -> QuerySet:
    first, *others = parts
    return first.union(*others, all=True) if others else first


def counts(search: Search, kinds: list[Kind], values: dict | None = None) -> dict[str, int]:
    """The number of results of each kind, in one query."""
    parts = [
        scored(kind, search, values).values("_kind").annotate(n=Count("pk")).order_by()
        for kind in kinds
    ]
    found = {row["_kind"]: row["n"] for row in _union(parts)}
    return {kind.key: found.get(kind.key, 0) for kind in kinds}


def page_rows(search: Search, kinds: list[Kind], values: dict | None, start: int, stop: int):
    """(kind key, id) of the results from `start` to `stop`, best first, in one query."""
    parts = [scored(kind, search, values).values_list("_kind", "_id", "_rank") for kind in kinds]
    rows = _union(parts).order_by("-_rank", "_kind", "-_id")[start:stop]
    return [(key, pk) for key, pk, _rank in rows]


def term_counts(search: Search, kinds: list[Kind]) -> dict[str, int]:
    """How many results each term of `search` would give alone, every kind together, in
    one query (for a query of several words that found nothing)."""
    parts = []
    for term in search.terms[:TYPO_WORDS]:
        form = dict(zip(search.terms, search.forms, strict=True))[term]
        alone = Search([term], [form], search.private, forms=[form])
        parts += [
            scored(kind, alone)
            .annotate(_term=Value(term))
            .values("_term")
            .annotate(n=Count("pk"))
            .order_by()
            for kind in kinds
        ]
    totals: dict[str, int] = {}
    for row in _union(parts) if parts else []:
        totals[row["_term"]] = totals.get(row["_term"], 0) + row["n"]
    return totals


def completions(text: str, kinds: list[Kind], private: Q, limit: int) -> list[tuple]:
    """(kind key, title, URL path or slug) of the titles and names that begin like the
    last word of `text` (and hold its other words), best first, in one query."""
    words = " ".join(re.findall(r"[a-z0-9]+", fold(text))[:8])
    if not words:
        return []
    backend = get_search_backend()
    parts = []
    for kind in kinds:
        results = backend.autocomplete(
            words, kind.model._default_manager.all(), operator="and", order_by_relevance=True
        ).annotate_score("_score")
        rank = _rank("_score")
        parts.append(
            results.get_queryset()
            .order_by()
            .filter(kind.visible(private))
            .annotate(
                _kind=Value(kind.key),
                _label=F(kind.title_field),
                _path=F("url_path") if kind.is_page else F("slug"),
                _rank=rank,
            )
            .values_list("_kind", "_label", "_path", "_rank")
        )
    rows = _union(parts).order_by("-_rank", "_label")[:limit]
    return [(key, label, path) for key, label, path, _rank in rows]


def option_counts(kind: Kind, search: Search, values: dict, path: str) -> dict:
    """How many results of `kind` each value of `path` (a filter's field) would give with
    the other filters in `values`, in one query."""
    rows = (
        scored(kind, search, values).values(path).annotate(n=Count("pk", distinct=True)).order_by()
    )
    return {row[path]: row["n"] for row in rows if row[path] is not None}
