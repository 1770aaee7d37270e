"""A person's private calendar feed: the secret address calendar apps subscribe to."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from community.services import limits

from ..models import CalendarToken, new_token


@transaction.atomic
def renew_private_feed(*, user) -> bool:
    """Give the person a private feed address, or a new one that cuts off every calendar
    app knowing the old one. True when the feed is new (first address)."""
    limits.check("calendar", user=user)
    token, created = CalendarToken.objects.select_for_update().get_or_create(user=user)
    if not created:
        token.token = new_token()
        token.created_at = timezone.now()
        token.save(update_fields=["token", "created_at"])
    return created
