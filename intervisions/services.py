"""The only code that writes intervisions, their sessions and their harvest.

Every change to a running session happens under the session's row lock, raises its
`version` by one and, once committed, broadcasts the whole state (`state.session_frame`)
to the event's room through `rooms.services.groups`: the same WebSocket, the same
after-commit rule as messages. A client keeps the highest version it was sent, so a
frame lost, late or doubled changes nothing, and the `hello` of a reconnecting client
carries the state as it is. A proposal carries a `client_id`: the same person and
`client_id` twice is one item, so a client may resend after a reconnection.
"""

from __future__ import annotations

import uuid

from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.access import Refusal, is_org_member, require
from community.models import Membership, Organisation, User
from community.services import ServiceError, ratelimit
from community.text import one_line
from events.models import EventPage, Registration
from practices.models import PracticeIndexPage, SheetDraft
from rooms import access as room_access
from rooms.models import RetentionCut, Room
from rooms.services import RoomError, confidence, creation
from rooms.services.groups import broadcast_on_commit
from rooms.services.posting import find_message

from . import access
from .drafting import harvest_to_data
from .models import (
    KEPT_PER_PART,
    Consent,
    HarvestItem,
    HarvestSupport,
    Intervision,
    Part,
    ProtocolStep,
    Session,
)
from .protocols import PROTOCOLS
from .state import session_frame

ITEMS_PER_PART = 40
PROPOSALS_PER_MINUTE = 20
MAX_LENGTH = {Part.KEYWORDS: 40, Part.TOOLS: 100}
TEXT_MAX_LENGTH = 300
MAX_STEP_MINUTES = 240


# --- The group -------------------------------------------------------------------------


def group_people(intervision: Intervision) -> set[int]:
    """Who the room is for: the people registered (confirmed), the facilitator and the
    organisers' admins."""
    event = intervision.event
    people = set(
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).values_list(
            "user_id", flat=True
        )
    )
    people |= set(
        Membership.objects.active()
        .admins()
        .filter(organisation__in=event.organisers.all())
        .values_list("user_id", flat=True)
    )
    if intervision.facilitator_id:
        people.add(intervision.facilitator_id)
    return people


def group_organisations(intervision: Intervision):
    """The organisations of the group: those of the registered people, and the
    organisers."""
    registered = Registration.objects.filter(
        event=intervision.event, status=Registration.Status.CONFIRMED
    ).values("user_id")
    return (
        Organisation.objects.filter(
            Q(memberships__in=Membership.objects.active().filter(user_id__in=registered))
            | Q(events=intervision.event)
        )
        .distinct()
        .order_by("name")
    )


def my_group_organisations(intervision: Intervision, user) -> list[Organisation]:
    """The organisations of the group this person is an active member of (one query)."""
    return list(
        group_organisations(intervision).filter(
            pk__in=Membership.objects.of_user(user).active().values("organisation_id")
        )
    )


def room_of(intervision: Intervision) -> Room:
    """The event's room (made when the event was published, owned by its first organiser,
    whose admins moderate it)."""
    room = Room.objects.filter(kind=Room.Kind.PAGE, page_id=intervision.event_id).first()
    if room is None:
        first = intervision.event.organisers.order_by("pk").first()
        room = creation.ensure_page_room(intervision.event, organisation=first)
    return room


def sync_roster(intervision: Intervision) -> None:
    confidence.set_roster(room=room_of(intervision), user_ids=group_people(intervision))


# --- Preparing ---------------------------------------------------------------------------


