"""The sub-addresses of the calendar's pages, as Wagtail routes (`community.pages`).

- `EventRoutes`, mixed into `EventPage`: under `/agenda/<slug>/`, registering and
  unregistering, the registrations (page and CSV) and, for its organisers, changing and
  cancelling the event or one date; its iCalendar file, `event.ics`;
- `CalendarRoutes`, mixed into `CalendarPage`: the announce form, `/agenda/annoncer/`.

Routes are entry points: they check access, parse a form and call one service function
(`services.registrations`, `services.publishing`); nothing here writes to the database
itself. Routes answer only on live pages (`RoutablePageMixin.route`), so an event that is
not online has none. The services and forms import the page models, which import this
module: each route imports them when it runs .

The whole calendar's feed (`feed.ics`), the widget and the private feeds (`prive/…`) are
Django views (`urls.py`, resolved before Wagtail's pages): see `CalendarRoutes.django_addresses`.
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.contrib.routable_page.models import path

from community import access
from community.forms import labelled_errors
from community.pages import RoutablePage
from community.refusals import show_refusal
from community.services import ServiceError
from community.text import spreadsheet_cell


def _field_errors(form) -> list:
    """The summary at the top lists field errors; errors of the whole form are shown once,
    by the form itself."""
    return (
        [(label, message) for label, message in labelled_errors(form) if label]
        if form.is_bound
        else []
    )


class EventRoutes(RoutablePage):
    """What people do with one event, under its page."""

    def _back(self, request, anchor="inscription"):
        return redirect(f"{self.get_url(request)}#{anchor}")

    def _signin(self, request):
        messages.info(request, _("Connectez-vous pour vous inscrire."))
        return redirect(f"{reverse('account_login')}?{urlencode({'next': self.get_url(request)})}")

    @path("inscription/", name="register")
    @method_decorator(require_POST)
    def register(self, request):
        from .models import Registration  # noqa: PLC0415 - it imports the models
        from .services import registrations  # noqa: PLC0415 - it imports the models

        event = self
        if not request.user.is_authenticated:
            return self._signin(request)
        if not access.can_register(request.user, event):
            messages.error(request, access.Refusal.REGISTER)
            return self._back(request)
        try:
            registration = registrations.register(user=request.user, event=event)
        except ServiceError as error:
            show_refusal(request, error)
            return self._back(request)
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(
                request,
                _(
                    "Vous êtes inscrit·e. La confirmation, avec le fichier d'agenda, part par "
                    "email."
                ),
            )
        else:
            messages.success(
                request,
                _(
                    "C'est complet : vous êtes sur la liste d'attente. Vous recevrez un email si "
                    "une place se libère."
                ),
            )
        return self._back(request)

    @path("desinscription/", name="unregister")
    @method_decorator(require_POST)
    def unregister(self, request):
        from .services import registrations  # noqa: PLC0415 - it imports the models

        event = self
        if not request.user.is_authenticated:
            return self._signin(request)
        if registrations.cancel(user=request.user, event=event) is None:
            messages.info(request, _("Vous n'étiez pas inscrit·e : rien n'a changé."))
        else:
            messages.success(request, _("Votre inscription est annulée."))
        return self._back(request)

    @path("inscriptions/", name="registrations")
    @method_decorator(login_required)
    def registration_list(self, request):
        from .models import Registration  # noqa: PLC0415 - it imports the models

        event = self
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

    @staticmethod
    def _organisations_of(user) -> str:
        return ", ".join(
            m.organisation.name for m in user.memberships.all() if m.status == "active"
        )

    @path("inscriptions.csv", name="registrations_csv")
    @method_decorator(login_required)
    def registration_csv(self, request):
        from .models import Registration  # noqa: PLC0415 - it imports the models

        event = self
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
                    spreadsheet_cell(registration.user.display_name),
                    spreadsheet_cell(registration.user.email),
                    spreadsheet_cell(self._organisations_of(registration.user)),
                    registration.get_status_display(),
                    registration.queued_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                ]
            )
        return response

    @path("modifier/", name="edit")
    @method_decorator(login_required)
    def edit(self, request):
        from .forms import EventForm  # noqa: PLC0415 - it imports the models
        from .services import publishing  # noqa: PLC0415 - it imports the models

        event = self
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
                return redirect(event.get_url(request))
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
                messages.success(
                    request, _("Votre modification est envoyée à l'équipe éditoriale.")
                )
            return redirect(event.get_url(request))
        return render(
            request,
            "events/announce.html",
            {"form": form, "errors": _field_errors(form), "event": event},
        )

    @path("annuler/", name="cancel")
    @method_decorator(login_required)
    @method_decorator(require_POST)
    def cancel_event(self, request):
        from .services import publishing  # noqa: PLC0415 - it imports the models

        event = self
        access.require(access.can_manage_event(request.user, event), access.Refusal.MANAGE_EVENT)
        if request.POST.get("confirm") != "1":
            messages.error(request, _("Cochez la case de confirmation pour annuler l'évènement."))
            return self._back(request, "gerer")
        try:
            publishing.cancel_event(user=request.user, event=event)
        except ServiceError as error:
            show_refusal(request, error)
            return self._back(request, "gerer")
        messages.success(
            request, _("L'évènement est annulé ; les personnes inscrites sont prévenues.")
        )
        return self._back(request, "gerer")

    @path("annuler-une-date/", name="cancel_date")
    @method_decorator(login_required)
    @method_decorator(require_POST)
    def cancel_date(self, request):
        from .recurrence import occurrences  # noqa: PLC0415 - it imports the models
        from .services import publishing  # noqa: PLC0415 - it imports the models

        event = self
        access.require(access.can_manage_event(request.user, event), access.Refusal.MANAGE_EVENT)
        wanted = request.POST.get("date", "")
        match = [o for o in occurrences(event, after=timezone.now()) if o.key == wanted]
        if not event.is_series or not match or match[0].cancelled:
            messages.error(request, _("Cette date n'existe pas ou est déjà annulée."))
            return self._back(request, "dates")
        try:
            publishing.cancel_date(
                user=request.user, event=event, original_start=match[0].original_start
            )
        except ServiceError as error:
            show_refusal(request, error)
            return self._back(request, "dates")
        messages.success(
            request, _("Cette date est annulée ; les personnes inscrites sont prévenues.")
        )
        return self._back(request, "dates")

    @path("event.ics", name="event_ics")
    def event_ics(self, request):
        from . import ical  # noqa: PLC0415 - it imports the models
        from .models import Registration  # noqa: PLC0415 - it imports the models

        event = self
        mine = request.user.is_authenticated and (
            access.can_manage_event(request.user, event)
            or Registration.objects.filter(
                event=event, user=request.user, status=Registration.Status.CONFIRMED
            ).exists()
        )
        return ical.ics_response(
            request,
            ical.event_file(event, with_link=mine),
            f"{event.slug}.ics",
            private=mine,
        )


class CalendarRoutes(RoutablePage):
    """The announce form, under the calendar."""

    # Django views under /agenda/ (events/urls.py), resolved before Wagtail's pages: no
    # event may take these slugs.
    django_addresses = {"prive", "widget"}

    @path("annoncer/", name="announce")
    @method_decorator(login_required)
    def announce(self, request):
        from .forms import EventForm  # noqa: PLC0415 - it imports the models
        from .services import publishing  # noqa: PLC0415 - it imports the models

        user = request.user
        if not access.can_propose_event(user):
            return render(request, "events/announce_not_member.html", status=403)
        # A link may prefill the blank form (`EventForm.initial_from_query`).
        initial = EventForm.initial_from_query(request.GET) if request.method != "POST" else {}
        form = EventForm(request.POST or None, user=user, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                event, published = publishing.announce(user=user, **form.event_values())
            except ServiceError as error:
                show_refusal(request, error, form=form)
            else:
                if published:
                    messages.success(request, _("Votre évènement est publié dans l'agenda."))
                    return redirect(event.get_url(request))
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
