"""The mention digest: one email per person for all their pending mentions, run by the
`rooms.tasks.send_mention_digest` background task."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from community.models import User
from community.public import site_url
from community.tasks import send_email
from rooms import access
from rooms.models import Mention, ReadMarker, Room


def send_mention_digest(*, user_id: int) -> int:
    """Run by the `rooms.tasks.send_mention_digest` task. Email a person, once, every
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
            subject = render_to_string("rooms/email/mentions_subject.txt", context)
            body = render_to_string("rooms/email/mentions_body.txt", context)
        # Sent here, inside the transaction: this already runs as a background task, and
        # should sending fail, the mentions stay pending for the next digest.
        send_email.call(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
            body=body,
            to=[person.email],
        )
    return len(items)
