"""Site-wide request rules that no single view owns."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from community import access
from community.middleware import preferred_language, use_language

ADMIN_PREFIX = "/admin/"
# The admin's login address only redirects to allauth's sign-in (see website/urls.py).
ADMIN_OPEN_PATHS = {"/admin/login/"}


class AdminAccessMiddleware:
    """A signed-in person who is not an editor gets a clear refusal at /admin/.

    Wagtail would send them to the login page, which sends a signed-in person back to
    /admin/: the browser loops until it gives up. Visitors still go to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(ADMIN_PREFIX)
            and request.path not in ADMIN_OPEN_PATHS
            and user is not None
            and user.is_authenticated
            and not access.can_use_admin(user)
        ):
            # Not an editor: the refusal speaks the person's language like the site does.
            language = preferred_language(request, user)
            if language:
                use_language(request, language)
            raise PermissionDenied(
                _(
                    "L'administration de Relais est réservée à l'équipe éditoriale. Tout ce "
                    "que vous faites comme membre (fiches, évènements, organisations, salons) "
                    "se trouve dans le site, à partir de votre espace."
                )
            )
        return self.get_response(request)
