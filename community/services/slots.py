"""When a person's digests are due: the day and hour they chose, in their own time zone.

A slot is a wall-clock time (08:00 on Mondays) made an instant in the person's zone on
each date, so it stays 08:00 across daylight-saving changes; an hour the clocks skip is
taken at the same offset as the hour before (02:00 → 03:00 summer time), an hour that
happens twice at its first occurrence. Pure functions."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings as django_settings

from community.models.notifications import Channel, NotificationSettings


def zone_of(person_settings: NotificationSettings) -> ZoneInfo:
    name = getattr(person_settings.user, "time_zone", "") or django_settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(django_settings.TIME_ZONE)


def _at(day: dt.date, hour: int, zone: ZoneInfo) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(hour), tzinfo=zone)
    return local.astimezone(dt.UTC)


def last_slots(person_settings: NotificationSettings, now: dt.datetime):
    """(the latest daily slot, the latest weekly slot) at or before `now`, in UTC."""
    zone = zone_of(person_settings)
    today = now.astimezone(zone).date()
    hour = person_settings.digest_hour
    daily = _at(today, hour, zone)
    if daily > now:
        daily = _at(today - dt.timedelta(days=1), hour, zone)
    back = (today.weekday() - person_settings.digest_weekday) % 7
    weekly = _at(today - dt.timedelta(days=back), hour, zone)
    if weekly > now:
        weekly = _at(today - dt.timedelta(days=back + 7), hour, zone)
    return daily, weekly


def next_slot(person_settings: NotificationSettings, now: dt.datetime) -> dt.datetime | None:
    """The next instant a digest of this person is due, or None if they have no digest."""
    channels = set(person_settings.all_channels().values())
    zone = zone_of(person_settings)
    today = now.astimezone(zone).date()
    hour = person_settings.digest_hour
    candidates = []
    if Channel.DAILY in channels:
        day = next(
            today + dt.timedelta(days=n)
            for n in range(3)
            if _at(today + dt.timedelta(days=n), hour, zone) > now
        )
        candidates.append(_at(day, hour, zone))
    if Channel.WEEKLY in channels:
        ahead = (person_settings.digest_weekday - today.weekday()) % 7
        weekly = _at(today + dt.timedelta(days=ahead), hour, zone)
        if weekly <= now:
            weekly = _at(today + dt.timedelta(days=ahead + 7), hour, zone)
        candidates.append(weekly)
    return min(candidates) if candidates else None
