"""The calendar and the rooms of the demo (`events.yaml`, `rooms.yaml`): events published as
in the admin, registrations and messages through their services; part of
`website.demo.seeder`."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from community.indexing import indexed_once
from community.models import Region
from events.models import EventPage, OccurrenceChange, Registration
from events.recurrence import parse_rule
from events.services import registrations
from practices.models import PracticeSheetPage
from rooms.models import Mention, MessageReport, Room, RoomMessage
from rooms.services import creation, moderation, posting

from . import load

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class Activity:
    """Mixed into `Seeder`: uses its people, organisations, sheets and counters."""

    def events(self, calendar):
        """Each event published by the first admin of its first organiser (as an editor
        does in the admin: its state is recorded, its reminders scheduled, its room made),
        with the registrations in the order given; those beyond the capacity wait."""
        existing = set(EventPage.objects.child_of(calendar).values_list("slug", flat=True))
        regions = {r.slug: r for r in Region.objects.all()}
        today = timezone.localdate(timezone=zoneinfo.ZoneInfo("Europe/Brussels"))
        now = timezone.now()
        made = []
        with indexed_once():
            for spec in load("events")["events"]:
                if spec["slug"] in existing:
                    continue
                organisers = [self.organisations[slug] for slug in spec["organisers"]]
                owner = self.admins[spec["organisers"][0]]
                zone_name = spec.get("time_zone", "Europe/Brussels")
                start, end = event_dates(spec["when"], zoneinfo.ZoneInfo(zone_name), today)
                fields = ("title", "slug", "kind", "summary", "description", "rrule", "venue")
                event = EventPage(
                    **{key: spec.get(key, "") for key in (*fields, "online_url")},
                    start=start,
                    end=end,
                    time_zone=zone_name,
                    region=regions.get(spec.get("region")),
                    capacity=spec.get("capacity"),
                    registration_deadline=deadline(spec.get("registration_deadline"), start),
                    audience=spec.get("audience", EventPage.Audience.OPEN),
                    owner=owner,
                    proposed_by=owner,
                )
                event.organisers = organisers
                event.themes = [self.themes[slug] for slug in spec.get("themes", [])]
                event.related_sheets = [
                    self.sheet_pages[s] for s in spec.get("related", []) if s in self.sheet_pages
                ]
                event.occurrence_changes = occurrence_changes(spec, start, end)
                calendar.add_child(instance=event)
                event.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
                self.created["évènements publiés"] += 1
                made.append((event, spec))

        for event, spec in made:
            self.registrations(event, spec.get("registrations", []), now)

    def registrations(self, event, emails, now):
        """Through the registration service while the event takes registrations; a past
        event's are written as they stood. Dated a few days back, in the order given."""
        since, made = min(now, event.start) - dt.timedelta(days=6), []
        is_open = event.registration_open(now)
        # Registrations hold no reference to index (Wagtail would queue a task for each).
        with disable_reference_index_auto_update():
            for n, email in enumerate(emails):
                user = self.people[email]
                if is_open:
                    registration = registrations.register(user=user, event=event)
                else:
                    full = event.capacity is not None and n >= event.capacity
                    status = Registration.Status.WAITLIST if full else Registration.Status.CONFIRMED
                    registration = Registration.objects.create(
                        event=event, user=user, status=status
                    )
                registration.queued_at = since + dt.timedelta(hours=5 * n)
                made.append(registration)
                self.created["inscriptions"] += 1
        Registration.objects.bulk_update(made, ["queued_at"])

    # --- rooms ----------------------------------------------------------------------------

    def rooms(self):
        data = load("rooms")
        group, made = Group.objects.get_or_create(name=data["moderators_group"])
        group.permissions.add(Permission.objects.get(codename="moderate_rooms"))
        if not self.editor.groups.filter(pk=group.pk).exists():
            self.editor.groups.add(group)
        self.created["groupe des modérateurs"] += int(made)

        for spec in data["themes"]:
            room = Room.objects.filter(slug=spec["slug"]).first()
            if room is None:
                room = creation.create_theme_room(
                    title=spec["title"], description=spec["description"], slug=spec["slug"]
                )
                self.created["salons thématiques"] += 1
            self.history(room, spec["messages"])
        # Publication makes a sheet's room; this catches a database seeded before rooms.
        with_room = Room.objects.filter(kind=Room.Kind.PAGE).values_list("page_id", flat=True)
        for sheet in PracticeSheetPage.objects.live().exclude(pk__in=list(with_room)):
            creation.ensure_page_room(sheet)
            self.created["salons de fiches"] += 1
        for spec in data["sheets"]:
            room = Room.objects.filter(kind=Room.Kind.PAGE, page__slug=spec["sheet"]).first()
            if room is not None:
                self.history(room, spec["messages"])
        for spec in data["organisations"]:
            organisation = self.organisations[spec["organisation"]]
            existed = Room.objects.filter(kind=Room.Kind.ORGANISATION, organisation=organisation)
            self.created["salons d'organisation"] += int(not existed.exists())
            self.history(creation.organisation_room(organisation), spec["messages"])
        for spec in data["conversations"]:
            first, second = (self.people[email] for email in spec["between"])
            room = creation.direct_room(first, second)
            if self.history(room, spec["messages"]):
                # Each message notified the other person in the site; old news by email.
                Mention.objects.filter(message__room=room).update(email_wanted=False)
        for spec in data["reports"]:
            message = RoomMessage.objects.filter(room__slug=spec["room"], seq=spec["message"])
            message = message.select_related("room").first()
            reporter = self.people[spec["reporter"]]
            if message and not MessageReport.objects.filter(message=message, reporter=reporter):
                moderation.report_message(
                    user=reporter, room=message.room, seq=message.seq, reason=spec["reason"]
                )
                self.created["signalements"] += 1

    def history(self, room, messages):
        """A room's messages, posted once while it is still empty, then dated back."""
        if room.last_seq or not messages:
            return False
        now, posted = timezone.now(), []
        for spec in messages:
            message = posting.post_message(
                user=self.people[spec["author"]],
                room=room,
                body=spec["text"],
                client_id=uuid.uuid4(),
            ).message
            message.created_at = now - dt.timedelta(minutes=spec["minutes_ago"])
            posted.append(message)
            self.created["messages des salons"] += 1
        RoomMessage.objects.bulk_update(posted, ["created_at"])
        return True


