"""The home page of a signed-in member: what is new *for them* since their last visit.

`HomePage.get_context` calls `member_home` for a signed-in person (visitors get the
page's own context: what Relais is, the latest sheets, stories and dates). Each section is
a short list and its total (a window count on the rows: one query), and every query runs
whatever the person's history: the page costs the same number of queries for a newcomer
and for a member of ten organisations with a hundred registrations
(tests/website/test_home_member.py pins it). The person's organisations, themes and
federations are subqueries of each section's query, not lists read first, so an empty
one costs nothing more and nothing less.

- **To decide** (admins only): requests to join the organisations they manage, requests of
  affiliation to the federations they manage.
- **Mentions and messages**: unread notifications of mentions, direct messages and replies.
- **Rooms**: rooms with unread messages (`rooms.services.listing.unread_rooms`).
- **Sheets**: live sheets in their themes (`User.interests`) or their organisations'
  sectors, their own organisations' left out (they know them), newest first.
- **My dates**: the next dates of the events they registered for or wait for.
- **My federations**: the federations of their organisations (member or affiliated): their
  next dates, and their news (their sheets, stories by their people).
- **Programmes**: calls with a deadline that one of their organisations may apply for
  (`programmes.eligibility`), soonest first.

"New" is what appeared after `website.services.record_home_visit`'s moment.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Affiliation, Membership, Notification, Organisation, Sector, User
from community.translations import reader_language
from events import dates
from events.models import EventDate, EventPage, Registration
from practices.models import PracticeSheetPage
from programmes import eligibility
from programmes.models import ProgrammePage
from rooms.services.listing import unread_rooms
from stories.models import StoryPage, StoryTranslation

from .services import record_home_visit

# Items per section; the federations' dates and news are two lists of one section.
LIMIT = 5
FEDERATION_LIMIT = 3
# How far ahead the federations' dates are looked for (the visitors' home looks as far).
FEDERATION_DATES_WITHIN = dt.timedelta(days=120)
CONVERSATION_KINDS = [Notification.Kind.MENTION, Notification.Kind.DIRECT, Notification.Kind.REPLY]
ATTENDING = [Registration.Status.CONFIRMED, Registration.Status.WAITLIST]


def _total():
    """The number of rows the query finds before its LIMIT, on each row: a list and its
    total in one query."""
    return Window(Count("pk"))


def _count(rows) -> int:
    return rows[0].total if rows else 0


def member_home(request) -> dict:
    user = request.user
    since = record_home_visit(user=user)
    now = timezone.now()
    memberships = list(
        Membership.objects.of_user(user)
        .active()
        .select_related("organisation")
        .order_by("organisation__name")
    )
    organisations = [membership.organisation for membership in memberships]
    mine = Membership.objects.of_user(user).active().values("organisation_id")
    managed = Membership.objects.of_user(user).admins().values("organisation_id")
    federations = Organisation.objects.federations().filter(
        Q(pk__in=mine)
        | Q(
            pk__in=Affiliation.objects.filter(
                organisation__in=mine, status=Affiliation.Status.ACTIVE
            ).values("federation_id")
        )
    )
    return {
        "member_home": True,
        "since": since.moment,
        "first_visit": since.first,
        "organisations": organisations,
        "requests": _requests(managed, since.moment),
        "is_admin": any(m.role == Membership.Role.ADMIN for m in memberships),
        "conversations": _conversations(user),
        "rooms": _rooms(user),
        "sheets": _sheets(user, mine, since.moment),
        "my_dates": _my_dates(user, now),
        "my_federations": _federations(federations, since.moment, now),
        "programmes": _programmes(organisations),
    }


def _requests(managed, since) -> dict:
    """Requests to join the organisations this person manages, and of affiliation to the
    federations they manage, oldest first (they have waited longest). Two queries."""
    memberships = list(
        Membership.objects.filter(organisation__in=managed)
        .pending()
        .select_related("user", "organisation")
        .annotate(total=_total())
        .order_by("created_at", "pk")[:LIMIT]
    )
    affiliations = list(
        Affiliation.objects.filter(federation__in=managed, status=Affiliation.Status.PENDING)
        .select_related("organisation", "federation")
        .annotate(total=_total())
        .order_by("created_at", "pk")[:LIMIT]
    )
    for row in [*memberships, *affiliations]:
        row.is_new = row.created_at > since
    return {
        "memberships": memberships,
        "affiliations": affiliations,
        "total": _count(memberships) + _count(affiliations),
    }


def _conversations(user) -> dict:
    """Unread mentions, direct messages and replies, newest first. One query."""
    rows = list(
        Notification.objects.filter(user=user, kind__in=CONVERSATION_KINDS, read_at__isnull=True)
        .annotate(total=_total())
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    return {"items": rows, "total": _count(rows)}


def _rooms(user) -> list:
    """Rooms with unread messages, most unread first, each named as this person sees it.
    One query."""
    rooms = unread_rooms(user, LIMIT)
    for room in rooms:
        room.label = room.label_for(user)
    return rooms


def _sheets(user, mine, since) -> dict:
    """Live sheets in the person's themes or their organisations' sectors, not their own
    organisations', newest first, with how many appeared since their last visit; and those
    themes and sectors, to say why. Three queries."""
    themes = list(user.interests.all())
    my_sectors = Organisation.sectors.through.objects.filter(organisation_id__in=mine)
    sectors = list(Sector.objects.filter(pk__in=my_sectors.values("sector_id")))
    interests = User.interests.through.objects.filter(user_id=user.pk)
    concerned = PracticeSheetPage.objects.filter(
        Q(themes__in=interests.values("theme_id")) | Q(sectors__in=my_sectors.values("sector_id"))
    )
    rows = list(
        PracticeSheetPage.objects.live()
        .filter(pk__in=concerned.values("pk"))
        .exclude(organisation__in=mine)
        .select_related("organisation")
        .annotate(
            total=_total(),
            new_total=Window(Count("pk", filter=Q(first_published_at__gt=since))),
        )
        .order_by("-first_published_at", "-pk")[:LIMIT]
    )
    for sheet in rows:
        sheet.is_new = sheet.first_published_at > since
    return {
        "items": rows,
        "total": _count(rows),
        "new_total": rows[0].new_total if rows else 0,
        "themes": themes,
        "sectors": sectors,
    }


def _dates(rows, limit: int) -> list[EventDate]:
    return list(rows.select_related("event").order_by("start", "pk")[:limit])


def _my_dates(user, now) -> dict:
    """The next dates of the live events this person is registered for or waits for,
    cancelled ones included (they need to know), each with their registration's status.
    One query."""
    dates.keep_fresh()
    attending = Registration.objects.filter(user=user, status__in=ATTENDING)
    status = attending.filter(event_id=OuterRef("event_id")).values("status")[:1]
    rows = _dates(
        EventDate.objects.filter(
            event__in=attending.values("event_id"), event__live=True, end__gt=now
        ).annotate(total=_total(), my_status=Subquery(status)),
        LIMIT,
    )
    return {"items": rows, "total": _count(rows)}


def _federations(federations, since, now) -> dict:
    """The person's federations, their next dates (none cancelled) and their news: their
    sheets and the stories written by their people, newest first. Four queries."""
    organised = EventPage.objects.live().filter(organisers__in=federations.values("pk"))
    date_rows = _dates(
        EventDate.objects.filter(
            event__in=organised.values("pk"),
            end__gt=now,
            start__lt=now + FEDERATION_DATES_WITHIN,
            cancelled=False,
        ),
        FEDERATION_LIMIT,
    )
    sheets = list(
        PracticeSheetPage.objects.live()
        .filter(organisation__in=federations.values("pk"))
        .select_related("organisation")
        .order_by("-first_published_at", "-pk")[:FEDERATION_LIMIT]
    )
    by_them = StoryPage.objects.filter(authors__organisation__in=federations.values("pk"))
    stories = _stories(by_them.values("pk"), FEDERATION_LIMIT)
    news = [
        {
            "page": sheet,
            "title": sheet.title,
            "translated": False,
            "kind": _("Fiche"),
            "by": sheet.organisation.name if sheet.organisation else "",
        }
        for sheet in sheets
    ] + [
        {
            "page": story,
            "title": story.shown_title or story.title,
            "translated": bool(story.shown_title),
            "kind": _("Récit"),
            "by": "",
        }
        for story in stories
    ]
    for item in news:
        item["published"] = item["page"].first_published_at
        item["is_new"] = item["published"] > since
    news.sort(key=lambda item: item["published"], reverse=True)
    return {
        "organisations": list(federations.order_by("name")),
        "dates": date_rows,
        "news": news[:FEDERATION_LIMIT],
    }


def _stories(among, count: int) -> list[StoryPage]:
    """The newest live stories `among` these, each with `shown_title` and `shown_lead` in
    the reader's language (None: show the French). One query, stories or not (a prefetch
    of the translations would cost one more when there are some)."""
    translation = StoryTranslation.objects.filter(story=OuterRef("pk"), language=reader_language())
    return list(
        StoryPage.objects.live()
        .filter(pk__in=among)
        .annotate(
            shown_title=Subquery(translation.values("title")[:1]),
            shown_lead=Subquery(translation.values("lead")[:1]),
        )
        .order_by("-first_published_at", "-pk")[:count]
    )


def latest_stories(*, count: int) -> list[StoryPage]:
    """The visitors' home: the newest stories."""
    return _stories(StoryPage.objects.live().values("pk"), count)


def _programmes(organisations) -> dict:
    """Calls with a deadline, not closed, that one of the person's organisations may apply
    for, soonest deadline first, each with those organisations. Three queries (the
    programmes, their regions and translations), whatever the number of organisations."""
    today = ProgrammePage.today()
    programmes = eligibility.current_programmes().filter(open_all_year=False)
    rows = []
    for programme in programmes.exclude(deadline=None).order_by(F("deadline").asc(), "title"):
        fitting = [o for o in organisations if not eligibility.reasons(programme, o, today)]
        if fitting:
            rows.append({"programme": programme, "organisations": fitting})
    return {"items": rows[:LIMIT], "total": len(rows)}
