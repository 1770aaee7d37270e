"""The sub-addresses of the library's pages, as Wagtail routes (`community.pages`).

- `SheetRoutes`, mixed into `PracticeSheetPage`: the reactions under a sheet
  (`utile/`, `favori/`, `adoption/`, `adoption/retirer/`), POST forms that work without
  JavaScript and come back to the sheet with a message; a question to its authors
  (`question/`) and each question's page, where they answer it (`questions/<id>/`);
- `LibraryRoutes`, mixed into `PracticeIndexPage`: the submission wizard (`proposer/…`:
  plain server-side forms, one step per part of a sheet, the draft saved at every step).

Routes are entry points: they check access, parse a form and call one service function
(`services.reactions`, `services.questions`, `services.submission`); nothing here writes
to the database itself. Routes answer only on live pages (`RoutablePageMixin.route`), so
a reaction to a sheet that is not online is "not found". The services, forms and the
wizard import the page models, which import this module: each route imports them when it
runs.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path, re_path

from community.access import (
    Refusal,
    can_continue_draft,
    can_edit_sheet,
    can_propose_sheet,
    member_organisations,
    require,
)
from community.converters import ID_PATTERN
from community.pages import RoutablePage
from community.refusals import show_refusal
from community.services import ServiceError

from .question_routes import QuestionRoutes

ACTIONS = {"next", "previous", "save"}
DRAFT = rf"(?P<draft_id>{ID_PATTERN})"


def _post_only(request):
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


class SheetRoutes(QuestionRoutes, RoutablePage):
    """Reactions to a sheet. Visitors are sent to sign in first and come back to the
    sheet; a `ServiceError` becomes an error message. (The questions to its authors are
    `question_routes.QuestionRoutes`'.)"""

    def _react(self, request, act):
        refused = _post_only(request)
        if refused:
            return refused
        if not request.user.is_authenticated:
            messages.info(request, _("Connectez-vous pour réagir à une fiche."))
            return redirect(
                f"{reverse('account_login')}?{urlencode({'next': self.get_url(request)})}"
            )
        try:
            outcome = act(request)
        except ServiceError as error:
            show_refusal(request, error)
        else:
            messages.success(request, outcome)
        return redirect(f"{self.get_url(request)}#reactions")

    @staticmethod
    def _wanted_state(request) -> bool:
        value = request.POST.get("on")
        if value not in ("0", "1"):
            raise ServiceError(_("Action inconnue : rien n'a changé."))
        return value == "1"

    @path("utile/", name="useful")
    def useful(self, request):
        from .services import reactions  # noqa: PLC0415 - it imports the models

        def act(request):
            if reactions.set_useful(user=request.user, sheet=self, on=self._wanted_state(request)):
                return _("Merci : vous trouvez cette fiche utile.")
            return _("C'est noté : vous ne marquez plus cette fiche comme utile.")

        return self._react(request, act)

    @path("favori/", name="bookmark")
    def bookmark(self, request):
        from .services import reactions  # noqa: PLC0415 - it imports the models

        def act(request):
            on = self._wanted_state(request)
            if reactions.set_bookmark(user=request.user, sheet=self, on=on):
                return _("La fiche est dans vos favoris.")
            return _("La fiche est retirée de vos favoris.")

        return self._react(request, act)

    @path("adoption/", name="adoption")
    def adoption(self, request):
        from community import access  # noqa: PLC0415 - it imports the models

        from .reading import AdoptionForm  # noqa: PLC0415 - it imports the models
        from .services import reactions  # noqa: PLC0415 - it imports the models

        def act(request):
            organisations = access.member_organisations(request.user)
            form = AdoptionForm(request.POST, organisations=organisations)
            if not form.is_valid():
                problems = [str(error) for errors in form.errors.values() for error in errors]
                raise ServiceError(
                    _("Votre témoignage n'est pas enregistré : %(problems)s")
                    % {"problems": " ".join(problems)}
                )
            organisation = form.cleaned_data["organisation"]
            _report, created = reactions.report_adoption(
                user=request.user,
                sheet=self,
                organisation=organisation,
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
            )
            if created:
                return _("Merci pour le témoignage de %(name)s.") % {"name": organisation}
            return _("Le témoignage de %(name)s est mis à jour.") % {"name": organisation}

        return self._react(request, act)

    @path("adoption/retirer/", name="adoption_withdraw")
    def adoption_withdraw(self, request):
        from community import access  # noqa: PLC0415 - it imports the models

        from .services import reactions  # noqa: PLC0415 - it imports the models

        def act(request):
            organisation_id = request.POST.get("organisation", "")
            organisation = (
                access.member_organisations(request.user).filter(pk=organisation_id).first()
                if organisation_id.isdigit()
                else None
            )
            if organisation is None:
                raise ServiceError(_("Choisissez une de vos organisations."))
            reactions.withdraw_adoption(user=request.user, sheet=self, organisation=organisation)
            return _("Le témoignage de %(name)s est retiré.") % {"name": organisation}

        return self._react(request, act)


class LibraryRoutes(RoutablePage):
    """The submission wizard, under the library. (Its Atom feed, `feed/`, is a Django
    view: see `practices/urls.py`.)"""

    django_addresses = {"feed"}

    # There is one library (`PracticeIndexPage.max_count`), at its stable address
    # (DESIGN.md), so its routes' addresses are known without fetching it.
    PATH = "/pratiques/"

    @classmethod
    def route_path(cls, name: str, *args) -> str:
        """The address of one of the library's routes, e.g. for /moi/ and emails:
        `PracticeIndexPage.route_path("wizard_edit", sheet.pk)`."""
        return cls.PATH + cls.get_resolver().reverse(name, *args)

    # --- The wizard -------------------------------------------------------------------

    def wizard_url(self, name: str, *args) -> str:
        """One of the wizard's addresses, e.g. `wizard_url("wizard_step", draft.pk, "tips")`."""
        return self.route_path(name, *args)

    def _step_url(self, draft, step) -> str:
        return self.wizard_url("wizard_step", draft.pk, step.name)

    def _render(self, request, template, context, status=200):
        return render(request, template, {"page": self, **context}, status=status)

    def _join_first(self, request):
        """People outside any organisation learn how to get in, instead of a bare refusal."""
        return self._render(request, "practices/wizard/join_first.html", {}, status=403)

    @staticmethod
    def _own_draft(request, draft_id):
        """A person only ever sees the drafts they may continue (their own, and those born
        at an intervision that their organisation co-signs); anyone else's is "not
        found"."""
        from .models import SheetDraft  # noqa: PLC0415 - it imports the models

        draft = get_object_or_404(
            SheetDraft.objects.select_related("organisation", "page"), pk=draft_id
        )
        if not can_continue_draft(request.user, draft):
            raise Http404
        if draft.page is not None:
            require(can_edit_sheet(request.user, draft.page), Refusal.EDIT_SHEET)
        return draft

    @path("proposer/", name="wizard")
    def wizard_index(self, request):
        """My drafts, and the way to start a new sheet."""
        from . import wizard  # noqa: PLC0415 - it imports the models
        from .models import SheetDraft  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_propose_sheet(request.user):
            return self._join_first(request)
        drafts = [
            (draft, wizard.STEPS_BY_NAME.get(draft.step, wizard.STEPS[0]))
            for draft in SheetDraft.objects.filter(
                Q(author=request.user)
                | Q(
                    origin__isnull=False,
                    co_organisations__in=member_organisations(request.user),
                )
            )
            .distinct()
            .select_related("organisation", "page")
        ]
        return self._render(
            request, "practices/wizard/index.html", {"drafts": drafts, "steps": wizard.STEPS}
        )

    @path("proposer/nouvelle/", name="wizard_start")
    def wizard_start(self, request):
        from . import wizard  # noqa: PLC0415 - it imports the models
        from .services import submission  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        refused = _post_only(request)
        if refused:
            return refused
        if not can_propose_sheet(request.user):
            return self._join_first(request)
        try:
            draft = submission.start_draft(user=request.user)
        except ServiceError as error:
            show_refusal(request, error)
            return redirect(self.wizard_url("wizard"))
        return redirect(self._step_url(draft, wizard.STEPS[0]))

    @re_path(rf"^proposer/modifier/(?P<page_id>{ID_PATTERN})/$", name="wizard_edit")
    def wizard_edit(self, request, page_id):
        """Change a sheet of one's organisation: continue one's draft for it, or (on POST)
        start one prefilled from the sheet's latest version."""
        from . import wizard  # noqa: PLC0415 - it imports the models
        from .models import PracticeSheetPage, SheetDraft  # noqa: PLC0415 - it imports the models
        from .services import submission  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        page = get_object_or_404(PracticeSheetPage, pk=page_id)
        require(can_edit_sheet(request.user, page), Refusal.EDIT_SHEET)
        draft = SheetDraft.objects.filter(author=request.user, page=page).first()
        if draft is None and request.method == "POST":
            draft = submission.start_edit_draft(user=request.user, page=page)
        if draft is not None:
            return redirect(
                self._step_url(draft, wizard.STEPS_BY_NAME.get(draft.step, wizard.STEPS[0]))
            )
        return self._render(
            request,
            "practices/wizard/edit_confirm.html",
            {
                "sheet": page.get_latest_revision_as_object(),
                "workflow_state": page.current_workflow_state,
            },
        )

    @re_path(rf"^proposer/{DRAFT}/$", name="wizard_resume")
    def wizard_resume(self, request, draft_id):
        from . import wizard  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        draft = self._own_draft(request, draft_id)
        return redirect(
            self._step_url(draft, wizard.STEPS_BY_NAME.get(draft.step, wizard.STEPS[0]))
        )

    @re_path(rf"^proposer/{DRAFT}/supprimer/$", name="wizard_delete")
    def wizard_delete(self, request, draft_id):
        from .models import SheetDraft  # noqa: PLC0415 - it imports the models
        from .services import submission  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        refused = _post_only(request)
        if refused:
            return refused
        draft = get_object_or_404(SheetDraft, pk=draft_id, author=request.user)
        title = str(draft)
        submission.delete_draft(draft=draft, user=request.user)
        messages.success(request, _("Le brouillon « %(title)s » est supprimé.") % {"title": title})
        return redirect(self.wizard_url("wizard"))

    @re_path(rf"^proposer/{DRAFT}/(?P<step>[-a-zA-Z0-9_]+)/$", name="wizard_step")
    def wizard_step(self, request, draft_id, step):
        from . import wizard  # noqa: PLC0415 - it imports the models
        from .services import submission  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        current = wizard.get_step(step)
        if current is None:
            raise Http404
        draft = self._own_draft(request, draft_id)
        if not can_propose_sheet(request.user):
            return self._join_first(request)
        if isinstance(current, wizard.PreviewStep):
            return self._preview(request, draft, current)

        previous, following = wizard.neighbours(current)
        if request.method != "POST":
            forms = current.forms(draft=draft, user=request.user, strict=True)
            return self._render_step(request, draft, current, forms)

        action = request.POST.get("action")
        if action not in ACTIONS:
            action = "save"
        # First the shape of the input: a half-written step is kept, malformed input is not.
        forms = current.forms(draft=draft, user=request.user, data=request.POST)
        if not forms.is_valid():
            return self._render_step(request, draft, current, forms)
        strict = None
        if action == "next":
            # Then what a submittable sheet needs. The answers are kept either way; the
            # person fixes the step now, or later through the step list, before sending.
            strict = current.forms(draft=draft, user=request.user, data=request.POST, strict=True)
            if strict.is_valid():
                strict = None
        target = {"next": following, "previous": previous}.get(action) or current
        try:
            submission.save_step(
                draft=draft,
                user=request.user,
                values=current.to_data(forms),
                resume_at=(following if action == "next" and strict is None else current).name,
            )
        except ServiceError as error:
            show_refusal(request, error)
            return redirect(self._step_url(draft, current))
        if strict is not None:
            return self._render_step(request, draft, current, strict, saved=True)
        if action == "save":
            messages.success(
                request, _("Brouillon enregistré. Vous pourrez le reprendre plus tard.")
            )
        return redirect(self._step_url(draft, target))

    def _render_step(self, request, draft, current, forms, saved=False):
        from . import wizard  # noqa: PLC0415 - it imports the models

        previous, following = wizard.neighbours(current)
        return self._render(
            request,
            current.template,
            {
                "draft": draft,
                "step": current,
                "steps": wizard.STEPS,
                "position": wizard.STEPS.index(current) + 1,
                "previous": previous,
                "following": following,
                "forms": forms,
                "errors": forms.messages() if forms.forms[0].is_bound else [],
                "saved": saved,
            },
        )

    def _preview(self, request, draft, current):
        from . import wizard  # noqa: PLC0415 - it imports the models
        from .services import submission  # noqa: PLC0415 - it imports the models

        problems = None
        if request.method == "POST":
            if request.POST.get("action") == "previous":
                return redirect(self._step_url(draft, wizard.neighbours(current)[0]))
            try:
                sheet = submission.submit_draft(draft=draft, user=request.user)
            except submission.SubmissionRefused as refused:
                problems = wizard.draft_problems(draft, request.user)
                if not problems:  # refused for a reason that no step can fix
                    problems = [{"step": None, "messages": refused.messages}]
            except ServiceError as error:
                show_refusal(request, error)
                return redirect(self.wizard_url("wizard"))
            else:
                messages.success(
                    request,
                    _(
                        "Merci ! La fiche « %(title)s » est envoyée à l'équipe éditoriale. "
                        "Vous serez prévenu·e dès qu'elle sera relue."
                    )
                    % {"title": sheet.title},
                )
                return redirect("community:me")
        if problems is None:
            problems = wizard.draft_problems(draft, request.user)
        return self._render(
            request,
            current.template,
            {
                "draft": draft,
                "step": current,
                "steps": wizard.STEPS,
                "position": wizard.STEPS.index(current) + 1,
                "previous": wizard.neighbours(current)[0],
                "problems": problems,
                "submitted": request.method == "POST",
                **wizard.preview(draft),
            },
        )
