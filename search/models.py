"""What people looked for and did not find, for the editors ("sheets wanted")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchMiss(models.Model):
    """A search of /recherche/ that found nothing, counted: its words folded (no accents,
    lower case, one space between words), how many times, first and last seen. Nothing
    says who searched: no person, no address, no session.

    Written by `search.services.record_miss` with `update()` and `bulk_create()`, which
    send no signal: a miss is never on a visitor's page, so it must not renew the
    visitors' page cache (website/page_cache.py)."""

    query = models.CharField(_("recherche"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("nombre de fois"), default=1)
    first_seen = models.DateTimeField(_("première fois"))
    last_seen = models.DateTimeField(_("dernière fois"))

    class Meta:
        ordering = ["-count", "-last_seen"]
        verbose_name = _("recherche sans résultat")
        verbose_name_plural = _("recherches sans résultat")

    def __str__(self):
        return self.query
