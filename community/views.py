"""Thin views: check access, parse input, call one service, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import access, dashboard
from .forms import (
    AffiliationRequestForm,
    DirectoryFilterForm,
    JoinRequestForm,
    OrganisationForm,
    ProfileForm,
    RoleForm,
    labelled_errors,
)
from .linked_data import organisation_json_ld
from .models import Affiliation, Membership, Notification, Organisation, User
from .refusals import show_refusal
from .services import ServiceError
from .services import accounts as account_services
from .services import organisations as org_services


def _int_or_404(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    organisations = (
        form.filter(Organisation.objects.all()) if request.GET else Organisation.objects.all()
    )
    organisations = organisations.for_listing().annotate(
        member_count=Count("memberships", filter=Q(memberships__status="active"), distinct=True)
    )
    paginator = Paginator(organisations.order_by("name"), settings.RELAIS["DIRECTORY_PAGE_SIZE"])
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "community/directory.html",
        {
            "form": form,
            "filter_errors": labelled_errors(form) if form.is_bound else [],
            "page": page,
            "organisations": page.object_list,
            "query": query.urlencode(),
            "filtered": any(v for k, v in request.GET.items() if k != "page"),
        },
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("region").prefetch_related("sectors"), slug=slug
    )
    user = request.user
    active_members = (
        Membership.objects.of_organisation(organisation).active().select_related("user")
    )
    my_membership = None
    if user.is_authenticated:
        my_membership = Membership.objects.of_user(user).of_organisation(organisation).first()
    is_admin = bool(
        my_membership and my_membership.is_active and my_membership.role == Membership.Role.ADMIN
    )
    federations = Affiliation.objects.filter(
        organisation=organisation, status=Affiliation.Status.ACTIVE
    ).select_related("federation")
    # Practice sheets point at their organisation (`sheets` is the reverse relation);
    # community does not import the practices app.
    sheets = getattr(organisation, "sheets", None)
    # Likewise its events (`events`, from the calendar): those not over yet, and series.
    events = getattr(organisation, "events", None)
    context = {
        "sheets": list(sheets.live().order_by("-first_published_at")[:12]) if sheets else [],
        "events": (
            list(
                events.live()
                .filter(Q(end__gte=timezone.now()) | ~Q(rrule=""))
                .order_by("start")[:12]
            )
            if events is not None
            else []
        ),
        "organisation": organisation,
        "members": list(active_members) if access.can_see_member_names(user) else None,
        "member_count": active_members.count(),
        "my_membership": my_membership,
        "is_admin": is_admin,
        "federations": federations,
        "join_form": JoinRequestForm(),
        "json_ld": organisation_json_ld(organisation),
    }
    if organisation.is_federation:
        context["member_organisations"] = Affiliation.objects.filter(
            federation=organisation, status=Affiliation.Status.ACTIVE
        ).select_related("organisation")
    if is_admin:
        context["pending_members"] = (
            Membership.objects.of_organisation(organisation)
            .pending()
            .select_related("user", "organisation")
        )
        if organisation.is_federation:
            context["pending_affiliations"] = Affiliation.objects.filter(
                federation=organisation, status=Affiliation.Status.PENDING
            ).select_related("organisation", "federation")
        elif access.can_request_affiliation(user, organisation):
            context["affiliation_form"] = AffiliationRequestForm(organisation=organisation)
            context["my_pending_affiliations"] = Affiliation.objects.filter(
                organisation=organisation, status=Affiliation.Status.PENDING
            ).select_related("federation")
    return render(request, "community/organisation_detail.html", context)


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = org_services.create_organisation(
                user=request.user, **form.profile_values()
            )
        except ServiceError as error:
            show_refusal(request, error, form=form, field="name")
        else:
            messages.success(
                request,
                _("%(name)s est créée : vous en êtes l'administrateur·rice.")
                % {"name": organisation},
            )
            return redirect(organisation)
    return render(request, "community/organisation_form.html", {"form": form, "creating": True})


@login_required
def organisation_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    access.require(
        access.can_edit_organisation(request.user, organisation), access.Refusal.EDIT_ORGANISATION
    )
    # The form writes its (maybe invalid) input onto the instance: keep the saved name.
    saved_name = organisation.name
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            org_services.update_organisation(
                user=request.user, organisation=organisation, **form.profile_values()
            )
        except ServiceError as error:
            show_refusal(request, error, form=form, field="name")
        else:
            messages.success(request, _("Le profil est enregistré."))
            return redirect(organisation)
    return render(
        request,
        "community/organisation_form.html",
        {"form": form, "organisation": organisation, "saved_name": saved_name, "creating": False},
    )


def _back(request, default):
    """Redirect to the page the form came from (`next`, same site only), else `default`."""
    target = request.POST.get("next", "")
    if target == "me":
        return redirect("community:me")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


def _run(request, action, success_message):
    try:
        action()
    except ServiceError as error:
        show_refusal(request, error)
    else:
        messages.success(request, success_message)


@login_required
@require_POST
def join(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("message", [])))
        return redirect(organisation)
    message = form.cleaned_data["message"]
    _run(
        request,
        lambda: org_services.request_membership(
            user=request.user, organisation=organisation, message=message
        ),
        _("Votre demande est envoyée à l'équipe de %(name)s.") % {"name": organisation},
    )
    return redirect(organisation)


@login_required
@require_POST
def leave(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    was_active = (
        Membership.objects.of_user(request.user).of_organisation(organisation).active().exists()
    )
    _run(
        request,
        lambda: org_services.leave_organisation(user=request.user, organisation=organisation),
        _("C'est fait : vous ne faites plus partie de %(name)s.") % {"name": organisation}
        if was_active
        else _("Votre demande auprès de %(name)s est retirée.") % {"name": organisation},
    )
    return _back(request, organisation)


@login_required
@require_POST
def decide_membership(request, slug, membership_id, decision):
    organisation = get_object_or_404(Organisation, slug=slug)
    access.require(
        access.can_manage_members(request.user, organisation), access.Refusal.MANAGE_MEMBERS
    )
    if decision == "approve":
        action = lambda: org_services.approve_membership(  # noqa: E731
            actor=request.user, organisation=organisation, membership_id=membership_id
        )
        done = _("La demande est acceptée.")
    else:
        action = lambda: org_services.refuse_membership(  # noqa: E731
            actor=request.user, organisation=organisation, membership_id=membership_id
        )
        done = _("La demande est refusée.")
    _run(request, action, done)
    return _back(request, organisation)


@login_required
@require_POST
def change_role(request, slug, membership_id):
    organisation = get_object_or_404(Organisation, slug=slug)
    access.require(
        access.can_manage_members(request.user, organisation), access.Refusal.MANAGE_MEMBERS
    )
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Rôle inconnu."))
        return redirect(organisation)
    _run(
        request,
        lambda: org_services.set_member_role(
            actor=request.user,
            organisation=organisation,
            membership_id=membership_id,
            role=form.cleaned_data["role"],
        ),
        _("Le rôle est modifié."),
    )
    return redirect(organisation)


@login_required
@require_POST
def request_affiliation(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    access.require(
        access.can_request_affiliation(request.user, organisation),
        access.Refusal.REQUEST_AFFILIATION,
    )
    form = AffiliationRequestForm(request.POST, organisation=organisation)
    if not form.is_valid():
        messages.error(request, _("Choisissez une fédération dans la liste."))
        return redirect(organisation)
    federation = form.cleaned_data["federation"]
    _run(
        request,
        lambda: org_services.request_affiliation(
            actor=request.user, organisation=organisation, federation=federation
        ),
        _("Votre demande d'affiliation est envoyée à %(name)s.") % {"name": federation},
    )
    return redirect(organisation)


@login_required
@require_POST
def decide_affiliation(request, slug, affiliation_id, decision):
    federation = get_object_or_404(Organisation, slug=slug)
    access.require(
        access.can_decide_affiliations(request.user, federation),
        access.Refusal.DECIDE_AFFILIATIONS,
    )
    if decision == "accept":
        action = lambda: org_services.accept_affiliation(  # noqa: E731
            actor=request.user, federation=federation, affiliation_id=affiliation_id
        )
        done = _("L'affiliation est acceptée.")
    else:
        action = lambda: org_services.refuse_affiliation(  # noqa: E731
            actor=request.user, federation=federation, affiliation_id=affiliation_id
        )
        done = _("L'affiliation est refusée.")
    _run(request, action, done)
    return _back(request, federation)


@login_required
@require_POST
def end_affiliation(request, slug, federation_slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    federation = get_object_or_404(Organisation, slug=federation_slug)
    _run(
        request,
        lambda: org_services.end_affiliation(
            actor=request.user, organisation=organisation, federation=federation
        ),
        _("%(org)s ne fait plus partie de %(fed)s.") % {"org": organisation, "fed": federation},
    )
    return _back(request, organisation)


@login_required
def person(request, pk):
    person = get_object_or_404(
        User.objects.prefetch_related(
            "interests",
            Prefetch(
                "memberships",
                queryset=Membership.objects.active().select_related("organisation"),
                to_attr="active_memberships",
            ),
        ),
        pk=pk,
        is_active=True,
    )
    access.require(access.can_view_person(request.user, person), access.Refusal.VIEW_PERSON)
    return render(request, "community/person.html", {"person": person})


@login_required
def me(request):
    user = request.user
    memberships = Membership.objects.of_user(user).select_related("organisation")
    admin_of = [m.organisation for m in memberships if m.is_active and m.role == "admin"]
    context = {
        "active_memberships": [m for m in memberships if m.is_active],
        "pending_memberships": [m for m in memberships if not m.is_active],
        "requests_to_decide": Membership.objects.filter(organisation__in=admin_of)
        .pending()
        .select_related("user", "organisation"),
        "affiliations_to_decide": Affiliation.objects.filter(
            federation__in=admin_of, status=Affiliation.Status.PENDING
        ).select_related("organisation", "federation"),
        "notifications": Notification.objects.filter(user=user)[:10],
        "sections": dashboard.sections_for(request),
    }
    return render(request, "community/me.html", context)


@login_required
def profile_edit(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        account_services.update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("community:me")
    return render(request, "community/profile_form.html", {"form": form})
