"""Each content type's own scoring rules, on samples edited as an author would.

The rules are those of the library JavaScript in vendor/h5p/libraries/ (cited
per test), so that what a real browser computes is what the server computes.
"""

import copy
import json
import uuid
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


# --- composites ------------------------------------------------------------------------


def test_question_set_pool_asks_only_the_drawn_questions():
    content = sample_content("questionset")
    content["poolSize"] = 2
    key = key_of("questionset", content)
    tf, blank = key.questions[1].id, key.questions[2].id
    answers = {tf: verdict(key, "true", tf), blank: verdict(key, "114", blank)}
    assert key.complete(answers)
    assert key.total(answers) == scoring.Verdict(2, 2, True)
    assert not key.complete({tf: answers[tf]})


def test_question_set_pass_percentage():
    content = sample_content("questionset")
    content["passPercentage"] = 80
    key = key_of("questionset", content)
    mc = key.questions[0].id
    assert key.total({mc: verdict(key, "0[,]1[,]3", mc)}) == scoring.Verdict(3, 5, False)


def test_sub_contents_without_answer_key_are_other_and_unknown_ones_refused():
    key = key_of("coursepresentation", sample_content("coursepresentation"))
    text = sample_content("coursepresentation")["presentation"]["slides"][0]["elements"][0]
    assert key.check(answer("x", text["action"]["subContentId"])).kind == "other"
    assert refused(key, "0", str(uuid.uuid4())) == (
        "Cette réponse porte sur une question absente de l'activité."
    )


def test_interactive_video_end_summary_joins_the_questions():
    content = sample_content("interactivevideo")
    summary = content["interactiveVideo"]["summary"]["task"]
    summary["params"]["summaries"] = copy.deepcopy(sample_content("summary")["summaries"])
    key = key_of("interactivevideo", content)
    assert [q.library for q in key.questions] == ["H5P.MultiChoice", "H5P.Summary", "H5P.Summary"]
    assert key.max == 3
    group = key.check(summary_statement(0, "0", summary["params"]))
    assert group.kind == "answer" and group.verdict.success
    assert group.question_id.startswith(summary["subContentId"])


def test_nested_composites_are_walked():
    content = sample_content("coursepresentation")
    question_set = {
        "library": "H5P.QuestionSet 1.21",
        "params": sample_content("questionset"),
        "subContentId": str(uuid.uuid4()),
    }
    content["presentation"]["slides"][0]["elements"].append({"action": question_set})
    key = key_of("coursepresentation", content)
    assert key.max == 2 + 5
    inner_tf = sample_content("questionset")["questions"][1]["subContentId"]
    assert verdict(key, "true", inner_tf).success
    completed = answer(None, question_set["subContentId"])
    completed["verb"]["id"] = "http://adlnet.gov/expapi/verbs/completed"
    assert key.check(completed).kind == "other"  # the inner set's own total


# --- BranchingScenario -----------------------------------------------------------------

QUESTION = "29af383e-a313-4d9f-a54b-95762775adc6"


def branching(option: str, edit=None) -> scoring.PackageKey:
    content = sample_content("branchingscenario")
    scenario = content["branchingScenario"]
    scenario["scoringOptionGroup"]["scoringOption"] = option
    if edit:
        edit(scenario)
    return key_of("branchingscenario", content)


def chose(key, index: int) -> dict:
    report = {
        "statement": {"object": {"id": "http://example.test/h5p"}, "result": {}},
        "children": [
            {
                "statement": {
                    "object": {"id": f"http://example.test/h5p?subContentId={QUESTION}"},
                    "result": {"response": index},
                }
            }
        ],
    }
    return key.check_report(report)


def test_branching_static_end_score_is_the_end_screen_reached():
    key = branching("static-end-score")
    assert key.max == 10
    assert key.total(chose(key, 0)) == scoring.Verdict(10, 10, True)
    assert key.total(chose(key, 1)) == scoring.Verdict(0, 10, False)


def test_branching_static_end_score_from_an_alternative_ending_the_scenario():
    def end_on_second_choice(scenario):
        alternative = scenario["content"][0]["type"]["params"]["branchingQuestion"]["alternatives"][
            1
        ]
        alternative["nextContentId"] = -1
        alternative["feedback"] = {"title": "<p>Fin</p>", "endScreenScore": 4}

    key = branching("static-end-score", end_on_second_choice)
    assert key.max == 10
    assert key.total(chose(key, 1)) == scoring.Verdict(4, 10, False)


def with_scored_question(scenario):
    alternatives = scenario["content"][0]["type"]["params"]["branchingQuestion"]["alternatives"]
    alternatives[0]["feedback"]["endScreenScore"] = 5
    scenario["content"][1]["nextContentId"] = 3
    question = {
        "library": "H5P.MultiChoice 1.16",
        "params": sample_content("multichoice"),
        "subContentId": "4f1f1f1f-0000-4000-8000-000000000001",
    }
    scenario["content"].append({"type": question, "nextContentId": -1, "feedback": {}})


def test_branching_dynamic_score_adds_the_path_and_its_questions():
    key = branching("dynamic-score", with_scored_question)
    multichoice = "4f1f1f1f-0000-4000-8000-000000000001"
    assert key.max == 5 + 10 + 1  # the best path: choice, content's score, question
    right = chose(key, 0)
    right[multichoice] = verdict(key, "0", multichoice)
    assert key.total(right) == scoring.Verdict(16, 16, True)
    assert key.complete(right)
    # A path that skips the question: its max is the path's own.
    assert key.total(chose(key, 1)) == scoring.Verdict(0, 5, False)


def test_branching_dynamic_score_without_interaction_scores():
    def no_interactions(scenario):
        with_scored_question(scenario)
        scenario["scoringOptionGroup"]["includeInteractionsScores"] = False

    key = branching("dynamic-score", no_interactions)
    assert key.total(chose(key, 0)) == scoring.Verdict(15, 15, True)


def test_branching_without_score_succeeds_by_reaching_an_end():
    key = branching("no-score")
    assert key.scored and key.max == 0
    assert key.total(chose(key, 1)) == scoring.Verdict(0, 0, True)
    assert not key.complete({}) and not key.total({}).success


def test_branching_loop_never_completes():
    def loop(scenario):
        scenario["content"][1]["nextContentId"] = 0

    key = branching("static-end-score", loop)
    assert not key.complete(chose(key, 0))
    assert key.complete(chose(key, 1))


def test_single_choice_set_inside_a_presentation_is_scored_from_the_report():
    content = sample_content("coursepresentation")
    single_choice_set = {
        "library": "H5P.SingleChoiceSet 1.11",
        "params": sample_content("singlechoiceset"),
        "subContentId": str(uuid.uuid4()),
    }
    content["presentation"]["slides"][1]["elements"].append({"action": single_choice_set})
    key = key_of("coursepresentation", content)
    assert key.needs_report and key.max == 2 + 3
    live = json.loads((XAPI_DIR / "singlechoiceset-right.json").read_text(encoding="utf-8"))
    assert key.check(live[0]).kind == "other"  # the displayed position: left to the report
    report = json.loads(
        (XAPI_DIR / "all" / "singlechoiceset-right.getXAPIData.json").read_text(encoding="utf-8")
    )
    verdicts = key.check_report({"statement": {}, "children": [report]})
    assert [v.success for v in verdicts.values()] == [True, True, True]
