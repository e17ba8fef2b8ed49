"""Reads of quizzes, attempts, evaluations and their statistics, one module per concern.

- taking: a learner's attempts, which counts, whether one may start, pre/post progression;
- display: an attempt's questions as sent to the browser (never the answer key);
- review: what the learner may see once an attempt is submitted;
- analysis: statistics for editors (per question, distractors, pre/post gain);
- questionnaires: satisfaction questionnaires' answers and figures.

Every function runs a fixed number of queries, whatever the number of questions,
attempts or learners (asserted in quizzes/tests/test_query_counts.py).

The names below are the quizzes app's public surface for the apps above it (courses,
events, indicators call `quizzes.selectors.<name>`); quizzes itself imports the modules.
"""

from .questionnaires import (
    questionnaire_answered,
    questionnaire_figures_by_subject,
    questionnaires_overview,
)
from .taking import attempts, attempts_by_phase, counted_attempt, finished, open_quizzes, quiz_url

__all__ = [
    "quiz_url",
    "attempts",
    "attempts_by_phase",
    "counted_attempt",
    "finished",
    "open_quizzes",
    "questionnaire_answered",
    "questionnaire_figures_by_subject",
    "questionnaires_overview",
]
