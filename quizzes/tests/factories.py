"""Quizzes with real StreamField questions, for the tests (ids are UUIDs, as in the admin)."""

import uuid

from quizzes.models import Quiz


def _uid() -> str:
    return str(uuid.uuid4())


def _choices(*options: tuple[str, bool], feedback: str = "") -> list[dict]:
    return [
        {
            "type": "item",
            "id": _uid(),
            "value": {"text": text, "correct": correct, "feedback": feedback},
        }
        for text, correct in options
    ]


def _common(text: str, *, points="1", tags="", explanation="", timing="review") -> dict:
    return {
        "text": text,
        "points": points,
        "tags": tags,
        "explanation": explanation,
        "explanation_timing": timing,
    }


def single(text: str, right: str, *wrong: str, **common) -> dict:
    options = [(right, True), *((w, False) for w in wrong)]
    return {
        "type": "single",
        "id": _uid(),
        "value": {**_common(text, **common), "choices": _choices(*options)},
    }


def multiple(text: str, rights: list[str], wrongs: list[str], scoring="partial", **common) -> dict:
    options = [*((r, True) for r in rights), *((w, False) for w in wrongs)]
    return {
        "type": "multiple",
        "id": _uid(),
        "value": {**_common(text, **common), "choices": _choices(*options), "scoring": scoring},
    }


def true_false(text: str, answer: bool, **common) -> dict:
    return {
        "type": "true_false",
        "id": _uid(),
        "value": {**_common(text, **common), "answer": "true" if answer else "false"},
    }


def matching(text: str, pairs: list[tuple[str, str]], scoring="partial", **common) -> dict:
    return {
        "type": "matching",
        "id": _uid(),
        "value": {
            **_common(text, **common),
            "scoring": scoring,
            "pairs": [
                {"type": "item", "id": _uid(), "value": {"prompt": p, "answer": a}}
                for p, a in pairs
            ],
        },
    }


def ordering(text: str, items: list[str], scoring="partial", **common) -> dict:
    return {
        "type": "ordering",
        "id": _uid(),
        "value": {
            **_common(text, **common),
            "scoring": scoring,
            "items": [{"type": "item", "id": _uid(), "value": item} for item in items],
        },
    }


def situation(title: str, case: str, *subs: dict, points="1", tags="", explanation="") -> dict:
    return {
        "type": "situation",
        "id": _uid(),
        "value": {
            "title": title,
            "case": f"<p>{case}</p>",
            "image": None,
            "image_alt": "",
            "audio": None,
            "audio_transcript": "",
            "sub_questions": list(subs),
            "points": points,
            "tags": tags,
            "explanation": explanation,
            "explanation_timing": "review",
        },
    }


def quiz(*questions: dict, **fields) -> Quiz:
    fields.setdefault("title", "Évaluation finale")
    fields.setdefault("pass_mark", 80)
    return Quiz.objects.create(questions=list(questions), **fields)


def three_question_quiz(**fields) -> Quiz:
    """Three one-point questions: a learner needs all three for the default 80 % mark."""
    return quiz(
        single(
            "Quel numéro national écoute les femmes victimes de violences ?",
            "Le 3919",
            "Le 17",
            "Le 115",
            explanation="Le 3919 est gratuit, anonyme et ouvert jour et nuit.",
        ),
        true_false(
            "Une plainte peut être refusée si la victime n'a pas de certificat médical.",
            False,
            explanation="Le dépôt de plainte ne peut pas être refusé.",
        ),
        multiple(
            "Quelles sont des formes de violences conjugales ?",
            ["Le contrôle des dépenses", "L'isolement de ses proches"],
            ["Un désaccord ponctuel"],
        ),
        **fields,
    )


def right_answers(quiz_obj: Quiz) -> dict:
    """The full-mark answers of each question, keyed by question id (server knowledge)."""
    from quizzes import building

    answers = {}
    for question in building.questions_from_stream(quiz_obj.questions):
        answers[question.id] = _right(question)
    return answers


def _right(question):
    from quizzes.questions import Kind

    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return next(c.id for c in question.choices if c.correct)
    if question.kind == Kind.MULTIPLE:
        return [c.id for c in question.choices if c.correct]
    if question.kind == Kind.MATCHING:
        return {p.prompt_id: p.answer_id for p in question.pairs}
    if question.kind == Kind.ORDERING:
        return [i.id for i in question.items]
    return {sub.id: _right(sub) for sub in question.sub_questions}


def wrong_answers(quiz_obj: Quiz) -> dict:
    """Answers scoring zero on single and true/false questions (first wrong choice)."""
    from quizzes import building
    from quizzes.questions import Kind

    answers = {}
    for question in building.questions_from_stream(quiz_obj.questions):
        if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE):
            answers[question.id] = next(c.id for c in question.choices if not c.correct)
    return answers
