"""Entry points of the calendar: thin, they check access, call a service and answer.

The calendar and the event pages themselves are Wagtail pages (`CalendarPage`,
`EventPage`); their context comes from `listing.calendar_listing` and `event_context`.
"""

from __future__ import annotations

import csv
import datetime as dt
from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_POST

from community import access
from community.forms import labelled_errors
from community.http import conditional, ical_etag_source
from community.models import Organisation
from community.public import absolute_url
from community.refusals import show_refusal
from community.services import ServiceError
from community.text import plain_text

from . import ical
from .forms import EventForm
from .listing import CalendarFilterForm, filtered_events, next_dates
from .models import CalendarToken, EventPage, Registration
from .recurrence import next_occurrence, occurrences
from .services import feeds, publishing, registrations

UPCOMING_DATES = 12
FEED_PAST = dt.timedelta(days=180)
WIDGET_SIZE = 8


def live_event(slug: str) -> EventPage:
    event = (
        EventPage.objects.live()
        .filter(slug=slug)
        .select_related("region", "state")
        .prefetch_related("occurrence_changes", "organisers")
        .first()
    )
    if event is None:
        raise Http404
    return event


def _back(request, event, anchor="inscription"):
    return redirect(f"{event.public_path}#{anchor}")


def _signin(request, event):
    messages.info(request, _("Connectez-vous pour vous inscrire."))
    return redirect(f"{reverse('account_login')}?{urlencode({'next': event.public_path})}")


# --- The event page ---------------------------------------------------------------------


def json_ld(event: EventPage, occurrence, request) -> dict:
    """schema.org Event of the next date (or the first one)."""
    start = occurrence.start if occurrence else event.start
    end = occurrence.end if occurrence else event.end
    if event.venue and event.online_url:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif event.online_url:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    location = []
    if event.venue:
        location.append(
            {
                "@type": "Place",
                "name": " ".join(event.venue.split()),
                "address": " ".join(event.venue.split()),
            }
        )
    if event.online_url:
        location.append({"@type": "VirtualLocation", "url": absolute_url(event.public_path)})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or Truncator(plain_text(event.description)).chars(500),
        "startDate": start.astimezone(event.zone).isoformat(),
        "endDate": end.astimezone(event.zone).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else (
            "https://schema.org/EventRescheduled"
            if occurrence and occurrence.moved
            else "https://schema.org/EventScheduled"
        ),
        "eventAttendanceMode": mode,
        "location": location[0] if len(location) == 1 else location,
        "organizer": [
            {"@type": "Organization", "name": o.name, "url": absolute_url(o.get_absolute_url())}
            for o in event.organisers.all()
        ],
        "url": absolute_url(event.public_path),
        "isAccessibleForFree": True,
    }
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data


