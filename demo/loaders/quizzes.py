"""Demo final quizzes of the demo modules, shown by `make run`.

The questions themselves are written with the content of each module
(`demo/content/`); this module holds the helpers that write them as the
admin stores them (StreamField blocks with UUID ids) and the idempotent loader.
A quiz knows no module: `load` only sets the fields of the object it is given.

Idempotency rule: a quiz is found by its title and, once created, left as it
is, because its questions' ids key the statistics of the attempts already made
and the review of each attempt. One exception, decided for the first real
content: the demo quiz written before it (five questions, same title as the
continuum module's quiz) is replaced in place when it has fewer than
`MIN_QUESTIONS` questions and nobody has attempted it yet. Replacing it then
breaks no statistic, and keeping its row keeps the module's link to it. Once
it has attempts it stays as it is, even short: the attempts' answers would
otherwise point at questions that no longer exist.
"""

import uuid

from quizzes.models import Questionnaire, Quiz

QUIZ_TITLE = "Évaluation finale — le continuum des violences"
DEFAULT_QUESTIONNAIRE = "Questionnaire de satisfaction et d'impact"
# Below this many questions, an unattempted demo quiz is an old draft to replace.
MIN_QUESTIONS = 10


def _id() -> str:
    return str(uuid.uuid4())


def _items(values: list) -> list[dict]:
    return [{"type": "item", "id": _id(), "value": value} for value in values]


def _question(kind: str, text: str, explanation: str, *, tags: str = "", **value) -> dict:
    return {
        "type": kind,
        "id": _id(),
        "value": {
            "text": text,
            "points": "1",
            "tags": tags,
            "explanation": explanation,
            "explanation_timing": "review",
            **value,
        },
    }


def single(text: str, explanation: str, *options: tuple[str, bool], tags: str = "") -> dict:
    """A single-choice question; `options` are (text, is_right) pairs, one right."""
    return _question("single", text, explanation, tags=tags, choices=_choices(*options))


def multiple(text: str, explanation: str, *options: tuple[str, bool], tags: str = "") -> dict:
    """A multiple-choice question scored by parts."""
    return _question(
        "multiple", text, explanation, tags=tags, choices=_choices(*options), scoring="partial"
    )


def true_false(text: str, explanation: str, *, answer: bool, tags: str = "") -> dict:
    return _question(
        "true_false", text, explanation, tags=tags, answer="true" if answer else "false"
    )


def matching(text: str, explanation: str, *pairs: tuple[str, str], tags: str = "") -> dict:
    """Match each prompt with its answer; pairs are given matched."""
    return _question(
        "matching",
        text,
        explanation,
        tags=tags,
        scoring="partial",
        pairs=_items([{"prompt": prompt, "answer": answer} for prompt, answer in pairs]),
    )


def ordering(text: str, explanation: str, *items: str, tags: str = "") -> dict:
    """Put items back in order; `items` are given in the right order."""
    return _question(
        "ordering", text, explanation, tags=tags, scoring="partial", items=_items(list(items))
    )


def situation(
    title: str, case_html: str, explanation: str, *sub_questions: dict, tags: str = ""
) -> dict:
    """A professional case followed by sub-questions, worth two points."""
    return {
        "type": "situation",
        "id": _id(),
        "value": {
            "title": title,
            "case": case_html,
            "image": None,
            "image_alt": "",
            "audio": None,
            "audio_transcript": "",
            "sub_questions": list(sub_questions),
            "points": "2",
            "tags": tags,
            "explanation": explanation,
            "explanation_timing": "review",
        },
    }


def _choices(*options: tuple[str, bool]) -> list[dict]:
    return _items([{"text": t, "correct": c, "feedback": ""} for t, c in options])


def load(module, *, title: str, intro: str, questions: list[dict]) -> Quiz:
    """Create the quiz `title` if missing (see the module docstring for the one
    replacement), and make it the module's final assessment with a pre-test."""
    quiz = Quiz.objects.filter(title=title).first()
    if quiz is None:
        quiz = Quiz.objects.create(
            title=title,
            intro=intro,
            questions=questions,
            pass_mark=70,
            max_attempts=3,
            wait_minutes=5,
            review_timing="immediately",
        )
    elif len(quiz.questions) < MIN_QUESTIONS and not quiz.attempts.exists():
        quiz.intro = intro
        quiz.questions = questions
        quiz.save()
    module.final_quiz = quiz
    module.require_quiz_passed = True
    module.pre_test = True
    module.satisfaction_questionnaire = Questionnaire.objects.filter(
        title=DEFAULT_QUESTIONNAIRE
    ).first()
    return quiz
