"""Rooms: the only code that writes room messages or talks to the channel layer.

Every write happens in a transaction and is broadcast to the room's group only once that
transaction commits (`transaction.on_commit`), so nobody is told of a message that is not
stored. Functions are synchronous; the WebSocket consumer calls them through
`database_sync_to_async`, and `async_to_sync(group_send)` is then run from that worker
thread, which Channels supports.

Message numbering: `Room.last_seq` is incremented with an UPDATE (which takes the row's
write lock on PostgreSQL and the database lock on SQLite) in the same transaction as the
INSERT of the message, so numbers have no gaps and two processes never take the same one;
a rolled-back insert gives its number back.

Presence and typing live in the cache (Redis in production), never in the database.

Mentions: `@[Display Name]` (exact name, any case) always works; a plain `@word` names
one of the room's members by their name written any way or their first name (see
`mentioned_people`). Only people who may read the room are mentioned. Each gets an
in-app notification; those who were not in the room at that moment also get an email,
grouped: see `send_mention_digest`.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

import nh3
from anyascii import anyascii
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    PositiveIntegerField,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from markdown_it.token import Token

from community import access
from community.models import (
    Membership,
    Mention,
    MessageReport,
    ModerationLog,
    Organisation,
    ReadMarker,
    Room,
    RoomMessage,
    RoomSanction,
    User,
)
from community.public import site_url
from community.tasks import send_email

from . import ServiceError, ratelimit
from .notifications import notify

logger = logging.getLogger(__name__)

RESERVED_SLUGS = {"moderation"}
MAX_MENTIONS = 20


def group_name(room_id: int) -> str:
    """The channel-layer group of a room: built from its id, never from typed text."""
    return f"room.{room_id}"


def user_group_name(user_id: int) -> str:
    """The channel-layer group of one person's open room sockets, whatever the room."""
    return f"user.{user_id}"


class RoomError(ServiceError):
    """A refused room action, with the protocol's error code: rate_limited, too_long,
    forbidden or invalid."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _limits():
    return settings.RELAIS


# --- Rendering ------------------------------------------------------------------------------

# Bidirectional overrides and isolates: they can make a message display something other
# than what it says (U+202A–U+202E, U+2066–U+2069).
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Control characters other than tab and newline.
_CONTROL = dict.fromkeys([c for c in range(0x20) if c not in (0x09, 0x0A)] + [0x7F])

# Absolute http(s) and mailto links, and paths on this site ("/pratiques/x/"); never a
# protocol-relative "//host" (nor "/\\host", which browsers read the same way).
_SAFE_HREF = re.compile(r"^(https?://|mailto:|/(?![/\\]))", re.IGNORECASE)
# A path of this site written as is ("voir /pratiques/compta-partagee/"): at least one
# section ("/salons/", "/pratiques/x/"), not inside a word, a fraction or an address.
_SITE_PATH = re.compile(r"(?<![\w/.:@\\])/[a-z0-9][a-z0-9-]*/[^\s<>\[\]()\"'`]*", re.IGNORECASE)
_PATH_TRAILER = ".,;:!?"

_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    .enable(["linkify", "strikethrough"])
    # A chat message has no headings, rules or images: written as such, they stay text.
    .disable(["heading", "lheading", "hr", "image"])
)

# Links to anything but http(s), mailto and this site's paths are not made: they stay text.
_markdown.validateLink = lambda url: bool(_SAFE_HREF.match(url))


def _link_site_paths(state) -> None:
    """A core rule after linkify: paths of this site written in the text become links,
    like the addresses linkify finds (never inside code or an existing link)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, inside_link = [], 0
        for token in block.children:
            if token.type == "link_open":
                inside_link += 1
            elif token.type == "link_close":
                inside_link -= 1
            if token.type != "text" or inside_link or "/" not in token.content:
                children.append(token)
                continue
            text, position = token.content, 0
            for match in _SITE_PATH.finditer(text):
                if match.start() == 0 and children and children[-1].type == "link_close":
                    continue  # the rest of an address linkify has just made a link of
                path = match.group(0).rstrip(_PATH_TRAILER)
                start, end = match.start(), match.start() + len(path)
                if start > position:
                    children.append(_text_token(state, text[position:start], token.level))
                link = Token("link_open", "a", 1)
                link.attrs = {"href": path}
                link.level = token.level
                children += [
                    link,
                    _text_token(state, path, token.level + 1),
                    Token("link_close", "a", -1),
                ]
                position = end
            if position == 0:
                children.append(token)
            elif position < len(text):
                children.append(_text_token(state, text[position:], token.level))
        block.children = children


def _text_token(state, content: str, level: int):
    token = Token("text", "", 0)
    token.content = content
    token.level = level
    return token


