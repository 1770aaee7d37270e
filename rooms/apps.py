from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    """Real-time discussion rooms. Rooms build on `community` (people, organisations, the
    access rules' helpers) and never the other way round: community knows of rooms only
    through the hooks it offers (/moi/'s sections) and the project's wiring (URLs, ASGI)."""

    name = "rooms"
    verbose_name = _("Salons")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from community import dashboard  # noqa: PLC0415 - ready(): needs the models loaded
        from community.services import digests  # noqa: PLC0415 - ready(): needs the models loaded

        from . import signals  # noqa: F401, PLC0415 - receivers connect on import
        from .services.reading import readable_notifications  # noqa: PLC0415 - ready()
        from .views import dashboard_section  # noqa: PLC0415 - ready(): needs the models loaded

        dashboard.register(dashboard_section)
        digests.register_visibility(readable_notifications)
