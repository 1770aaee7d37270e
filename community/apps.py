import warnings

from django.apps import AppConfig
from django.conf import settings
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _
from PIL import Image

from .converters import IdConverter


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Communauté")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Pillow refuses to open a picture of more than twice MAX_IMAGE_PIXELS (and only
        # warns above it): half the limit makes every decoder in the process (our forms,
        # Wagtail's images, renditions and admin avatars) refuse past IMAGE_MAX_PIXELS.
        # Below the limit the warning is noise: the forms give the clear message.
        Image.MAX_IMAGE_PIXELS = settings.RELAIS["IMAGE_MAX_PIXELS"] // 2
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        # Before any URLconf is read: the apps' addresses use <id:…> for ids.
        register_converter(IdConverter, "id")
        # Before Wagtail's search app connects its handlers (community comes first in
        # INSTALLED_APPS): our pages are indexed once per operation (community/indexing.py).
        from .indexing import take_over_page_search_updates  # noqa: PLC0415 - AppConfig.ready

        take_over_page_search_updates()
