from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signals connect once the apps are loaded (the module imports models' signals).
        from community import dashboard  # noqa: PLC0415
        from website import page_cache  # noqa: PLC0415

        page_cache.connect_signals()
        dashboard.register(my_data_section)


def my_data_section(request):
    """/moi/'s way to one's data (no query)."""
    if not request.user.is_authenticated:
        return None
    return {"template": "website/dashboard_my_data.html"}
