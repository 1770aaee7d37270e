"""A new sheet is news for the people it concerns: those whose interests include one of
its themes, and the members of organisations of one of its sectors."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from community.models import Membership, Notification, User
from community.services.notifications import notify
from practices.models import PracticeSheetPage


def concerned_people(sheet: PracticeSheetPage):
    """Active people with one of the sheet's themes among their interests, or an active
    member of an organisation in one of its sectors; its authors and its organisation's
    members left out (they know)."""
    themes = list(sheet.themes.values_list("pk", flat=True))
    sectors = list(sheet.sectors.values_list("pk", flat=True))
    if not themes and not sectors:
        return User.objects.none()
    in_sector = Membership.objects.active().filter(organisation__sectors__in=sectors)
    people = User.objects.filter(is_active=True).filter(
        Q(interests__in=themes) | Q(pk__in=in_sector.values("user_id"))
    )
    own = Membership.objects.active().filter(organisation_id=sheet.organisation_id)
    return (
        people.exclude(pk__in=sheet.authors.values("pk"))
        .exclude(pk__in=own.values("user_id"))
        .distinct()
    )


def announce_new_sheet(sheet: PracticeSheetPage) -> int:
    """At a sheet's first publication only (a new version of it is no news)."""
    if not sheet.first_published_at or sheet.first_published_at != sheet.last_published_at:
        return 0
    people = list(concerned_people(sheet))
    if not people:
        return 0
    rows = notify(
        people,
        kind=Notification.Kind.NEW_SHEET,
        message=lambda person: _("Nouvelle fiche dans vos thèmes : « %(title)s »")
        % {"title": sheet.title},
        url=sheet.url or "",
        about=(f"page:{sheet.pk}", sheet.title),
        excerpt=" ".join(sheet.summary.split())[:200],
    )
    return len(rows)
