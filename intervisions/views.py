"""The intervision's pages: the preparation form, and the session's actions without
JavaScript (the same services as the WebSocket's frames; each comes back to the room's
session panel)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community.access import Refusal, require
from community.models import Membership, User
from community.refusals import show_refusal
from community.services import ServiceError
from events.models import EventPage, Registration
from rooms.tasks import schedule_erasure

from . import access, followup, services
from .forms import FollowUpForm, PrepareForm
from .models import Intervision
from .protocols import PROTOCOLS
from .tasks import schedule_followup


def _event(event_id) -> EventPage:
    return get_object_or_404(EventPage.objects.live(), pk=event_id)


def _intervision(event_id) -> Intervision:
    return get_object_or_404(
        Intervision.objects.select_related("event"), event_id=event_id, event__live=True
    )


def _back(intervision: Intervision) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{services.room_of(intervision).get_absolute_url()}#session")


def _candidates(event: EventPage):
    registered = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED
    ).values("user_id")
    organisers = (
        Membership.objects.active()
        .filter(organisation__in=event.organisers.all())
        .values("user_id")
    )
    return User.objects.filter(
        Q(pk__in=registered) | Q(pk__in=organisers), is_active=True
    ).order_by("display_name", "pk")


@login_required
def prepare(request, event_id):
    event = _event(event_id)
    require(access.can_prepare(request.user, event), Refusal.MANAGE_EVENT)
    intervision = Intervision.objects.filter(event=event).first()
    room = None
    if intervision is not None:
        room = services.room_of(intervision)
    protocol = intervision.protocol if intervision else "case"
    minutes = list(intervision.steps.values_list("minutes", flat=True)) if intervision else []
    initial = {
        "facilitator": intervision.facilitator_id if intervision else request.user.pk,
        "protocol": protocol,
        "chatham_house": room.chatham_house if room else True,
        "retention": str(room.retention_days) if room and room.retention_days else "",
    }
    people = _candidates(event)
    form = PrepareForm(
        request.POST or None, initial=initial, people=people, protocol=protocol, minutes=minutes
    )
    if request.method == "POST" and form.is_valid():
        try:
            intervision = services.prepare(user=request.user, event=event, **form.values())
        except ServiceError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(request, _("L'intervision est prête."))
            return HttpResponseRedirect(request.path)
    return render(
        request,
        "intervisions/prepare.html",
        {
            "event": event,
            "intervision": intervision,
            "room": room,
            "form": form,
            "protocols": PROTOCOLS,
            "session": services.running_session(intervision) if intervision else None,
        },
    )


def _on(request) -> bool:
    return request.POST.get("on") == "1"


# The session's actions without JavaScript, as its frames (`frames.py`) do with it: what
# each calls, and what the person is told when it worked ("" for what they see at once).
SESSION_ACTIONS = {
    "step": (
        lambda request, session: services.move_to_step(
            user=request.user, session=session, step=request.POST.get("step")
        ),
        "",
    ),
    "propose": (
        lambda request, session: services.propose(
            user=request.user,
            session=session,
            part=request.POST.get("part"),
            text=request.POST.get("text", ""),
            client_id=request.POST.get("client_id"),
            from_message=request.POST.get("from_message") or None,
        ),
        gettext_lazy("Votre proposition est dans la récolte."),
    ),
    "support": (
        lambda request, session: services.support(
            user=request.user, session=session, item_id=request.POST.get("item"), on=_on(request)
        ),
        "",
    ),
    "keep": (
        lambda request, session: services.keep(
            user=request.user, session=session, item_id=request.POST.get("item"), on=_on(request)
        ),
        "",
    ),
    "consent": (
        lambda request, session: services.consent(
            user=request.user,
            session=session,
            organisation_id=request.POST.get("organisation"),
            on=_on(request),
        ),
        gettext_lazy("C'est noté."),
    ),
}


@login_required
@require_POST
def session_action(request, event_id, action):
    intervision = _intervision(event_id)
    session = services.running_session(intervision)
    act, done = SESSION_ACTIONS[action]
    try:
        if session is None:
            raise ServiceError(_("Aucune séance n'est en cours dans ce salon."))
        act(request, session)
    except ServiceError as error:
        show_refusal(request, error)
    else:
        if done:
            messages.success(request, done)
    return _back(intervision)


@login_required
@require_POST
def start(request, event_id):
    intervision = _intervision(event_id)
    try:
        services.start_session(user=request.user, intervision=intervision)
    except ServiceError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("La séance commence."))
    return _back(intervision)


@login_required
@require_POST
def close(request, event_id):
    intervision = _intervision(event_id)
    session = services.running_session(intervision)
    try:
        if session is None:
            raise ServiceError(_("Aucune séance n'est en cours dans ce salon."))
        session, cut = services.close_session(user=request.user, session=session)
    except ServiceError as error:
        show_refusal(request, error)
        return _back(intervision)
    schedule_erasure(cut)
    schedule_followup(session)
    if session.draft_id:
        messages.success(
            request,
            _(
                "La séance est close. La récolte est devenue une fiche en brouillon : les "
                "organisations qui la co-signent la complètent, puis la proposent."
            ),
        )
    else:
        messages.success(
            request,
            _(
                "La séance est close. Aucune organisation n'a accepté de co-signer une "
                "fiche : la récolte est gardée, sans fiche."
            ),
        )
    return _back(intervision)


@login_required
def follow_up(request, event_id):
    """Six weeks after a session: what each organisation of the group tried, and how it
    went (the last closed session's; a new answer replaces the organisation's)."""
    intervision = _intervision(event_id)
    session = intervision.sessions.exclude(closed_at=None).order_by("-closed_at").first()
    mine = services.my_group_organisations(intervision, request.user) if session else []
    in_group = request.user.pk in services.group_people(intervision)
    if session is None or not (
        (mine and in_group) or access.can_facilitate(request.user, intervision)
    ):
        raise Http404
    if not in_group:
        mine = []  # a facilitator outside the group reads, answers for nobody
    form = FollowUpForm(request.POST or None, organisations=mine)
    if request.method == "POST" and form.is_valid():
        try:
            followup.answer(user=request.user, session=session, **form.values())
        except ServiceError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(request, _("Merci : votre groupe le lira à la prochaine séance."))
            return HttpResponseRedirect(request.path)
    return render(
        request,
        "intervisions/follow_up.html",
        {
            "intervision": intervision,
            "event": intervision.event,
            "session": session,
            "form": form if mine else None,
            "kept": session.items.filter(kept=True).order_by("part", "pk"),
            "answers": session.followups.select_related("organisation"),
            "sheet": followup.born_sheet(session),
        },
    )
