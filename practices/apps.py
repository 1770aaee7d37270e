from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Fiches pratiques")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from community import dashboard  # noqa: PLC0415 - ready(): needs the models loaded
        from rooms.services import listing  # noqa: PLC0415 - ready(): needs the models loaded

        from . import signals  # noqa: PLC0415 - ready(): needs the models loaded
        from .dashboard import (  # noqa: PLC0415 - ready(): needs the models loaded
            followed_sheet_pages,
            my_bookmarks_section,
            my_sheets_section,
        )

        signals.connect()
        dashboard.register(my_sheets_section)
        dashboard.register(my_bookmarks_section)
        listing.register_page_rooms(followed=followed_sheet_pages)
