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
        from django.db.models.signals import post_delete  # noqa: PLC0415 - ready()

        from website import services  # noqa: PLC0415 - ready()
        from website.models import PersonalDataExport  # noqa: PLC0415 - ready()

        # An export's row deleted (with its account): its file goes too.
        post_delete.connect(
            services.export_deleted, sender=PersonalDataExport, dispatch_uid="website.export"
        )
        from django.contrib.auth.signals import user_logged_in  # noqa: PLC0415 - ready()

        from website import account_deletion  # noqa: PLC0415 - ready()

        # Signing in during the grace period keeps the account.
        user_logged_in.connect(
            account_deletion.cancel_on_sign_in, dispatch_uid="website.deletion_cancelled"
        )


def my_data_section(request):
    """/moi/'s way to one's data (no query)."""
    if not request.user.is_authenticated:
        return None
    return {"template": "website/dashboard_my_data.html"}
