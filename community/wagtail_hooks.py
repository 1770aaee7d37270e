"""Editors manage the shared taxonomies and organisations in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .fields import MultiLineTextField
from .models import Organisation, Region, Sector, Theme

# Wagtail gives plain TextFields (exactly) its growing textarea: the same for ours.
register_form_field_override(
    MultiLineTextField, override={"widget": AdminAutoHeightTextInput}, exact_class=True
)


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "position"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Organisation.objects.select_related("region")


class CommunityGroup(SnippetViewSetGroup):
    menu_label = _("Réseau")
    menu_icon = "group"
    menu_order = 200
    items = (OrganisationViewSet, SectorViewSet, RegionViewSet, ThemeViewSet)


register_snippet(CommunityGroup)


# --- rooms ----------------------------------------------------------------------------------
# Editors create thematic rooms and read the reports and the moderation log; moderation
# itself (hide, mute, ban, handle reports) happens on the public site, through the rooms
# service, so that it is broadcast and logged the same way whoever does it.

from django.contrib.auth.models import Permission  # noqa: E402
from wagtail import hooks  # noqa: E402

from .models import MessageReport, ModerationLog, Room  # noqa: E402


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "comment"
    menu_label = _("Salons")
    list_display = ["title", "kind", "slug", "last_seq", "archived"]
    list_filter = ["kind", "archived"]
    search_fields = ["title"]

    def get_queryset(self, request):
        # Direct conversations are private: not even listed to editors.
        return Room.objects.exclude(kind=Room.Kind.DIRECT)


class MessageReportViewSet(SnippetViewSet):
    model = MessageReport
    icon = "warning"
    list_display = ["message", "reporter", "status", "outcome", "created_at"]
    list_filter = ["status"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return MessageReport.objects.select_related("message__room", "reporter")


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationLog
    icon = "list-ul"
    list_display = ["at", "actor", "action", "room", "target", "detail"]
    list_filter = ["action"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return ModerationLog.objects.select_related("actor", "room", "target")


class RoomsGroup(SnippetViewSetGroup):
    menu_label = _("Salons")
    menu_icon = "comment"
    menu_order = 210
    items = (RoomViewSet, MessageReportViewSet, ModerationLogViewSet)


register_snippet(RoomsGroup)


@hooks.register("register_permissions")
def room_moderation_permission():
    """Shown on the group edit page, so editors can make a "Modérateurs" group."""
    return Permission.objects.filter(content_type__app_label="community", codename="moderate_rooms")
