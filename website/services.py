"""What the site-wide pages write: a member's visits of their home page (`HomeVisit`), and
the exports of a person's data (`PersonalDataExport`, `personal_data.py`).

The service contract (docs/architecture.md): keyword values in, the only code that writes
these rows; the home page's context calls it and never saves a model itself.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Notification
from community.services import ServiceError
from community.services.notifications import notify

from .models import HomeVisit, PersonalDataExport
from .personal_data import build_zip

# Opening the home again within this time is the same visit: what was new stays new, and
# nothing is written (a reload neither resets "new" nor costs a write).
VISIT_GAP = dt.timedelta(minutes=30)
# A first visit counts what appeared in this time as new: everything is new to someone who
# just joined, and a month is what one looks back on.
FIRST_VISIT_LOOKBACK = dt.timedelta(days=30)


@dataclass(frozen=True)
class Since:
    """From when things are new for a person on this visit; `first`: no visit before."""

    moment: dt.datetime
    first: bool


def record_home_visit(*, user, now: dt.datetime | None = None) -> Since:
    """Remember that `user` opens their home page `now`, and say since when things are new
    for them: the start of their previous visit, or `FIRST_VISIT_LOOKBACK` before their
    first one. A visit is written at most once per `VISIT_GAP` (one query then, two
    otherwise); two requests at once write it once."""
    now = now or timezone.now()
    visit = HomeVisit.objects.filter(user=user).first()
    if visit is None:
        visit, _created = HomeVisit.objects.get_or_create(
            user=user, defaults={"previous_at": None, "last_at": now}
        )
    elif now - visit.last_at >= VISIT_GAP:
        # Only if no other request moved it meanwhile (a conditional update, no lock).
        HomeVisit.objects.filter(pk=visit.pk, last_at=visit.last_at).update(
            previous_at=visit.last_at, last_at=now
        )
        return Since(visit.last_at, first=False)
    if visit.previous_at is None:
        # Still the first visit: `last_at` is when it began (nothing moved it since).
        return Since(visit.last_at - FIRST_VISIT_LOOKBACK, first=True)
    return Since(visit.previous_at, first=False)


# --- A person's data ----------------------------------------------------------------------

EXPORT_EVERY = dt.timedelta(days=1)
# How long the signed link to one's data works.
EXPORT_LINK_SECONDS = 7 * 24 * 3600


def request_personal_data(*, user) -> PersonalDataExport:
    """Ask for one's data (one request a day); the task prepares it (`prepare_export`)."""
    last = PersonalDataExport.objects.filter(user=user).order_by("-requested_at").first()
    if last is not None and last.requested_at > timezone.now() - EXPORT_EVERY:
        raise ServiceError(
            _(
                "Vous avez déjà demandé vos données aujourd'hui : le fichier est préparé une "
                "fois par jour. Revenez demain pour en demander un nouveau."
            )
        )
    return PersonalDataExport.objects.create(user=user)


def prepare_export(export_id: int) -> bool:
    """Write the ZIP file of an export and tell its person (a notification with the link);
    False when it is gone or already prepared."""
    export = PersonalDataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.ready_at is not None:
        return False
    directory = Path(settings.PRIVATE_ROOT) / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_urlsafe(24)}.zip"
    (directory / name).write_bytes(build_zip(export.user))
    export.file_name = name
    export.ready_at = timezone.now()
    export.save(update_fields=["file_name", "ready_at"])
    notify(
        [export.user],
        kind=Notification.Kind.REQUEST,
        message=lambda person: str(
            _("Vos données sont prêtes : téléchargez-les depuis « Mes données » (7 jours).")
        ),
        url=reverse("my_data"),
        about=(f"user:{export.user.pk}", str(_("Mes données"))),
    )
    return True


def export_link(export: PersonalDataExport) -> str:
    token = signing.dumps({"export": export.pk, "user": export.user_id}, salt=EXPORT_SALT)
    return reverse("my_data_download", args=[token])


EXPORT_SALT = "relais.personal-data"


def export_for(token: str, user) -> Path | None:
    """The file a signed link points at, for the person it was made for, while it is
    valid; None otherwise."""
    try:
        value = signing.loads(token, salt=EXPORT_SALT, max_age=EXPORT_LINK_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("user") != user.pk:
        return None
    export_id = value.get("export")
    if not isinstance(export_id, int):
        return None
    export = PersonalDataExport.objects.filter(
        pk=export_id, user=user, ready_at__isnull=False
    ).first()
    if export is None or not export.file_name:
        return None
    path = Path(settings.PRIVATE_ROOT) / "exports" / export.file_name
    return path if path.is_file() else None
