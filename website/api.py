"""Wagtail's read-only API at /api/v2/, with its query parameters checked first so that
odd input (NUL bytes, huge or unknown search operators, a date that is none) is a 400,
never a 500.

Federations show the network's stories, programmes, sheets and events on their own sites
from it: `/api/v2/pages/?type=stories.StoryPage&fields=*` (or `programmes.ProgrammePage`,
`practices.PracticeSheetPage`, `events.EventPage`). Only live public pages are listed
(Wagtail's own filter). What a page type shows is its `api_fields` (a sheet's are set
below); this module says how a relation is shown, and never anything it does not know:

- themes, sectors and regions as their slug and name; organisations as their name, slug
  and public address (on the `Site` record's address, as every link of the API); a
  story's authors (editorial bylines, not accounts) as their name and role; a sheet's
  parts, tools and keywords; an event's next dates (`upcoming_dates`);
- pages a page points to (a story's programmes, related stories and sheets, the programme
  that funded a sheet) only if they are live and public themselves, as their id, title and
  addresses; an image only if its collection is public;
- a relation to any other model (a person, a registration) is refused: `how_shown` raises
  rather than let Wagtail show it. Sheets' authors (members), events' online link, who
  proposed an event and who registered are in no `api_fields`: asking for them is a 400.

A list's relations are fetched at once for the whole page of results (one query each), so
a listing costs the same number of queries for 2 items or 20. A story's `body` is given by
its detail address only (`/api/v2/pages/<id>/`): its blocks fetch what they show per story.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db.models import Model, Prefetch, prefetch_related_objects
from django.utils import timezone
from rest_framework import serializers
from wagtail.api.utils import get_full_url
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import (
    BadRequestError,
    get_object_detail_url,
    get_restricted_collection_ids,
)
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from community.models import Organisation, Taxonomy
from events.models import EventDate
from events.reading import UPCOMING_DATES
from practices.models import (
    PracticeSheetPage,
    SheetDifficulty,
    SheetKeyword,
    SheetPhase,
    SheetTip,
    SheetTool,
)
from programmes.fields import ChoicesField
from stories.models import StoryAuthor

MAX_SEARCH_LENGTH = 200
MAX_SEARCH_TERMS = 20
# Far beyond any list here; a larger offset overflowed the database's integers (a 500).
MAX_OFFSET = 1_000_000_000


class CheckedParametersMixin:
    def check_raw_parameters(self, request):
        for key, value in request.GET.items():
            if "\x00" in key or "\x00" in value:
                raise BadRequestError("query parameters may not contain NUL characters")
        search = request.GET.get("search", "")
        if len(search) > MAX_SEARCH_LENGTH or len(search.split()) > MAX_SEARCH_TERMS:
            raise BadRequestError(
                f"search is limited to {MAX_SEARCH_LENGTH} characters and {MAX_SEARCH_TERMS} words"
            )
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's pagination says what is wrong with it
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def listing_view(self, request):
        self.check_raw_parameters(request)
        return super().listing_view(request)

    def detail_view(self, request, pk):
        self.check_raw_parameters(request)
        return super().detail_view(request, pk)

    def find_view(self, request):
        self.check_raw_parameters(request)
        return super().find_view(request)

    def filter_queryset(self, queryset):
        """`?deadline=2026-13-45`, `?start=soon`: a value its field cannot hold is a 400."""
        try:
            return super().filter_queryset(queryset)
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            raise BadRequestError("a field filter's value is not valid for that field") from error


# A sheet's `api_fields`, here rather than on the class as the other page types' are:
# practices/models.py is at the 500 lines tests/test_architecture.py allows a module. Never
# `authors`: they are members.
PracticeSheetPage.api_fields = [
    "summary",
    "organisation",
    "sectors",
    "region",
    "organisation_size",
    "duration",
    "budget",
    "funding",
    "funded_by",
    "themes",
    "dimensions",
    "why",
    "difficulties",
    "tips",
    "phases",
    "sheet_tools",
    "keywords",
    "results",
    "social_impact",
    "related_sheets",
]


# --- How a relation is shown -----------------------------------------------------------------


class TermSerializer(serializers.Serializer):
    """A theme, sector or region: its slug (the site's own filters take it) and its name."""

    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()

    def get_url(self, organisation) -> str:
        return get_full_url(self.context["request"], organisation.get_absolute_url())


class StoryAuthorSerializer(serializers.Serializer):
    """A story's byline, as the story's page prints it (a snippet, not an account)."""

    name = serializers.CharField(read_only=True)
    role = serializers.CharField(read_only=True)


class SheetItemSerializer(serializers.Serializer):
    """One of a sheet's three difficulties, tips or phases."""

    title = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)


