"""What a story's page shows beyond its fields: its authors, and up to three related
stories and sheets: those the editor chose, else the newest sharing its themes."""

from __future__ import annotations

from django.db.models import Count, Q

from community.translations import reader_language
from practices.models import PracticeSheetPage

from .models import RELATED_MAX, StoryPage


def _by_theme(queryset, theme_ids: list[int], exclude_pk=None):
    if not theme_ids:
        return queryset.none()
    found = queryset.filter(themes__in=theme_ids)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return (
        found.annotate(shared=Count("themes", filter=Q(themes__in=theme_ids)))
        .order_by("-shared", "-first_published_at", "-pk")
        .distinct()
    )


def related(story: StoryPage) -> tuple[list, list]:
    """(stories, sheets), three at most each."""
    theme_ids = [theme.pk for theme in story.themes.all()]
    stories = list(story.related_stories.live()[:RELATED_MAX]) or list(
        _by_theme(StoryPage.objects.live(), theme_ids, exclude_pk=story.pk)[:RELATED_MAX]
    )
    sheets = list(story.related_sheets.live().select_related("organisation")[:RELATED_MAX]) or list(
        _by_theme(PracticeSheetPage.objects.live(), theme_ids).select_related("organisation")[
            :RELATED_MAX
        ]
    )
    return stories, sheets


def story_context(request, *, story: StoryPage) -> dict:
    stories, sheets = related(story)
    return {
        # The story in the reader's language if an editor translated it, else None: the
        # French is shown, marked, with a note in the reader's language.
        "translation": story.in_reader_language(),
        "reader_language": reader_language(),
        "authors": list(story.authors.select_related("organisation")),
        "related_stories": stories,
        "related_sheets": sheets,
    }
