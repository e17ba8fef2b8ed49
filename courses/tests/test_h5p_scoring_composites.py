"""Composites and scenarios: QuestionSet, CoursePresentation, InteractiveVideo and
BranchingScenario, on samples edited as an author would (issue 19)."""

import copy
import json
import uuid

from courses.h5p import scoring
from courses.h5p.authoring import sample_content

from .test_h5p_scoring_types import (
    XAPI_DIR,
    answer,
    key_of,
    refused,
    summary_statement,
    verdict,
)

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