_markdown.core.ruler.after("linkify", "site_paths", _link_site_paths)

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "del",
    "s",
}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Only absolute http(s) and mailto links and this site's paths; protocol-relative go.
    if tag == "a" and attribute == "href":
        return value if _SAFE_HREF.match(value) else None
    return value


def clean_text(body: str) -> str:
    """The text as stored: no bidi overrides, no control characters, Unix newlines."""
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_BIDI).translate(_CONTROL).strip()


_MENTION_HTML = re.compile(r"@\[([^\[\]<>\n]{1,120})\]")
_TAG = re.compile(r"(<[^>]*>)")


def _show_mentions(html: str) -> str:
    """`@[Display Name]` (what the composer's completion inserts) reads as a highlighted
    `@Display Name`, in the text of the message only: not inside tags, code or pre."""
    parts, in_code = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = part.strip("</>").split(maxsplit=1)[0].lower() if part.strip("</>") else ""
            if name in ("code", "pre"):
                in_code = max(0, in_code + (-1 if part.startswith("</") else 1))
            parts.append(part)
        else:
            parts.append(part if in_code else _MENTION_HTML.sub(_mention_markup, part))
    return "".join(parts)


def _mention_markup(match: re.Match) -> str:
    return f'<strong class="mention">@{match.group(1)}</strong>'


def render_markdown(text: str) -> str:
    """Markdown (raw HTML disabled) → HTML, then sanitised with an allow-list. Links keep
    only http(s)/mailto addresses and get rel="nofollow ugc noopener". Mentions written
    `@[Name]` are shown as a highlighted `@Name`."""
    html = _markdown.render(text)
    return _show_mentions(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            clean_content_tags={"script", "style"},
            attributes={"a": {"href"}},
            attribute_filter=_keep_attribute,
            url_schemes={"http", "https", "mailto"},
            link_rel="nofollow ugc noopener",
            set_tag_attribute_values={"a": {"target": "_blank"}},
            strip_comments=True,
        ).strip()
    )


# --- Messages as data -----------------------------------------------------------------------


def author_organisations(user_ids) -> dict[int, str]:
    """The organisation shown next to each author's name (their first by name), in one
    query."""
    found: dict[int, str] = {}
    rows = (
        Membership.objects.filter(user_id__in=set(user_ids), status=Membership.Status.ACTIVE)
        .order_by("organisation__name")
        .values_list("user_id", "organisation__name")
    )
    for user_id, name in rows:
        found.setdefault(user_id, name)
    return found


def with_organisations(messages: list[RoomMessage]) -> list[RoomMessage]:
    """Set `author_org` on each message (one query for the whole list)."""
    orgs = author_organisations(m.author_id for m in messages if m.author_id)
    for m in messages:
        m.author_org = orgs.get(m.author_id, "")
    return messages


def message_dict(message: RoomMessage) -> dict:
    """A message as the protocol, the history endpoint and the client see it. Deleted and
    hidden messages keep their number but lose their text."""
    author = message.author
    gone = message.is_gone
    return {
        "seq": message.seq,
        "client_id": str(message.client_id),
        "author": {
            "id": message.author_id,
            "name": str(author) if author else _("Compte supprimé"),
            "organisation": getattr(message, "author_org", ""),
        },
        "html": "" if gone else message.html,
        "body": "" if gone else message.body_markdown,
        # Milliseconds at most: the page puts it in <time datetime>, which refuses more.
        "created_at": message.created_at.isoformat(timespec="milliseconds"),
        "reply_to": message.reply_to_seq,
        "edited": bool(message.edited_at) and not gone,
        "deleted": gone,
        "hidden": bool(message.hidden_at),
    }


def person_dict(user) -> dict:
    return {"id": user.pk, "name": str(user)}


def room_dict(room: Room, user) -> dict:
    return {
        "slug": room.slug,
        "title": room.label_for(user),
        "kind": room.kind,
        "archived": room.archived,
    }


# --- Broadcasting ---------------------------------------------------------------------------


def _send_now(room_id: int, event: dict) -> None:
    async_to_sync(get_channel_layer().group_send)(group_name(room_id), event)


def _send_or_log(room_id: int, event: dict) -> None:
    """Broadcast what is already stored. Should the channel layer be down (Redis), the
    write still stands: it is logged, and clients get it when they sync (on reconnecting,
    on a gap, or on the next `tail` frame)."""
    try:
        _send_now(room_id, event)
    except Exception:
        logger.warning("Room %s: broadcast failed, clients will sync", room_id, exc_info=True)


def _broadcast_on_commit(room_id: int, payload: dict) -> None:
    """Tell everyone in the room, once the current transaction has committed."""
    event = {"type": "room.event", "payload": payload}
    transaction.on_commit(lambda: _send_or_log(room_id, event))


