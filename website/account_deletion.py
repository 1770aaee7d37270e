"""Deleting one's account (issue 16): asked at /moi/supprimer/, carried out after a grace
period (`RELAIS["ACCOUNT_DELETION_GRACE_DAYS"]`) during which signing in cancels it.

What becomes of what a person left on Relais (the page /moi/supprimer/ says the same):
- their messages: erased (text and author), or kept and signed "Ancien·ne membre", as they
  chose; either way no message keeps their account;
- their name where others hold it: in the messages that mention them, in others'
  notifications and in the title of their direct conversations, it becomes
  "ancien·ne membre"; the conversations are archived (nobody is left to answer);
- the sheets they wrote stay with their organisation (they leave its authors); a draft
  passes to another member of its organisation, or goes when nobody is left;
- a question to authors, a harvest item, an adoption report, a diagnostic they started:
  kept, without their author (the models' `SET_NULL`);
- everything else is theirs alone and goes with the account: memberships, registrations,
  reactions, bookmarks, follows, notifications and their settings, their diagnostic
  voices, data exports (and their files), email addresses, the photo's file.
No person is in the search index (only sheets, stories, events, programmes, tools and
organisations, none holding an author's name), so nothing is left to find there.

Then the account's row goes and the person is told by email at the address they had."""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.contrib import messages as flash
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task

from community.models import Membership, Notification, Organisation, User
from community.services import ServiceError
from community.services.notifications import email_people
from practices.models import SheetDraft
from rooms.models import Mention, Room, RoomMessage
from rooms.services.confidence import erase_messages
from rooms.services.groups import broadcast_updated, recheck_access_on_commit
from rooms.services.payloads import forget_author_organisations
from rooms.services.rendering import render_markdown

from .models import AccountDeletion


def grace() -> dt.timedelta:
    return dt.timedelta(days=settings.RELAIS["ACCOUNT_DELETION_GRACE_DAYS"])


def former_member_label() -> str:
    return _("ancien·ne membre")


def handover_needed(user: User) -> list[Organisation]:
    """The organisations `user` is the only admin of while others are members: they name
    someone else first (an organisation nobody is left in keeps its page and sheets)."""
    mine = Membership.objects.of_user(user).admins().values("organisation")
    return list(
        Organisation.objects.filter(pk__in=mine)
        .annotate(
            admin_count=Count(
                "memberships",
                filter=Q(
                    memberships__status=Membership.Status.ACTIVE,
                    memberships__role=Membership.Role.ADMIN,
                ),
            ),
            other_count=Count(
                "memberships",
                filter=Q(memberships__status=Membership.Status.ACTIVE) & ~Q(memberships__user=user),
            ),
        )
        .filter(admin_count__lte=1, other_count__gt=0)
        .order_by("name")
    )