@transaction.atomic
def prepare(
    *,
    user: User,
    event: EventPage,
    facilitator: User,
    protocol: str,
    minutes: list[int] | None = None,
    chatham_house: bool,
    retention_days: int | None,
) -> Intervision:
    """Set up (or change) an intervision: its facilitator, its protocol and the durations
    of its steps, and the room's confidence. Steps cannot change during a session."""
    require(access.can_prepare(user, event), Refusal.MANAGE_EVENT)
    if event.kind != EventPage.Kind.INTERVISION:
        raise ServiceError(_("Seul un évènement de type « Intervision » se prépare ici."))
    if protocol not in PROTOCOLS:
        raise ServiceError(_("Choisissez un des protocoles proposés."))
    if not access.may_facilitate(facilitator, event):
        raise ServiceError(
            _(
                "L'animateur·rice est une personne inscrite à l'intervision ou membre d'une "
                "organisation organisatrice."
            )
        )
    intervision, _created = Intervision.objects.select_for_update().get_or_create(
        event=event, defaults={"facilitator": facilitator, "protocol": protocol}
    )
    running = intervision.sessions.filter(closed_at=None).exists()
    steps = PROTOCOLS[protocol].steps
    durations = list(minutes or [])
    if durations and len(durations) != len(steps):
        raise ServiceError(_("Donnez une durée à chaque étape du protocole."))
    if any(not 1 <= m <= MAX_STEP_MINUTES for m in durations):
        raise ServiceError(
            _("Chaque étape dure de 1 à %(max)s minutes.") % {"max": MAX_STEP_MINUTES}
        )
    current = list(intervision.steps.values_list("title", "minutes"))
    wanted = [
        (str(step.title), durations[n] if durations else step.minutes)
        for n, step in enumerate(steps)
    ]
    if running and (protocol != intervision.protocol or current != wanted):
        raise ServiceError(
            _("Une séance est en cours : son protocole changera à la prochaine séance.")
        )
    facilitator_changed = intervision.facilitator_id != facilitator.pk
    intervision.facilitator = facilitator
    intervision.protocol = protocol
    intervision.save(update_fields=["facilitator", "protocol"])
    if current != wanted:
        intervision.steps.all().delete()
        ProtocolStep.objects.bulk_create(
            [
                ProtocolStep(
                    intervision=intervision,
                    position=n,
                    title=title,
                    guidance=str(steps[n - 1].guidance),
                    minutes=length,
                )
                for n, (title, length) in enumerate(wanted, start=1)
            ]
        )
    room = room_of(intervision)
    confidence.set_confidence(room=room, chatham_house=chatham_house, retention_days=retention_days)
    sync_roster(intervision)
    session = running_session(intervision) if running and facilitator_changed else None
    if session is not None:
        # The panels in the room follow: the controls move to the new facilitator.
        _changed(session)
    return intervision


# --- Running a session ------------------------------------------------------------------


def running_session(intervision: Intervision) -> Session | None:
    return intervision.sessions.filter(closed_at=None).first()


def _changed(session: Session) -> None:
    """The session changed: a new version, broadcast once committed."""
    session.version += 1
    session.save()
    room = room_of(session.intervision)
    broadcast_on_commit(room.pk, session_frame(session))


def _locked(session: Session) -> Session:
    locked = (
        Session.objects.select_for_update().select_related("intervision__event").get(pk=session.pk)
    )
    if not locked.running:
        raise ServiceError(_("Cette séance est close : la récolte ne change plus."))
    return locked


@transaction.atomic
def start_session(*, user: User, intervision: Intervision) -> Session:
    require(access.can_facilitate(user, intervision), Refusal.FACILITATE)
    Intervision.objects.select_for_update().get(pk=intervision.pk)
    if running_session(intervision) is not None:
        raise ServiceError(_("Une séance est déjà en cours."))
    if not intervision.steps.exists():
        raise ServiceError(_("Préparez d'abord le protocole de l'intervision."))
    sync_roster(intervision)
    session = Session.objects.create(intervision=intervision, step_started_at=timezone.now())
    _changed(session)
    return session


