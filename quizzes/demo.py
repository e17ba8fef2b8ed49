"""Demo final quiz of the demo module, shown by `make run`.

Idempotent: the quiz is found by its title and left as it is once created (its
questions' ids key the statistics of the attempts already made).
"""

import uuid

from .models import Questionnaire, Quiz

QUIZ_TITLE = "Évaluation finale — le continuum des violences"
DEFAULT_QUESTIONNAIRE = "Questionnaire de satisfaction et d'impact"


def _id() -> str:
    return str(uuid.uuid4())


def _items(values: list) -> list[dict]:
    return [{"type": "item", "id": _id(), "value": value} for value in values]


def _question(kind: str, text: str, explanation: str, **value) -> dict:
    return {
        "type": kind,
        "id": _id(),
        "value": {
            "text": text,
            "points": "1",
            "tags": value.pop("tags", ""),
            "explanation": explanation,
            "explanation_timing": "review",
            **value,
        },
    }


def _choices(*options: tuple[str, bool]) -> list[dict]:
    return _items([{"text": t, "correct": c, "feedback": ""} for t, c in options])


QUESTIONS = [
    _question(
        "true_false",
        "Une victime qui ne présente aucune blessure visible ne subit pas de violences conjugales.",
        "Faux : les violences psychologiques, économiques ou administratives sont des violences, "
        "et le harcèlement moral au sein du couple est un délit.",
        answer="false",
        tags="formes",
    ),
    _question(
        "multiple",
        "Parmi ces comportements, lesquels relèvent de la stratégie de l'agresseur ?",
        "L'agresseur isole, dévalorise, inverse la culpabilité, installe la peur et s'assure "
        "de son impunité. Un désaccord ponctuel n'est pas une violence.",
        choices=_choices(
            ("Isoler sa compagne de sa famille et de ses amis", True),
            ("Lui répéter que tout est de sa faute", True),
            ("Exprimer un désaccord lors d'une discussion", False),
        ),
        scoring="partial",
        tags="strategie",
    ),
    _question(
        "single",
        "Quel numéro national écoute et oriente les femmes victimes de violences ?",
        "Le 3919 est gratuit, anonyme et joignable jour et nuit.",
        choices=_choices(("Le 3919", True), ("Le 115", False), ("Le 119", False)),
        tags="orientation",
    ),
    _question(
        "ordering",
        "Remettez dans l'ordre les phases du cycle de la violence conjugale.",
        "Le cycle recommence et s'accélère : la « lune de miel » entretient l'espoir de la "
        "victime et rend la séparation plus difficile.",
        items=_items(["Climat de tension", "Agression", "Justification", "Lune de miel"]),
        scoring="partial",
        tags="strategie",
    ),
    {
        "type": "situation",
        "id": _id(),
        "value": {
            "title": "Un dépôt de plainte",
            "case": (
                "<p>Une femme se présente à l'accueil. Elle explique que son conjoint contrôle "
                "son téléphone et ses dépenses, et qu'il l'a menacée hier soir. Elle hésite : "
                "« Je ne sais pas si c'est assez grave pour porter plainte. »</p>"
            ),
            "image": None,
            "image_alt": "",
            "audio": None,
            "audio_transcript": "",
            "sub_questions": [
                _question(
                    "true_false",
                    "Vous pouvez lui proposer une main courante à la place de la plainte.",
                    "Non : la plainte ne peut pas être refusée. La main courante ne déclenche "
                    "pas d'enquête.",
                    answer="false",
                ),
                _question(
                    "single",
                    "Que faites-vous d'abord ?",
                    "Écouter sans juger et nommer les faits comme des violences aide la "
                    "victime à poursuivre sa démarche.",
                    choices=_choices(
                        ("Je l'écoute et je lui dis que ce qu'elle décrit est une violence", True),
                        ("Je lui demande pourquoi elle n'est pas partie plus tôt", False),
                        ("Je lui conseille d'en parler d'abord à son conjoint", False),
                    ),
                ),
            ],
            "points": "2",
            "tags": "accueil",
            "explanation": "",
            "explanation_timing": "review",
        },
    },
]


def load(module) -> Quiz:
    """Create the demo quiz if missing, and make it the module's final assessment."""
    quiz = Quiz.objects.filter(title=QUIZ_TITLE).first()
    if quiz is None:
        quiz = Quiz.objects.create(
            title=QUIZ_TITLE,
            intro="Six questions pour vérifier ce que vous retenez du module.",
            questions=QUESTIONS,
            pass_mark=70,
            max_attempts=3,
            wait_minutes=5,
            review_timing="immediately",
        )
    module.final_quiz = quiz
    module.pre_test = True
    module.satisfaction_questionnaire = Questionnaire.objects.filter(
        title=DEFAULT_QUESTIONNAIRE
    ).first()
    return quiz