def recheck_access_on_commit(user_ids) -> None:
    """Once the current transaction commits, ask every open room socket of these people to
    check their rights again (each closes with 4403 if they may no longer read its room).
    Called whenever access may have been lost: a membership ended or changed, an
    affiliation ended, an account deactivated or deleted (`community/signals.py`)."""
    ids = sorted({pk for pk in user_ids if pk})
    if not ids:
        return

    def send():
        layer = get_channel_layer()
        for pk in ids:
            try:
                async_to_sync(layer.group_send)(user_group_name(pk), {"type": "room.recheck"})
            except Exception:  # the periodic re-check of each socket still catches it
                logger.warning("Access re-check of user %s not sent", pk, exc_info=True)

    transaction.on_commit(send)


# --- Rooms ----------------------------------------------------------------------------------


def _room_slug(text: str) -> str:
    base = slugify(anyascii(text))[:90].strip("-") or "salon"
    if base in RESERVED_SLUGS:
        base = f"salon-{base}"
    slug, n = base, 2
    while Room.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _get_or_create(lookup: dict, defaults: dict) -> Room:
    room = Room.objects.filter(**lookup).first()
    if room:
        return room
    try:
        with transaction.atomic():
            return Room.objects.create(**lookup, **defaults)
    except IntegrityError:  # created by someone else meanwhile
        return Room.objects.get(**lookup)


def create_theme_room(*, title: str, description: str = "", slug: str = "") -> Room:
    return Room.objects.create(
        kind=Room.Kind.THEME,
        title=title,
        description=description,
        slug=slug or _room_slug(title),
    )


def ensure_page_room(page, *, organisation: Organisation | None = None, title: str = "") -> Room:
    """The room of a Wagtail page (a sheet, an event), created on first call. Its owner,
    whose admins moderate it, is `organisation`, or the page's own `organisation` when it has
    one (sheets do). Called when such a page is published; safe to call again."""
    owner_id = organisation.pk if organisation else getattr(page, "organisation_id", None)
    title = (title or page.title)[:160]
    room = _get_or_create(
        {"kind": Room.Kind.PAGE, "page_id": page.pk},
        {"title": title, "slug": _room_slug(page.slug), "organisation_id": owner_id},
    )
    if room.title != title or room.organisation_id != owner_id:
        room.title, room.organisation_id = title, owner_id
        room.save(update_fields=["title", "organisation"])
    return room


def organisation_room(organisation: Organisation) -> Room:
    """The private room of an organisation (for a federation, also of its members)."""
    return _get_or_create(
        {"kind": Room.Kind.ORGANISATION, "organisation_id": organisation.pk},
        {
            "title": organisation.name[:160],
            "slug": _room_slug(f"{organisation.slug}-equipe"),
        },
    )


def direct_room(a: User, b: User) -> Room:
    """The one conversation between two people (the same whoever starts it)."""
    if a.pk == b.pk:
        raise ServiceError(_("Vous ne pouvez pas vous écrire à vous-même."))
    first, second = sorted([a, b], key=lambda u: u.pk)
    return _get_or_create(
        {"kind": Room.Kind.DIRECT, "user_a_id": first.pk, "user_b_id": second.pk},
        {
            "title": f"{first} · {second}"[:160],
            "slug": _room_slug(f"conversation-{first.pk}-{second.pk}"),
        },
    )


def start_direct_conversation(*, user: User, other: User) -> Room:
    access.require(access.can_view_person(user, other), access.Refusal.VIEW_PERSON)
    return direct_room(user, other)


def rooms_for(user):
    """The rooms a person may read, each with `taking_part` and `unread`, in one query.

    A person takes part in their conversations, their organisations' rooms and any room
    they have opened or written in (it has their read marker). Unread messages count only
    there: a new account is not told of "8 unread" in rooms it never joined."""
    marker = ReadMarker.objects.filter(room=OuterRef("pk"), user=user)
    return (
        access.readable_rooms(user)
        .for_listing()
        .annotate(
            read_seq=Coalesce(Subquery(marker.values("last_read_seq")[:1]), Value(0)),
            taking_part=Exists(marker) | Q(kind__in=[Room.Kind.DIRECT, Room.Kind.ORGANISATION]),
        )
        .annotate(
            unread=Case(
                When(taking_part=True, then=F("last_seq") - F("read_seq")),
                default=Value(0),
                output_field=PositiveIntegerField(),
            )
        )
    )


# The apps that own pages (sheets, events) tell the room list which pages a person follows
# (registered for the event, bookmarked the sheet) and which pages are over (a past or
# cancelled event): `community` knows neither app. Each hook returns a queryset of page
# ids, used as a subquery, so the list stays one query.
_followed_pages: list = []
_ended_pages: list = []


