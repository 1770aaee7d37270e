"""Editors create thematic rooms and read the reports and the moderation log in the Wagtail
admin; moderation itself (hide, mute, ban, handle reports) happens on the public site,
through the rooms services, so that it is broadcast and logged the same way whoever does
it."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MessageReport, ModerationLog, Room


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
    return Permission.objects.filter(content_type__app_label="rooms", codename="moderate_rooms")
