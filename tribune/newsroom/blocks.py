"""The blocks an article body is made of."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"), max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Block quotation")
        template = "newsroom/blocks/quote.html"


class BodyImageBlock(blocks.StructBlock):
    """An image inside the body. Its credit comes from the image itself, so every agency keeps its own."""

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"), max_length=300)
    alt = blocks.CharBlock(
        required=False,
        label=_("Alternative text"),
        max_length=300,
        help_text=_("What the picture shows, in this article's language."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "newsroom/blocks/image.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    quote = QuoteBlock()
    image = BodyImageBlock()
    embed = EmbedBlock(label=_("Embed"), help_text=_("A link to a video or a post to embed."))
