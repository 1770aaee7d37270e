"""The programmes' deadlines as an iCalendar feed (`/soutiens/echeances.ics`), built with
the `icalendar` library: one all-day VEVENT per live programme with a closing date, from a
year ago on, with a UID that never changes (the page's translation key) and a SEQUENCE
that follows the deadline (a new call is a new date, which calendar apps take)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from community.http import conditional, ical_etag_source
from community.public import absolute_url
from community.text import one_line

from .models import ProgrammePage

PRODID = "-//Relais//Soutiens//FR"


def deadline_events():
    since = ProgrammePage.today() - dt.timedelta(days=366)
    return (
        ProgrammePage.objects.live()
        .filter(open_all_year=False, deadline__gte=since)
        .order_by("deadline", "title")
    )


def _vevent(programme: ProgrammePage, stamp) -> Event:
    vevent = Event()
    vevent.add("uid", f"deadline-{programme.translation_key}@relais")
    vevent.add("dtstamp", stamp)
    # The days since 2000 of the deadline: a later call always has a higher SEQUENCE.
    vevent.add("sequence", (programme.deadline - dt.date(2000, 1, 1)).days)
    vevent.add("summary", one_line(_("Clôture : %(title)s") % {"title": programme.title}))
    vevent.add("dtstart", programme.deadline)
    vevent.add("dtend", programme.deadline + dt.timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")
    url = absolute_url(programme.url or "")
    lines = [programme.summary, programme.provider]
    if programme.amount:
        lines.append(programme.amount)
    lines.append(url)
    vevent.add("description", "\n\n".join(line for line in lines if line))
    vevent.add("url", url)
    vevent.add("categories", [programme.kind_label])
    return vevent


def deadlines_calendar(programmes) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(_("Relais : échéances des soutiens")))
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for programme in programmes:
        cal.add_component(_vevent(programme, stamp))
    return cal.to_ical()


def deadlines_response(request, *, index) -> HttpResponse:
    content = deadlines_calendar(deadline_events())
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="echeances-soutiens.ics"'
    response["Cache-Control"] = "public, max-age=300"
    return conditional(request, response, etag_source=ical_etag_source(content))