# --- Event dates, counted from today --------------------------------------------------------


def event_dates(when: dict, zone, today: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """`when` of events.yaml: the first `weekday` on or after `from_today` days from today
    or, with `nth`, the first n-th `weekday` of a month strictly after that day; from
    `start` to `end` (hh:mm) in the event's time zone."""
    weekday = WEEKDAYS.index(when["weekday"])
    after = today + dt.timedelta(days=when["from_today"])
    if "nth" in when:
        year, month = after.year, after.month
        while True:
            first = dt.date(year, month, 1)
            day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
            day += dt.timedelta(weeks=when["nth"] - 1)
            if day > after:
                break
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        day = after + dt.timedelta(days=(weekday - after.weekday()) % 7)

    def at(text):
        return dt.datetime.combine(day, dt.time.fromisoformat(text), tzinfo=zone)

    return at(when["start"]), at(when["end"])


def deadline(spec: dict | None, start: dt.datetime) -> dt.datetime | None:
    """`registration_deadline`: `days_before` the (first) date, at `at` (hh:mm)."""
    if not spec:
        return None
    day = start.date() - dt.timedelta(days=spec["days_before"])
    return dt.datetime.combine(day, dt.time.fromisoformat(spec["at"]), tzinfo=start.tzinfo)


def occurrence_changes(spec: dict, start: dt.datetime, end: dt.datetime) -> list:
    """`changes`: the n-th `date` of the series cancelled, or moved by `moved_by_days`."""
    if not spec.get("changes"):
        return []
    dates = list(parse_rule(spec["rrule"], start, start.tzinfo))
    changes = []
    for n, change in enumerate(spec["changes"]):
        original = dates[change["date"] - 1]
        values = {"original_start": original, "note": change["note"]}
        if change.get("cancelled"):
            values["cancelled"] = True
        else:
            new_start = original + dt.timedelta(days=change["moved_by_days"])
            values |= {"new_start": new_start, "new_end": new_start + (end - start)}
        changes.append(OccurrenceChange(sort_order=n, **values))
    return changes
