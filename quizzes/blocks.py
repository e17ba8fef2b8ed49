"""StreamField blocks in which editors write quiz questions.

Each block's Wagtail id (a UUID kept across revisions) is the question's id, and
the ids of list items (choices, pairs, items) are the options' ids: they are
opaque, so the page sent to the learner reveals nothing about which option is
right, whatever order the editor typed them in. `quizzes.building` turns blocks
into `questions.Question` objects.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import SanitisedRichTextBlock

from .constants import ExplanationTiming
from .questions import Scoring

SCORING_CHOICES = [
    (Scoring.PARTIAL.value, _("Partielle (chaque bonne réponse rapporte une part)")),
    (Scoring.ALL_OR_NOTHING.value, _("Tout ou rien")),
]


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Réponse"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Bonne réponse"), required=False)
    feedback = blocks.CharBlock(label=_("Retour si choisie"), required=False, max_length=500)

    class Meta:
        icon = "radio-full"
        label = _("Réponse proposée")


class PairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Élément"), max_length=300)
    answer = blocks.CharBlock(
        label=_("Élément associé"),
        max_length=300,
        help_text=_("Deux éléments peuvent partager le même élément associé (même texte)."),
    )

    class Meta:
        icon = "link"
        label = _("Paire")


class QuestionBlock(blocks.StructBlock):
    """Fields every question has."""

    text = blocks.TextBlock(label=_("Énoncé"))
    points = blocks.DecimalBlock(
        label=_("Points"), default=1, min_value=0.01, max_digits=6, decimal_places=2
    )
    tags = blocks.CharBlock(
        label=_("Étiquettes"),
        required=False,
        max_length=200,
        help_text=_("Thèmes séparés par des virgules, pour les tirages et les statistiques."),
    )
    explanation = blocks.TextBlock(
        label=_("Explication"),
        required=False,
        help_text=_(
            "Pourquoi la bonne réponse est la bonne : montrée après la réponse ou à la relecture."
        ),
    )
    explanation_timing = blocks.ChoiceBlock(
        label=_("Afficher l'explication"),
        choices=ExplanationTiming.choices,
        default=ExplanationTiming.REVIEW,
    )


class SingleChoiceBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), label=_("Réponses"), min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("Choix unique")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for c in value["choices"] if c["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Cochez exactement une bonne réponse."))}
            )
        return value


class MultipleChoiceBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), label=_("Réponses"), min_num=2)
    scoring = blocks.ChoiceBlock(
        label=_("Notation"), choices=SCORING_CHOICES, default=Scoring.PARTIAL.value
    )

    class Meta:
        icon = "tasks"
        label = _("Choix multiple")

    def clean(self, value):
        value = super().clean(value)
        if not any(c["correct"] for c in value["choices"]):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Cochez au moins une bonne réponse."))}
            )
        return value


class TrueFalseBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        label=_("Bonne réponse"), choices=[("true", _("Vrai")), ("false", _("Faux"))]
    )

    class Meta:
        icon = "tick"
        label = _("Vrai ou faux")


class MatchingBlock(QuestionBlock):
    pairs = blocks.ListBlock(PairBlock(), label=_("Paires"), min_num=2)
    scoring = blocks.ChoiceBlock(
        label=_("Notation"), choices=SCORING_CHOICES, default=Scoring.PARTIAL.value
    )

    class Meta:
        icon = "link"
        label = _("Association")

    def clean(self, value):
        value = super().clean(value)
        prompts = [pair["prompt"].strip() for pair in value["pairs"]]
        if len(set(prompts)) != len(prompts):
            raise StructBlockValidationError(
                block_errors={"pairs": ValidationError(_("Deux paires ont le même élément."))}
            )
        return value


class ListItemTextBlock(blocks.CharBlock):
    """A text in a list: a ListBlock draws its children without their label, so the
    input carries it itself (screen readers would announce a nameless field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["aria-label"] = self.label


class OrderingBlock(QuestionBlock):
    items = blocks.ListBlock(
        ListItemTextBlock(label=_("Élément"), max_length=300),
        label=_("Éléments, dans le bon ordre"),
        min_num=2,
    )
    scoring = blocks.ChoiceBlock(
        label=_("Notation"), choices=SCORING_CHOICES, default=Scoring.PARTIAL.value
    )

    class Meta:
        icon = "list-ol"
        label = _("Remise en ordre")


class SubQuestionStreamBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    matching = MatchingBlock()
    ordering = OrderingBlock()

    class Meta:
        min_num = 1


class SituationBlock(blocks.StructBlock):
    """A short professional case followed by several sub-questions."""

    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    case = SanitisedRichTextBlock(
        label=_("Situation"),
        features=["bold", "italic", "ul", "ol"],
        help_text=_("Par exemple : « Une femme se présente pour déposer plainte et dit… »"),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_alt = blocks.CharBlock(label=_("Texte alternatif de l'image"), required=False)
    audio = DocumentChooserBlock(label=_("Enregistrement audio (MP3, OGG)"), required=False)
    audio_transcript = blocks.TextBlock(label=_("Transcription de l'audio"), required=False)
    sub_questions = SubQuestionStreamBlock(label=_("Questions"))
    points = blocks.DecimalBlock(
        label=_("Poids de la situation (points)"),
        default=1,
        min_value=0.01,
        max_digits=6,
        decimal_places=2,
    )
    tags = blocks.CharBlock(label=_("Étiquettes"), required=False, max_length=200)
    explanation = blocks.TextBlock(label=_("Explication d'ensemble"), required=False)
    explanation_timing = blocks.ChoiceBlock(
        label=_("Afficher l'explication"),
        choices=ExplanationTiming.choices,
        default=ExplanationTiming.REVIEW,
    )

    class Meta:
        icon = "user"
        label = _("Mise en situation")

    def clean(self, value):
        value = super().clean(value)
        if value["audio"] and not value["audio_transcript"].strip():
            raise StructBlockValidationError(
                block_errors={
                    "audio_transcript": ValidationError(
                        _("Un enregistrement audio doit avoir sa transcription (accessibilité).")
                    )
                }
            )
        return value


class QuestionStreamBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    matching = MatchingBlock()
    ordering = OrderingBlock()
    situation = SituationBlock()
