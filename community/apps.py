from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Communauté")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import register_converter

        from . import dashboard, signals  # noqa: F401 (signals: receivers connect on import)
        from .converters import IdConverter

        # Before any URLconf is read: the apps' addresses use <id:…> for ids.
        register_converter(IdConverter, "id")
        from .views_rooms import dashboard_section

        dashboard.register(dashboard_section)
