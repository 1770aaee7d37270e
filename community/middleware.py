"""Per-person language and time zone."""

import zoneinfo

from django.conf import settings
from django.utils import timezone, translation


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
            if (
                settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
                and user.preferred_language in dict(settings.LANGUAGES)
                and not request.path.startswith("/admin/")
            ):
                translation.activate(user.preferred_language)
                request.LANGUAGE_CODE = user.preferred_language
        try:
            timezone.activate(zoneinfo.ZoneInfo(tz_name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.activate(zoneinfo.ZoneInfo(settings.RELAIS["DEFAULT_TIME_ZONE"]))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
