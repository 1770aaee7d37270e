"""After the session: six weeks later the participants are asked what they tried and
whether it worked; their answers become adoption reports on the sheet born of the session
(`practices.services.reactions.report_adoption`, at once if the sheet is published, else
when it is: `signals.sheet_published`) and are shown at the start of the group's next
session. The only writer of `FollowUp`."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.access import is_org_member
from community.models import Notification, User
from community.services import ServiceError
from community.services.notifications import notify
from community.text import one_line
from events.models import Registration
from practices.models import Adoption, PracticeSheetPage
from practices.services.reactions import report_adoption

from .models import FollowUp, Intervision, Session
from .services import group_organisations, group_people

FOLLOW_UP_AFTER = dt.timedelta(weeks=6)
TRIED_MAX_LENGTH = 500


def followup_url(intervision: Intervision) -> str:
    return f"/intervisions/{intervision.event_id}/suivi/"


def due_sessions(now: dt.datetime):
    return Session.objects.filter(
        closed_at__lte=now - FOLLOW_UP_AFTER, followup_sent_at=None
    ).select_related("intervision__event")


def _asking(title: str):
    """The question, in each person's language (`notify` calls it in theirs)."""

    def text(person) -> str:
        return _(
            "Il y a six semaines, votre groupe s'est réuni à « %(event)s ». Qu'avez-vous "
            "essayé depuis ? Est-ce que ça a marché ?"
        ) % {"event": title}

    return text


def send_followups(*, now: dt.datetime | None = None) -> int:
    """Ask the participants of every session closed six weeks ago (once per session);
    the number of sessions asked about."""
    now = now or timezone.now()
    asked = 0
    for session_id in due_sessions(now).values_list("pk", flat=True):
        with transaction.atomic():
            session = (
                due_sessions(now).select_for_update(of=("self",)).filter(pk=session_id).first()
            )
            if session is None:
                continue  # asked meanwhile by another worker
            session.followup_sent_at = now
            session.save(update_fields=["followup_sent_at"])
            event = session.intervision.event
            people = User.objects.filter(
                is_active=True,
                pk__in=Registration.objects.filter(
                    event=event, status=Registration.Status.CONFIRMED
                ).values("user_id"),
            )
            notify(
                list(people),
                kind=Notification.Kind.INTERVISION,
                message=_asking(event.title),
                url=followup_url(session.intervision),
                about=(f"page:{event.pk}", event.title),
            )
            asked += 1
    return asked


def born_sheet(session: Session) -> PracticeSheetPage | None:
    """The published sheet born of this intervision, if any."""
    return (
        PracticeSheetPage.objects.live()
        .filter(origin_id=session.intervision.event_id)
        .order_by("-first_published_at", "-pk")
        .first()
    )


def _report(followup: FollowUp, sheet: PracticeSheetPage) -> None:
    if followup.author is None:
        return
    try:
        report_adoption(
            user=followup.author,
            sheet=sheet,
            organisation=followup.organisation,
            outcome=followup.outcome,
            comment=followup.tried,
        )
    except ServiceError:
        return  # the author left the organisation: the answer stays with the group
    FollowUp.objects.filter(pk=followup.pk).update(reported=True)


@transaction.atomic
def answer(*, user, session: Session, organisation_id, tried, outcome) -> FollowUp:
    """An organisation of the group says what it tried and how it went (again: the
    answer is replaced)."""
    if session.closed_at is None:
        raise ServiceError(_("La séance n'est pas encore close."))
    try:
        pk = int(organisation_id)
    except (TypeError, ValueError, OverflowError):
        pk = 0
    organisation = (
        group_organisations(session.intervision).filter(pk=pk).first() if 0 < pk < 2**63 else None
    )
    in_group = user.pk in group_people(session.intervision)
    if organisation is None or not in_group or not is_org_member(user, organisation):
        raise ServiceError(_("Seul·e un·e membre d'une organisation du groupe répond en son nom."))
    if outcome not in Adoption.Outcome.values:
        raise ServiceError(_("Choisissez si la pratique a marché, en partie ou pas."))
    tried = one_line(tried if isinstance(tried, str) else "").strip()
    if not tried:
        raise ServiceError(_("Dites en quelques mots ce que vous avez essayé."))
    if len(tried) > TRIED_MAX_LENGTH:
        raise ServiceError(
            _("%(max)s caractères au plus (vous en avez %(n)s).")
            % {"max": TRIED_MAX_LENGTH, "n": len(tried)}
        )
    followup, _created = FollowUp.objects.update_or_create(
        session=session,
        organisation=organisation,
        defaults={"author": user, "tried": tried, "outcome": outcome, "reported": False},
    )
    sheet = born_sheet(session)
    if sheet is not None:
        _report(followup, sheet)
    return followup


def report_pending(sheet: PracticeSheetPage) -> int:
    """A sheet born of an intervision is published: its group's answers become adoption
    reports on it."""
    if not sheet.origin_id:
        return 0
    pending = FollowUp.objects.filter(
        session__intervision__event_id=sheet.origin_id, reported=False
    ).select_related("author", "organisation")
    for followup in pending:
        _report(followup, sheet)
    return len(pending)


def previous_news(session: Session) -> list[FollowUp]:
    """What the organisations said since the group's previous session (shown at the start
    of this one)."""
    previous = (
        Session.objects.filter(intervision_id=session.intervision_id, closed_at__isnull=False)
        .exclude(pk=session.pk)
        .order_by("-closed_at")
        .first()
    )
    if previous is None:
        return []
    return list(previous.followups.select_related("organisation"))
