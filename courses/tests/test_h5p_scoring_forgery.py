"""Forged statements and reports are refused with a French sentence (issue 19).

Each captured answer, altered as a cheating learner would (success claimed on a
wrong response, raw or max inflated, a question that is not in the package, an
unreadable response), and each report likewise.
"""

import copy
import uuid

import pytest

from courses.h5p import scoring

from .test_h5p_scoring import (
    ABSENT,
    ANSWER_CASES,
    SCORED_KINDS,
    UNREADABLE,
    WRONG_ANSWER_CASES,
    answered_statements,
    answers_of,
    key_of,
    report,
)

# --- forged statements -----------------------------------------------------------------


def forged(kind, run, index, change):
    statement = copy.deepcopy(answered_statements(kind, run)[index])
    change(statement)
    return statement


def refusal(kind, statement) -> str:
    with pytest.raises(scoring.ScoringRefused) as caught:
        key_of(kind).check(statement)
    return str(caught.value)


@pytest.mark.parametrize(("kind", "run", "index"), ANSWER_CASES)
def test_an_inflated_raw_score_is_refused(kind, run, index):
    def inflate(statement):
        score = statement["result"]["score"]
        score["raw"] = score["raw"] + 1

    message = refusal(kind, forged(kind, run, index, inflate))
    assert message == "Le score annoncé dépasse celui de la réponse."


@pytest.mark.parametrize(("kind", "run", "index"), ANSWER_CASES)
def test_an_inflated_max_score_is_refused(kind, run, index):
    def inflate(statement):
        score = statement["result"]["score"]
        score["max"], score["raw"] = score["max"] + 1, score["raw"]

    message = refusal(kind, forged(kind, run, index, inflate))
    assert message == "Le score maximal annoncé ne correspond pas à l'activité."


@pytest.mark.parametrize(("kind", "run", "index"), WRONG_ANSWER_CASES)
def test_a_claimed_success_on_a_wrong_response_is_refused(kind, run, index):
    def claim(forgery):
        forgery["result"]["success"] = True

    assert refusal(kind, forged(kind, run, index, claim)) == (
        "La réponse est annoncée juste alors qu'elle ne l'est pas."
    )


@pytest.mark.parametrize(("kind", "run", "index"), ANSWER_CASES)
def test_an_answer_to_a_question_not_in_the_package_is_refused(kind, run, index):
    def elsewhere(statement):
        activity = statement["object"]["id"].split("?")[0]
        statement["object"]["id"] = f"{activity}?subContentId={uuid.uuid4()}"

    assert refusal(kind, forged(kind, run, index, elsewhere)) == ABSENT


@pytest.mark.parametrize(("kind", "run", "index"), ANSWER_CASES)
@pytest.mark.parametrize("response", ["n'importe quoi[,]99[.]99[,]x[,]y", 7, None, ["0"], "99"])
def test_an_unreadable_response_is_refused(kind, run, index, response):
    key = key_of(kind)
    question_id = key.check(answered_statements(kind, run)[index]).question_id
    question = next(q for q in key.questions if q.id == question_id)
    if (question.library, question.max, response) == ("H5P.Blanks", 1, "99"):
        response = "99[,]98"  # one blank reads any typed text: give it two

    def garble(statement):
        statement["result"]["response"] = response
        statement["result"]["score"]["raw"] = 0
        statement["result"].pop("success", None)

    assert refusal(kind, forged(kind, run, index, garble)) == UNREADABLE


@pytest.mark.parametrize("kind", SCORED_KINDS)
def test_a_report_naming_an_unknown_question_is_refused(kind):
    forgery = copy.deepcopy(report(kind, "right"))
    statement = {
        "object": {"id": f"http://example.test/h5p?subContentId={uuid.uuid4()}"},
        "result": {"response": "0"},
    }
    forgery.setdefault("children", []).append({"statement": statement})
    with pytest.raises(scoring.ScoringRefused) as caught:
        key_of(kind).check_report(forgery)
    assert str(caught.value) == ABSENT


@pytest.mark.parametrize("kind", ["singlechoiceset", "branchingscenario"])
def test_a_report_with_an_unreadable_choice_is_refused(kind):
    forgery = copy.deepcopy(report(kind, "right"))
    forgery["children"][0]["statement"]["result"]["response"] = "9"
    with pytest.raises(scoring.ScoringRefused) as caught:
        key_of(kind).check_report(forgery)
    assert str(caught.value) == UNREADABLE


def test_a_report_claiming_more_than_its_answers_is_refused():
    forgery = copy.deepcopy(report("questionset", "wrong"))
    forgery["children"][0]["statement"]["result"]["score"]["raw"] = 3
    with pytest.raises(scoring.ScoringRefused):
        key_of("questionset").check_report(forgery)


def test_a_single_choice_set_report_with_an_extra_question_is_refused():
    forgery = copy.deepcopy(report("singlechoiceset", "right"))
    forgery["children"].append(copy.deepcopy(forgery["children"][0]))
    with pytest.raises(scoring.ScoringRefused) as caught:
        key_of("singlechoiceset").check_report(forgery)
    assert str(caught.value) == ABSENT


def test_a_response_scored_before_is_still_checked_against_each_claim():
    """Verdicts are memoised per package and response: the claim is compared every time."""
    key = key_of("dragquestion")
    wrong = answered_statements("dragquestion", "wrong")[0]
    first = key.check(wrong)
    assert key.check(copy.deepcopy(wrong)) == first
    forgery = copy.deepcopy(wrong)
    forgery["result"]["success"] = True
    forgery["result"]["score"]["raw"] = 4
    with pytest.raises(scoring.ScoringRefused):
        key.check(forgery)


@pytest.mark.parametrize(
    "kind", ["questionset", "coursepresentation", "singlechoiceset", "summary"]
)
def test_a_forged_total_is_a_claim_problem(kind):
    key = key_of(kind)
    answers, totals = answers_of(key, kind, "wrong")
    (claimed,) = totals
    forgery = copy.deepcopy(claimed)
    forgery["score"]["raw"] = forgery["score"]["max"]
    forgery["success"] = True
    assert scoring.claim_problem(forgery, key.total(answers))
