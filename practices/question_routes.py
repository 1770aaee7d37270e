"""The questions to a sheet's authors, as Wagtail routes of the sheet (`community.pages`),
mixed into `routes.SheetRoutes` (kept apart from it for size):

- `question/`: the question, posted from the sheet's page (its section "Poser une question
  aux auteur·es") and shown again on a page of its own with what to fix, the text kept;
- `questions/<id>/`: a question's page. Its authors and the members of its organisation
  answer it there, in the sheet's room, in private or by proposing an intervision (the
  calendar's announce form, prefilled); the person who asked reads what became of it;
  anyone else finds nothing.

Entry points, like `routes.py`: they check access, parse a form and call one function of
`services.questions`, imported when they run (it imports the page models, which import
this module). Plain forms: everything works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path, re_path

from community.access import Refusal, can_answer_sheet_question, can_ask_sheet_authors, require
from community.converters import ID_PATTERN
from community.pages import RoutablePage
from community.refusals import show_refusal
from community.services import ServiceError

from .questions import AnswerForm, QuestionForm, SheetQuestion


class QuestionRoutes(RoutablePage):
    """A sheet's questions to its authors, and their answers."""

    def _render(self, request, template, context):
        return render(request, template, {"page": self, **context})

    @path("question/", name="ask")
    def ask(self, request):
        """The question to the authors: posted from the sheet's page, shown again here
        with what to fix (the text kept). Then the question's own page."""
        from .services import questions  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            messages.info(request, _("Connectez-vous pour poser une question aux auteur·es."))
            return redirect_to_login(request.path)
        require(can_ask_sheet_authors(request.user), Refusal.ASK_SHEET_AUTHORS)
        form = QuestionForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                question = questions.ask(
                    user=request.user, sheet=self, text=form.cleaned_data["text"]
                )
            except ServiceError as error:
                show_refusal(request, error, form=form)
            else:
                messages.success(
                    request,
                    _(
                        "Votre question est envoyée aux auteur·es de la fiche. Vous serez "
                        "prévenu·e de leur réponse."
                    ),
                )
                return redirect(questions.question_url(question))
        return self._render(request, "practices/question_ask.html", {"form": form})

    @re_path(rf"^questions/(?P<question_id>{ID_PATTERN})/$", name="question")
    def question(self, request, question_id):
        """A question's page: its authors (and its organisation's members) answer it here,
        in one of three ways; the person who asked reads what became of it; anyone else
        finds nothing."""
        from .services import questions  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        question = (
            SheetQuestion.objects.select_related("asker", "answered_by")
            .filter(pk=question_id, sheet_id=self.pk)
            .first()
        )
        if question is None:
            raise Http404
        question.sheet = self
        may_answer = can_answer_sheet_question(request.user, question)
        if not may_answer and question.asker_id != request.user.pk:
            raise Http404
        action = request.POST.get("action") if request.method == "POST" else None
        forms = {
            where: AnswerForm(request.POST if action == where else None, where=where)
            for where in ("room", "private")
        }
        if action is not None:
            require(may_answer, Refusal.ANSWER_SHEET_QUESTION)
            if question.is_answered:  # the page shows how; the service refuses it too
                messages.error(request, _("Cette question a déjà reçu une réponse."))
                return redirect(request.path)
            answers = {"room": questions.answer_in_room, "private": questions.answer_privately}
            form = forms.get(action)
            try:
                if action == "intervision":
                    url = questions.propose_intervision(user=request.user, question=question)
                    messages.success(
                        request,
                        _(
                            "C'est noté : la personne qui a posé la question est prévenue. "
                            "Annoncez maintenant l'intervision : le formulaire est prérempli."
                        ),
                    )
                    return redirect(url)
                if form is None:
                    raise ServiceError(_("Action inconnue : rien n'a changé."))
                if form.is_valid():
                    url = answers[action](
                        user=request.user, question=question, text=form.cleaned_data["text"]
                    )
                    messages.success(request, _("Votre réponse est envoyée."))
                    return redirect(url)
            except ServiceError as error:
                show_refusal(request, error, form=form)
                if form is None:
                    return redirect(request.path)
        return self._render(
            request,
            "practices/question.html",
            {
                "question": question,
                "may_answer": may_answer,
                "room_form": forms["room"],
                "private_form": forms["private"],
                "announce_url": questions.announce_url(question),
            },
        )
