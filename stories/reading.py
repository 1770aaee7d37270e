"""What a story's page shows beyond its fields: its authors, and up to three related
stories and sheets: those the editor chose, else the newest sharing its themes."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, Q

from community.linked_data import publisher
from community.public import absolute_url
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


# The hero image's size on the page, and in what the page tells other sites.
HERO_FILTER = "width-1200"


def json_ld(request, story: StoryPage, *, translation, authors, image_url) -> dict:
    """schema.org Article of the story as this reader gets it (their language's
    translation, else the French)."""
    shown = translation or story
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": shown.title,
        "description": shown.lead,
        "url": absolute_url(story.get_url(request)),
        "inLanguage": translation.language if translation else settings.LANGUAGE_CODE,
        "publisher": publisher(),
    }
    if authors:
        data["author"] = [_author(author) for author in authors]
    if story.first_published_at:
        data["datePublished"] = story.first_published_at.isoformat()
    if story.last_published_at:
        data["dateModified"] = story.last_published_at.isoformat()
    if image_url:
        data["image"] = image_url
    return data


def _author(author) -> dict:
    person: dict[str, object] = {"@type": "Person", "name": author.name}
    if author.role:
        person["jobTitle"] = author.role
    if author.organisation:
        person["worksFor"] = {
            "@type": "Organization",
            "name": author.organisation.name,
            "url": absolute_url(author.organisation.get_absolute_url()),
        }
    return person


def story_context(request, *, story: StoryPage) -> dict:
    stories, sheets = related(story)
    # The story in the reader's language if an editor translated it, else None: the
    # French is shown, marked, with a note in the reader's language.
    translation = story.in_reader_language()
    authors = list(story.authors.select_related("organisation"))
    image = story.hero_image
    # The rendition the page shows (kept in the cache: the page's own costs no query).
    image_url = absolute_url(image.get_rendition(HERO_FILTER).url) if image else ""
    return {
        "translation": translation,
        "reader_language": reader_language(),
        "content_language": translation.language if translation else settings.LANGUAGE_CODE,
        "authors": authors,
        "related_stories": stories,
        "related_sheets": sheets,
        "image_url": image_url,
        "json_ld": json_ld(
            request, story, translation=translation, authors=authors, image_url=image_url
        ),
    }
