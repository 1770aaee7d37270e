"""Mentions: who a message is for.

`@[Display Name]` (exact name, any case) always works; a plain `@word` names one of the
room's members by their name written any way or their first name (see
`mentioned_people`). Only people who may read the room are mentioned. Each gets an
notification (`community.services.notifications.notify`), by email as they chose
(at once, batched over two minutes, by default), never while they are in the room."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from anyascii import anyascii
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from community.models import Membership, Notification, User
from community.services.notifications import notify
from rooms import access
from rooms.models import Mention, Room, RoomMessage

from .payloads import person_dict
from .presence import present_user_ids
from .rendering import text_excerpt

MAX_MENTIONS = 20


MENTION = re.compile(r"@\[([^\[\]\n]{1,120})\]|(?<![\w.@/])@([^\W_][\w.'-]{0,80})")


def handle_of(user) -> str:
    return slugify(anyascii(str(user)))


def _key(text: str) -> str:
    """What a typed name is compared by: no accents, case, spaces or punctuation, so that
    "@camille.dubois", "@Camille-Dubois" and "@CamilleDubois" are the same."""
    return re.sub(r"[^a-z0-9]", "", anyascii(text).lower())


def _keys_of(user) -> set[str]:
    """The names a person answers to in a room: their whole display name, and its first
    word (their first name, usually)."""
    name = str(user)
    return {k for k in (_key(name), _key(name.split()[0] if name.split() else "")) if k}


def _participants(room: Room):
    """The room's members: the two people of a conversation, the people of an
    organisation's room, and in other rooms those who have written or read in it."""
    people = User.objects.filter(is_active=True)
    if room.kind == Room.Kind.DIRECT:
        return people.filter(pk__in=[room.user_a_id, room.user_b_id])
    if room.kind == Room.Kind.ORGANISATION:
        return people.filter(
            memberships__in=Membership.objects.of_organisation(room.organisation_id).active()
        ).distinct()
    # Everyone who wrote here has a read marker (posting advances the author's), one row
    # per person and room: no scan of the room's history.
    return people.filter(read_markers__room=room)


def mentioned_people(text: str, room: Room, *, author: User) -> list[User]:
    """The people a text mentions who may read the room, the author left out.

    `@[Display Name]` names anyone exactly (any case). A plain `@word` is matched among
    the room's members (see `_participants`) by their display name written any way
    (`@camille.dubois`, `@camille-dubois`) or their first name alone (`@Camille`), and
    only when exactly one member answers to it: an ambiguous word mentions nobody."""
    names, handles = set(), set()
    for name, handle in MENTION.findall(text):
        if name.strip():
            names.add(name.strip().lower())
        elif _key(handle.rstrip(".-'")):
            handles.add(_key(handle.rstrip(".-'")))
    found: dict[int, User] = {}
    if names:
        query = Q()
        for name in list(names)[:MAX_MENTIONS]:
            query |= Q(display_name__iexact=name)
        for person in User.objects.filter(query, is_active=True)[:MAX_MENTIONS]:
            found[person.pk] = person
    if handles:
        by_key: dict[str, dict[int, User]] = {}
        for person in _participants(room):
            for key in _keys_of(person):
                by_key.setdefault(key, {})[person.pk] = person
        for handle in handles:
            people = list(by_key.get(handle, {}).values())
            if len(people) == 1:
                found[people[0].pk] = people[0]
    found.pop(author.pk, None)
    allowed = access.readers_among(room, list(found))
    return [found[pk] for pk in sorted(allowed)][:MAX_MENTIONS]


def mention_suggestions(*, user: User, room: Room, prefix: str, limit: int = 8) -> list[dict]:
    """Members of the room whose name (any word of it) starts with `prefix`, for the
    composer's completion: `{"id", "name"}`, the person asking left out. A fixed number
    of queries."""
    typed = _key(prefix)
    if not access.can_read_room(user, room):
        return []
    matches = []
    for person in _participants(room).exclude(pk=user.pk).order_by("display_name")[:500]:
        words = [_key(w) for w in str(person).split()] + [_key(str(person))]
        if not typed or any(w.startswith(typed) for w in words):
            matches.append(person)
    allowed = access.readers_among(room, [p.pk for p in matches])
    return [person_dict(p) for p in matches if p.pk in allowed][:limit]


