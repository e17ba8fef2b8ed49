"""Every scored content type, played with the statements a browser really sent:
the learner's result holds the server's verdicts, never the browser's claims."""

import pytest

from courses.models import ActivityResult, XAPIStatement

from .h5p_uploads import fresh_h5p_root
from .test_xapi import (
    REPORTED,
    SCORED,
    UNSCORED,
    activity,
    captured,
    captured_report,
    experienced,
    post,
    replay,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _h5p_files():
    yield from fresh_h5p_root()


def _claimed_total(kind: str, run: str, **where) -> tuple:
    """The activity's total H5P itself computed for this run (its getXAPIData report)."""
    score = captured_report(kind, run, **where)["statement"]["result"]["score"]
    return score["raw"], score["max"]


@pytest.mark.parametrize("kind", SCORED)
def test_a_wrong_then_a_right_run_get_the_servers_verdicts(client, learner, superuser, kind):
    package, lesson = activity(kind, learner=learner, installer=superuser)
    client.force_login(learner)
    where = {"package": package, "lesson": lesson, "user": learner}

    for run in ("wrong", "right"):
        responses = replay(client, kind, run, **where)

        assert [r.status_code for r in responses] == [200] * len(responses), [
            r.json() for r in responses if r.status_code != 200
        ]
        state = responses[-1].json()["activity"]
        assert (state["raw"], state["max"]) == _claimed_total(kind, run, **where)
        result = ActivityResult.objects.get(user=learner, package=package, lesson=lesson)
        assert result.completed and result.server_checked
        assert result.success is (run == "right") and state["success"] is (run == "right")
    assert result.score_scaled == 1


@pytest.mark.parametrize("kind", [kind for kind in SCORED if kind not in REPORTED])
def test_each_answer_is_stored_with_the_servers_verdict(client, learner, superuser, kind):
    package, lesson = activity(kind, learner=learner, installer=superuser)
    client.force_login(learner)
    where = {"package": package, "lesson": lesson, "user": learner}

    for run in ("wrong", "right"):
        for statement in captured(kind, run, **where):
            assert post(client, package, lesson, statement).status_code == 200
            score = (statement.get("result") or {}).get("score")
            row = XAPIStatement.objects.get(statement_id=statement["id"])
            if score is None:
                assert row.server_raw is None and row.server_success is None
                continue
            # H5P's own score of a real answer is the server's, to the point.
            assert (float(row.server_raw), float(row.server_max)) == (score["raw"], score["max"])
            assert row.server_success is (score["raw"] == score["max"])
            assert row.user == learner and row.lesson == lesson


@pytest.mark.parametrize("kind", REPORTED)
def test_report_types_are_scored_from_the_report_not_the_live_statements(
    client, learner, superuser, kind
):
    """SingleChoiceSet's live answers report the displayed position (upstream bug),
    BranchingScenario's say nothing of the path: only the report counts."""
    package, lesson = activity(kind, learner=learner, installer=superuser)
    client.force_login(learner)
    where = {"package": package, "lesson": lesson, "user": learner}

    for statement in captured(kind, "right", **where):
        assert post(client, package, lesson, statement).status_code == 200
    result = ActivityResult.objects.filter(user=learner, package=package).first()
    assert result is None or (not result.completed and result.success is None)

    report = captured_report(kind, "right", **where)
    response = post(client, package, lesson, report)

    assert response.status_code == 200
    result = ActivityResult.objects.get(user=learner, package=package)
    assert result.completed and result.success and result.score_scaled == 1
    rows = XAPIStatement.objects.filter(package=package, server_success__isnull=False)
    assert rows.filter(question_id="").get().statement_id.hex == report["statement"]["id"].replace(
        "-", ""
    )
    assert set(result.answers) == set(
        rows.exclude(question_id="").values_list("question_id", flat=True)
    )


def test_a_question_set_is_done_once_every_question_is_answered(client, learner, superuser):
    package, lesson = activity("questionset", learner=learner, installer=superuser)
    client.force_login(learner)
    where = {"package": package, "lesson": lesson, "user": learner}
    answers = [
        s for s in captured("questionset", "right", **where) if s.get("result", {}).get("score")
    ]
    *children, total = answers

    first = post(client, package, lesson, children[0]).json()
    assert first["message"].startswith(
        "Réponse vérifiée : 3 sur 3 points. Activité : 3 sur 5 points"
    )
    assert first["activity"] == {"completed": False, "success": None, "raw": 3, "max": 5}
    for child in children[1:]:
        state = post(client, package, lesson, child).json()["activity"]
    assert state == {"completed": True, "success": True, "raw": 5, "max": 5}
    body = post(client, package, lesson, total).json()
    assert body["message"] == "Activité : 5 sur 5 points, réussie."
    result = ActivityResult.objects.get(user=learner, package=package)
    assert len(result.answers) == 3 and result.attempts == 1


@pytest.mark.parametrize("kind", UNSCORED)
def test_an_unscored_activity_is_done_when_viewed(client, learner, superuser, kind):
    package, lesson = activity(kind, learner=learner, installer=superuser)
    client.force_login(learner)

    body = post(client, package, lesson, experienced(package, lesson, learner)).json()

    assert body["message"] == "Activité consultée." and body["verdict"] is None
    assert body["activity"] == {"completed": True, "success": None, "raw": None, "max": None}
    result = ActivityResult.objects.get(user=learner, package=package)
    assert result.completed and result.success is None and not result.server_checked


def test_accordion_is_done_by_its_own_consumed_statement(client, learner, superuser):
    package, lesson = activity("accordion", learner=learner, installer=superuser)
    client.force_login(learner)

    for statement in captured("accordion", "right", package=package, lesson=lesson, user=learner):
        assert post(client, package, lesson, statement).status_code == 200

    assert ActivityResult.objects.get(user=learner, package=package).completed


@pytest.mark.parametrize("verb", ["experienced", "completed"])
def test_viewing_or_completing_a_scored_activity_completes_nothing(
    client, learner, superuser, verb
):
    package, lesson = activity("truefalse", learner=learner, installer=superuser)
    client.force_login(learner)
    statement = experienced(package, lesson, learner)
    statement["verb"]["id"] = f"http://adlnet.gov/expapi/verbs/{verb}"
    statement["result"] = {"completion": True, "success": True, "score": {"raw": 1, "max": 1}}

    body = post(client, package, lesson, statement).json()

    assert body["success"] and body["message"] == "" and body["verdict"] is None
    assert body["activity"]["completed"] is False
    assert XAPIStatement.objects.filter(user=learner).count() == 1
    result = ActivityResult.objects.filter(user=learner, package=package).first()
    assert result is None or not result.completed
