"""How long a lesson, an activity and a module take, computed from their content.

Nobody types a duration: a typed figure drifts from the content ("45 minutes" on a
module whose lessons take 13). The estimate is stated here, once:

- text is read at `WORDS_PER_MINUTE` (silent reading of a professional text);
- a video or audio has no length the platform knows: its transcript is spoken at
  `SPOKEN_WORDS_PER_MINUTE`;
- an H5P activity is its own text read at the same speed, plus a time to answer
  each question, by question type (`ANSWER_SECONDS`), plus a base time for the types
  that play something (`PLAY_SECONDS`: an interactive video);
- a quiz takes `QUIZ_SECONDS_PER_QUESTION` per question asked (drawn, when it draws).

Times are added in seconds and rounded up to the minute once, per lesson and per quiz.
"""

import math
from collections.abc import Iterable

from django.utils.html import strip_tags

from .constants import WORDS_PER_MINUTE

SPOKEN_WORDS_PER_MINUTE = 150
# Time to answer one question once read, by the library that asks it.
ANSWER_SECONDS = {
    "H5P.TrueFalse": 15,
    "H5P.MultiChoice": 30,
    "H5P.SingleChoiceSet": 20,
    "H5P.Summary": 20,
    "H5P.Blanks": 60,
    "H5P.DragText": 60,
    "H5P.MarkTheWords": 45,
    "H5P.DragQuestion": 60,
}
DEFAULT_ANSWER_SECONDS = 30
# Types that play something beyond their text (the video itself, of unknown length).
PLAY_SECONDS = {"H5P.InteractiveVideo": 180}
# An activity never takes less than this: open it, answer, read the feedback.
MIN_ACTIVITY_SECONDS = 60
QUIZ_SECONDS_PER_QUESTION = 60
# content.json keys that hold no text a learner reads before answering.
_SKIPPED_KEYS = frozenset(
    {
        "library",
        "subContentId",
        "metadata",
        "path",
        "mime",
        "copyright",
        "l10n",
        "i10n",
        "UI",
        "behaviour",
        "overallFeedback",
        "texts",
        "override",
        "contentType",
    }
)


def word_count(text: str) -> int:
    return len(strip_tags(text or "").split())


def reading_seconds(words: int, *, per_minute: int = WORDS_PER_MINUTE) -> float:
    return 60 * words / per_minute


def minutes(seconds: float) -> int:
    """Whole minutes, rounded up; something to do takes at least one minute."""
    return max(1, math.ceil(seconds / 60 - 1e-9)) if seconds > 0 else 0


def _content_words(value, depth: int = 0) -> int:
    """Words of the text an H5P content shows (questions, answers, cards)."""
    if depth > 12:
        return 0
    if isinstance(value, str):
        return word_count(value)
    if isinstance(value, list):
        return sum(_content_words(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return sum(
            _content_words(item, depth + 1)
            for key, item in value.items()
            if key not in _SKIPPED_KEYS
        )
    return 0


def activity_seconds(*, main_library: str, content: dict, questions: Iterable) -> float:
    """An H5P activity's time: read its text, answer its questions, play its media.

    `questions` are the answer key's (courses.h5p.scoring.Question: one per question
    the server scores, with the library that asks it).
    """
    answering = sum(
        ANSWER_SECONDS.get(question.library, DEFAULT_ANSWER_SECONDS) for question in questions
    )
    total = reading_seconds(_content_words(content)) + answering + PLAY_SECONDS.get(main_library, 0)
    return max(MIN_ACTIVITY_SECONDS, total)


def package_seconds(package) -> float:
    """An uploaded package's time (its answer key is cached per package version)."""
    if package is None or not package.content_json:
        return MIN_ACTIVITY_SECONDS
    from .services.activity_keys import package_key

    key = package_key(package)
    questions = list(key.questions)
    pool = getattr(key, "_pool", None)
    if pool and questions:
        # A question set drawing `pool` of its questions asks only those.
        questions = questions[:pool]
    return activity_seconds(
        main_library=package.main_library, content=package.content_json, questions=questions
    )


def quiz_question_count(*, questions: int, draw_total: int | None, tag_draws: int) -> int:
    """How many questions one attempt asks: all, or those drawn."""
    if not draw_total and not tag_draws:
        return questions
    return min(questions, (draw_total or 0) + tag_draws)


def quiz_minutes(*, questions: int, draw_total: int | None = None, tag_draws: int = 0) -> int:
    asked = quiz_question_count(questions=questions, draw_total=draw_total, tag_draws=tag_draws)
    return minutes(asked * QUIZ_SECONDS_PER_QUESTION)
