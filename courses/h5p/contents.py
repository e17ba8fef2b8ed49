"""The content.json of each H5P kind the platform authors, from plain arguments.

Each builder starts from the vendored French sample of its kind (its button labels,
messages and behaviour stay French and complete) and replaces what the learner reads
and answers. `courses.h5p.authoring.build_package(kind, title=…, content=…)` zips the
result with its libraries. Used by the demo modules; editors author their own
activities in an H5P editor and upload the exported .h5p.

Marked answers (`*answer*`) follow H5P's own syntax in drag-the-words, fill-in-the-
blanks and mark-the-words texts. The server re-scores every kind built here
(courses.h5p.scoring).
"""

import copy
import uuid

from .authoring import sample_content

# Versions of the libraries nested in the samples' packages (their h5p.json).
MULTI_CHOICE = "H5P.MultiChoice 1.16"
TRUE_FALSE = "H5P.TrueFalse 1.8"
BLANKS = "H5P.Blanks 1.14"
ADVANCED_TEXT = "H5P.AdvancedText 1.1"
BRANCHING_QUESTION = "H5P.BranchingQuestion 1.0"
END = -1  # a branching scenario's "go to the end screen"


def _sub_content_id(*parts: str) -> str:
    """A stable id per nested content: the same text gives the same package."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "egide:" + ":".join(parts)))


def true_false(question_html: str, *, correct: bool, feedback_html: str = "") -> dict:
    content = sample_content("truefalse")
    content["question"] = question_html
    content["correct"] = "true" if correct else "false"
    if feedback_html:
        content["behaviour"]["feedbackOnCorrect"] = feedback_html
        content["behaviour"]["feedbackOnWrong"] = feedback_html
    return content


def multi_choice(question_html: str, answers: list[tuple[str, bool, str]]) -> dict:
    """`answers`: (text, correct, feedback shown when chosen); several may be correct."""
    content = sample_content("multichoice")
    content["question"] = question_html
    content["answers"] = [
        {
            "text": f"<div>{text}</div>",
            "correct": correct,
            "tipsAndFeedback": {"chosenFeedback": f"<div>{feedback}</div>"} if feedback else {},
        }
        for text, correct, feedback in answers
    ]
    single = sum(1 for _text, correct, _feedback in answers if correct) == 1
    content["behaviour"]["type"] = "single" if single else "multi"
    return content


def single_choice_set(questions: list[tuple[str, list[str]]]) -> dict:
    """`questions`: (question, answers), the right answer first (H5P shuffles them)."""
    content = sample_content("singlechoiceset")
    content["choices"] = [
        {"question": question, "answers": [f"<p>{answer}</p>" for answer in answers]}
        for question, answers in questions
    ]
    return content


def drag_text(task_html: str, text: str, *, distractors: list[str] = ()) -> dict:
    """`text`: plain lines, each word to drag written *like this*."""
    content = sample_content("dragtext")
    content["taskDescription"] = task_html
    content["textField"] = text
    content["distractors"] = " ".join(f"*{word}*" for word in distractors)
    return content


def blanks(intro_html: str, sentences: list[str]) -> dict:
    """`sentences`: HTML lines, each expected answer written *like this* (*a/b* for
    several accepted spellings)."""
    content = sample_content("blanks")
    content["text"] = intro_html
    content["questions"] = sentences
    return content


def mark_the_words(task_html: str, text_html: str) -> dict:
    """`text_html`: the text, each word to mark written *like this*."""
    content = sample_content("markthewords")
    content["taskDescription"] = task_html
    content["textField"] = text_html
    return content


def summary(intro_html: str, statements: list[list[str]]) -> dict:
    """`statements`: one list per step, the right statement first (H5P shuffles)."""
    content = sample_content("summary")
    content["intro"] = intro_html
    content["summaries"] = [
        {"summary": [f"<p>{text}</p>" for text in group], "tip": ""} for group in statements
    ]
    return content


def question_set(questions: list[dict], *, pass_percentage: int = 60, key: str = "") -> dict:
    """A set of nested questions (`nested(...)` of true_false, multi_choice or blanks)."""
    content = sample_content("questionset")
    content["questions"] = [
        {**question, "subContentId": _sub_content_id(key, "question", str(number))}
        for number, question in enumerate(questions)
    ]
    content["passPercentage"] = pass_percentage
    return content


def nested(library: str, params: dict, *, title: str = "") -> dict:
    """A question inside a question set: its library ("H5P.MultiChoice 1.16") and params."""
    return {
        "library": library,
        "params": params,
        "metadata": {"contentType": library.split()[0], "license": "U", "title": title},
    }


def scenario_text(
    title: str,
    html: str,
    *,
    next_id: int = END,
    end_title: str = "",
    end_subtitle: str = "",
    score: int = 0,
) -> dict:
    """A screen of a branching scenario; when it leads to the end (`next_id` END), its
    end screen says `end_title` and `end_subtitle` and scores `score`."""
    return {
        "type": {
            "library": ADVANCED_TEXT,
            "params": {"text": html},
            "metadata": {"contentType": "Text", "license": "U", "title": title},
        },
        "showContentTitle": True,
        "nextContentId": next_id,
        "feedback": {
            "title": f"<p>{end_title}</p>" if end_title else "",
            "subtitle": f"<p>{end_subtitle}</p>" if end_subtitle else "",
            "endScreenScore": score,
        },
        "proceedButtonText": "Continuer",
        "forceContentFinished": "useBehavioural",
        "contentBehaviour": "useBehavioural",
    }


def scenario_choice(title: str, question_html: str, alternatives: list[tuple[str, int]]) -> dict:
    """A choice of a branching scenario: `alternatives` are (text, index of the screen
    it leads to)."""
    return {
        "type": {
            "library": BRANCHING_QUESTION,
            "params": {
                "branchingQuestion": {
                    "question": question_html,
                    "alternatives": [
                        {"text": text, "nextContentId": target, "feedback": {"endScreenScore": 0}}
                        for text, target in alternatives
                    ],
                }
            },
            "metadata": {"contentType": "Branching Question", "license": "U", "title": title},
        },
        "showContentTitle": False,
        "nextContentId": END,
        "feedback": {"endScreenScore": 0},
        "proceedButtonText": "Continuer",
        "forceContentFinished": "useBehavioural",
        "contentBehaviour": "useBehavioural",
    }


def branching_scenario(
    *, title: str, subtitle_html: str, screens: list[dict], key: str = ""
) -> dict:
    """A branching scenario from its screens (scenario_text, scenario_choice), the first
    shown first. Scored by the end screen reached ("static-end-score"): the best path
    scores the best end screen's score."""
    content = sample_content("branchingscenario")
    scenario = content["branchingScenario"]
    scenario["title"] = title
    scenario["startScreen"] = {
        "startScreenTitle": f"<p>{title}</p>",
        "startScreenSubtitle": subtitle_html,
    }
    scenario["content"] = []
    for number, screen in enumerate(screens):
        screen = copy.deepcopy(screen)
        screen["type"]["subContentId"] = _sub_content_id(key or title, "screen", str(number))
        scenario["content"].append(screen)
    scenario["scoringOptionGroup"] = {
        "scoringOption": "static-end-score",
        "includeInteractionsScores": True,
    }
    return content
