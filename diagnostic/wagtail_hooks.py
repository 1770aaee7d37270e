"""Editors manage the diagnostic's questionnaire in the Wagtail admin: one snippet per
version; an answered version is locked (its form says so) and "Nouvelle version" copies
it, questions and themes included, for editing."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Questionnaire
from .services import new_version

PERMISSION = "diagnostic.add_questionnaire"


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "tasks"
    menu_label = gettext_lazy("Diagnostic")
    menu_order = 230
    add_to_admin_menu = True
    copy_view_enabled = False  # "Nouvelle version" copies the questions too
    list_display = ["title", "version", "published", "created_at"]
    list_filter = ["published"]


register_snippet(QuestionnaireViewSet)


def new_version_view(request, pk):
    if not request.user.has_perm(PERMISSION):
        return redirect("wagtailadmin_home")
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    if request.method == "POST":
        copy = new_version(questionnaire)
        messages.success(
            request,
            _("Version %(version)s créée : modifiez-la, puis publiez-la.")
            % {"version": copy.version},
        )
        return redirect("wagtailsnippets_diagnostic_questionnaire:edit", copy.pk)
    return TemplateResponse(
        request, "diagnostic/admin/new_version.html", {"questionnaire": questionnaire}
    )


@hooks.register("register_admin_urls")
def urls():
    return [
        path(
            "diagnostic/questionnaire/<int:pk>/nouvelle-version/",
            new_version_view,
            name="diagnostic_new_version",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Questionnaire) and user.has_perm(PERMISSION):
        yield Button(
            _("Nouvelle version"),
            reverse("diagnostic_new_version", args=[snippet.pk]),
            icon_name="copy",
            priority=30,
        )
