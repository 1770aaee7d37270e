"""Members' sheets, from the first draft to the moderation queue.

The only code that writes sheets from the front end: drafts are started, saved step by
step and deleted here, and a submitted draft becomes a not-yet-live `PracticeSheetPage`
(or a new revision of one) that enters Wagtail's moderation workflow. Editors decide in
the admin; `practices.signals` tells the authors.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from community.access import (
    Refusal,
    can_continue_draft,
    can_edit_sheet,
    can_propose_sheet,
    is_org_member,
    member_organisations,
    require,
)
from community.indexing import indexed_once
from community.models import Region, Sector, Theme
from community.pages import route_slugs
from community.services import limits
from community.slugs import unique_slug
from community.text import multi_line, plain_text, text_to_rich_text
from programmes.models import ProgrammePage

from .. import wizard
from ..models import (
    PracticeIndexPage,
    PracticeSheetPage,
    SheetDifficulty,
    SheetDraft,
    SheetKeyword,
    SheetPhase,
    SheetTip,
    SheetTool,
    Tool,
)
from ..parts import three_items_errors
from . import ServiceError


class SubmissionRefused(ServiceError):
    """The draft cannot be submitted yet; `messages` says what to fix, one per line."""

    def __init__(self, messages):
        messages = list(messages)
        super().__init__(" ".join(str(message) for message in messages), messages=messages)


# --- Drafts ---------------------------------------------------------------------------


def start_draft(*, user) -> SheetDraft:
    """A new, empty sheet in the name of the person's first organisation (they choose
    another one in the first step)."""
    require(can_propose_sheet(user), Refusal.PROPOSE_SHEET)
    limits.check("draft", user=user)
    return SheetDraft.objects.create(
        author=user, organisation=member_organisations(user).first(), step="context"
    )


def page_to_data(sheet: PracticeSheetPage) -> dict:
    """A sheet's content in the shape of a draft's `data` (see `practices.wizard`)."""
    dimensions = [
        key
        for key, (field, _label) in PracticeSheetPage.DIMENSIONS.items()
        if getattr(sheet, field)
    ]

    def items(part):
        return [{"title": item.title, "text": item.text} for item in getattr(sheet, part).all()]

    return {
        "title": sheet.title,
        "summary": sheet.summary,
        "sectors": [sector.pk for sector in sheet.sectors.all()],
        "region": sheet.region_id,
        "organisation_size": sheet.organisation_size,
        "duration": sheet.duration,
        "budget": sheet.budget,
        "funding": sheet.funding,
        "funded_by": sheet.funded_by_id,
        "themes": [theme.pk for theme in sheet.themes.all()],
        "dimensions": dimensions,
        "written_after_diagnostic": sheet.written_after_diagnostic,
        "why": multi_line(plain_text(sheet.why)),
        "difficulties": items("difficulties"),
        "tips": items("tips"),
        "phases": items("phases"),
        "tools": [
            {
                "tool": row.tool_id,
                "new_name": "",
                "new_website": "",
                "new_licence": "",
                "usage": row.usage,
            }
            for row in sheet.sheet_tools.all()
        ],
        "keywords": [keyword.word for keyword in sheet.keywords.all()],
        "results": multi_line(plain_text(sheet.results)),
        "social_impact": multi_line(plain_text(sheet.social_impact)),
    }


def start_edit_draft(*, user, page: PracticeSheetPage) -> SheetDraft:
    """A draft to change an existing sheet, prefilled from its latest revision (what the
    editors last saw, not only what is online). One such draft per person and sheet."""
    require(can_edit_sheet(user, page), Refusal.EDIT_SHEET)
    existing = SheetDraft.objects.filter(author=user, page=page).first()
    if existing is not None:
        return existing
    latest = page.get_latest_revision_as_object()
    return SheetDraft.objects.create(
        author=user,
        organisation_id=latest.organisation_id or page.organisation_id,
        page=page,
        data=page_to_data(latest),
        step="context",
    )


@transaction.atomic
def save_step(*, draft: SheetDraft, user, values: dict, resume_at: str) -> None:
    """Keep a step's answers (complete or not) and where to pick the draft up again. The
    draft is read again under its lock: several co-signers may be writing at once."""
    if not can_continue_draft(user, draft):
        raise PermissionDenied(Refusal.OTHERS_DRAFT)
    draft = SheetDraft.objects.select_for_update().get(pk=draft.pk)
    values = dict(values)
    organisation = values.pop("organisation", None)
    update_fields = ["data", "step", "updated_at"]
    if organisation is not None and organisation.pk != draft.organisation_id:
        require(is_org_member(user, organisation), Refusal.SHEET_ORGANISATION)
        if draft.origin_id and not draft.co_organisations.filter(pk=organisation.pk).exists():
            # Born at an intervision: only an organisation that agreed to co-sign it.
            raise SubmissionRefused(
                [
                    _(
                        "Cette fiche est co-signée par les organisations qui l'ont accepté à "
                        "l'intervision : choisissez l'une d'elles."
                    )
                ]
            )
        draft.organisation = organisation
        update_fields.append("organisation")
    draft.data = {**draft.data, **values}
    draft.step = resume_at
    draft.save(update_fields=update_fields)


def delete_draft(*, draft: SheetDraft, user) -> None:
    if draft.author_id != user.pk:
        raise PermissionDenied(Refusal.OTHERS_DRAFT)
    draft.delete()


# --- Submission -----------------------------------------------------------------------


def _tool_for(row: dict, *, user, organisation) -> Tool:
    """The catalogue tool a row names, or the one it proposes: created once, whatever the
    case of its name ("nextcloud" is "Nextcloud"), and not live: an editor publishes it
    (with the sheet, see `practices.signals.publish_proposed_tools`)."""
    if row.get("tool"):
        tool = Tool.objects.filter(pk=row["tool"]).first()
        if tool is None:
            raise SubmissionRefused([_("Un outil choisi n'existe plus dans le catalogue.")])
        return tool
    name = row["new_name"].strip()
    existing = Tool.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Tool.objects.create(
                name=name,
                website=row.get("new_website", ""),
                licence=row.get("new_licence") or Tool.Licence.PROPRIETARY,
                category=Tool.Category.OTHER,
                live=False,
                proposed_by=user,
                proposed_for=organisation,
            )
    except IntegrityError:  # proposed at the same moment by someone else
        return Tool.objects.get(name__iexact=name)


def _rich_text(stored: str, text: str) -> str:
    """The member's text as rich text; if they did not change it, the stored rich text as
    it is: an editor's lists, links and emphasis survive a member's edit elsewhere."""
    if stored and multi_line(plain_text(stored)) == (multi_line(text or "") or "").strip():
        return stored
    return text_to_rich_text(text)


def _fill(sheet: PracticeSheetPage, *, data: dict, organisation, authors, user) -> None:
    """Copy a draft's answers onto a sheet (a new page or its latest revision), children
    and many-to-many relations included, without saving it."""
    sheet.title = data["title"].strip()
    sheet.summary = data["summary"].strip()
    sheet.organisation = organisation
    region = data.get("region")
    sheet.region = Region.objects.filter(pk=region).first() if region else None
    sheet.organisation_size = data.get("organisation_size", "")
    sheet.duration = data.get("duration", "")
    sheet.budget = data.get("budget", "")
    sheet.funding = data.get("funding", "")
    funded_by = data.get("funded_by")
    sheet.funded_by = (
        ProgrammePage.objects.live().filter(pk=funded_by).first() if funded_by else None
    )
    for key, (field, _label) in PracticeSheetPage.DIMENSIONS.items():
        setattr(sheet, field, key in (data.get("dimensions") or []))
    sheet.written_after_diagnostic = bool(data.get("written_after_diagnostic"))
    for field in ("why", "results", "social_impact"):
        setattr(sheet, field, _rich_text(getattr(sheet, field), data.get(field, "")))
    sheet.sectors.set(list(Sector.objects.filter(pk__in=data.get("sectors") or [])))
    sheet.themes.set(list(Theme.objects.filter(pk__in=data.get("themes") or [])))
    sheet.authors.set(authors)

    for part, model in (
        ("difficulties", SheetDifficulty),
        ("tips", SheetTip),
        ("phases", SheetPhase),
    ):
        items = [item for item in data.get(part) or [] if item.get("title") or item.get("text")]
        setattr(
            sheet,
            part,
            [
                model(title=item["title"].strip(), text=item["text"].strip(), sort_order=n)
                for n, item in enumerate(items)
            ],
        )
    rows = [row for row in data.get("tools") or [] if row.get("tool") or row.get("new_name")]
    sheet.sheet_tools = [
        SheetTool(
            tool=_tool_for(row, user=user, organisation=organisation),
            usage=row["usage"].strip(),
            sort_order=n,
        )
        for n, row in enumerate(rows)
    ]
    words = [word.strip() for word in data.get("keywords") or [] if word and word.strip()]
    sheet.keywords = [SheetKeyword(word=word, sort_order=n) for n, word in enumerate(words)]


def _check(draft: SheetDraft, user) -> None:
    messages = []
    for problem in wizard.draft_problems(draft, user):
        messages += problem["messages"]
    for message in three_items_errors(wizard.data_counts(draft.data)):
        if message not in messages:
            messages.append(message)
    if messages:
        raise SubmissionRefused(messages)


@transaction.atomic
@indexed_once()
def submit_draft(*, draft: SheetDraft, user) -> PracticeSheetPage:
    """Turn a complete draft into a sheet waiting for an editor, and delete the draft.

    A new sheet is created under the practice index, not live; an existing one gets a new
    revision while its published version stays online. Either way Wagtail's moderation
    workflow starts (or, after "changes requested", resumes) for it."""
    try:
        draft = (
            SheetDraft.objects.select_for_update(of=("self",))
            .select_related("organisation", "page")
            .get(pk=draft.pk)
        )
    except SheetDraft.DoesNotExist:
        raise ServiceError(_("Ce brouillon a déjà été envoyé ou supprimé.")) from None
    if not can_continue_draft(user, draft):
        raise PermissionDenied(Refusal.OTHERS_DRAFT)
    page = draft.page
    if page is not None:
        require(can_edit_sheet(user, page), Refusal.EDIT_SHEET)
    if not is_org_member(user, draft.organisation):
        raise SubmissionRefused(
            [
                _("Vous ne faites plus partie de %(org)s : choisissez une autre organisation.")
                % {"org": draft.organisation.name}
            ]
        )
    _check(draft, user)
    limits.check("sheet", user=user)  # each submission emails the editors

    index = page.get_parent() if page is not None else PracticeIndexPage.objects.first()
    if index is None:
        raise SubmissionRefused(
            [_("La bibliothèque des fiches n'existe pas encore. Prévenez l'équipe éditoriale.")]
        )
    workflow = (page or index).get_workflow()
    if workflow is None:
        raise SubmissionRefused(
            [
                _(
                    "Aucun processus de relecture n'est configuré pour les fiches : elles ne "
                    "peuvent pas être envoyées. Prévenez l'équipe éditoriale."
                )
            ]
        )

    try:
        if page is None:
            sheet = PracticeSheetPage(
                owner=user,
                live=False,
                slug=unique_slug(
                    draft.data["title"],
                    taken=index.get_children(),
                    fallback="fiche",
                    length=70,
                    reserved=route_slugs(PracticeIndexPage),
                ),
            )
            _fill(
                sheet, data=draft.data, organisation=draft.organisation, authors=[user], user=user
            )
            if draft.origin_id:
                # Born at an intervision: its event, and the organisations co-signing it.
                sheet.origin_id = draft.origin_id
                sheet.co_organisations.set(
                    list(draft.co_organisations.exclude(pk=draft.organisation_id))
                )
            index.add_child(instance=sheet)
            log(instance=sheet, action="wagtail.create", user=user)
            sheet.save_revision(user=user, log_action=True)
            workflow.start(sheet, user)
        else:
            sheet = page.get_latest_revision_as_object()
            authors = list(sheet.authors.all())
            if user not in authors:
                authors.append(user)
            _fill(
                sheet, data=draft.data, organisation=draft.organisation, authors=authors, user=user
            )
            sheet.save_revision(user=user, log_action=True)
            _restart_moderation(page, workflow=workflow, user=user)
    except ValidationError as error:
        raise SubmissionRefused(error.messages) from error

    draft.delete()
    return sheet


def publish_proposed_tools(*, sheet: PracticeSheetPage) -> None:
    """Tools members proposed with a sheet go public when an editor publishes the sheet
    (on `page_published`), never before: a spam link waits with its sheet in moderation."""
    Tool.objects.filter(live=False, usages__page=sheet).update(live=True)


def _restart_moderation(page: PracticeSheetPage, *, workflow, user) -> None:
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # Wagtail's own "resubmit": the editors find the whole exchange in one workflow.
        state.resume(user=user)
        return
    if state is not None:
        # Already waiting for review: the editors now review the newest version.
        state.cancel(user=user)
    workflow.start(page, user)