class SheetToolSerializer(serializers.Serializer):
    """A tool of a sheet and how the organisation used it. A tool waiting for an editor
    (proposed by a member, not live) has no page and its link is not given."""

    name = serializers.CharField(source="tool.name", read_only=True)
    slug = serializers.CharField(source="tool.slug", read_only=True)
    category = serializers.CharField(source="tool.category", read_only=True)
    licence = serializers.CharField(source="tool.licence", read_only=True)
    website = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    usage = serializers.CharField(read_only=True)

    def get_website(self, usage) -> str:
        return usage.tool.website if usage.tool.live else ""

    def get_url(self, usage) -> str | None:
        if not usage.tool.live:
            return None
        return get_full_url(self.context["request"], usage.tool.get_absolute_url())


class EventDateSerializer(serializers.Serializer):
    """One of an event's next dates (a series has several; a date may be moved or
    cancelled)."""

    start = serializers.DateTimeField(read_only=True)
    end = serializers.DateTimeField(read_only=True)
    cancelled = serializers.BooleanField(read_only=True)
    moved = serializers.BooleanField(read_only=True)


class LinkedPageSerializer(serializers.Serializer):
    """A page another page points to (fetched only if live and public: `public_pages`)."""

    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    html_url = serializers.SerializerMethodField()
    detail_url = serializers.SerializerMethodField()

    def get_html_url(self, page) -> str | None:
        return page.full_url

    def get_detail_url(self, page) -> str | None:
        return get_object_detail_url(self.context["router"], self.context["request"], Page, page.pk)


class ImageSerializer(serializers.Serializer):
    """An image (fetched only if its collection is public), with its original's address."""

    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    width = serializers.IntegerField(read_only=True)
    height = serializers.IntegerField(read_only=True)
    download_url = serializers.SerializerMethodField()
    detail_url = serializers.SerializerMethodField()

    def get_download_url(self, image) -> str:
        return get_full_url(self.context["request"], image.file.url)

    def get_detail_url(self, image) -> str | None:
        return get_object_detail_url(
            self.context["router"], self.context["request"], type(image), image.pk
        )


