"""Editors see every registration in the Wagtail admin (the events themselves are pages).

Read only: registrations change through `services/registrations.py` (capacity, waiting
list, emails), never by editing rows.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Registration


class ViewOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "date"
    menu_label = _("Inscriptions")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["user", "event", "status", "queued_at"]
    list_filter = ["status"]
    list_export = ["user", "event", "status", "queued_at"]
    search_fields: list[str] = []
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Registration.objects.select_related("user", "event")


register_permission_policy(Registration, ViewOnlyPolicy(Registration))
register_snippet(RegistrationViewSet)