def register_page_rooms(*, followed=None, ended=None) -> None:
    """`followed(user)` and `ended()` each return a queryset of page ids (`values("pk")`)."""
    if followed:
        _followed_pages.append(followed)
    if ended:
        _ended_pages.append(ended)


def listed_rooms(user) -> list[Room]:
    """The rooms of /salons/, in one query: conversations, organisations' rooms, thematic
    rooms and the rooms of the sheets and events the person follows (has opened, written
    in, bookmarked, registered for), without those of past or cancelled events. Rooms
    with unread messages first, then by title."""
    follows = Q(taking_part=True)
    for followed in _followed_pages:
        follows |= Q(page_id__in=followed(user))
    shown = ~Q(kind=Room.Kind.PAGE) | follows
    qs = rooms_for(user).filter(shown)
    for ended in _ended_pages:
        qs = qs.exclude(kind=Room.Kind.PAGE, page_id__in=ended())
    listed = list(qs.order_by("title", "pk"))
    for room in listed:
        room.label = room.label_for(user)
    listed.sort(key=lambda r: (r.unread == 0, r.label.casefold()))
    return listed


def unread_rooms(user, limit: int = 20):
    return list(rooms_for(user).filter(unread__gt=0).order_by("-unread", "title")[:limit])


# --- Posting --------------------------------------------------------------------------------


@dataclass
class Posted:
    message: RoomMessage
    created: bool
    payload: dict


