"""Server re-scoring against what real H5P players send (vendor/h5p/xapi/, captured in Chromium).

Every captured answer is accepted and gets the browser's own score (the
libraries are right there), every getXAPIData() report gives the right
verdicts, and every forged variant is refused with a French sentence.
Documented upstream bugs: Single Choice Set's live per-question statements
report the displayed position (they are "other": the report scores them), and
Branching Scenario's choices only exist in the report.
"""

import copy
import json
from pathlib import Path

import pytest
from django.conf import settings

from courses.h5p import scoring
from courses.h5p.authoring import SAMPLE_KINDS, sample_content, sample_h5p_json

XAPI_DIR = Path(settings.BASE_DIR) / "vendor" / "h5p" / "xapi"
RUNS = ("right", "wrong")
UNSCORED_KINDS = ("dialogcards", "accordion")
SCORED_KINDS = tuple(k for k in SAMPLE_KINDS if k not in UNSCORED_KINDS)
ABSENT = "Cette réponse porte sur une question absente de l'activité."
UNREADABLE = "La réponse envoyée ne peut pas être lue."


def key_of(kind: str, content: dict | None = None) -> scoring.PackageKey:
    return scoring.package_key(sample_h5p_json(kind), content or sample_content(kind))


def run_statements(kind: str, run: str) -> list[dict]:
    return json.loads((XAPI_DIR / "all" / f"{kind}-{run}.json").read_text(encoding="utf-8"))


def answered_statements(kind: str, run: str) -> list[dict]:
    return json.loads((XAPI_DIR / f"{kind}-{run}.json").read_text(encoding="utf-8"))


def report(kind: str, run: str):
    path = XAPI_DIR / "all" / f"{kind}-{run}.getXAPIData.json"
    return json.loads(path.read_text(encoding="utf-8"))


def verb(statement: dict) -> str:
    return statement["verb"]["id"].rsplit("/", 1)[-1]


def answers_of(key, kind: str, run: str) -> tuple[dict, list]:
    """Replay a run as ingestion does: latest verdict per question, and the totals claimed."""
    answers, totals = {}, []
    for statement in run_statements(kind, run):
        check = key.check(statement)
        if check.kind == "answer":
            answers[check.question_id] = check.verdict
        elif check.kind == "total":
            totals.append(statement["result"])
    if key.needs_report:
        answers.update(key.check_report(report(kind, run)))
    return answers, totals


def scored_answers(kind: str):
    """(kind, run, index) of each captured answered statement the server scores live."""
    cases = []
    for run in RUNS:
        for index, statement in enumerate(answered_statements(kind, run)):
            if key_of(kind).check(statement).kind == "answer":
                cases.append((kind, run, index))
    return cases


ANSWER_CASES = [case for kind in SCORED_KINDS for case in scored_answers(kind)]
WRONG_ANSWER_CASES = [
    (kind, run, index)
    for kind, run, index in ANSWER_CASES
    if not key_of(kind).check(answered_statements(kind, run)[index]).verdict.success
]


# --- the contract's small pieces -------------------------------------------------------


def test_verdict_scaled_is_raw_over_max_and_zero_without_points():
    assert scoring.Verdict(raw=1, max=4, success=False).scaled == 0.25
    assert scoring.Verdict(raw=0, max=0, success=True).scaled == 0


def test_report_libraries_are_single_choice_set_and_branching_scenario():
    assert scoring.REPORT_LIBRARIES == {"H5P.SingleChoiceSet", "H5P.BranchingScenario"}
    assert [k for k in SAMPLE_KINDS if key_of(k).needs_report] == [
        "singlechoiceset",
        "branchingscenario",
    ]


def test_claim_problem_refuses_only_claims_above_the_verdict():
    verdict = scoring.Verdict(raw=2, max=3, success=False)
    assert scoring.claim_problem({"score": {"raw": 2, "max": 3}, "success": False}, verdict) is None
    assert scoring.claim_problem({"score": {"raw": 1, "max": 3}}, verdict) is None
    assert scoring.claim_problem({}, verdict) is None
    assert "juste" in scoring.claim_problem({"success": True}, verdict)
    assert "dépasse" in scoring.claim_problem({"score": {"raw": 3, "max": 3}}, verdict)
    assert "maximal" in scoring.claim_problem({"score": {"raw": 0, "max": 4}}, verdict)
    assert "dépasse" in scoring.claim_problem({"score": {"raw": "3"}}, verdict)


def test_the_first_api_still_checks_true_false_for_the_current_ingestion():
    h5p_json, content = sample_h5p_json("truefalse"), sample_content("truefalse")
    assert scoring.can_check(h5p_json)
    assert scoring.check(h5p_json, content, {"response": "true"}) == scoring.CheckedResult(
        success=True, score_scaled=1.0
    )
    assert scoring.check(h5p_json, content, {"response": "false"}).success is False


# --- what each package asks ------------------------------------------------------------