@transaction.atomic
def move_to_step(*, user: User, session: Session, step) -> Session:
    session = _locked(session)
    require(access.can_facilitate(user, session.intervision), Refusal.FACILITATE)
    count = session.intervision.steps.count()
    try:
        position = int(step)
    except (TypeError, ValueError, OverflowError):
        raise ServiceError(_("Cette étape n'existe pas.")) from None
    if not 1 <= position <= count:
        raise ServiceError(_("Cette étape n'existe pas."))
    if position != session.current_step:
        session.current_step = position
        session.step_started_at = timezone.now()
        _changed(session)
    return session


def _check_writer(user: User, session: Session) -> None:
    intervision = session.intervision
    room = room_of(intervision)
    # A site moderator reads the group's room (to handle a report) but is not of the group.
    in_group = user.pk in group_people(intervision) or access.can_facilitate(user, intervision)
    if not (in_group and room_access.can_write_room(user, room)):
        raise RoomError("forbidden", _("Seules les personnes du groupe participent à la récolte."))


def _clean_item(part, text) -> tuple[str, str]:
    if part not in Part.values:
        raise ServiceError(_("Choisissez une partie de la fiche."))
    if not isinstance(text, str):
        raise ServiceError(_("Écrivez l'élément à proposer."))
    text = one_line(text).strip()
    if not text:
        raise ServiceError(_("Écrivez l'élément à proposer."))
    limit = MAX_LENGTH.get(Part(part), TEXT_MAX_LENGTH)
    if len(text) > limit:
        raise ServiceError(
            _("« %(part)s » : %(max)s caractères au plus (vous en avez %(n)s).")
            % {"part": Part(part).label, "max": limit, "n": len(text)}
        )
    return part, text


