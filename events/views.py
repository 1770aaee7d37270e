"""The calendar's Django views: the feeds (the whole calendar's, an organisation's, a
person's private one), the private feed's address and the widget. Thin: they check access,
call a service and answer.

The calendar and the event pages are Wagtail pages (`CalendarPage`, `EventPage`): their
context comes from `get_context` (`listing.calendar_listing`, `reading.event_context`) and
their sub-addresses (announcing, registering, managing an event, its `event.ics`) are
routes of the pages (`routes.py`).
"""

from __future__ import annotations

import datetime as dt

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_POST

from community.forms import labelled_errors
from community.http import conditional
from community.models import Organisation
from community.public import absolute_url
from community.refusals import show_refusal
from community.services import ServiceError

from . import ical
from .listing import CalendarFilterForm, filtered_events, next_dates
from .models import CalendarToken, EventPage, Registration
from .services import feeds

FEED_PAST = dt.timedelta(days=180)
WIDGET_SIZE = 8


# --- iCalendar ----------------------------------------------------------------------------


def _feed_events(events):
    """Live events still relevant for a calendar app: not ended more than six months ago,
    or a series (which may still have dates)."""
    since = timezone.now() - FEED_PAST
    return events.filter(Q(end__gte=since) | ~Q(rrule="")).order_by("start", "pk")


def calendar_feed(request):
    form = CalendarFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        # A calendar app cannot show a message: refuse plainly rather than guess.
        problems = "; ".join(f"{label}: {message}" for label, message in labelled_errors(form))
        return HttpResponse(problems, status=400, content_type="text/plain; charset=utf-8")
    values = form.cleaned_or_default() if request.GET else {}
    events = list(_feed_events(filtered_events(values)))
    return ical.ics_response(request, ical.calendar(events, name=_("Agenda Relais")), "relais.ics")


def organisation_feed(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    events = list(_feed_events(filtered_events({"organiser": organisation})))
    name = _("%(name)s — agenda Relais") % {"name": organisation.name}
    return ical.ics_response(request, ical.calendar(events, name=name), f"{organisation.slug}.ics")


def private_feed(request, token):
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise Http404
    events = list(
        _feed_events(
            EventPage.objects.live()
            .filter(
                registrations__user=found.user,
                registrations__status=Registration.Status.CONFIRMED,
            )
            .select_related("state")
            .prefetch_related("occurrence_changes")
        )
    )
    name = _("Mes évènements Relais")
    return ical.ics_response(
        request,
        ical.calendar(events, name=name, with_link=True),
        "mes-evenements.ics",
        private=True,
    )


@login_required
@require_POST
def regenerate_token(request):
    try:
        created = feeds.renew_private_feed(user=request.user)
    except ServiceError as error:
        show_refusal(request, error)
        return redirect(reverse("community:me"))
    if created:
        messages.success(
            request,
            _(
                "Votre agenda personnel est prêt : copiez son adresse dans votre application "
                "d'agenda."
            ),
        )
    else:
        messages.success(request, _("Nouvelle adresse créée : l'ancienne ne fonctionne plus."))
    return redirect(reverse("community:me") + "#mes-evenements")


# --- Widget -------------------------------------------------------------------------------


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def widget(request):
    """An iframe-able list of upcoming dates, e.g. of one federation, for other sites."""
    form = CalendarFilterForm(request.GET or None)
    valid = not request.GET or form.is_valid()
    values = form.cleaned_or_default() if request.GET else {}
    found = next_dates(values, count=WIDGET_SIZE)
    response = render(
        request,
        "events/widget.html",
        {
            "occurrences": found,
            "errors": labelled_errors(form) if not valid else [],
            "calendar_url": absolute_url("/agenda/"),
        },
    )
    # Other sites embed it: their visitors' browsers revalidate instead of downloading.
    return conditional(request, response)