EXPECTED = {
    # kind: (scored, questions, max, pass_ratio)
    "truefalse": (True, 1, 1, None),
    "multichoice": (True, 1, 1, 1.0),
    "singlechoiceset": (True, 3, 3, 1.0),
    "blanks": (True, 1, 3, None),
    "dragtext": (True, 1, 3, None),
    "markthewords": (True, 1, 3, None),
    "dragquestion": (True, 1, 4, None),
    "summary": (True, 2, 2, None),
    "questionset": (True, 3, 5, 0.5),
    "coursepresentation": (True, 2, 2, None),
    "interactivevideo": (True, 1, 1, None),
    "branchingscenario": (True, 1, 10, None),
    "dialogcards": (False, 0, 0, None),
    "accordion": (False, 0, 0, None),
}


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_each_sample_has_the_questions_and_points_of_its_answer_key(kind):
    key = key_of(kind)
    scored, count, top, pass_ratio = EXPECTED[kind]
    assert (key.scored, len(key.questions), key.max, key.pass_ratio) == (
        scored,
        count,
        top,
        pass_ratio,
    )
    assert key.main_library == sample_h5p_json(kind)["mainLibrary"]
    for question in key.questions:
        assert question.label and len(question.label) <= 300 and "<" not in question.label


def test_questions_carry_their_choices_for_distributions():
    (question,) = key_of("multichoice").questions
    assert question.id == "" and question.library == "H5P.MultiChoice"
    assert [c[0] for c in question.choices] == ["0", "1", "2", "3"]
    assert all(label and "<" not in label for _, label in question.choices)
    assert key_of("blanks").questions[0].choices == ()
    assert key_of("truefalse").questions[0].choices == (("true", "Vrai"), ("false", "Faux"))
    sub_ids = [q.id for q in key_of("questionset").questions]
    content = sample_content("questionset")
    assert sub_ids == [q["subContentId"] for q in content["questions"]]


# --- oracle: live statements -----------------------------------------------------------


@pytest.mark.parametrize(("kind", "run", "index"), ANSWER_CASES)
def test_captured_answers_get_the_score_the_browser_computed(kind, run, index):
    statement = answered_statements(kind, run)[index]
    check = key_of(kind).check(statement)
    claimed = statement["result"]
    assert check.verdict.raw == claimed["score"]["raw"]
    assert check.verdict.max == claimed["score"]["max"]
    if "success" in claimed:
        assert check.verdict.success is claimed["success"]
    else:  # Blanks, DragText and Summary send no success: all points is success
        assert check.verdict.success is (claimed["score"]["raw"] == claimed["score"]["max"])


def test_every_scored_kind_has_live_answers_except_the_report_kinds():
    assert len(WRONG_ANSWER_CASES) == 14
    kinds = {kind for kind, _, _ in ANSWER_CASES}
    assert kinds == set(SCORED_KINDS) - {"singlechoiceset", "branchingscenario"}
    # TF, MC, Blanks, DragText, MarkTheWords, DragQuestion, IV: 1 per run; Summary: 2 groups;
    # QuestionSet: 3 questions; CoursePresentation: 2.
    assert len(ANSWER_CASES) == 7 * 2 + 2 * 2 + 3 * 2 + 2 * 2
    for kind in SCORED_KINDS:
        for run in RUNS:
            for statement in answered_statements(kind, run):
                check = key_of(kind).check(statement)
                documented = {"summary": "total", "singlechoiceset": "other"}.get(kind)
                assert check.kind in ("answer", documented)


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
@pytest.mark.parametrize("run", RUNS)
def test_every_captured_statement_is_accepted(kind, run):
    key = key_of(kind)
    kinds = [key.check(statement).kind for statement in run_statements(kind, run)]
    if not key.scored:
        assert set(kinds) <= {"view", "other"}
        assert ("view" in kinds) is (kind == "accordion")  # Dialog Cards sends nothing
    else:
        assert "view" not in kinds


def test_single_choice_set_live_answers_are_left_to_the_report():
    """Upstream bug (1.11.87): the live response is the displayed position, and the third
    statement of the wrong run claims a success; the server takes neither."""
    key = key_of("singlechoiceset")
    for run in RUNS:
        checks = [key.check(s) for s in answered_statements("singlechoiceset", run)]
        assert [c.kind for c in checks] == ["other", "other", "other"]
    wrong_third = answered_statements("singlechoiceset", "wrong")[2]
    assert wrong_third["result"]["success"] is True  # what the browser claimed


@pytest.mark.parametrize("kind", SCORED_KINDS)
@pytest.mark.parametrize("run", RUNS)
def test_each_total_the_browser_claims_is_the_servers_total(kind, run):
    key = key_of(kind)
    answers, totals = answers_of(key, kind, run)
    assert key.complete(answers)
    total = key.total(answers)
    assert total.success is (run == "right")
    assert total.raw == (key.max if run == "right" else total.raw)
    for claimed in totals:
        assert scoring.claim_problem(claimed, total) is None
        assert (claimed["score"]["raw"], claimed["score"]["max"]) == (total.raw, total.max)
    composite = kind in {"questionset", "coursepresentation", "singlechoiceset", "summary"}
    assert bool(totals) is (composite or kind == "branchingscenario")


