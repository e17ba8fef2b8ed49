"""StreamField blocks shared by every page type (home, later modules and lessons)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import rich_text


class SanitisedRichTextBlock(blocks.RichTextBlock):
    """Rich text cleaned by `core.rich_text.sanitise` each time it is saved.

    The editor only produces safe markup, but a crafted form POST or code writing
    the stream directly does not go through it: the database keeps what the
    allow-list lets through, whoever wrote it.
    """

    def get_prep_value(self, value):
        return rich_text.sanitise(super().get_prep_value(value))


class HeadingBlock(blocks.StructBlock):
    """A section title; the level keeps the page outline valid for screen readers."""

    text = blocks.CharBlock(label=_("Titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"), choices=[("h2", _("Titre 2")), ("h3", _("Titre 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Titre de section")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Le continuum des violences", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    """A highlighted box (DSFR "mise en avant") for a key message."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Texte"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "pick"
        label = _("Mise en avant")
        template = "blocks/callout_block.html"
        preview_value = {"title": "À retenir", "text": "<p>Le 3919 est gratuit et anonyme.</p>"}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Texte"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3"],
    )
    callout = CalloutBlock()