class SheetDimensionsField(serializers.Field):
    """The maturity dimensions a sheet's project moved, as keys (those of a programme's
    `dimensions`): ["processes", "strategy"]."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, sheet) -> list[str]:
        return [key for key, (field, _label) in sheet.DIMENSIONS.items() if getattr(sheet, field)]


# The view fetches a relation with this (a lookup name or a Prefetch built for the request).
Lookup = Callable[["CheckedPagesAPIViewSet"], str | Prefetch]


class Shown(NamedTuple):
    serializer: Callable[[], serializers.Field]
    lookup: Lookup | None = None


def _rows(serializer_class, name: str, many: bool, related=None) -> Shown:
    """Rows shown as they are by `serializer_class`, fetched for the whole list at once
    (with the rows they show in turn: `JOINED`)."""
    joined = JOINED.get(related, ())
    if not joined:
        return Shown(lambda: serializer_class(many=many, read_only=True), lambda view: name)
    return Shown(
        lambda: serializer_class(many=many, read_only=True),
        lambda view: Prefetch(name, queryset=related.objects.select_related(*joined)),
    )


def _pages(name: str, related, many: bool) -> Shown:
    """Pages another page points to, only the live and public ones (into `api_<name>`: a
    list served without this fetch fails instead of showing a draft)."""
    attribute = f"api_{name}"
    return Shown(
        lambda: LinkedPageSerializer(many=many, read_only=True, source=attribute),
        lambda view: Prefetch(name, queryset=view.public_pages(related), to_attr=attribute),
    )


def _image(name: str) -> Shown:
    attribute = f"api_{name}"
    return Shown(
        lambda: ImageSerializer(read_only=True, source=attribute),
        lambda view: Prefetch(name, queryset=view.public_images(), to_attr=attribute),
    )


def _upcoming_dates(view) -> Prefetch:
    upcoming = EventDate.objects.filter(end__gte=timezone.now()).order_by("start", "pk")
    return Prefetch("dates", queryset=upcoming[:UPCOMING_DATES], to_attr="api_upcoming_dates")


# Rows of other models a page shows, and how.
NESTED: dict[type[Model], type[serializers.Serializer]] = {
    Organisation: OrganisationSerializer,
    StoryAuthor: StoryAuthorSerializer,
    SheetDifficulty: SheetItemSerializer,
    SheetTip: SheetItemSerializer,
    SheetPhase: SheetItemSerializer,
    SheetTool: SheetToolSerializer,
}

# What those rows show of other rows, read with them.
JOINED: dict[type[Model], tuple[str, ...]] = {SheetTool: ("tool",)}

# Fields of no column.
COMPUTED: dict[tuple[str, str], Shown] = {
    ("practices.PracticeSheetPage", "dimensions"): Shown(SheetDimensionsField),
    ("events.EventPage", "upcoming_dates"): Shown(
        lambda: EventDateSerializer(many=True, read_only=True, source="api_upcoming_dates"),
        _upcoming_dates,
    ),
}


def declared_fields(model) -> list[str]:
    """The names of a model's own `api_fields` (Wagtail's page fields not included)."""
    return [getattr(field, "name", field) for field in getattr(model, "api_fields", ())]


def how_shown(model, name: str) -> Shown | None:
    """How the API shows `model.<name>`, one of its `api_fields`: None for a plain value
    (Wagtail's serializer of its column, or a property's value)."""
    if (model._meta.label, name) in COMPUTED:
        return COMPUTED[(model._meta.label, name)]
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, ChoicesField):
        return Shown(lambda: serializers.ListField(child=serializers.CharField(), read_only=True))
    if not field.is_relation:
        return None
    many = bool(field.many_to_many or field.one_to_many)
    related = field.related_model
    if issubclass(related, Taxonomy):
        return _rows(TermSerializer, name, many)
    if related in NESTED:
        return _rows(NESTED[related], name, many, related)
    if related is SheetKeyword:
        return Shown(
            lambda: serializers.SlugRelatedField(many=True, read_only=True, slug_field="word"),
            lambda view: name,
        )
    if issubclass(related, Page):
        return _pages(name, related, many)
    if issubclass(related, AbstractImage):
        return _image(name)
    raise ImproperlyConfigured(
        f"{model._meta.label}.{name} points to {related._meta.label}, which the API does not "
        "show (website/api.py says how each relation is shown)"
    )


def _filterable(model, name: str) -> bool:
    """A page type's own fields filter and sort the list if they are plain columns: not a
    relation (the API shows no ids to filter by), a rich text, a StreamField or a list."""
    if name not in declared_fields(model):
        return True  # Wagtail's page fields, as Wagtail treats them
    field = model._meta.get_field(name)
    return not (field.is_relation or isinstance(field, StreamField | RichTextField | ChoicesField))


# --- The endpoints ---------------------------------------------------------------------------


class CheckedPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    # A story's blocks fetch what they show story by story: its detail address gives them.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "body"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        for name in declared_fields(model):
            shown = how_shown(model, name)
            if name not in overrides and shown is not None:
                overrides[name] = shown.serializer()
        return overrides

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            fields = [name for name in fields if _filterable(model, name)]
        return fields

    def get_base_queryset(self):
        """The live public pages, worked out once per request (the restrictions are read
        each time Wagtail asks for them)."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def public_pages(self, model):
        """`model`'s pages that this API lists itself: live and public."""
        public = self.get_base_queryset().values("pk")
        return model.objects.filter(pk__in=public).order_by("path")

    def public_images(self):
        restricted = get_restricted_collection_ids(self.request)
        return get_image_model().objects.exclude(collection__in=restricted)

    def get_serializer(self, instance=None, *args, many=False, **kwargs):
        """The serializer of a list or a page, after fetching what it shows of the pages'
        relations, for all of them at once."""
        serializer_class = self.get_serializer_class()
        if instance is not None:
            pages = list(instance) if many else [instance]
            self.fetch_relations(pages, serializer_class.Meta.fields)
            instance = pages if many else instance
        kwargs.setdefault("context", self.get_serializer_context())
        return serializer_class(instance, *args, many=many, **kwargs)

    def fetch_relations(self, pages: list[Any], names) -> None:
        by_model: dict[type, list[Any]] = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for model, group in by_model.items():
            lookups: list[str | Prefetch] = [
                name for name in ("locale", "alias_of") if name in names
            ]
            own = declared_fields(model)
            for name in names:
                shown = how_shown(model, name) if name in own else None
                if shown is not None and shown.lookup is not None:
                    lookups.append(shown.lookup(self))
            prefetch_related_objects(group, *lookups)


class CheckedImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
