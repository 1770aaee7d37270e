"""Wagtail's read-only API at /api/v2/, with its query parameters checked first so that
odd input (NUL bytes, huge or unknown search operators) is a 400, never a 500."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

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


class CheckedPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    pass


class CheckedImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
