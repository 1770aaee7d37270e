from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Communauté")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings
        from django.urls import register_converter
        from PIL import Image

        # Pillow refuses to open pictures of more than twice this many pixels (and warns
        # above it): uploads, Wagtail's renditions and any other decoding are covered.
        Image.MAX_IMAGE_PIXELS = settings.RELAIS["IMAGE_MAX_PIXELS"]
        from . import dashboard, signals  # noqa: F401 (signals: receivers connect on import)
        from .converters import IdConverter

        # Before any URLconf is read: the apps' addresses use <id:…> for ids.
        register_converter(IdConverter, "id")
        from .views_rooms import dashboard_section

        dashboard.register(dashboard_section)
