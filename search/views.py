"""/recherche/ and the completions of the header's search box. Thin: the context comes
from `listing`, the only write (counting a search that found nothing) from `services`."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .forms import QUERY_MAX_LENGTH
from .listing import completion_list, site_search
from .services import record_miss


@require_safe
def results(request):
    context = site_search(request)
    response = render(request, "search/results.html", context)
    if context["missed"]:
        record_miss(query=context["query"])
        # Each such search is counted: its answer is never kept for the next visitor
        # (website/page_cache.py keeps no answer marked no-cache).
        patch_cache_control(response, no_cache=True)
    return response


@require_safe
def completions(request):
    text = request.GET.get("q", "")[:QUERY_MAX_LENGTH]
    return JsonResponse({"suggestions": completion_list(text)})
