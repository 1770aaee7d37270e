from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signals connect once the apps are loaded (the module imports models' signals).
        from website import page_cache  # noqa: PLC0415

        page_cache.connect_signals()
