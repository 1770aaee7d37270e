"""Reactions to a sheet: "useful", bookmarks and "we tried it too" adoption reports.

The only code that writes them. Each function checks access through `community.access`,
takes keyword arguments only and raises `ServiceError` with a message for the person.
Marks are set to a state ("useful: yes/no") rather than toggled, so that a form sent twice
(a double click, a resubmission after going back) leaves the same result as sent once.
"""

from __future__ import annotations

from typing import cast

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community import access
from community.services import ServiceError

from ..models import Adoption, Bookmark, PracticeSheetPage, Useful

COMMENT_MAX_LENGTH = cast(int, Adoption._meta.get_field("comment").max_length)  # it has one


def _check_sheet(sheet: PracticeSheetPage) -> None:
    if not sheet.live:
        raise ServiceError(_("Cette fiche n'est pas publiée."))


def _set_mark(model, *, user, sheet, on: bool) -> bool:
    if not access.can_react(user):
        raise ServiceError(_("Connectez-vous pour réagir à une fiche."))
    _check_sheet(sheet)
    if not on:
        model.objects.filter(user=user, sheet=sheet).delete()
        return False
    try:
        with transaction.atomic():
            model.objects.get_or_create(user=user, sheet=sheet)
    except IntegrityError:
        pass  # the same person's other request created it a moment ago: it is there
    return True


def set_useful(*, user, sheet: PracticeSheetPage, on: bool) -> bool:
    """Mark the sheet useful for this person (at most once), or take the mark back."""
    return _set_mark(Useful, user=user, sheet=sheet, on=on)


def set_bookmark(*, user, sheet: PracticeSheetPage, on: bool) -> bool:
    """Keep the sheet in this person's bookmarks, or remove it from them."""
    return _set_mark(Bookmark, user=user, sheet=sheet, on=on)


def report_adoption(
    *, user, sheet: PracticeSheetPage, organisation, outcome: str, comment: str = ""
) -> tuple[Adoption, bool]:
    """Record how the practice worked for `organisation`, one report per organisation:
    a second report from the same organisation replaces the first. Returns the report
    and whether it is new."""
    if not access.can_report_adoption(user, organisation):
        raise ServiceError(
            _("Seuls les membres de %(name)s peuvent témoigner en son nom.")
            % {"name": organisation}
        )
    _check_sheet(sheet)
    if outcome not in Adoption.Outcome.values:
        raise ServiceError(_("Choisissez si la pratique a marché, en partie ou pas."))
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ServiceError(
            _("Le commentaire dépasse %(max)s caractères.") % {"max": COMMENT_MAX_LENGTH}
        )
    values = {"outcome": outcome, "comment": comment, "author": user}
    try:
        with transaction.atomic():
            return Adoption.objects.update_or_create(
                sheet=sheet, organisation=organisation, defaults=values
            )
    except IntegrityError:
        # Two members of the organisation reported at the same moment: the last one wins.
        Adoption.objects.filter(sheet=sheet, organisation=organisation).update(
            **values, updated_at=timezone.now()
        )
        return Adoption.objects.get(sheet=sheet, organisation=organisation), False


def withdraw_adoption(*, user, sheet: PracticeSheetPage, organisation) -> bool:
    """Remove the organisation's report; returns whether there was one."""
    if not access.can_report_adoption(user, organisation):
        raise ServiceError(
            _("Seuls les membres de %(name)s peuvent témoigner en son nom.")
            % {"name": organisation}
        )
    deleted, _count = Adoption.objects.filter(sheet=sheet, organisation=organisation).delete()
    return bool(deleted)
