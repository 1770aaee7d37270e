"""What people looked for and did not find, for the editors: "Fiches demandées" in the
Wagtail admin, read-only, the most searched first."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import SearchMiss


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Editors read the misses; only the search writes them (search.services), so nobody
    adds, changes or deletes one here, superusers included."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(SearchMiss, ReadOnlyPolicy(SearchMiss), exact_class=True)


class SearchMissViewSet(ModelViewSet):
    model = SearchMiss
    icon = "search"
    menu_label = _("Fiches demandées")
    menu_order = 220
    add_to_admin_menu = True
    name = "recherches-sans-resultat"
    list_display = ["query", "count", "first_seen", "last_seen"]
    # Wagtail builds its forms whatever the permissions; nobody may open them (above).
    form_fields = ["query", "count", "first_seen", "last_seen"]
    search_fields = ["query"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False


@hooks.register("register_admin_viewset")
def register_viewset():
    return SearchMissViewSet()