def _parse_client_id(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise RoomError("invalid", _("Identifiant de message invalide.")) from None


def _validated_text(body) -> str:
    if not isinstance(body, str):
        raise RoomError("invalid", _("Le message doit être un texte."))
    text = clean_text(body)
    if not text:
        raise RoomError("invalid", _("Le message est vide."))
    limit = _limits()["ROOM_MESSAGE_MAX_CHARS"]
    if len(text) > limit:
        raise RoomError(
            "too_long",
            _("Le message est trop long : %(max)s caractères au plus (vous en avez %(n)s).")
            % {"max": limit, "n": len(text)},
        )
    return text


def _check_rate(user) -> None:
    if not ratelimit.allow(
        f"room-post:{user.pk}", limit=_limits()["ROOM_MESSAGES_PER_MINUTE"], window=60
    ):
        raise RoomError(
            "rate_limited",
            _("Vous écrivez très vite : attendez une minute avant d'envoyer d'autres messages."),
        )


def _forbidden(rights, user, room) -> RoomError:
    if rights.muted:
        return RoomError(
            "forbidden", _("La modération vous a rendu·e muet·te dans ce salon pour le moment.")
        )
    if rights.read:
        return RoomError("forbidden", _("Ce salon est archivé : on ne peut plus y écrire."))
    return RoomError("forbidden", str(access.room_refusal(user, room)))


def post_message(*, user: User, room: Room, body, client_id, reply_to=None) -> Posted:
    """Store a message, then (after commit) broadcast it. The same author and `client_id`
    again returns the stored message with `created=False` and broadcasts nothing."""
    rights = access.room_rights(user, room)
    if not rights.read:
        raise _forbidden(rights, user, room)
    cid = _parse_client_id(client_id)
    existing = RoomMessage.objects.filter(room=room, author=user, client_id=cid).first()
    if existing:
        return Posted(existing, False, message_dict(with_organisations([existing])[0]))
    if not rights.write:
        raise _forbidden(rights, user, room)
    text = _validated_text(body)
    no_such_reply = RoomError("invalid", _("Le message auquel vous répondez n'existe pas."))
    reply_seq = None
    if reply_to not in (None, ""):
        try:
            reply_seq = int(reply_to)
        except (TypeError, ValueError, OverflowError):
            raise no_such_reply from None
        if reply_seq < 1:
            raise no_such_reply
    _check_rate(user)
    html = render_markdown(text)
    try:
        with transaction.atomic():
            Room.objects.filter(pk=room.pk).update(last_seq=F("last_seq") + 1)
            seq = Room.objects.filter(pk=room.pk).values_list("last_seq", flat=True).get()
            if reply_seq is not None and reply_seq >= seq:
                raise no_such_reply  # rolls the number back
            message = RoomMessage.objects.create(
                room=room,
                seq=seq,
                author=user,
                client_id=cid,
                body_markdown=text,
                html=html,
                reply_to_seq=reply_seq,
            )
            room.last_seq = seq
            _advance_marker(user, room, seq)
            _record_mentions(message, room, author=user)
            payload = message_dict(with_organisations([message])[0])
            _broadcast_on_commit(room.pk, {"type": "message", "message": payload})
    except IntegrityError:
        existing = RoomMessage.objects.filter(room=room, author=user, client_id=cid).first()
        if existing is None:
            raise
        return Posted(existing, False, message_dict(with_organisations([existing])[0]))
    return Posted(message, True, payload)


def _own_message(user, room, seq) -> RoomMessage:
    message = _message(room, seq, lock=True)
    if message.author_id != user.pk:
        raise RoomError("forbidden", _("Vous ne pouvez modifier que vos propres messages."))
    if message.is_gone:
        raise RoomError("invalid", _("Ce message a été supprimé."))
    return message


def _message(room, seq, *, lock=False) -> RoomMessage:
    try:
        seq = int(seq)
    except (TypeError, ValueError, OverflowError):
        raise RoomError("invalid", _("Ce message n'existe pas.")) from None
    qs = RoomMessage.objects.select_related("author").filter(room=room, seq=seq)
    if lock:
        qs = qs.select_for_update(of=("self",))
    message = qs.first()
    if message is None:
        raise RoomError("invalid", _("Ce message n'existe pas."))
    return message


def _updated_on_commit(room, message) -> dict:
    payload = message_dict(with_organisations([message])[0])
    _broadcast_on_commit(room.pk, {"type": "updated", "message": payload})
    return payload


@transaction.atomic
def edit_message(*, user: User, room: Room, seq, body) -> dict:
    rights = access.room_rights(user, room)
    if not rights.write:
        raise _forbidden(rights, user, room)
    text = _validated_text(body)
    message = _own_message(user, room, seq)
    _check_rate(user)
    message.body_markdown = text
    message.html = render_markdown(text)
    message.edited_at = timezone.now()
    message.save(update_fields=["body_markdown", "html", "edited_at"])
    return _updated_on_commit(room, message)


@transaction.atomic
def delete_message(*, user: User, room: Room, seq) -> dict:
    """Authors delete their own messages: the text is erased, the number stays."""
    if not access.can_read_room(user, room):
        raise RoomError("forbidden", str(access.room_refusal(user, room)))
    message = _own_message(user, room, seq)
    message.deleted_at = timezone.now()
    message.body_markdown = ""
    message.html = ""
    message.save(update_fields=["deleted_at", "body_markdown", "html"])
    return _updated_on_commit(room, message)


# --- Reading --------------------------------------------------------------------------------


def _advance_marker(user, room, seq: int) -> None:
    """Move a read marker forward only (an old tab never marks newer messages unread)."""
    if ReadMarker.objects.filter(room=room, user=user, last_read_seq__lt=seq).update(
        last_read_seq=seq, updated_at=timezone.now()
    ):
        return
    try:
        with transaction.atomic():
            ReadMarker.objects.get_or_create(room=room, user=user, defaults={"last_read_seq": seq})
    except IntegrityError:
        pass


def mark_read(*, user: User, room: Room, seq) -> int:
    """Record that a person has read a room up to `seq` (clamped to the room's last)."""
    try:
        seq = int(seq)
    except (TypeError, ValueError, OverflowError):
        raise RoomError("invalid", _("Numéro de message invalide.")) from None
    last = Room.objects.filter(pk=room.pk).values_list("last_seq", flat=True).first() or 0
    seq = max(0, min(seq, last))
    if seq and access.can_read_room(user, room):
        _advance_marker(user, room, seq)
    return seq


def history(*, room: Room, before=None, after=None, limit=None) -> tuple[list[RoomMessage], bool]:
    """Messages of a room in order: after `after`, before `before`, or the newest; with
    whether more exist in that direction. Two queries whatever the limit."""
    page_size = _limits()["ROOM_HISTORY_PAGE_SIZE"]
    limit = page_size if limit is None else max(1, min(int(limit), 4 * page_size))
    qs = RoomMessage.objects.filter(room=room).select_related("author")
    if after is not None:
        rows = list(qs.filter(seq__gt=after).order_by("seq")[: limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
    else:
        if before is not None:
            qs = qs.filter(seq__lt=before)
        rows = list(qs.order_by("-seq")[: limit + 1])
        more = len(rows) > limit
        rows = rows[:limit][::-1]
    return with_organisations(rows), more


def recent_messages(room: Room, count: int = 3) -> list[RoomMessage]:
    return history(room=room, limit=count)[0]


# --- Mentions -------------------------------------------------------------------------------

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
            memberships__organisation_id=room.organisation_id,
            memberships__status=Membership.Status.ACTIVE,
        ).distinct()
    return people.filter(Q(room_messages__room=room) | Q(read_markers__room=room)).distinct()


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
    other = User.objects.filter(pk=other_id, is_active=True).first()
    if other is None or not access.readers_among(room, [other.pk]):
        return None
    return other


def _record_mentions(message: RoomMessage, room: Room, *, author: User) -> None:
    """The people a message is for: those it mentions, and in a direct conversation the
    other person. Each gets an in-app notification now, in the message's transaction;
    those not in the room get the grouped email (`send_mention_digest`) after commit."""
    people = mentioned_people(message.body_markdown, room, author=author)
    addressee = _addressee(room, author=author)
    if addressee is not None and addressee.pk not in {p.pk for p in people}:
        people.append(addressee)
    if not people:
        return
    here = set(present_user_ids(room.pk))
    Mention.objects.bulk_create(
        [Mention(message=message, user=p, email_wanted=p.pk not in here) for p in people]
    )
    url = f"{room.get_absolute_url()}#msg-{message.seq}"
    for person in people:
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            if addressee is not None and person.pk == addressee.pk:
                text = _("%(author)s vous a écrit un message privé.") % {"author": author}
            else:
                text = _("%(author)s vous a mentionné·e dans « %(room)s ».") % {
                    "author": author,
                    "room": room.label_for(person),
                }
        notify([person], message=text, url=url)
    to_email = [p.pk for p in people if p.pk not in here]
    if to_email:
        transaction.on_commit(lambda: [schedule_mention_digest(pk) for pk in to_email])


def schedule_mention_digest(user_id: int) -> None:
    """Queue the digest task for a person. With a task backend that can defer (the
    database backend in production), the task runs `ROOM_MENTION_EMAIL_DELAY` seconds later
    and only one is queued per person in that window, so every mention meanwhile goes in
    one email. Without deferral (the immediate backend), it runs now and still collects
    every pending mention (several messages of one transaction give one email)."""
    from community.tasks import send_mention_digest

    delay = _limits()["ROOM_MENTION_EMAIL_DELAY"]
    if send_mention_digest.get_backend().supports_defer and delay:
        try:
            first = cache.add(f"mention-digest:{user_id}", 1, timeout=delay)
        except Exception:  # cache down: queue anyway; a second digest finds nothing left
            first = True
        if not first:
            return  # a digest is already queued and will collect this mention
        send_mention_digest.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            user_id=user_id
        )
    else:
        send_mention_digest.enqueue(user_id=user_id)


def send_mention_digest(*, user_id: int) -> int:
    """Run by the `community.tasks.send_mention_digest` task. Email a person, once, every
    mention still waiting for them, and mark them sent. Mentions read in the meantime, or of
    messages since deleted or hidden, are left out. Returns the number of mentions emailed."""
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        return 0
    with transaction.atomic():
        pending = list(
            Mention.objects.select_for_update(of=("self",))
            .filter(user=person, email_wanted=True, emailed_at__isnull=True)
            .select_related("message__room", "message__author")
            .order_by("created_at", "pk")
        )
        if not pending:
            return 0
        Mention.objects.filter(pk__in=[m.pk for m in pending]).update(emailed_at=timezone.now())
        room_ids = {m.message.room_id for m in pending}
        read = dict(
            ReadMarker.objects.filter(user=person, room_id__in=room_ids).values_list(
                "room_id", "last_read_seq"
            )
        )
        readable = set(
            access.readable_rooms(person).filter(pk__in=room_ids).values_list("pk", flat=True)
        )
        items = [
            {
                # A direct conversation is named by its author, already given.
                "room": ""
                if m.message.room.kind == Room.Kind.DIRECT
                else m.message.room.label_for(person),
                "direct": m.message.room.kind == Room.Kind.DIRECT,
                "author": str(m.message.author) if m.message.author else "",
                "text": m.message.body_markdown,
                "url": f"{m.message.room.get_absolute_url()}#msg-{m.message.seq}",
            }
            for m in pending
            if not m.message.is_gone
            and m.message.room_id in readable
            and m.message.seq > read.get(m.message.room_id, 0)
        ]
        if not items:
            return 0
        context = {
            "person": person,
            "site_url": site_url(),
            "mentions": items,
            "count": len(items),
            "only_mentions": not any(item["direct"] for item in items),
            "me_url": reverse("community:me"),
        }
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            subject = render_to_string("community/email/room_mentions_subject.txt", context)
            body = render_to_string("community/email/room_mentions_body.txt", context)
        # Sent here, inside the transaction: this already runs as a background task, and
        # should sending fail, the mentions stay pending for the next digest.
        send_email.call(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
            body=body,
            to=[person.email],
        )
    return len(items)


# --- Moderation -----------------------------------------------------------------------------


def _require_moderator(user, room) -> None:
    if not access.can_moderate_room(user, room):
        raise RoomError("forbidden", _("Seule la modération peut faire cela."))


def _hide(message: RoomMessage, *, moderator: User, reason: str = "") -> dict:
    now = timezone.now()
    message.hidden_at = now
    message.hidden_by = moderator
    message.save(update_fields=["hidden_at", "hidden_by"])
    MessageReport.objects.filter(message=message, status=MessageReport.Status.OPEN).update(
        status=MessageReport.Status.HANDLED,
        outcome=MessageReport.Outcome.HIDDEN,
        handled_by=moderator,
        handled_at=now,
    )
    ModerationLog.objects.create(
        actor=moderator,
        action=ModerationLog.Action.HIDE,
        room=message.room,
        message=message,
        target_id=message.author_id,
        detail=reason[:500],
    )
    return _updated_on_commit(message.room, message)


@transaction.atomic
def hide_message(*, moderator: User, room: Room, seq, reason: str = "") -> dict:
    """A moderator hides a message: everyone's screen updates, reports on it are closed."""
    _require_moderator(moderator, room)
    message = _message(room, seq, lock=True)
    if message.hidden_at:
        raise RoomError("invalid", _("Ce message est déjà masqué."))
    return _hide(message, moderator=moderator, reason=reason)


def report_message(*, user: User, room: Room, seq, reason: str = "") -> MessageReport:
    if not access.can_read_room(user, room):
        raise RoomError("forbidden", str(access.room_refusal(user, room)))
    message = _message(room, seq)
    if message.author_id == user.pk:
        raise RoomError("invalid", _("Vous ne pouvez pas signaler votre propre message."))
    if not ratelimit.allow(f"room-report:{user.pk}", limit=20, window=3600):
        raise RoomError("rate_limited", _("Trop de signalements : réessayez dans une heure."))
    try:
        with transaction.atomic():
            return MessageReport.objects.create(
                message=message, reporter=user, reason=(reason or "").strip()[:500]
            )
    except IntegrityError:
        raise RoomError("invalid", _("Vous avez déjà signalé ce message.")) from None


def reports_for(user):
    """Open reports this person may handle: all of them for site moderators, those of
    their organisations' rooms for organisation admins."""
    open_reports = MessageReport.objects.filter(status=MessageReport.Status.OPEN).select_related(
        "message__room", "message__author", "reporter"
    )
    if access.is_site_moderator(user):
        return open_reports.order_by("created_at")
    admin_of = Membership.objects.filter(
        user=user, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).values("organisation_id")
    return open_reports.filter(
        message__room__organisation_id__in=admin_of,
        message__room__kind__in=[Room.Kind.PAGE, Room.Kind.ORGANISATION],
    ).order_by("created_at")


@transaction.atomic
def handle_report(*, moderator: User, report_id, decision: str) -> MessageReport:
    """Hide the reported message or dismiss the report; logged either way."""
    report = (
        MessageReport.objects.select_for_update(of=("self",))
        .select_related("message__room", "message__author")
        .filter(pk=report_id)
        .first()
    )
    if report is None or not reports_for(moderator).filter(pk=report.pk).exists():
        raise RoomError("forbidden", _("Ce signalement n'existe pas ou ne vous concerne pas."))
    if report.status != MessageReport.Status.OPEN:
        raise RoomError("invalid", _("Ce signalement a déjà été traité."))
    message = report.message
    if decision == "hide":
        if message.hidden_at:
            MessageReport.objects.filter(pk=report.pk).update(
                status=MessageReport.Status.HANDLED,
                outcome=MessageReport.Outcome.HIDDEN,
                handled_by=moderator,
                handled_at=timezone.now(),
            )
        else:
            _hide(message, moderator=moderator, reason=report.reason)
    elif decision == "dismiss":
        MessageReport.objects.filter(pk=report.pk).update(
            status=MessageReport.Status.HANDLED,
            outcome=MessageReport.Outcome.DISMISSED,
            handled_by=moderator,
            handled_at=timezone.now(),
        )
        ModerationLog.objects.create(
            actor=moderator,
            action=ModerationLog.Action.DISMISS,
            room=message.room,
            message=message,
            target_id=message.author_id,
            detail=report.reason,
        )
    else:
        raise RoomError("invalid", _("Décision inconnue."))
    report.refresh_from_db()
    return report


@transaction.atomic
def sanction(
    *,
    moderator: User,
    room: Room,
    target: User,
    kind: str,
    until=None,
    reason: str = "",
    hide_messages: bool = False,
) -> RoomSanction:
    """Mute (reads, cannot write) or ban (neither) a person from a room. A ban closes their
    open connections to the room; with `hide_messages`, their messages are hidden too."""
    _require_moderator(moderator, room)
    if kind not in RoomSanction.Kind.values:
        raise RoomError("invalid", _("Mesure inconnue."))
    if target.pk == moderator.pk or access.can_moderate_room(target, room):
        raise RoomError("invalid", _("On ne peut pas sanctionner la modération d'un salon."))
    record, _created = RoomSanction.objects.update_or_create(
        room=room,
        user=target,
        kind=kind,
        defaults={"by": moderator, "until": until, "reason": (reason or "")[:300]},
    )
    ModerationLog.objects.create(
        actor=moderator,
        action=kind,
        room=room,
        target=target,
        detail=(reason or "")[:500],
    )
    if kind == RoomSanction.Kind.BAN:
        if hide_messages:
            visible = RoomMessage.objects.select_for_update(of=("self",)).filter(
                room=room, author=target, hidden_at__isnull=True, deleted_at__isnull=True
            )
            for message in visible.select_related("author", "room"):
                _hide(message, moderator=moderator, reason=reason)
        event = {"type": "room.kick", "user_id": target.pk}
        transaction.on_commit(lambda: _send_or_log(room.pk, event))
    return record


def active_sanctions(room: Room) -> list[RoomSanction]:
    """The room's sanctions still in force, newest first (one query)."""
    return list(
        RoomSanction.objects.filter(room=room)
        .filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))
        .select_related("user", "by")
        .order_by("-created_at", "-pk")
    )