def _client_id(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise ServiceError(_("Identifiant de proposition invalide.")) from None


def propose(
    *, user: User, session: Session, part, text, client_id, from_message=None
) -> tuple[HarvestItem, bool]:
    """Add an item to a part of the harvest; (item, created). The same person and
    `client_id` again returns the stored item and changes nothing."""
    cid = _client_id(client_id)
    existing = HarvestItem.objects.filter(session=session, proposed_by=user, client_id=cid).first()
    if existing is not None:
        return existing, False
    part, text = _clean_item(part, text)
    if not ratelimit.allow(f"harvest-propose:{user.pk}", limit=PROPOSALS_PER_MINUTE, window=60):
        raise ServiceError(_("Vous proposez très vite : attendez une minute."))
    try:
        with transaction.atomic():
            session = _locked(session)
            _check_writer(user, session)
            seq = None
            if from_message not in (None, ""):
                room = room_of(session.intervision)
                message = find_message(room, from_message)
                if message.is_gone:
                    raise ServiceError(_("Ce message a été supprimé."))
                seq = message.seq
            if session.items.filter(part=part).count() >= ITEMS_PER_PART:
                raise ServiceError(
                    _("« %(part)s » compte déjà %(n)s propositions : gardez-en trois.")
                    % {"part": Part(part).label, "n": ITEMS_PER_PART}
                )
            item = HarvestItem.objects.create(
                session=session,
                part=part,
                text=text,
                proposed_by=user,
                client_id=cid,
                from_message=seq,
            )
            _changed(session)
    except IntegrityError:
        existing = HarvestItem.objects.filter(
            session=session, proposed_by=user, client_id=cid
        ).first()
        if existing is None:
            raise
        return existing, False
    return item, True


def _item(session: Session, item_id) -> HarvestItem:
    try:
        pk = int(item_id)
    except (TypeError, ValueError, OverflowError):
        pk = 0
    item = session.items.filter(pk=pk).first() if 0 < pk < 2**63 else None
    if item is None:
        raise ServiceError(_("Cet élément de la récolte n'existe pas."))
    return item


@transaction.atomic
def support(*, user: User, session: Session, item_id, on: bool) -> HarvestItem:
    session = _locked(session)
    _check_writer(user, session)
    item = _item(session, item_id)
    if on:
        _row, made = HarvestSupport.objects.get_or_create(item=item, user=user)
        changed = made
    else:
        changed = HarvestSupport.objects.filter(item=item, user=user).delete()[0] > 0
    if changed:
        _changed(session)
    return item


@transaction.atomic
def keep(*, user: User, session: Session, item_id, on: bool) -> HarvestItem:
    session = _locked(session)
    require(access.can_facilitate(user, session.intervision), Refusal.FACILITATE)
    item = _item(session, item_id)
    if item.kept == on:
        return item
    if on and session.items.filter(part=item.part, kept=True).count() >= KEPT_PER_PART:
        raise ServiceError(
            _("« %(part)s » garde déjà trois éléments : retirez-en un d'abord.")
            % {"part": Part(item.part).label}
        )
    item.kept = on
    item.save(update_fields=["kept"])
    _changed(session)
    return item


@transaction.atomic
def consent(*, user: User, session: Session, organisation_id, on: bool) -> Session:
    """An organisation of the group agrees (or no longer agrees) to co-sign the sheet."""
    session = _locked(session)
    _check_writer(user, session)
    organisation = (
        group_organisations(session.intervision).filter(pk=_positive(organisation_id)).first()
    )
    if organisation is None or not is_org_member(user, organisation):
        raise RoomError(
            "forbidden",
            _("Seul·e un·e membre d'une organisation du groupe engage son organisation."),
        )
    if on:
        _row, changed = Consent.objects.get_or_create(
            session=session, organisation=organisation, defaults={"by": user}
        )
    else:
        changed = Consent.objects.filter(session=session, organisation=organisation).delete()[0] > 0
    if changed:
        _changed(session)
    return session


def _positive(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return 0
    return number if 0 < number < 2**63 else 0


# --- Closing: from the harvest to a draft sheet ---------------------------------------------


@transaction.atomic
def close_session(*, user: User, session: Session) -> tuple[Session, RetentionCut | None]:
    """Close the session: the harvest stops changing; with at least one consenting
    organisation it becomes a draft sheet of the wizard, in the name of the first to
    consent and co-signed by the others, with the event as its origin; the room's
    retention starts counting. Returns the session and the retention's cut (to schedule)."""
    session = _locked(session)
    intervision = session.intervision
    require(access.can_facilitate(user, intervision), Refusal.FACILITATE)
    now = timezone.now()
    consents = list(session.consents.select_related("organisation"))
    if consents:
        signers = [c.organisation for c in consents]
        lead = signers[0]
        draft = SheetDraft.objects.create(
            # The person who agreed for the first organisation holds it (in their drafts);
            # the members of every co-signing organisation continue it.
            author=consents[0].by or user,
            organisation=lead,
            origin=intervision.event,
            data=harvest_to_data(session),
            step="context",
        )
        # All of them, the lead included: whoever submits it may choose any of them as
        # the sheet's organisation; the others then show as co-signers.
        draft.co_organisations.set(signers)
        session.draft = draft
    session.closed_at = now
    _changed(session)
    cut = confidence.cut_retention(room=room_of(intervision), ended_at=now)
    return session, cut


def support_counts(session: Session) -> dict[int, int]:
    rows = (
        HarvestSupport.objects.filter(item__session=session)
        .values("item_id")
        .annotate(n=models.Count("pk"))
    )
    return {row["item_id"]: row["n"] for row in rows}


def draft_url_for(session: Session, user) -> str:
    """The wizard's address of the draft born of this session, for the members of the
    organisations that co-sign it; "" for everyone else."""
    draft = session.draft
    if draft is None:
        return ""
    organisations = [draft.organisation_id, *draft.co_organisations.values_list("pk", flat=True)]
    if (
        not Membership.objects.of_user(user)
        .active()
        .filter(organisation_id__in=organisations)
        .exists()
    ):
        return ""
    index = PracticeIndexPage.objects.live().first()
    return index.wizard_url("wizard_resume", draft.pk) if index else ""
