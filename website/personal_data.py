"""A person's data, in their hands (issue 16): everything Relais holds about them, as one
plain ZIP file that any computer opens: `index.html`, a page to read in their language,
`data.json` with all of it, and one CSV per kind (profile, memberships, messages,
registrations, reactions, notifications, diagnostics, authored sheets, questions asked to
authors, harvest items proposed).

Collected here, above the apps (`website` may import them all), in a fixed number of
queries whatever the amount; written by `website.tasks.prepare_personal_data` into
`PRIVATE_ROOT` (never served as a file) and offered through a signed link that expires
(`website.views.my_data_download`)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.models import Membership, Notification, TermsAcceptance, User
from community.text import spreadsheet_cell
from diagnostic.models import Answer, Respondent
from events.models import Registration
from intervisions.models import HarvestItem
from practices.models import Adoption, Bookmark, PracticeSheetPage, Useful
from practices.questions import SheetQuestion
from rooms.models import RoomMessage


def _when(value):
    return value.isoformat(timespec="seconds") if value else ""


def collect(user: User) -> dict[str, list[dict]]:
    """Everything about `user`, as rows per kind (plain values only)."""
    profile = {
        "email": user.email,
        "display_name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "bio": user.bio,
        "preferred_language": user.preferred_language,
        "time_zone": user.time_zone,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "interests": ", ".join(user.interests.order_by("name").values_list("name", flat=True)),
        "avatar": user.avatar.name if user.avatar else "",
        # The charter and privacy notice accepted at sign-up (`community.privacy`).
        "terms_accepted": "; ".join(
            f"{_when(t.accepted_at)} charter {t.charter_version or '-'} privacy {t.privacy_version}"
            for t in TermsAcceptance.objects.filter(user=user)
        ),
    }
    memberships = [
        {
            "organisation": m.organisation.name,
            "role": m.get_role_display(),
            "status": m.get_status_display(),
            "since": _when(m.created_at),
        }
        for m in Membership.objects.filter(user=user).select_related("organisation")
    ]
    messages = [
        {
            "room": m.room.title,
            "number": m.seq,
            "written_at": _when(m.created_at),
            "text": m.body_markdown,
            "edited_at": _when(m.edited_at),
            "deleted": bool(m.deleted_at),
        }
        for m in RoomMessage.objects.filter(author=user).select_related("room").order_by("pk")
    ]
    registrations = [
        {
            "event": r.event.title,
            "status": r.get_status_display(),
            "registered_at": _when(r.created_at),
        }
        for r in Registration.objects.filter(user=user).select_related("event")
    ]
    reactions = (
        [
            {"sheet": u.sheet.title, "kind": str(_("utile")), "at": _when(u.created_at)}
            for u in Useful.objects.filter(user=user).select_related("sheet")
        ]
        + [
            {"sheet": b.sheet.title, "kind": str(_("favori")), "at": _when(b.created_at)}
            for b in Bookmark.objects.filter(user=user).select_related("sheet")
        ]
        + [
            {
                "sheet": a.sheet.title,
                "kind": str(_("adoption")),
                "at": _when(a.updated_at),
                "organisation": a.organisation.name,
                "outcome": a.get_outcome_display(),
                "comment": a.comment,
            }
            for a in Adoption.objects.filter(author=user).select_related("sheet", "organisation")
        ]
    )
    notifications = [
        {
            "at": _when(n.created_at),
            "kind": n.get_kind_display(),
            "message": n.message,
            "excerpt": n.excerpt,
            "link": n.url,
            "read_at": _when(n.read_at),
        }
        for n in Notification.objects.filter(user=user).order_by("pk")
    ]
    answers: dict[int, int] = {}
    for answer in Answer.objects.filter(respondent__user=user).values("respondent_id"):
        answers[answer["respondent_id"]] = answers.get(answer["respondent_id"], 0) + 1
    diagnostics = [
        {
            "organisation": r.diagnostic.organisation.name,
            "role": r.get_role_display(),
            "invited_as": r.email,
            "accepted_at": _when(r.accepted_at),
            "answers_given": answers.get(r.pk, 0),
        }
        for r in Respondent.objects.filter(user=user).select_related("diagnostic__organisation")
    ]
    sheets = [
        {
            "title": s.title,
            "address": s.url or "",
            "published": s.live,
            "first_published_at": _when(s.first_published_at),
        }
        for s in PracticeSheetPage.objects.filter(authors=user).order_by("pk")
    ]
    questions = [
        {"sheet": q.sheet.title, "asked_at": _when(q.created_at), "question": q.text}
        for q in SheetQuestion.objects.filter(asker=user).select_related("sheet")
    ]
    harvest = [
        {"part": h.get_part_display(), "text": h.text, "proposed_at": _when(h.created_at)}
        for h in HarvestItem.objects.filter(proposed_by=user).order_by("pk")
    ]
    data = {
        "profile": [profile],
        "memberships": memberships,
        "messages": messages,
        "registrations": registrations,
        "reactions": reactions,
        "notifications": notifications,
        "diagnostics": diagnostics,
        "sheets": sheets,
        "questions": questions,
        "harvest": harvest,
    }
    # Every row of a kind has the same columns (a table, a CSV).
    for kind, rows in data.items():
        columns = list(dict.fromkeys(key for row in rows for key in row))
        data[kind] = [{key: row.get(key, "") for key in columns} for row in rows]
    return data


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    if rows:
        fields = list(dict.fromkeys(key for row in rows for key in row))
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: spreadsheet_cell(v) if isinstance(v, str) else v for k, v in row.items()}
            )
    return out.getvalue()


def build_zip(user: User) -> bytes:
    """The ZIP file of `user`'s data, its page in their language."""
    data = collect(user)
    language = user.preferred_language or "fr"
    with translation.override(language):
        page = render_to_string(
            "website/personal_data.html",
            {"person": user, "data": data, "made_at": timezone.now(), "language": language},
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", page)
        archive.writestr(
            "data.json",
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        for kind, rows in data.items():
            # A byte-order mark: spreadsheets then read the accents right.
            archive.writestr(f"{kind}.csv", "\ufeff" + _csv(rows))
    return buffer.getvalue()
