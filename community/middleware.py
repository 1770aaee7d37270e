"""Per-person language and time zone; the client's address for the action limits."""

import zoneinfo

from django.conf import settings
from django.utils import timezone, translation

from community.services.limits import client_address


def preferred_language(request, user) -> str | None:
    """The signed-in person's preferred language, unless this browser chose one (the
    language cookie, which the language switcher sets)."""
    if (
        user is not None
        and user.is_authenticated
        and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        and user.preferred_language in dict(settings.LANGUAGES)
    ):
        return user.preferred_language
    return None


def use_language(request, language: str) -> None:
    translation.activate(language)
    request.LANGUAGE_CODE = language


class UserPreferencesMiddleware:
    """Show times in the person's zone (Europe/Brussels by default). A signed-in person
    without an explicit language choice in this browser gets their preferred language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        tz_name = settings.RELAIS["DEFAULT_TIME_ZONE"]
        if user is not None and user.is_authenticated:
            tz_name = user.time_zone or tz_name
            # The Wagtail admin follows each editor's own admin preferences.
            language = preferred_language(request, user)
            if language and not request.path.startswith("/admin/"):
                use_language(request, language)
        try:
            timezone.activate(zoneinfo.ZoneInfo(tz_name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.activate(zoneinfo.ZoneInfo(settings.RELAIS["DEFAULT_TIME_ZONE"]))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class ClientAddressMiddleware:
    """Keep the client's address (`REMOTE_ADDR`, which uvicorn sets from the trusted
    proxies' `X-Forwarded-For`) for `community.services.limits` during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = client_address.set(request.META.get("REMOTE_ADDR", ""))
        try:
            return self.get_response(request)
        finally:
            client_address.reset(token)
