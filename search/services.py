"""The search's only writer: counting the searches that found nothing."""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from community.models import fold

from .models import SearchMiss

MAX_LENGTH = SearchMiss._meta.get_field("query").max_length


def miss_text(query: str) -> str:
    """How a query is counted: its words folded and separated by one space, so that
    "Bénévoles  numériques" and "benevoles numeriques" are the same miss."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(query)))[:MAX_LENGTH].strip()


def record_miss(*, query: str) -> None:
    """Count one more search of `query` that found nothing (a new row the first time)."""
    text = miss_text(query)
    if not text:
        return
    now = timezone.now()
    if SearchMiss.objects.filter(query=text).update(count=F("count") + 1, last_seen=now):
        return
    try:
        with transaction.atomic():
            SearchMiss.objects.bulk_create([SearchMiss(query=text, first_seen=now, last_seen=now)])
    except IntegrityError:
        # Someone else's search wrote the row between our two statements.
        SearchMiss.objects.filter(query=text).update(count=F("count") + 1, last_seen=now)
