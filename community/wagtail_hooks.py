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