def event_context(request, event: EventPage) -> dict:
    user = request.user
    now = timezone.now()
    dates = occurrences(event, after=now)
    upcoming = dates[:UPCOMING_DATES]
    following = next_occurrence(event, now)
    confirmed = registrations.confirmed_count(event)
    mine = None
    position = None
    if user.is_authenticated:
        mine = (
            Registration.objects.filter(event=event, user=user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if mine is not None:
            position = registrations.waitlist_position(mine)
    manage = access.can_manage_event(user, event)
    confirmed_mine = mine is not None and mine.status == Registration.Status.CONFIRMED
    return {
        "event": event,
        "upcoming_dates": upcoming,
        "more_dates": max(len(dates) - UPCOMING_DATES, 0),
        "next_date": following,
        "past": following is None,
        "confirmed_count": confirmed,
        "places_left": (max(event.capacity - confirmed, 0) if event.capacity else None),
        "registration": mine,
        "waitlist_position": position,
        "registration_open": event.registration_open(now),
        "in_audience": access.in_event_audience(user, event) if user.is_authenticated else None,
        "can_manage": manage,
        "show_link": bool(event.online_url) and (confirmed_mine or manage),
        "organisers": list(event.organisers.all()),
        "themes": list(event.themes.all()),
        "related_sheets": list(event.related_sheets.live().select_related("organisation")),
        "json_ld": json_ld(event, following, request),
    }


# --- Registration -------------------------------------------------------------------------


@require_POST
def register(request, slug):
    event = live_event(slug)
    if not request.user.is_authenticated:
        return _signin(request, event)
    if not access.can_register(request.user, event):
        messages.error(request, access.Refusal.REGISTER)
        return _back(request, event)
    try:
        registration = registrations.register(user=request.user, event=event)
    except ServiceError as error:
        show_refusal(request, error)
        return _back(request, event)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(
            request,
            _("Vous êtes inscrit·e. La confirmation, avec le fichier d'agenda, part par email."),
        )
    else:
        messages.success(
            request,
            _(
                "C'est complet : vous êtes sur la liste d'attente. Vous recevrez un email si "
                "une place se libère."
            ),
        )
    return _back(request, event)


@require_POST
def unregister(request, slug):
    event = live_event(slug)
    if not request.user.is_authenticated:
        return _signin(request, event)
    if registrations.cancel(user=request.user, event=event) is None:
        messages.info(request, _("Vous n'étiez pas inscrit·e : rien n'a changé."))
    else:
        messages.success(request, _("Votre inscription est annulée."))
    return _back(request, event)


@login_required
def registration_list(request, slug):
    event = live_event(slug)
    access.require(access.can_manage_event(request.user, event), access.Refusal.MANAGE_EVENT)
    rows = list(
        Registration.objects.filter(event=event)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .prefetch_related("user__memberships__organisation")
        .order_by("status", "queued_at", "pk")
    )
    return render(
        request,
        "events/registration_list.html",
        {
            "event": event,
            "confirmed": [r for r in rows if r.status == Registration.Status.CONFIRMED],
            "waiting": [r for r in rows if r.status == Registration.Status.WAITLIST],
        },
    )


def _safe_cell(text: str) -> str:
    """Text people typed (names, addresses, organisation names) that a spreadsheet would
    run as a formula gets a leading quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _organisations_of(user) -> str:
    return ", ".join(m.organisation.name for m in user.memberships.all() if m.status == "active")


@login_required
def registration_csv(request, slug):
    event = live_event(slug)
    access.require(access.can_manage_event(request.user, event), access.Refusal.MANAGE_EVENT)
    rows = (
        Registration.objects.filter(event=event)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .prefetch_related("user__memberships__organisation")
        .order_by("status", "queued_at", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{event.slug}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow([_("Nom"), _("Email"), _("Organisations"), _("Statut"), _("Depuis le")])
    zone = timezone.get_current_timezone()
    for registration in rows:
        writer.writerow(
            [
                _safe_cell(registration.user.display_name),
                _safe_cell(registration.user.email),
                _safe_cell(_organisations_of(registration.user)),
                registration.get_status_display(),
                registration.queued_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


# --- Announcing and changing --------------------------------------------------------------


def _field_errors(form) -> list:
    """The summary at the top lists field errors; errors of the whole form are shown once,
    by the form itself."""
    return (
        [(label, message) for label, message in labelled_errors(form) if label]
        if form.is_bound
        else []
    )


@login_required
def announce(request):
    user = request.user
    if not access.can_propose_event(user):
        return render(request, "events/announce_not_member.html", status=403)
    form = EventForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            event, published = publishing.announce(user=user, **form.event_values())
        except ServiceError as error:
            show_refusal(request, error, form=form)
        else:
            if published:
                messages.success(request, _("Votre évènement est publié dans l'agenda."))
                return redirect(event.public_path)
            messages.success(
                request,
                _(
                    "Merci ! Votre proposition est envoyée à l'équipe éditoriale, qui la "
                    "publiera après relecture."
                ),
            )
            return redirect(reverse("community:me"))
    return render(
        request,
        "events/announce.html",
        {
            "form": form,
            "errors": _field_errors(form),
            "federations": list(access.announcing_federations(user)),
        },
    )


@login_required
def edit(request, slug):
    event = live_event(slug)
    access.require(access.can_manage_event(request.user, event), access.Refusal.MANAGE_EVENT)
    # The form shows (and keeps what is unchanged of) the latest version, which a change
    # waiting for the editors may hold, not only what is online.
    latest = event.get_latest_revision_as_object() if event.has_unpublished_changes else event
    form = EventForm(request.POST or None, user=request.user, event=latest)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = publishing.update(user=request.user, event=event, **form.event_values())
        except ServiceError as error:
            show_refusal(request, error)
            return redirect(event.public_path)
        if outcome == publishing.UNCHANGED:
            messages.info(request, _("Rien n'a changé : l'évènement reste tel quel."))
        elif outcome == publishing.PUBLISHED:
            messages.success(
                request,
                _(
                    "L'évènement est mis à jour ; les personnes inscrites sont prévenues si "
                    "l'heure ou le lieu ont changé."
                ),
            )
        else:
            messages.success(request, _("Votre modification est envoyée à l'équipe éditoriale."))
        return redirect(event.public_path)
    return render(
        request,
        "events/announce.html",
        {"form": form, "errors": _field_errors(form), "event": event},
    )


@login_required
@require_POST
def cancel_event(request, slug):
    event = live_event(slug)
    access.require(access.can_manage_event(request.user, event), access.Refusal.MANAGE_EVENT)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Cochez la case de confirmation pour annuler l'évènement."))
        return _back(request, event, "gerer")
    try:
        publishing.cancel_event(user=request.user, event=event)
    except ServiceError as error:
        show_refusal(request, error)
        return _back(request, event, "gerer")
    messages.success(request, _("L'évènement est annulé ; les personnes inscrites sont prévenues."))
    return _back(request, event, "gerer")


@login_required
@require_POST
def cancel_date(request, slug):
    event = live_event(slug)
    access.require(access.can_manage_event(request.user, event), access.Refusal.MANAGE_EVENT)
    wanted = request.POST.get("date", "")
    match = [o for o in occurrences(event, after=timezone.now()) if o.key == wanted]
    if not event.is_series or not match or match[0].cancelled:
        messages.error(request, _("Cette date n'existe pas ou est déjà annulée."))
        return _back(request, event, "dates")
    try:
        publishing.cancel_date(
            user=request.user, event=event, original_start=match[0].original_start
        )
    except ServiceError as error:
        show_refusal(request, error)
        return _back(request, event, "dates")
    messages.success(request, _("Cette date est annulée ; les personnes inscrites sont prévenues."))
    return _back(request, event, "dates")


# --- iCalendar ----------------------------------------------------------------------------


def _ics(request, content: bytes, filename: str, *, private=False) -> HttpResponse:
    """A calendar file, 304 when the app's copy is current (`community.http`)."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=300"
    return conditional(request, response, etag_source=ical_etag_source(content))


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
    return _ics(request, ical.calendar(events, name=_("Agenda Relais")), "relais.ics")


def event_ics(request, slug):
    event = live_event(slug)
    mine = request.user.is_authenticated and (
        access.can_manage_event(request.user, event)
        or Registration.objects.filter(
            event=event, user=request.user, status=Registration.Status.CONFIRMED
        ).exists()
    )
    return _ics(
        request,
        ical.event_file(event, with_link=mine),
        f"{event.slug}.ics",
        private=mine,
    )


def organisation_feed(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    events = list(_feed_events(filtered_events({"organiser": organisation})))
    name = _("%(name)s — agenda Relais") % {"name": organisation.name}
    return _ics(request, ical.calendar(events, name=name), f"{organisation.slug}.ics")


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
    return _ics(
        request,
        ical.calendar(events, name=name, with_link=True),
        "mes-evenements.ics",
        private=True,
    )


@login_required
@require_POST
def regenerate_token(request):
    if feeds.renew_private_feed(user=request.user):
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