EXPECTED_WRONG_TOTALS = {
    "truefalse": 0,
    "multichoice": 0,
    "singlechoiceset": 0,
    "blanks": 1,
    "dragtext": 1,
    "markthewords": 0,
    "dragquestion": 0,
    "summary": 0,
    "questionset": 0,
    "coursepresentation": 0,
    "interactivevideo": 0,
    "branchingscenario": 0,
}


@pytest.mark.parametrize("kind", SCORED_KINDS)
def test_a_wrong_run_scores_what_the_learner_got_right(kind):
    key = key_of(kind)
    answers, _ = answers_of(key, kind, "wrong")
    assert key.total(answers).raw == EXPECTED_WRONG_TOTALS[kind]


def test_missing_answers_count_no_points_and_leave_the_activity_incomplete():
    key = key_of("questionset")
    answers, _ = answers_of(key, "questionset", "right")
    first = key.questions[0].id
    partial = {first: answers[first]}
    assert key.total(partial) == scoring.Verdict(raw=3, max=5, success=True)  # 60 % ≥ 50 %
    assert not key.complete(partial)
    assert key.total({}) == scoring.Verdict(raw=0, max=5, success=False)


# --- oracle: reports (getXAPIData) -----------------------------------------------------


@pytest.mark.parametrize("kind", SCORED_KINDS)
@pytest.mark.parametrize("run", RUNS)
def test_each_report_gives_the_verdicts_of_the_live_answers(kind, run):
    key = key_of(kind)
    verdicts = key.check_report(report(kind, run))
    assert set(verdicts) == {q.id for q in key.questions}
    assert key.complete(verdicts)
    assert key.total(verdicts).success is (run == "right")
    live = {}
    for statement in run_statements(kind, run):
        check = key.check(statement)
        if check.kind == "answer":
            live[check.question_id] = check.verdict
    for question_id, verdict in live.items():
        assert verdicts[question_id] == verdict


def test_single_choice_set_report_uses_content_order_answers():
    key = key_of("singlechoiceset")
    right = key.check_report(report("singlechoiceset", "right"))
    wrong = key.check_report(report("singlechoiceset", "wrong"))
    assert [v.response for v in right.values()] == ["0", "0", "0"]
    assert [v.success for v in right.values()] == [True, True, True]
    assert [v.response for v in wrong.values()] == ["1", "1", "1"]
    assert key.total(wrong) == scoring.Verdict(raw=0, max=3, success=False)


def test_summary_report_scores_the_first_click_of_each_group():
    key = key_of("summary")
    wrong = key.check_report(report("summary", "wrong"))
    # The report lists every click ("2[,]0"): only the first one counts.
    assert [v.response for v in wrong.values()] == ["2", "1"]
    assert key.total(wrong).raw == 0


def test_branching_scenario_report_describes_the_path():
    key = key_of("branchingscenario")
    right = key.check_report(report("branchingscenario", "right"))
    wrong = key.check_report(report("branchingscenario", "wrong"))
    assert key.total(right) == scoring.Verdict(raw=10, max=10, success=True)
    assert key.total(wrong) == scoring.Verdict(raw=0, max=10, success=False)
    assert key.complete(right) and key.complete(wrong)
    assert not key.complete({})


def test_unscored_kinds_report_nothing():
    for kind in UNSCORED_KINDS:
        assert key_of(kind).check_report({"statement": {}, "children": []}) == {}


# --- the other statements --------------------------------------------------------------


def test_set_totals_and_composite_completions_are_totals():
    key = key_of("questionset")
    kinds = {verb(s): key.check(s).kind for s in run_statements("questionset", "right")}
    assert kinds == {
        "attempted": "other",
        "interacted": "other",
        "answered": "answer",
        "progressed": "other",
        "completed": "total",
    }
    summary = key_of("summary")
    final = answered_statements("summary", "right")[-1]
    assert summary.check(final) == scoring.Check("total")


def test_an_answer_without_response_at_the_root_of_a_question_is_unreadable():
    statement = copy.deepcopy(answered_statements("truefalse", "right")[0])
    del statement["result"]["response"]
    with pytest.raises(scoring.ScoringRefused) as caught:
        key_of("truefalse").check(statement)
    assert str(caught.value) == UNREADABLE


def test_unscored_packages_complete_on_viewing():
    key = key_of("dialogcards")
    experienced = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": "http://example.test/h5p"},
    }
    assert key.check(experienced) == scoring.Check("view")
    assert key.check(
        {**experienced, "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}}
    ) == (scoring.Check("other"))
    assert key_of("truefalse").check(experienced) == scoring.Check("other")
