"""The sub-addresses of the support pages, as Wagtail routes (`community.pages`):

- `ProgrammeIndexRoutes`, mixed into `ProgrammeIndexPage`: the deadlines' iCalendar feed,
  `/soutiens/echeances.ics`, and "what can my organisation apply for?",
  `/soutiens/pour-mon-organisation/` (signed-in members);
- `ProgrammeRoutes`, mixed into `ProgrammePage`: following a programme (to hear of its
  next call) and no longer following it, `/soutiens/<slug>/suivre/`.

Routes are entry points: they parse the request and call one service or reading function;
the models import this module, so each route imports what reads them when it runs.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.contrib.routable_page.models import path

from community.pages import RoutablePage
from community.refusals import show_refusal
from community.services import ServiceError


class ProgrammeIndexRoutes(RoutablePage):
    @path("echeances.ics", name="deadlines")
    def deadlines(self, request):
        from .ical import deadlines_response  # noqa: PLC0415 - it reads the models

        return deadlines_response(request, index=self)

    @path("pour-mon-organisation/", name="eligible")
    @method_decorator(login_required)
    def eligible(self, request):
        from .eligibility import for_member  # noqa: PLC0415 - it reads the models

        return render(
            request,
            "programmes/eligible.html",
            {"page": self, "self": self, "organisations": for_member(request.user)},
        )


class ProgrammeRoutes(RoutablePage):
    @path("suivre/", name="follow")
    @method_decorator(require_POST)
    def follow(self, request):
        from .services import follow, unfollow  # noqa: PLC0415 - it imports the models

        if not request.user.is_authenticated:
            messages.info(request, _("Connectez-vous pour suivre ce soutien."))
            query = urlencode({"next": self.get_url(request)})
            return redirect(f"{reverse('account_login')}?{query}")
        if request.POST.get("follow") == "0":
            unfollow(user=request.user, programme=self)
            messages.success(request, _("Vous ne suivez plus ce soutien."))
        else:
            try:
                follow(user=request.user, programme=self)
            except ServiceError as error:
                show_refusal(request, error)
            else:
                messages.success(
                    request,
                    _("Vous suivez ce soutien : vous serez prévenu·e de son prochain appel."),
                )
        return redirect(f"{self.get_url(request)}#suivre")
