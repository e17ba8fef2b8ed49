"""StreamField blocks of lessons."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import CalloutBlock, HeadingBlock


class ImageBlock(blocks.StructBlock):
    """An image with its text alternative, required unless the image is decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        max_length=300,
        help_text=_("Décrit l'image pour les personnes qui ne la voient pas. Vide si décorative."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image_block.html"


class MediaBlock(blocks.StructBlock):
    """A video or audio file with WebVTT captions and a transcript (RGAA 4.1)."""

    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    kind = blocks.ChoiceBlock(
        label=_("Type"), choices=[("video", _("Vidéo")), ("audio", _("Audio"))], default="video"
    )
    file = DocumentChooserBlock(label=_("Fichier (MP4, WebM, MP3, OGG)"))
    captions = DocumentChooserBlock(label=_("Sous-titres (WebVTT)"), required=False)
    transcript = blocks.RichTextBlock(
        label=_("Transcription"), features=["bold", "italic", "link", "ul"], required=True
    )

    class Meta:
        icon = "media"
        label = _("Vidéo ou audio")
        template = "courses/blocks/media_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "courses/blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Intitulé du lien"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "courses/blocks/document_block.html"


# What a required activity asks of the learner (the block's "requirement" choice).
REQUIREMENT_MODULE = "module"
REQUIREMENT_COMPLETION = "completion"
REQUIREMENT_SUCCESS = "success"
REQUIREMENT_MIN_SCORE = "min_score"
REQUIREMENT_CHOICES = [
    (REQUIREMENT_MODULE, _("Règle du module")),
    (REQUIREMENT_COMPLETION, _("Être faite")),
    (REQUIREMENT_SUCCESS, _("Être réussie")),
    (REQUIREMENT_MIN_SCORE, _("Atteindre un score minimal")),
]
DEFAULT_MIN_SCORE = 80


def package_scored(package) -> bool:
    """True when the server re-scores the package's answers, so success can be required."""
    from .h5p import scoring

    return scoring.package_key(package.h5p_json or {}, package.content_json or {}).scored


class H5PActivityBlock(blocks.StructBlock):
    """An interactive H5P activity; a required one must be done to complete the lesson.

    Blocks saved before `requirement` existed read as "module" (StructBlock fills
    missing children with their default), so old lessons keep the module's rule.
    """

    package = SnippetChooserBlock("courses.H5PPackage", label=_("Activité H5P"))
    instructions = blocks.CharBlock(label=_("Consigne"), required=False, max_length=300)
    required = blocks.BooleanBlock(
        label=_("Obligatoire pour terminer la leçon"), required=False, default=True
    )
    requirement = blocks.ChoiceBlock(
        label=_("Pour valider le module, l'activité doit"),
        choices=REQUIREMENT_CHOICES,
        default=REQUIREMENT_MODULE,
        help_text=_(
            "« Règle du module » applique la règle d'achèvement du module. Réussite et "
            "score minimal ne sont possibles que pour les activités notées par le serveur."
        ),
    )
    min_score = blocks.IntegerBlock(
        label=_("Score minimal (%)"),
        min_value=0,
        max_value=100,
        default=DEFAULT_MIN_SCORE,
        required=False,
        help_text=_("Utilisé seulement avec « Atteindre un score minimal »."),
    )

    class Meta:
        icon = "pick"
        label = _("Activité interactive H5P")
        template = "courses/blocks/h5p_block.html"

    def clean(self, value):
        value = super().clean(value)
        package = value.get("package")
        requirement = value.get("requirement") or REQUIREMENT_MODULE
        errors = {}
        if requirement in (REQUIREMENT_SUCCESS, REQUIREMENT_MIN_SCORE) and package is not None:
            if not package_scored(package):
                errors["requirement"] = ValidationError(
                    _(
                        "L'activité « %(title)s » n'a pas de corrigé : le serveur ne peut pas "
                        "la noter. Choisissez « Être faite » ou « Règle du module »."
                    )
                    % {"title": package.title}
                )
        if requirement == REQUIREMENT_MIN_SCORE and value.get("min_score") is None:
            errors["min_score"] = ValidationError(_("Indiquez le score minimal à atteindre."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ScormActivityBlock(blocks.StructBlock):
    """A SCORM 1.2 or 2004 package played in the lesson by the scorm-again run-time.

    Its statuses and score are reported by the package, in the browser: the server
    cannot check them. Requiring a success or a score therefore needs the editor's
    explicit opt-in (`trust_score`); without it the package only has to be done,
    and its score never enters the module's score.
    """

    package = SnippetChooserBlock("courses.ScormPackage", label=_("Paquet SCORM"))
    instructions = blocks.CharBlock(label=_("Consigne"), required=False, max_length=300)
    required = blocks.BooleanBlock(
        label=_("Obligatoire pour terminer la leçon"), required=False, default=True
    )
    requirement = blocks.ChoiceBlock(
        label=_("Pour valider le module, le paquet doit"),
        choices=[
            (REQUIREMENT_COMPLETION, _("Être fait")),
            (REQUIREMENT_SUCCESS, _("Être réussi")),
            (REQUIREMENT_MIN_SCORE, _("Atteindre un score minimal")),
        ],
        default=REQUIREMENT_COMPLETION,
        help_text=_(
            "Un paquet est fait quand tous ses SCO sont terminés. Réussite et score sont "
            "déclarés par le paquet lui-même, dans le navigateur : le serveur ne peut pas "
            "les vérifier."
        ),
    )
    min_score = blocks.IntegerBlock(
        label=_("Score minimal (%)"),
        min_value=0,
        max_value=100,
        default=DEFAULT_MIN_SCORE,
        required=False,
        help_text=_("Utilisé seulement avec « Atteindre un score minimal »."),
    )
    trust_score = blocks.BooleanBlock(
        label=_("Accepter la réussite et le score déclarés par le paquet"),
        required=False,
        default=False,
        help_text=_(
            "Nécessaire pour exiger une réussite ou un score : l'attestation pourra alors "
            "être délivrée sur la seule foi du navigateur, sans vérification du serveur."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Paquet SCORM")
        template = "courses/blocks/scorm_block.html"

    def clean(self, value):
        value = super().clean(value)
        requirement = value.get("requirement") or REQUIREMENT_COMPLETION
        errors = {}
        if requirement in (REQUIREMENT_SUCCESS, REQUIREMENT_MIN_SCORE) and not value.get(
            "trust_score"
        ):
            errors["trust_score"] = ValidationError(
                _(
                    "Le score d'un paquet SCORM vient du navigateur et ne peut pas être "
                    "vérifié : cochez cette case pour exiger une réussite ou un score, ou "
                    "choisissez « Être fait »."
                )
            )
        if requirement == REQUIREMENT_MIN_SCORE and value.get("min_score") is None:
            errors["min_score"] = ValidationError(_("Indiquez le score minimal à atteindre."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class HelpNumbersBlock(blocks.StructBlock):
    """The help numbers every module shows (text fixed by the platform, kept current)."""

    title = blocks.CharBlock(label=_("Titre"), default=_("Numéros d'aide"), max_length=200)

    class Meta:
        icon = "warning"
        label = _("Numéros d'aide")
        template = "courses/blocks/help_numbers_block.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    body = blocks.RichTextBlock(label=_("Contenu"), features=["bold", "italic", "link", "ul", "ol"])


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"))

    class Meta:
        icon = "list-ul"
        label = _("Accordéon")
        template = "courses/blocks/accordion_block.html"


class SourceItemBlock(blocks.StructBlock):
    fact = blocks.CharBlock(
        label=_("Ce que la source établit"),
        max_length=500,
        help_text=_("Le fait, le chiffre ou la règle de la leçon, tel que la leçon l'écrit."),
    )
    reference = blocks.CharBlock(
        label=_("Document ou texte"),
        max_length=300,
        help_text=_("Titre du document, ou texte de loi : « Code pénal, article 225-12-1 »."),
    )
    location = blocks.CharBlock(label=_("Page, section ou date"), required=False, max_length=200)
    url = blocks.URLBlock(label=_("Adresse (Légifrance, HAS…)"), required=False)


class SourcesBlock(blocks.StructBlock):
    """Where each fact of the lesson comes from: shown at the end of the lesson, not
    counted in its reading time."""

    items = blocks.ListBlock(SourceItemBlock(), label=_("Sources"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Sources")
        template = "courses/blocks/sources_block.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Texte"), icon="pilcrow", features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    image = ImageBlock()
    media = MediaBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentBlock()
    h5p = H5PActivityBlock()
    scorm = ScormActivityBlock()
    help_numbers = HelpNumbersBlock()
    accordion = AccordionBlock()
    sources = SourcesBlock()
