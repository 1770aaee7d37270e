"""The only writers of the support pages' rows: following a programme, and telling its
followers of a new call when an editor publishes one."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from community.models import Notification
from community.public import absolute_url
from community.services import limits
from community.services.notifications import Email, notify

from .models import ProgrammeFollow, ProgrammePage


def follow(*, user, programme: ProgrammePage) -> bool:
    """True if they were not following it yet. The call on the page is known to them."""
    if ProgrammeFollow.objects.filter(user=user, programme=programme).exists():
        return False
    limits.check("follow", user=user)
    known = None if programme.open_all_year else programme.deadline
    _follow, created = ProgrammeFollow.objects.get_or_create(
        user=user, programme=programme, defaults={"known_deadline": known}
    )
    return created


def unfollow(*, user, programme: ProgrammePage) -> None:
    ProgrammeFollow.objects.filter(user=user, programme=programme).delete()


def is_following(user, programme: ProgrammePage) -> bool:
    return (
        user.is_authenticated
        and ProgrammeFollow.objects.filter(user=user, programme=programme).exists()
    )


@transaction.atomic
def announce_call(programme: ProgrammePage) -> int:
    """After a publication: tell each follower who does not know of the programme's call
    yet (email and notification), once; a call already over is told to nobody. Returns
    how many were told."""
    page = programme
    if page.open_all_year or page.deadline is None or page.deadline < page.today():
        return 0
    follows = list(
        page.follows.select_for_update(of=("self",))
        .exclude(known_deadline=page.deadline)
        .select_related("user")
    )
    if not follows:
        return 0
    ProgrammeFollow.objects.filter(pk__in=[f.pk for f in follows]).update(
        known_deadline=page.deadline
    )
    people = [f.user for f in follows]
    url = absolute_url(page.get_url() or "")
    notify(
        people,
        kind=Notification.Kind.PROGRAMME,
        message=lambda person: _("Nouvel appel : %(title)s, jusqu'au %(date)s")
        % {"title": page.title, "date": page.deadline.strftime("%d/%m/%Y")},
        url=page.get_url() or "",
        about=(f"page:{page.pk}", page.title),
        email=Email("programmes/emails/call", {"programme": page, "url": url}),
    )
    return len(people)
