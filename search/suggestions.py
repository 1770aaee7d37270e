"""What /recherche/ offers when a search found little or nothing: the words it probably
meant (after a typo), the filters whose removal would give results (nearest first), the
words of the query that find something alone. Each is a link: no JavaScript needed."""

from __future__ import annotations

from django.utils.translation import gettext

from . import matching
from .excerpts import Marker
from .kinds import KINDS, Kind


def with_params(params, **changes) -> str:
    """The search's GET parameters with `changes` (None drops a parameter), without the
    page; a new kind (`type`) or query (`q`) also drops the kind's filters."""
    names = {"page", *changes}
    if "type" in changes:
        names |= {flt.name for kind in KINDS for flt in kind.filters}
    query = params.copy()
    for name in names:
        query.pop(name, None)
    for name, value in changes.items():
        if value is not None:
            query[name] = value
    return query.urlencode()


def corrections(params, search: matching.Search, results, marker: Marker) -> dict | None:
    """After a typo-tolerant search: the query with each word looked for approximately
    replaced by the closest word of the results' titles ("nextclod" → "Nextcloud"), when
    one is close enough."""
    closest = marker.closest(" ".join(str(result.obj) for result in results))
    fuzzy = set(search.fuzzy)
    corrected = [closest.get(word, word) if word in fuzzy else word for word in search.words]
    if corrected == search.words:
        return None
    text = " ".join(corrected)
    return {"text": text, "query": with_params(params, q=text)}


def filters_to_remove(
    params, search: matching.Search, kind: Kind | None, filters: dict, every: int
) -> list[dict]:
    """The filters in force whose removal alone gives results, with how many, the most
    first. One count per filter of the chosen kind."""
    if kind is None:
        return []
    found = []
    if every:
        found.append(
            {
                "label": gettext("Type de résultat : %(kind)s") % {"kind": kind.label},
                "count": every,
                "query": with_params(params, type=None),
            }
        )
    for flt in kind.filters:
        if flt.name not in filters:
            continue
        others = {name: value for name, value in filters.items() if name != flt.name}
        count = matching.counts(search, [kind], others)[kind.key]
        if count:
            value = filters[flt.name]
            shown = str(value) if flt.taxonomy else dict(flt.choices).get(value, value)
            found.append(
                {
                    "label": f"{flt.label} : {shown}",
                    "count": count,
                    "query": with_params(params, **{flt.name: None}),
                }
            )
    return sorted(found, key=lambda item: -item["count"])


def fewer_words(params, search: matching.Search, totals: dict[str, int] | None) -> list[dict]:
    """For a query of several words that found nothing: the words that find something
    alone, with how many results, the most first (`totals` when already counted)."""
    if len(search.terms) < 2:
        return []
    if totals is None:
        totals = matching.term_counts(search, list(KINDS))
    found = [
        {"word": word, "count": totals[term], "query": with_params(params, q=word, type=None)}
        for term, word in zip(search.terms, search.words, strict=False)
        if totals.get(term)
    ]
    return sorted(found, key=lambda item: -item["count"])
