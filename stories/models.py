"""Editors' stories at /recits/: how an enterprise of the network went through its digital
transformation, as Wagtail pages under one index page.

A story has a lead, an optional hero image with its alternative text, a body of
accessible blocks (`blocks.py`), its authors (snippets), the themes, sectors and regions it
is about, the programmes that supported it, and up to three related stories and sheets
(chosen by the editor, else found by theme: `reading.related`). Scheduled publishing,
revisions, previews at three sizes and the review workflow are Wagtail's own.
"""

from __future__ import annotations

import math
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.fields import MultiLineTextField, OneLineCharField, OneLineTitle
from community.models import Organisation, Region, Sector, Theme
from community.translations import OTHER_LANGUAGES, Translated

from .blocks import StoryBodyBlock
from .routes import StoryIndexRoutes

WORDS_PER_MINUTE = 200
RELATED_MAX = 3


class StoryAuthor(models.Model):
    """Who wrote a story: an editor, a journalist, someone of the organisation."""

    name = OneLineCharField(_("nom"), max_length=120)
    role = OneLineCharField(_("rôle"), max_length=160, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]

    class Meta:
        verbose_name = _("auteur·ice de récit")
        verbose_name_plural = _("auteur·ices de récits")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StoryIndexPage(StoryIndexRoutes, OneLineTitle, Page):
    """/recits/: the stories, filtered by theme, sector and region; their Atom feed."""

    intro = OneLineCharField(_("chapeau"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des récits")

    def get_context(self, request, *args, **kwargs):
        from .listing import story_listing  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context.update(story_listing(request, index=self))
        return context


class StoryPage(Translated, OneLineTitle, Page):
    lead = MultiLineTextField(_("chapeau"), max_length=600)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'en-tête"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = OneLineCharField(
        _("texte alternatif de l'image d'en-tête"),
        max_length=250,
        blank=True,
        help_text=_("Ce que l'image montre, pour qui ne la voit pas. Vide : image décorative."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("corps du récit"))
    authors = ParentalManyToManyField(StoryAuthor, verbose_name=_("auteur·ices"), blank=True)
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("thèmes"), blank=True, related_name="stories"
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("secteurs"), blank=True, related_name="stories"
    )
    regions = ParentalManyToManyField(
        Region, verbose_name=_("régions"), blank=True, related_name="stories"
    )
    programmes = ParentalManyToManyField(
        "programmes.ProgrammePage",
        verbose_name=_("soutiens obtenus"),
        blank=True,
        related_name="stories",
    )
    related_stories = ParentalManyToManyField(
        "self",
        verbose_name=_("récits liés"),
        blank=True,
        symmetrical=False,
        help_text=_("Trois au plus ; aucun : les plus proches par thème."),
    )
    related_sheets = ParentalManyToManyField(
        "practices.PracticeSheetPage",
        verbose_name=_("fiches liées"),
        blank=True,
        related_name="stories",
        help_text=_("Trois au plus ; aucune : les plus proches par thème."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("authors"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("sectors"),
                FieldPanel("regions"),
                FieldPanel("programmes"),
            ],
            heading=_("De quoi il parle"),
        ),
        MultiFieldPanel(
            [FieldPanel("related_stories"), FieldPanel("related_sheets")],
            heading=_("À lire ensuite"),
        ),
        InlinePanel("translations", label=_("traductions"), max_num=len(OTHER_LANGUAGES)),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        # Readers who search in English or Dutch find the texts editors translated.
        index.RelatedFields(
            "translations",
            [index.SearchField("title"), index.SearchField("lead"), index.SearchField("body")],
        ),
    ]
    # What /api/v2/ shows (website/api.py says how): a story's body by its detail address.
    api_fields = [
        "lead",
        "hero_image",
        "hero_alt",
        "body",
        "authors",
        "themes",
        "sectors",
        "regions",
        "programmes",
        "related_stories",
        "related_sheets",
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("récit")
        verbose_name_plural = _("récits")

    def clean(self):
        super().clean()
        errors = {}
        for name in ("related_stories", "related_sheets"):
            chosen = getattr(self, name).all()
            if len(chosen) > RELATED_MAX:
                errors[name] = _("Trois au plus.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from .reading import story_context  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context.update(story_context(request, story=self))
        return context

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.lead, self.body)


class StoryTranslation(Orderable):
    """A story in another interface language: its title, lead and body, written by an
    editor; what is not translated stays in French."""

    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(
        _("langue"),
        max_length=8,
        choices=[(c, n) for c, n in settings.LANGUAGES if c in OTHER_LANGUAGES],
    )
    title = OneLineCharField(_("titre"), max_length=255)
    lead = MultiLineTextField(_("chapeau"), max_length=600)
    body = StreamField(StoryBodyBlock(), verbose_name=_("corps du récit"))

    panels = [FieldPanel("language"), FieldPanel("title"), FieldPanel("lead"), FieldPanel("body")]

    class Meta(Orderable.Meta):
        verbose_name = _("traduction")
        constraints = [
            models.UniqueConstraint(
                fields=["story", "language"], name="one_story_translation_per_language"
            )
        ]

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.lead, self.body)


def reading_minutes(lead: str, body) -> int:
    text = " ".join([lead, *(_block_text(child) for child in body)])
    words = len(re.findall(r"\w+", text))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def _block_text(child) -> str:
    """The words a reader reads in one block of the body."""
    value = child.value
    if child.block_type == "paragraph":
        return strip_tags(value.source)
    if child.block_type == "heading":
        return value["text"]
    if child.block_type == "quote":
        return f"{value['text']} {value['speaker']}"
    if child.block_type == "video":
        return strip_tags(value["transcript"].source)
    if child.block_type == "key_figures":
        return " ".join(f"{f['figure']} {f['label']}" for f in value["figures"])
    return ""
