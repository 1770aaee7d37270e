"""Making rooms: thematic rooms, the room of a page, of an organisation, of two people.
Each kind of room exists once per page, organisation or pair (database constraints), so
the `ensure`/`*_room` functions are safe to call again."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from community import access as community_access
from community.models import Organisation, User
from community.services import ServiceError, limits
from community.slugs import unique_slug
from rooms.models import Room

RESERVED_SLUGS = {"moderation"}


def _room_slug(text: str) -> str:
    return unique_slug(
        text, taken=Room.objects, fallback="salon", length=90, reserved=RESERVED_SLUGS
    )


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
    community_access.require(
        community_access.can_view_person(user, other), community_access.Refusal.VIEW_PERSON
    )
    a, b = sorted([user.pk, other.pk])
    if not Room.objects.filter(kind=Room.Kind.DIRECT, user_a_id=a, user_b_id=b).exists():
        limits.check("conversation", user=user)  # opening one, not going back to it
    return direct_room(user, other)
