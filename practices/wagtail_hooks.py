"""Editors manage the tool catalogue in the Wagtail admin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Tool


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "cogs"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "category", "licence", "data_hosting", "live"]
    list_filter = ["live", "category", "licence", "data_hosting"]
    search_fields = ["name"]


register_snippet(ToolViewSet)