@transaction.atomic
def request_deletion(
    *, user: User, messages: str, password: str, now: dt.datetime | None = None
) -> AccountDeletion:
    """Ask for one's account to be deleted after the grace period. `password` (checked by
    the form) is set again with a new salt: every other session of the person ends, and
    signing in with it, which cancels the deletion, still works."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    if messages not in AccountDeletion.Messages.values:
        raise ServiceError(_("Choisissez ce que deviennent vos messages."))
    waiting = handover_needed(user)
    if waiting:
        names = ", ".join(org.name for org in waiting)
        raise ServiceError(
            _(
                "Vous êtes le seul administrateur ou la seule administratrice de %(names)s : "
                "nommez d'abord quelqu'un d'autre administrateur·rice, puis revenez ici."
            )
            % {"names": names}
        )
    now = now or timezone.now()
    deletion, _created = AccountDeletion.objects.update_or_create(
        user=user, defaults={"messages": messages, "due_at": now + grace()}
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    email_people([user], "website/email/deletion_requested", {"deletion": deletion})
    if default_task_backend.supports_defer:
        when = deletion.due_at + dt.timedelta(minutes=1)
        transaction.on_commit(lambda: delete_due.using(run_after=when).enqueue())
    return deletion


def cancel_deletion(*, user: User) -> bool:
    """Signing in during the grace period keeps the account; True if a deletion waited."""
    deleted, _kinds = AccountDeletion.objects.filter(user=user).delete()
    return bool(deleted)


def cancel_on_sign_in(sender, request, user, **kwargs) -> None:
    """`user_logged_in`: the deletion waiting for this person is cancelled, and they are
    told so."""
    if cancel_deletion(user=user) and request is not None:
        flash.success(
            request,
            _("Bon retour ! La suppression de votre compte est annulée : il reste tel quel."),
        )


def delete_due_accounts(*, now: dt.datetime | None = None) -> int:
    """Carry out every deletion whose time has come; the number of accounts deleted."""
    now = now or timezone.now()
    ids = AccountDeletion.objects.filter(due_at__lte=now).values_list("pk", flat=True)
    return sum(1 for pk in list(ids) if _carry_out(pk, now))


@task()
def delete_due() -> int:
    return delete_due_accounts()


@transaction.atomic
def _carry_out(deletion_id: int, now: dt.datetime) -> bool:
    deletion = (
        AccountDeletion.objects.select_for_update()
        .select_related("user")
        .filter(pk=deletion_id, due_at__lte=now)
        .first()
    )
    if deletion is None:
        return False  # cancelled, or carried out by another worker meanwhile
    user = deletion.user
    name = str(user)
    farewell = User(email=user.email, display_name=name, preferred_language=user.preferred_language)
    if deletion.messages == AccountDeletion.Messages.ERASE:
        _erase_messages(user, now)
    _forget_name(user, name)
    _hand_over_drafts(user)
    recheck_access_on_commit([user.pk])
    forget_author_organisations([user.pk])
    avatar = user.avatar.name if user.avatar else ""
    user.delete()
    if avatar:
        transaction.on_commit(lambda: User._meta.get_field("avatar").storage.delete(avatar))
    email_people([farewell], "website/email/account_deleted", {})
    return True


def _erase_messages(user: User, now: dt.datetime) -> None:
    """The person's messages lose their text, with what quotes them (as a retention does)."""
    messages = list(
        RoomMessage.objects.select_for_update(of=("self",))
        .filter(author=user)
        .select_related("room")
    )
    erase_messages(messages, now=now, expired=False)


def _name_pattern(name: str) -> re.Pattern:
    """The name, as written (any case), with its mention's "@" or "@[…]" around it."""
    return re.compile(rf"@\[{re.escape(name)}\]|@?{re.escape(name)}", re.IGNORECASE)


def _forget_name(user: User, name: str) -> None:
    """Where others hold the person's name, it becomes "ancien·ne membre"."""
    if not name.strip():
        return
    pattern = _name_pattern(name)
    with translation.override(settings.LANGUAGE_CODE):
        label = former_member_label()
    mentioning = list(
        RoomMessage.objects.select_for_update(of=("self",))
        .filter(pk__in=Mention.objects.filter(user=user).values("message"))
        .exclude(author=user)
        .select_related("room")
    )
    for message in mentioning:
        message.body_markdown = pattern.sub(label, message.body_markdown)
        message.html = render_markdown(message.body_markdown)
    RoomMessage.objects.bulk_update(mentioning, ["body_markdown", "html"])
    for message in mentioning:
        broadcast_updated(message.room, message)
    others = (
        Notification.objects.exclude(user=user)
        .filter(
            Q(message__icontains=name) | Q(excerpt__icontains=name) | Q(about_label__icontains=name)
        )
        .select_related("user")
    )
    changed = []
    for notification in others:
        with translation.override(notification.user.preferred_language or settings.LANGUAGE_CODE):
            said = former_member_label()
        for field in ("message", "excerpt", "about_label"):
            setattr(notification, field, pattern.sub(said, getattr(notification, field)))
        changed.append(notification)
    Notification.objects.bulk_update(changed, ["message", "excerpt", "about_label"])
    conversations = list(
        Room.objects.select_for_update().filter(
            Q(user_a=user) | Q(user_b=user), kind=Room.Kind.DIRECT
        )
    )
    for room in conversations:
        room.title = pattern.sub(label, room.title)[:160]
        room.archived = True
    Room.objects.bulk_update(conversations, ["title", "archived"])


def _hand_over_drafts(user: User) -> None:
    """A draft stays with its organisation: another member continues it (an admin first),
    or it goes when nobody is left."""
    for draft in SheetDraft.objects.select_for_update().filter(author=user):
        successor = (
            Membership.objects.of_organisation(draft.organisation_id)
            .active()
            .exclude(user=user)
            .order_by("role", "created_at")  # "admin" before "member"
            .values_list("user", flat=True)
            .first()
        )
        if successor is None:
            draft.delete()
        else:
            draft.author_id = successor
            draft.save(update_fields=["author"])
