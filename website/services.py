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
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Notification, User
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


@transaction.atomic
def request_personal_data(*, user) -> PersonalDataExport:
    """Ask for one's data (one request a day); the task prepares it (`prepare_export`).
    The person's row is locked: two clicks at once make one request."""
    User.objects.select_for_update().filter(pk=user.pk).first()
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
    name = f"{secrets.token_urlsafe(24)}.zip"
    # Claimed by one worker only: the file name is set once, on a row not yet claimed.
    claimed = PersonalDataExport.objects.filter(pk=export_id, file_name="", ready_at=None).update(
        file_name=name
    )
    export = PersonalDataExport.objects.select_related("user").filter(pk=export_id).first()
    if not claimed or export is None:
        return False
    delete_expired_exports()
    # A person keeps one file: the new one replaces the older ones.
    for older in PersonalDataExport.objects.filter(user=export.user).exclude(pk=export.pk):
        delete_export_file(older)
    directory = Path(settings.PRIVATE_ROOT) / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(build_zip(export.user))
    export.ready_at = timezone.now()
    export.save(update_fields=["ready_at"])
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


def _export_path(export: PersonalDataExport) -> Path | None:
    if not export.file_name:
        return None
    return Path(settings.PRIVATE_ROOT) / "exports" / export.file_name


def delete_export_file(export: PersonalDataExport) -> None:
    """Remove an export's file (its row stays: it remembers when the person asked)."""
    path = _export_path(export)
    if path is not None:
        path.unlink(missing_ok=True)


def export_deleted(sender, instance, **kwargs) -> None:
    """`post_delete` of an export (connected in `WebsiteConfig.ready`)."""
    delete_export_file(instance)


def delete_expired_exports(*, now=None) -> int:
    """Delete the files prepared more than seven days ago (the link no longer works);
    also `manage.py delete_expired_exports` for cron. The number of files removed."""
    now = now or timezone.now()
    expired = PersonalDataExport.objects.filter(
        ready_at__lt=now - dt.timedelta(seconds=EXPORT_LINK_SECONDS)
    ).exclude(file_name="")
    count = 0
    for export in expired:
        delete_export_file(export)
        count += 1
    expired.update(file_name="")
    return count


def export_usable(export: PersonalDataExport | None) -> bool:
    """Prepared, and made less than seven days ago."""
    return bool(
        export
        and export.ready_at
        and export.file_name
        and export.ready_at >= timezone.now() - dt.timedelta(seconds=EXPORT_LINK_SECONDS)
    )


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
    # Seven days from when the file was made, whenever the link was shown.
    export = PersonalDataExport.objects.filter(
        pk=export_id,
        user=user,
        ready_at__gte=timezone.now() - dt.timedelta(seconds=EXPORT_LINK_SECONDS),
    ).first()
    if export is None or not export.file_name:
        return None
    path = Path(settings.PRIVATE_ROOT) / "exports" / export.file_name
    return path if path.is_file() else None