@transaction.atomic
def lift_sanction(*, moderator: User, room: Room, target: User, kind: str) -> None:
    _require_moderator(moderator, room)
    deleted, _n = RoomSanction.objects.filter(room=room, user=target, kind=kind).delete()
    if not deleted:
        raise RoomError("invalid", _("Cette mesure n'existe pas."))
    ModerationLog.objects.create(
        actor=moderator, action=ModerationLog.Action.LIFT, room=room, target=target, detail=kind
    )


# --- Presence and typing (cache only) --------------------------------------------------------


def _presence_key(room_id: int) -> str:
    return f"room-presence:{room_id}"


def _live_entries(room_id: int) -> dict:
    now = time.time()
    entries = cache.get(_presence_key(room_id)) or {}
    return {conn: e for conn, e in entries.items() if e[2] > now}


def _live_entries_or_none(room_id: int) -> dict:
    """Presence as far as it can be known: nobody, when the cache is unreachable."""
    try:
        return _live_entries(room_id)
    except Exception:
        logger.warning("Room %s: presence unknown, the cache is unreachable", room_id)
        return {}


def present_people(room_id: int) -> list[dict]:
    """Who is in the room now, once each, by name."""
    people = {}
    for user_id, name, _expires in _live_entries_or_none(room_id).values():
        people[user_id] = name
    return [{"id": pk, "name": name} for pk, name in sorted(people.items(), key=lambda i: i[1])]


