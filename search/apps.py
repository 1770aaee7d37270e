from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site-wide search at /recherche/ (docs/architecture.md, "Search")."""

    name = "search"
    verbose_name = _("Recherche")
    default_auto_field = "django.db.models.BigAutoField"
