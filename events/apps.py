from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from community import dashboard  # noqa: PLC0415 - ready(): needs the models loaded
        from rooms.services import listing  # noqa: PLC0415 - ready(): needs the models loaded

        from . import signals  # noqa: PLC0415 - ready(): needs the models loaded
        from .dashboard import (  # noqa: PLC0415 - ready(): needs the models loaded
            ended_event_pages,
            followed_event_pages,
            my_events_section,
        )

        signals.connect()
        dashboard.register(my_events_section)
        listing.register_page_rooms(followed=followed_event_pages, ended=ended_event_pages)