def present_user_ids(room_id: int) -> list[int]:
    return [p["id"] for p in present_people(room_id)]


PRESENCE_LOCK_SECONDS = 2
PRESENCE_LOCK_TRIES = 50


@contextmanager
def _presence_lock(room_id: int):
    """Serialise the read-modify-write of a room's presence entry across processes: a
    short lock taken with the cache's atomic `add` (SET NX in Redis), so two people
    leaving at the same moment cannot undo each other. If the lock cannot be had within
    about a second (a process died holding it: it expires), go on without it; the next
    refresh of each connection repairs the entry."""
    key = f"room-presence-lock:{room_id}"
    token = uuid.uuid4().hex
    held = False
    for _attempt in range(PRESENCE_LOCK_TRIES):
        if cache.add(key, token, timeout=PRESENCE_LOCK_SECONDS):
            held = True
            break
        time.sleep(0.02)
    try:
        yield
    finally:
        if held and cache.get(key) == token:
            cache.delete(key)


def join_presence(*, room_id: int, connection: str, user) -> None:
    """Note (or refresh) one connection in the room. Each entry expires after
    `ROOM_PRESENCE_TTL` seconds unless the connection refreshes it, so a crashed process
    leaves no ghost for long."""
    ttl = _limits()["ROOM_PRESENCE_TTL"]
    with _presence_lock(room_id):
        entries = _live_entries(room_id)
        entries[connection] = (user.pk, str(user), time.time() + ttl)
        cache.set(_presence_key(room_id), entries, timeout=ttl * 2)


def leave_presence(*, room_id: int, connection: str) -> None:
    with _presence_lock(room_id):
        entries = _live_entries(room_id)
        if entries.pop(connection, None) is not None:
            cache.set(_presence_key(room_id), entries, timeout=_limits()["ROOM_PRESENCE_TTL"] * 2)


def broadcast_presence(room_id: int) -> None:
    _send_now(
        room_id,
        {"type": "room.event", "payload": {"type": "presence", "online": present_people(room_id)}},
    )


def typing(*, user, room: Room, connection: str = "") -> bool:
    """Tell the others in the room that someone is typing, at most every three seconds per
    person. Never stored."""
    if not cache.add(f"room-typing:{room.pk}:{user.pk}", 1, timeout=3):
        return False
    if not access.can_write_room(user, room):
        return False
    payload = {"type": "typing", "user": person_dict(user)}
    _send_now(room.pk, {"type": "room.event", "payload": payload, "skip": connection})
    return True
