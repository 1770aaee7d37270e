"""The body of a story: a StreamField whose blocks each say what they are, so that the
page is accessible by construction and the editor is told when it is not.

- headings are levels 2 to 4 only (the title is the page's h1), and the levels may not skip
  one (h2 then h4): `StoryBodyBlock.clean` refuses it when a story is published (a draft
  may be saved unfinished: Wagtail defers validation for drafts);
- an image has contextual alt text or is marked decorative (Wagtail's `ImageBlock`, whose
  check also waits for publication);
- a quote has its speaker; a video is a link with its transcript (no third-party player
  is loaded into the page: it would track readers and break the CSP);
- cards show a practice sheet, an event, a programme or an organisation of the network.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

LEVELS = [("h2", _("Niveau 2")), ("h3", _("Niveau 3")), ("h4", _("Niveau 4"))]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texte"), max_length=160)
    level = blocks.ChoiceBlock(choices=LEVELS, default="h2", label=_("niveau"))

    class Meta:
        icon = "title"
        label = _("intertitre")
        template = "stories/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    speaker = blocks.CharBlock(label=_("qui parle"), max_length=120)
    role = blocks.CharBlock(label=_("rôle ou organisation"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("citation")
        template = "stories/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("adresse de la vidéo"))
    title = blocks.CharBlock(label=_("titre de la vidéo"), max_length=160)
    transcript = blocks.RichTextBlock(
        label=_("transcription"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "media"
        label = _("vidéo et sa transcription")
        template = "stories/blocks/video.html"


class FigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("chiffre"), max_length=20, help_text=_("Par exemple « 40 % »")
    )
    label = blocks.CharBlock(label=_("ce qu'il mesure"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(FigureBlock(), min_num=1, max_num=4, label=_("chiffres"))

    class Meta:
        icon = "table"
        label = _("chiffres clés")
        template = "stories/blocks/key_figures.html"


class PageCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        page_type=["practices.PracticeSheetPage", "events.EventPage", "programmes.ProgrammePage"],
        label=_("fiche, évènement ou soutien"),
    )

    class Meta:
        icon = "doc-full"
        label = _("carte d'une fiche, d'un évènement ou d'un soutien")
        template = "stories/blocks/page_card.html"


class OrganisationCardBlock(blocks.StructBlock):
    organisation = SnippetChooserBlock("community.Organisation", label=_("organisation"))

    class Meta:
        icon = "group"
        label = _("carte d'une organisation")
        template = "stories/blocks/organisation_card.html"


def heading_errors(levels: list[int]) -> list[str]:
    """What is wrong with the order of the headings of a body (their levels, 2 to 4)."""
    errors = []
    previous = 1  # the page's title
    for level in levels:
        if level > previous + 1:
            errors.append(
                str(
                    _(
                        "Un intertitre de niveau %(level)s suit un niveau %(previous)s : les "
                        "niveaux ne se sautent pas (les lecteurs d'écran s'en servent pour "
                        "parcourir la page)."
                    )
                    % {"level": level, "previous": previous}
                )
            )
        previous = level
    return errors


class StoryBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("paragraphe"),
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="blocks/paragraph.html",
    )
    image = ImageBlock(label=_("image"), template="stories/blocks/image.html")
    quote = QuoteBlock()
    video = VideoBlock()
    key_figures = KeyFiguresBlock()
    page_card = PageCardBlock()
    organisation_card = OrganisationCardBlock()

    def clean(self, value):
        value = super().clean(value)
        if not getattr(self, "is_deferred_validation", False):
            levels = [
                int(child.value["level"][1]) for child in value if child.block_type == "heading"
            ]
            errors = heading_errors(levels)
            if errors:
                raise StreamBlockValidationError(
                    non_block_errors=ValidationError([ValidationError(e) for e in errors])
                )
        return value
