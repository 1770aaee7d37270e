"""Asking a sheet's authors a question, and the three ways they answer it (issue 15).

The only code that writes `SheetQuestion`s. Nobody's address is revealed: the authors
read the asker's name; the asker reads the answer in the sheet's room, in a private
conversation on Relais (`rooms.services.creation.start_direct_conversation`, which needs
both people active), or is told that the authors propose an intervision. Each function
takes keyword values, checks access through `community.access` (a refusal of access is a
`PermissionDenied` carrying its `Refusal`) and raises `QuestionRefused` for what the
person can fix. A question is answered once, in one of the three ways: its row is locked
while it is, so two authors answering at the same moment do not both post."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community import access
from community.models import Membership, Notification, User
from community.services import ServiceError, ratelimit
from community.services.notifications import notify
from rooms.services.creation import ensure_page_room, start_direct_conversation
from rooms.services.posting import post_message
from rooms.services.rendering import clean_text

from ..models import PracticeSheetPage
from ..questions import ANSWER_MAX_LENGTH, QUESTION_MAX_LENGTH, SheetQuestion

# The calendar's announce form, at its stable address (DESIGN.md): `practices` does not
# import `events`, whose form reads these parameters as its initial values.
ANNOUNCE_URL = "/agenda/annoncer/"
EVENT_TITLE_MAX_LENGTH = 200
# Across sheets: one open question per sheet is the constraint, this bounds the rest.
QUESTIONS_PER_HOUR = 10
# A word joiner after the "@" of a quoted question: its mentions are not the answerer's,
# so they notify nobody (`rooms.services.mentions.MENTION` needs a word after the "@").
_QUIET_AT = "@\u2060"


class QuestionRefused(ServiceError):
    """The question cannot be asked or answered now, with a message for the person."""


def question_url(question: SheetQuestion) -> str:
    """The question's page, under its sheet: the authors answer there, the asker reads
    what became of it."""
    sheet = question.sheet
    return (sheet.get_url() or "/") + sheet.reverse_subpage("question", args=[question.pk])


def announce_url(question: SheetQuestion) -> str:
    """The calendar's announce form, prefilled for an intervision on the question's sheet."""
    title = _("Intervision : %(title)s") % {"title": question.sheet.title}
    query = {
        "type": "intervision",
        "titre": title[:EVENT_TITLE_MAX_LENGTH],
        "fiche": question.sheet_id,
    }
    return f"{ANNOUNCE_URL}?{urlencode(query)}"


def _cleaned(text, *, limit: int, empty: str) -> str:
    text = clean_text(text) if isinstance(text, str) else ""
    if not text:
        raise QuestionRefused(empty)
    if len(text) > limit:
        raise QuestionRefused(
            _("Le texte est trop long : %(max)s caractères au plus (vous en avez %(n)s).")
            % {"max": limit, "n": len(text)}
        )
    return text


def _excerpt(text: str) -> str:
    return " ".join(text.split())[:200]


def people_to_ask(sheet: PracticeSheetPage) -> list[User]:
    """Who receives a question about the sheet: its active authors; when none is left,
    the active admins of its organisation."""
    authors = list(User.objects.filter(authored_sheets=sheet, is_active=True).order_by("pk"))
    if authors or sheet.organisation_id is None:
        return authors
    admins = Membership.objects.of_organisation(sheet.organisation_id).admins()
    return list(User.objects.filter(memberships__in=admins, is_active=True).order_by("pk"))


def ask(*, user: User, sheet: PracticeSheetPage, text: str) -> SheetQuestion:
    """Ask the sheet's authors a question; they are notified (a request waiting for an
    answer), with the asker's name and the question's page."""
    access.require(access.can_ask_sheet_authors(user), access.Refusal.ASK_SHEET_AUTHORS)
    if not sheet.live:
        raise QuestionRefused(_("Cette fiche n'est pas publiée."))
    text = _cleaned(text, limit=QUESTION_MAX_LENGTH, empty=_("Écrivez votre question."))
    recipients = [person for person in people_to_ask(sheet) if person.pk != user.pk]
    if not recipients:
        raise QuestionRefused(
            _(
                "Personne ne peut répondre aux questions sur cette fiche pour le moment : "
                "écrivez plutôt dans son salon."
            )
        )
    if not ratelimit.allow(f"sheet-question:{user.pk}", limit=QUESTIONS_PER_HOUR, window=3600):
        raise QuestionRefused(_("Vous avez posé beaucoup de questions : réessayez dans une heure."))
    try:
        with transaction.atomic():
            question = SheetQuestion.objects.create(sheet=sheet, asker=user, text=text)
            notify(
                recipients,
                kind=Notification.Kind.REQUEST,
                message=lambda person: _(
                    "%(name)s pose une question aux auteur·es de la fiche « %(title)s »."
                )
                % {"name": user, "title": sheet.title},
                url=question_url(question),
                about=(f"page:{sheet.pk}", sheet.title),
                excerpt=_excerpt(text),
            )
    except IntegrityError:
        raise QuestionRefused(
            _(
                "Vous avez déjà une question en attente sur cette fiche : attendez la réponse "
                "des auteur·es avant d'en poser une autre."
            )
        ) from None
    return question


def _open_question(user: User, question: SheetQuestion) -> SheetQuestion:
    """The question, locked until the transaction ends, for someone who may answer it and
    while nobody has. Called inside a transaction."""
    access.require(
        access.can_answer_sheet_question(user, question), access.Refusal.ANSWER_SHEET_QUESTION
    )
    locked = SheetQuestion.objects.select_for_update().filter(pk=question.pk).first()
    if locked is None:
        raise QuestionRefused(_("Cette question n'existe plus."))
    if locked.answered_at is not None:
        raise QuestionRefused(_("Cette question a déjà reçu une réponse."))
    locked.sheet = question.sheet
    return locked


def _answered(question: SheetQuestion, *, user: User, how: str) -> None:
    question.answered_at = timezone.now()
    question.how = how
    question.answered_by = user
    question.save(update_fields=["answered_at", "how", "answered_by"])


def quoted(question_text: str, answer: str, *, intro: str = "") -> str:
    """A room message: the question as a Markdown quote, then the answer."""
    lines = question_text.replace("@", _QUIET_AT).split("\n")
    quote = "\n".join(f"> {line}".rstrip() for line in lines)
    return "\n\n".join(part for part in (intro, quote, answer) if part)


def _asker_to_tell(question: SheetQuestion, user: User) -> list[User]:
    asker = question.asker
    if asker is None or not asker.is_active or asker.pk == user.pk:
        return []
    return [asker]


def answer_in_room(*, user: User, question: SheetQuestion, text: str) -> str:
    """Answer in the sheet's room, below the quoted question (which does not name its
    asker: they asked the authors, not the room). The asker is told, with the link to the
    message, which is returned."""
    answer = _cleaned(text, limit=ANSWER_MAX_LENGTH, empty=_("Écrivez votre réponse."))
    sheet = question.sheet
    with transaction.atomic():
        locked = _open_question(user, question)
        room = ensure_page_room(sheet)
        posted = post_message(
            user=user, room=room, body=quoted(locked.text, answer), client_id=uuid.uuid4()
        )
        _answered(locked, user=user, how=SheetQuestion.How.ROOM)
        url = f"{room.get_absolute_url()}#msg-{posted.message.seq}"
        notify(
            _asker_to_tell(locked, user),
            kind=Notification.Kind.REPLY,
            message=lambda person: _(
                "%(name)s a répondu à votre question sur la fiche « %(title)s » dans son salon."
            )
            % {"name": user, "title": sheet.title},
            url=url,
            about=(f"room:{room.pk}", room.title),
            excerpt=_excerpt(answer),
        )
    return url


def answer_privately(*, user: User, question: SheetQuestion, text: str) -> str:
    """Answer in the private conversation between the author and the asker, on Relais:
    neither learns the other's address. The asker is told as of any private message
    (`rooms.services.mentions`). Returns the link to the message."""
    answer = _cleaned(text, limit=ANSWER_MAX_LENGTH, empty=_("Écrivez votre réponse."))
    sheet = question.sheet
    with transaction.atomic():
        locked = _open_question(user, question)
        asker = locked.asker
        if asker is None or not asker.is_active:
            raise QuestionRefused(
                _(
                    "La personne qui a posé cette question n'est plus sur Relais : répondez "
                    "plutôt dans le salon de la fiche."
                )
            )
        room = start_direct_conversation(user=user, other=asker)
        intro = _("Votre question sur la fiche « %(title)s » (%(url)s) :") % {
            "title": sheet.title,
            "url": sheet.get_url() or "",
        }
        posted = post_message(
            user=user,
            room=room,
            body=quoted(locked.text, answer, intro=intro),
            client_id=uuid.uuid4(),
        )
        _answered(locked, user=user, how=SheetQuestion.How.PRIVATE)
    return f"{room.get_absolute_url()}#msg-{posted.message.seq}"


def propose_intervision(*, user: User, question: SheetQuestion) -> str:
    """Answer by proposing to talk about it at an intervision: the asker is told, and the
    calendar's announce form, prefilled, is returned for the author to announce it."""
    sheet = question.sheet
    with transaction.atomic():
        locked = _open_question(user, question)
        _answered(locked, user=user, how=SheetQuestion.How.INTERVISION)
        notify(
            _asker_to_tell(locked, user),
            kind=Notification.Kind.REPLY,
            message=lambda person: _(
                "%(name)s propose d'en parler lors d'une intervision : votre question sur la "
                "fiche « %(title)s ». Surveillez l'agenda."
            )
            % {"name": user, "title": sheet.title},
            url=question_url(locked),
            about=(f"page:{sheet.pk}", sheet.title),
        )
    return announce_url(locked)
