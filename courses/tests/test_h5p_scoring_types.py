"""Each content type's own scoring rules, on samples edited as an author would.

The rules are those of the library JavaScript in vendor/h5p/libraries/ (cited
per test), so that what a real browser computes is what the server computes.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings

from courses.h5p import scoring
from courses.h5p.authoring import sample_content, sample_h5p_json

XAPI_DIR = Path(settings.BASE_DIR) / "vendor" / "h5p" / "xapi"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def key_of(kind: str, content: dict) -> scoring.PackageKey:
    return scoring.package_key(sample_h5p_json(kind), content)


def answer(response, sub_content_id: str = "", **result) -> dict:
    activity = "http://example.test/h5p"
    if sub_content_id:
        activity += f"?subContentId={sub_content_id}"
    return {
        "verb": {"id": ANSWERED},
        "object": {"id": activity},
        "result": {"response": response, **result},
    }


def verdict(key, response, sub_content_id: str = "") -> scoring.Verdict:
    check = key.check(answer(response, sub_content_id))
    assert check.kind == "answer"
    return check.verdict


def points(key, response, sub_content_id: str = "") -> tuple[float, float]:
    found = verdict(key, response, sub_content_id)
    return found.raw, found.max


def refused(key, response, sub_content_id: str = "") -> str:
    with pytest.raises(scoring.ScoringRefused) as caught:
        key.check(answer(response, sub_content_id))
    return str(caught.value)


# --- TrueFalse -------------------------------------------------------------------------


def test_true_false_key_false_and_anything_but_true_means_false():
    content = sample_content("truefalse")
    content["correct"] = "false"
    assert verdict(key_of("truefalse", content), "false").success
    del content["correct"]
    assert verdict(key_of("truefalse", content), "false").success
    assert refused(key_of("truefalse", content), "vrai")


# --- MultiChoice -----------------------------------------------------------------------


def multichoice(correct: list[int], **behaviour) -> scoring.PackageKey:
    content = sample_content("multichoice")
    for index, choice in enumerate(content["answers"]):
        choice["correct"] = index in correct
    content["behaviour"].update(behaviour)
    return key_of("multichoice", content)


def test_multichoice_multiple_answers_one_point_each_minus_one_per_wrong_floor_zero():
    key = multichoice([0, 2], singlePoint=False)
    assert key.max == 2
    assert verdict(key, "2[,]0") == scoring.Verdict(2, 2, True, "0[,]2")
    assert points(key, "0") == (1, 2)
    assert points(key, "0[,]1") == (0, 2)
    assert points(key, "1[,]3") == (0, 2)
    assert points(key, "0[,]2[,]3") == (1, 2)
    assert not verdict(key, "0").success


def test_multichoice_single_point_is_all_or_nothing_at_pass_percentage():
    key = multichoice([0, 2], singlePoint=True)
    assert key.max == 1
    assert points(key, "0[,]2") == (1, 1)
    assert points(key, "0") == (0, 1)
    half = multichoice([0, 2], singlePoint=True, passPercentage=50)
    assert verdict(half, "0") == scoring.Verdict(1, 1, True, "0")


def test_multichoice_single_answer_takes_one_choice():
    key = multichoice([1], type="single")
    assert verdict(key, "1").success and not verdict(key, "0").success
    assert refused(key, "0[,]1") == "La réponse envoyée ne peut pas être lue."


def test_multichoice_refuses_repeated_or_unknown_choices():
    key = multichoice([0, 2], singlePoint=False)
    assert refused(key, "0[,]0") and refused(key, "4") and refused(key, "-1")
    assert refused(key, "0,2")


def test_multichoice_without_right_answer_rewards_no_choice():
    key = multichoice([], singlePoint=False)
    assert verdict(key, "") == scoring.Verdict(1, 1, True, "")
    assert points(key, "1") == (0, 1)


def test_multichoice_pass_percentage_decides_the_activity_success():
    key = multichoice([0, 1, 2], singlePoint=False, passPercentage=60)
    two_of_three = verdict(key, "0[,]1")
    assert (two_of_three.raw, two_of_three.success) == (2, True)
    assert key.total({"": two_of_three}).success


# --- Blanks ----------------------------------------------------------------------------


def blanks(questions: list[str], **behaviour) -> scoring.PackageKey:
    content = sample_content("blanks")
    content["questions"] = questions
    content["behaviour"].update(behaviour)
    return key_of("blanks", content)


def test_blanks_case_sensitive_by_default_and_insensitive_when_set():
    text = ["<p>On compose le *Dix-Sept* ou le *3919*.</p>"]
    assert points(blanks(text), "dix-sept[,]3919") == (1, 2)
    insensitive = blanks(text, caseSensitive=False)
    assert points(insensitive, "DIX-sept[,]3919") == (2, 2)
    assert verdict(insensitive, "DIX-sept[,]3919").response == "dix-sept[,]3919"


def test_blanks_alternatives_tips_and_entities():
    key = blanks(["<p>*17/112:un numéro d'urgence* puis *l&#039;écoute*, *a &amp; b*.</p>"])
    assert points(key, "112[,]l'écoute[,]a & b") == (3, 3)
    assert points(key, "17[,]l'écoute[,]a &amp; b") == (2, 3)
    assert points(key, "un numéro d'urgence[,]x[,]y") == (0, 3)


def test_blanks_trims_what_the_learner_typed_and_counts_blanks_across_questions():
    key = blanks(["<p>*3919*</p>", "", "<p>Le *<strong>17</strong>*.</p>", "<p>**</p>"])
    assert key.max == 2
    assert points(key, " 3919 [,]17 ") == (2, 2)
    assert refused(key, "3919") == "La réponse envoyée ne peut pas être lue."


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("gendarmeire", True),  # one swap (Damerau) in a word longer than 9
        ("gendrmrie", True),  # two deletions in a word longer than 9
        ("gndrmrie", False),  # three
        ("polcie", True),  # one swap in a word of 4 to 9 letters
        ("pilece", False),  # two mistakes in a short word
        ("18", False),  # words of 3 letters or fewer need the exact spelling
    ],
)
def test_blanks_spelling_errors_accepted_as_text_utilities_measures_them(typed, accepted):
    text = ["<p>*gendarmerie*, *police*, *17*</p>"]
    key = blanks(text, acceptSpellingErrors=True)
    responses = {"gendarmerie": "gendarmerie", "police": "police", "17": "17"}
    position = 0 if typed.startswith("g") else 1 if typed.startswith("p") else 2
    parts = list(responses.values())
    parts[position] = typed
    assert points(key, "[,]".join(parts))[0] == (3 if accepted else 2)
    assert points(blanks(text), "[,]".join(parts))[0] == (3 if typed in responses else 2)


# --- DragText --------------------------------------------------------------------------


def test_drag_text_scores_each_gap_and_allows_an_empty_one():
    key = key_of("dragtext", sample_content("dragtext"))
    assert points(key, "3919[,][,]114") == (2, 3)
    assert points(key, "[,][,]") == (0, 3)


def test_drag_text_refuses_words_that_are_not_draggable_or_used_twice():
    key = key_of("dragtext", sample_content("dragtext"))
    assert refused(key, "3919[,]3919[,]114")
    assert refused(key, "112[,]17[,]114")
    assert refused(key, "3919[,]17")


def test_drag_text_tips_and_feedback_are_not_part_of_the_word():
    content = sample_content("dragtext")
    content["textField"] = "Appelez le *17:police\\+Oui\\-Non* ou le *3919 *."
    key = key_of("dragtext", content)
    assert points(key, "17[,]3919") == (2, 2)


# --- MarkTheWords ----------------------------------------------------------------------


def test_mark_the_words_numbers_words_as_the_browser_does():
    key = key_of("markthewords", sample_content("markthewords"))
    (question,) = key.questions
    captured = json.loads((XAPI_DIR / "markthewords-right.json").read_text(encoding="utf-8"))
    choices = captured[0]["object"]["definition"]["choices"]
    assert [c[1] for c in question.choices] == [c["description"]["en-US"] for c in choices]


def test_mark_the_words_plus_one_right_minus_one_wrong_floor_zero():
    key = key_of("markthewords", sample_content("markthewords"))
    assert points(key, "8[,]12") == (2, 3)
    assert points(key, "8[,]12[,]0") == (1, 3)
    assert points(key, "0[,]1") == (0, 3)
    assert refused(key, "8[,]8") and refused(key, "999")


def test_mark_the_words_punctuation_and_markup_around_words():
    content = sample_content("markthewords")
    content["textField"] = "<p>« *Peur* », <em>*isolement*.</em> Elle *se* tait&nbsp;!</p>"
    key = key_of("markthewords", content)
    words = [label for _, label in key.questions[0].choices]
    assert words == ["Peur", "isolement", "Elle", "se", "tait"]
    assert points(key, "0[,]1[,]3") == (3, 3)


# --- DragQuestion ----------------------------------------------------------------------

RIGHT = "0[.]0[,]0[.]1[,]1[.]2[,]1[.]3"
WRONG = "1[.]0[,]0[.]1[,]0[.]2[,]1[.]3"


def drag_question(**behaviour) -> scoring.PackageKey:
    content = sample_content("dragquestion")
    content["behaviour"].update(behaviour)
    return key_of("dragquestion", content)


def test_drag_question_penalties_on_by_default():
    key = drag_question()
    assert points(key, RIGHT) == (4, 4)
    assert points(key, WRONG) == (0, 4)  # 2 right, 2 wrong
    assert points(key, "0[.]0[,]0[.]1[,]0[.]2") == (1, 4)


def test_drag_question_without_penalties_counts_right_placements():
    key = drag_question(applyPenalties=False)
    assert points(key, WRONG) == (2, 4)
    assert not verdict(key, WRONG).success


def test_drag_question_single_point():
    key = drag_question(singlePoint=True)
    assert key.max == 1
    assert verdict(key, RIGHT) == scoring.Verdict(1, 1, True, RIGHT)
    assert points(key, "0[.]0[,]0[.]1[,]1[.]2") == (0, 1)
    assert points(key, WRONG) == (0, 1)


def test_drag_question_refuses_impossible_placements():
    content = sample_content("dragquestion")
    content["question"]["task"]["elements"][0]["dropZones"] = ["0"]
    key = key_of("dragquestion", content)
    assert refused(key, "1[.]0")  # element 0 cannot go to zone 1
    assert refused(key, "0[.]1[,]1[.]1")  # element 1 placed twice
    assert refused(key, "0[.]9") and refused(key, "0-0") and refused(key, "0[.]0[,]0[.]0")


def test_drag_question_element_in_several_zones_counts_each():
    content = sample_content("dragquestion")
    task = content["question"]["task"]
    task["elements"][0]["multiple"] = True
    task["dropZones"][1]["correctElements"].append("0")
    key = key_of("dragquestion", content)
    assert key.max == 5
    assert points(key, "0[.]0[,]1[.]0[,]0[.]1[,]1[.]2[,]1[.]3") == (5, 5)


def test_drag_question_labels_its_pairs_for_distributions():
    (question,) = drag_question().questions
    assert ("0[.]0", "17 (police-secours) → Danger immédiat") in question.choices
    assert question.label  # the package title: DragQuestion has no question text


# --- Summary ---------------------------------------------------------------------------


def summary_statement(group: int, response: str, content: dict) -> dict:
    statements = content["summaries"][group]["summary"]
    choices = [
        {"id": str(i), "description": {"en-US": scoring_text(s)}} for i, s in enumerate(statements)
    ]
    statement = answer(response)
    statement["object"]["definition"] = {"choices": choices}
    return statement


def scoring_text(markup: str) -> str:
    return markup.replace("<p>", "").replace("</p>", "")


def test_summary_first_click_of_each_group_counts():
    content = sample_content("summary")
    key = key_of("summary", content)
    second = key.check(summary_statement(1, "1", content))
    assert second.question_id == key.questions[1].id and second.verdict.raw == 0
    assert key.check(summary_statement(0, "0", content)).verdict.success


def test_summary_statement_of_an_unknown_group_is_refused():
    content = sample_content("summary")
    key = key_of("summary", content)
    statement = summary_statement(0, "0", content)
    statement["object"]["definition"]["choices"][0]["description"]["en-US"] = "Autre chose"
    with pytest.raises(scoring.ScoringRefused):
        key.check(statement)


def test_summary_groups_without_statements_are_dropped():
    content = sample_content("summary")
    content["summaries"].append({"tip": ""})
    assert key_of("summary", content).max == 2


# --- SingleChoiceSet -------------------------------------------------------------------


def test_single_choice_set_pass_percentage():
    content = sample_content("singlechoiceset")
    content["behaviour"]["passPercentage"] = 60
    key = key_of("singlechoiceset", content)
    right, wrong = scoring.Verdict(1, 1, True), scoring.Verdict(0, 1, False)
    ids = [q.id for q in key.questions]
    assert key.total(dict(zip(ids, [right, right, wrong], strict=True))).success
    assert not key.total(dict(zip(ids, [right, wrong, wrong], strict=True))).success
