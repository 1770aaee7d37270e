"""The notification centre (`/moi/notifications/`), its preferences and digest preview,
and the one-click unsubscribe of emails (signed out too)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from community.models import Notification, User
from community.models.notifications import Channel, Kind
from community.services import notifications as service
from community.services.digests import digest_content, grouped
from community.services.emailing import read_unsubscribe_token

from .forms import PreferencesForm

PAGE_SIZE = 50


@login_required
def centre(request):
    notifications = Notification.objects.filter(user=request.user).order_by("-created_at", "-pk")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/notifications/centre.html",
        {
            "page": page,
            "groups": grouped(page.object_list),
            "unread": sum(1 for n in page.object_list if n.read_at is None),
        },
    )


@login_required
@require_POST
def mark_all_read(request):
    count = service.mark_read(request.user)
    messages.success(
        request,
        _("Toutes vos notifications sont lues.")
        if count
        else _("Rien de neuf à marquer comme lu."),
    )
    return redirect("community:notifications")


@login_required
def open_notification(request, pk):
    """Mark one notification read and go where it points (on this site only)."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    service.mark_read(request.user, ids=[notification.pk])
    target = notification.url
    if (
        target
        and url_has_allowed_host_and_scheme(target, allowed_hosts=None)
        and target.startswith("/")
    ):
        return redirect(target)
    return redirect("community:notifications")


@login_required
def preferences(request):
    current = service.settings_for(request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        service.save_preferences(user=request.user, **form.preferences())
        messages.success(request, _("Vos préférences de notification sont enregistrées."))
        return redirect("community:notification_settings")
    return render(
        request,
        "community/notifications/preferences.html",
        {"form": form, "time_zone": request.user.time_zone},
    )


@login_required
def preview(request):
    """What the person's next digests would hold now, as the email shows it."""
    _chosen, found, _kind, _slots = digest_content(request.user, timezone.now(), preview=True)
    return render(
        request,
        "community/notifications/preview.html",
        {"groups": grouped(found), "count": len(found)},
    )


@csrf_exempt
def unsubscribe(request, token):
    """GET: a page with one button (mail scanners follow links; they must not unsubscribe
    anyone). POST: done, whether from that button or a mail client's one-click request
    (RFC 8058, `List-Unsubscribe=One-Click`), signed in or not."""
    found = read_unsubscribe_token(token)
    if found is None:
        raise Http404
    user_id, kinds = found
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        raise Http404
    labels = [Kind(k).label for k in kinds if k in Kind.values]
    if request.method == "POST":
        service.unsubscribe(user_id=user_id, kinds=kinds)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        return render(
            request, "community/notifications/unsubscribed.html", {"labels": labels, "done": True}
        )
    if request.method != "GET":
        return HttpResponse(status=405)
    return render(
        request,
        "community/notifications/unsubscribed.html",
        {"labels": labels, "done": False, "app_only": Channel.APP.label},
    )