def _addressee(room: Room, *, author: User) -> User | None:
    """The other person of a direct conversation, who may read it: a message there is
    addressed to them as a mention is."""
    if room.kind != Room.Kind.DIRECT:
        return None
    other_id = room.user_b_id if author.pk == room.user_a_id else room.user_a_id
    other = User.objects.filter(pk=other_id, is_active=True).first()  # type: ignore[misc]
    if other is None or not access.readers_among(room, [other.pk]):
        return None
    return other


@dataclass
class Recipients:
    """Whom a message is for, and who among them is in the room now."""

    people: list[User] = field(default_factory=list)
    here: set[int] = field(default_factory=set)
    addressee_id: int | None = None
    replied_to: User | None = None


def message_recipients(
    text: str, room: Room, *, author: User, reply_to: int | None = None
) -> Recipients:
    """The people a message is for: those it mentions, in a direct conversation the other
    person, and the author of the message it answers (`reply_to`, its number). Read before
    the message is stored, outside the room's lock: people and presence only."""
    people = mentioned_people(text, room, author=author)
    addressee = _addressee(room, author=author)
    if addressee is not None and addressee.pk not in {p.pk for p in people}:
        people.append(addressee)
    replied_to = None
    if reply_to and room.kind != Room.Kind.DIRECT:
        answered = (
            RoomMessage.objects.filter(room=room, seq=reply_to, author__is_active=True)
            .exclude(author=author)
            .select_related("author")
            .first()
        )
        if answered and answered.author_id not in {p.pk for p in people}:
            if access.readers_among(room, [answered.author_id]):
                replied_to = answered.author
    if not people and replied_to is None:
        return Recipients()
    return Recipients(
        people=people,
        here=set(present_user_ids(room.pk)),
        addressee_id=addressee.pk if addressee is not None else None,
        replied_to=replied_to,
    )


def record_mentions(
    message: RoomMessage, room: Room, *, author: User, recipients: Recipients
) -> None:
    """Each recipient is notified in the message's transaction (a direct message as such,
    the others as a mention), by email as they chose, never while they are in the room."""
    people, here = recipients.people, recipients.here
    url = f"{room.get_absolute_url()}#msg-{message.seq}"
    # Under the Chatham House rule nobody is told who wrote: "someone" (`_who`).
    who = _who(author, room)
    excerpt = text_excerpt(message.html)
    if recipients.replied_to is not None:
        notify(
            [recipients.replied_to],
            kind=Notification.Kind.REPLY,
            message=lambda person: _("%(author)s a répondu à votre message dans « %(room)s ».")
            % {"author": who(), "room": room.label_for(person)},
            url=url,
            about=(f"room:{room.pk}", _label(room, recipients.replied_to)),
            seen_by=here,
            excerpt=excerpt,
        )
    if not people:
        return
    Mention.objects.bulk_create(
        [Mention(message=message, user=p, email_wanted=p.pk not in here) for p in people]
    )
    addressee = [p for p in people if p.pk == recipients.addressee_id]
    mentioned = [p for p in people if p.pk != recipients.addressee_id]
    if addressee:
        notify(
            addressee,
            kind=Notification.Kind.DIRECT,
            message=lambda person: _("%(author)s vous a écrit un message privé.")
            % {"author": who()},
            url=url,
            about=(f"room:{room.pk}", _label(room, addressee[0])),
            seen_by=here,
            excerpt=excerpt,
        )
    for person in mentioned:
        notify(
            [person],
            kind=Notification.Kind.MENTION,
            message=lambda person: _("%(author)s vous a mentionné·e dans « %(room)s ».")
            % {"author": who(), "room": room.label_for(person)},
            url=url,
            about=(f"room:{room.pk}", _label(room, person)),
            seen_by=here,
            excerpt=excerpt,
        )


def _who(author: User, room: Room):
    """The author as a notification names them, in the recipient's language (the
    notification's text is built with it active): "Quelqu'un" under the Chatham House
    rule."""

    def name() -> str:
        return str(_("Quelqu'un")) if room.chatham_house else str(author)

    return name


def _label(room: Room, person: User) -> str:
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        return str(room.label_for(person))
