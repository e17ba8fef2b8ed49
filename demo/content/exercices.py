"""Module 5 — S'exercer à repérer et orienter: one activity of each of the 14 H5P kinds.

A practice module without final quiz: its lessons use the French sample packages of
`vendor/h5p/samples` (built by `courses.h5p.authoring.build_package`, titles from the
samples), each block with the rule an editor would pick: success for the quick
questions, a minimal score for the question set, completion for the kinds without
an answer key (cards, accordion), the module's rule elsewhere.
"""

from dataclasses import dataclass

from accounts.constants import Profession
from courses.constants import Kind

SLUG = "s-exercer-reperer-orienter"


@dataclass(frozen=True)
class PracticeActivity:
    """A sample H5P package of one kind and the rule of its block."""

    kind: str  # a courses.h5p.authoring.SAMPLE_KINDS
    instructions: str
    requirement: str = "module"  # courses.blocks.REQUIREMENT_CHOICES
    min_score: int = 80


@dataclass(frozen=True)
class PracticeLesson:
    title: str
    intro: str
    text_html: str
    activities: tuple[PracticeActivity, ...]


@dataclass(frozen=True)
class PracticeModule:
    slug: str
    title: str
    summary: str
    objectives_html: str
    kind: str
    audiences: tuple[str, ...]
    topics: tuple[tuple[str, str], ...]
    lessons: tuple[PracticeLesson, ...]

    @property
    def activities(self) -> list[PracticeActivity]:
        return [activity for lesson in self.lessons for activity in lesson.activities]


MODULE = PracticeModule(
    slug=SLUG,
    title="S'exercer à repérer et orienter",
    summary=(
        "Des exercices interactifs pour s'entraîner à repérer les signes de violences, "
        "connaître les numéros utiles et orienter une victime vers le bon relais."
    ),
    objectives_html=(
        "<ul><li>Reconnaître les signes d'alerte dans un récit</li>"
        "<li>Citer les numéros d'écoute et d'urgence</li>"
        "<li>Choisir le relais adapté à une situation</li></ul>"
    ),
    kind=Kind.SENSIBILISATION,
    audiences=tuple(Profession.values),
    topics=(("orientation", "Orientation des victimes"),),
    lessons=(
        PracticeLesson(
            title="Repérer les signes d'alerte",
            intro="Quatre exercices courts pour repérer ce qui doit alerter.",
            text_html=(
                "<p>Une victime parle rarement d'emblée des violences. Les exercices qui "
                "suivent reprennent des phrases entendues à l'accueil : repérez ce qui doit "
                "vous alerter.</p>"
            ),
            activities=(
                PracticeActivity("truefalse", "Vrai ou faux ?", "success"),
                PracticeActivity("multichoice", "Choisissez la bonne réponse.", "success"),
                PracticeActivity("singlechoiceset", "Une réponse par question.", "success"),
                PracticeActivity("markthewords", "Cliquez sur les signes d'alerte."),
            ),
        ),
        PracticeLesson(
            title="Connaître les numéros utiles",
            intro="Les numéros à connaître par cœur, et qui appeler selon la situation.",
            text_html=(
                "<p>Le 3919 écoute les femmes victimes de violences, le 17 et le 112 "
                "répondent à l'urgence, le 119 protège les enfants en danger.</p>"
            ),
            activities=(
                PracticeActivity("blanks", "Complétez le texte.", "success"),
                PracticeActivity("dragtext", "Glissez les mots à leur place.", "success"),
                PracticeActivity("dragquestion", "Associez chaque situation à un relais."),
                PracticeActivity("summary", "Choisissez les bonnes affirmations."),
            ),
        ),
        PracticeLesson(
            title="Mises en situation",
            intro="Des cas complets : un quiz, une présentation, une vidéo et un scénario.",
            text_html=(
                "<p>Ces activités reprennent l'ensemble du parcours : accueillir la parole, "
                "évaluer le danger, orienter.</p>"
            ),
            activities=(
                PracticeActivity("questionset", "Obtenez au moins 70 %.", "min_score", 70),
                PracticeActivity("coursepresentation", "Parcourez les diapositives."),
                PracticeActivity("interactivevideo", "Répondez pendant la vidéo."),
                PracticeActivity("branchingscenario", "Choisissez à chaque étape."),
            ),
        ),
        PracticeLesson(
            title="Ressources pour orienter",
            intro="Des cartes et un aide-mémoire à consulter avant d'orienter.",
            text_html=(
                "<p>Gardez ces ressources sous la main : elles résument qui contacter et "
                "dans quels cas.</p>"
            ),
            activities=(
                PracticeActivity("dialogcards", "Retournez les cartes.", "completion"),
                PracticeActivity("accordion", "Ouvrez chaque section.", "completion"),
            ),
        ),
    ),
)
