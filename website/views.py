"""Site-wide views that are not Wagtail pages."""

import datetime as dt
import logging

import redis
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language
from wagtail.contrib.sitemaps.views import sitemap

from community import privacy as privacy_notice
from community.public import absolute_url
from community.refusals import show_refusal
from community.services import ServiceError, accounts
from diagnostic.federation import ANONYMITY as FEDERATION_ANONYMITY
from intervisions.forms import RETENTION_DAYS

from . import account_deletion, services, tasks
from .forms import DeleteAccountForm
from .models import PersonalDataExport
from .sitemaps import SITEMAPS

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Readiness: the database answers and, when configured, Redis answers."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        logger.exception("healthz: database unreachable")
        checks["database"] = "error"
    if settings.REDIS_URL:
        try:
            client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)
            client.ping()
            checks["redis"] = "ok"
        except Exception:  # noqa: BLE001
            logger.exception("healthz: redis unreachable")
            checks["redis"] = "error"
    else:
        checks["redis"] = "not configured"
    healthy = all(v in ("ok", "not configured") for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


@csrf_exempt
@require_POST
def set_language(request):
    """Django's language switch; a signed-in person's choice is also kept in their profile.

    A visitor's switch only sets the language cookie (and goes back to a page of this
    site): it asks for no CSRF token, so that pages for visitors carry none and can be
    kept whole (website/page_cache.py). A signed-in person's writes their profile: it is
    checked as every form is."""
    if request.user.is_authenticated:
        refusal = CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})
        if refusal is not None:
            return refusal
    response = django_set_language(request)
    if request.user.is_authenticated:
        accounts.set_preferred_language(
            user=request.user, language=request.POST.get("language", "")
        )
    return response


ROBOTS_DISALLOW = [
    # Editors' admin, people's own spaces and accounts, members-only rooms and forms,
    # private feeds, the API and the language switch: nothing for a search engine.
    "/admin/",
    "/moi/",
    "/accounts/",
    "/salons/",
    "/personnes/",
    "/pratiques/proposer/",
    "/agenda/annoncer/",
    "/agenda/prive/",
    "/api/",
    "/i18n/",
]


def robots_txt(request):
    """/robots.txt: what search engines may skip, and where the sitemap is (public base URL)."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {absolute_url('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_xml(request):
    """/sitemap.xml: public pages, the directory and the tool catalogue."""
    return sitemap(request, sitemaps=SITEMAPS)


# --- A person's data ----------------------------------------------------------------------


@login_required
def my_data(request):
    """ "Mes données": ask for one's data (a ZIP file prepared in the background, once a
    day) and download the latest through its signed link while it works."""
    if request.method == "POST":
        try:
            export = services.request_personal_data(user=request.user)
        except ServiceError as error:
            show_refusal(request, error)
        else:
            tasks.queue_export(export.pk)
            messages.success(
                request,
                _(
                    "C'est demandé : le fichier est préparé et vous serez prévenu·e dès "
                    "qu'il est prêt (en général en quelques minutes)."
                ),
            )
        return redirect("my_data")
    latest = PersonalDataExport.objects.filter(user=request.user).first()
    usable = services.export_usable(latest)
    return render(
        request,
        "website/my_data.html",
        {
            "latest": latest,
            "link": services.export_link(latest) if usable else "",
            "link_days": services.EXPORT_LINK_SECONDS // 86400,
        },
    )


@login_required
def my_data_download(request, token):
    path = services.export_for(token, request.user)
    if path is None:
        raise Http404
    response = FileResponse(path.open("rb"), as_attachment=True, filename="relais-mes-donnees.zip")
    response["Cache-Control"] = "private, no-store"
    return response


# --- Deleting one's account -----------------------------------------------------------------


@login_required
def delete_account(request):
    """ "Supprimer mon compte": the person chooses what becomes of their messages, confirms
    with their password, and is signed out; the account goes after the grace period unless
    they sign in again (website/account_deletion.py)."""
    waiting = account_deletion.handover_needed(request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            deletion = account_deletion.request_deletion(
                user=request.user,
                messages=form.cleaned_data["messages"],
                password=form.cleaned_data["password"],
            )
        except ServiceError as error:
            show_refusal(request, error)
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Votre compte sera supprimé le %(date)s. D'ici là, il vous suffit de vous "
                    "reconnecter pour le garder : la suppression sera annulée."
                )
                % {"date": date_format(timezone.localtime(deletion.due_at), "j F Y")},
            )
            return redirect("/")
    return render(
        request,
        "website/delete_account.html",
        {
            "form": form,
            "waiting": waiting,
            "grace_days": account_deletion.grace().days,
        },
    )


# --- The privacy notice ---------------------------------------------------------------------


def privacy(request):
    """ "Vos données sur Relais": what is kept, why, for how long and who sees it, with the
    figures read from the settings and code that apply them (so the page stays true)."""
    limits = settings.RELAIS["ACTION_LIMITS"].values()
    return render(
        request,
        "website/privacy.html",
        {
            "version": dt.date.fromisoformat(privacy_notice.PRIVACY_NOTICE_VERSION),
            "session_days": settings.SESSION_COOKIE_AGE // 86400,
            "grace_days": account_deletion.grace().days,
            "export_days": services.EXPORT_LINK_SECONDS // 86400,
            "retention_days": RETENTION_DAYS,
            "limit_hours": max(window for _person, _address, window in limits) // 3600,
            "anonymity": FEDERATION_ANONYMITY,
        },
    )
