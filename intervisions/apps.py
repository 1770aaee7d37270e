from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntervisionsConfig(AppConfig):
    name = "intervisions"
    verbose_name = _("Intervisions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from rooms import extensions  # noqa: PLC0415 - every app is loaded by then

        from . import frames, signals  # noqa: F401, PLC0415 - registers the handlers

        extensions.register_hello(frames.hello)
        for kind, handler in frames.HANDLERS.items():
            extensions.register_frame(kind, handler)
