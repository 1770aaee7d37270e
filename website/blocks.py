"""StreamField blocks shared by the site's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to any address, with its label."""

    label = blocks.CharBlock(label=_("libellé"), max_length=60)
    # The label in the other interface languages; empty: the French one, marked.
    label_nl = blocks.CharBlock(label=_("libellé en néerlandais"), max_length=60, required=False)
    label_en = blocks.CharBlock(label=_("libellé en anglais"), max_length=60, required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.CharBlock(
        label=_("ou adresse"), required=False, help_text=_("Par exemple /organisations/")
    )

    class Meta:
        icon = "link"
        template = "blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choisissez une page ou indiquez une adresse.")}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=120)
    text = blocks.TextBlock(label=_("texte"), required=False)
    link = LinkBlock(label=_("lien"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("intertitre"), form_classname="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraphe"),
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"],
        template="blocks/paragraph.html",
    )
    image = ImageBlock(label=_("image"), template="blocks/image.html")
    call_to_action = CallToActionBlock(label=_("appel à l'action"))
    quote = blocks.BlockQuoteBlock(label=_("citation"), template="blocks/quote.html")
