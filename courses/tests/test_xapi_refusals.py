"""Forged statements, for every scored content type: refused (400, or 409 for a
replay), logged, and nothing counted."""

import uuid

import pytest

from accounts.tests.factories import UserFactory
from courses import services
from courses.models import ActivityResult, XAPIStatement

from . import factories
from .h5p_uploads import fresh_h5p_root
from .test_xapi import REPORTED, SCORED, activity, actor, captured, captured_report, post

pytestmark = pytest.mark.django_db

SUB_CONTENT = "http://h5p.org/x-api/h5p-subContentId"


@pytest.fixture(autouse=True)
def _h5p_files():
    yield from fresh_h5p_root()


@pytest.fixture
def played(client, learner, superuser, request):
    """A learner in front of a `kind` activity (the test's parameter)."""
    kind = request.node.callspec.params["kind"]
    package, lesson = activity(kind, learner=learner, installer=superuser)
    client.force_login(learner)
    return kind, package, lesson


def _answers(kind, run, **where) -> list[dict]:
    return [s for s in captured(kind, run, **where) if (s.get("result") or {}).get("score")]


def _wrong(kind, **where) -> tuple[dict, dict]:
    """The body to post for a wrong attempt, and the statement whose claims to forge."""
    if kind in REPORTED:
        report = captured_report(kind, "wrong", **where)
        return report, report["statement"]
    statement = next(
        s
        for s in _answers(kind, "wrong", **where)
        if s["result"]["score"]["raw"] < s["result"]["score"]["max"]
    )
    return statement, statement


def _right(kind, **where) -> dict:
    if kind in REPORTED:
        return captured_report(kind, "right", **where)
    return _answers(kind, "right", **where)[0]


def xapi_statements(body: dict) -> list[dict]:
    """The statements of a body: itself, or a report's statement and children."""
    if "children" not in body:
        return [body]
    return [body["statement"], *(s for c in body["children"] for s in xapi_statements(c))]


def _assert_refused(client, package, lesson, body, status=400):
    before = XAPIStatement.objects.count(), list(ActivityResult.objects.values())
    response = post(client, package, lesson, body)
    assert response.status_code == status, response.content
    assert response.json()["success"] is False and response.json()["message"]
    assert (XAPIStatement.objects.count(), list(ActivityResult.objects.values())) == before
    return response.json()["message"]


@pytest.mark.parametrize("kind", SCORED)
def test_a_claimed_success_with_a_wrong_response_is_refused(client, learner, played, kind):
    _kind, package, lesson = played
    body, claims = _wrong(kind, package=package, lesson=lesson, user=learner)
    claims["result"]["success"] = True

    _assert_refused(client, package, lesson, body)


@pytest.mark.parametrize("kind", SCORED)
@pytest.mark.parametrize("field", ["raw", "max"])
def test_an_inflated_score_is_refused(client, learner, played, kind, field):
    _kind, package, lesson = played
    body, claims = _wrong(kind, package=package, lesson=lesson, user=learner)
    score = claims["result"]["score"]
    score[field] = score["max"] if field == "raw" else score["max"] + 1

    _assert_refused(client, package, lesson, body)


@pytest.mark.parametrize("kind", SCORED)
def test_an_answer_to_a_sub_content_not_in_the_package_is_refused(client, learner, played, kind):
    _kind, package, lesson = played
    body, claims = _wrong(kind, package=package, lesson=lesson, user=learner)
    if kind in REPORTED:
        claims = body["children"][0]["statement"]
    stranger = str(uuid.uuid4())
    claims["object"]["id"] = claims["object"]["id"].split("?")[0] + f"?subContentId={stranger}"
    claims["object"].setdefault("definition", {}).setdefault("extensions", {})[SUB_CONTENT] = (
        stranger
    )

    message = _assert_refused(client, package, lesson, body)
    assert message == "Cette réponse porte sur une question absente de l'activité."


@pytest.mark.parametrize("kind", SCORED)
def test_a_replayed_statement_is_refused_whoever_sends_it(client, learner, played, kind):
    _kind, package, lesson = played
    body = _right(kind, package=package, lesson=lesson, user=learner)
    assert post(client, package, lesson, body).status_code == 200

    _assert_refused(client, package, lesson, body, status=409)
    other = UserFactory()
    services.enrolment_create(user=other, module=lesson.module)
    client.force_login(other)
    # Without an actor, the copy would be recorded for the other learner: the id decides.
    for statement in xapi_statements(body):
        statement.pop("actor", None)
    _assert_refused(client, package, lesson, body, status=409)
    assert not ActivityResult.objects.filter(user=other).exists()


@pytest.mark.parametrize("kind", SCORED)
def test_a_statement_for_another_activity_is_refused(client, learner, played, kind):
    _kind, package, lesson = played
    elsewhere = factories.lesson(module_page=lesson.module, title="Autre", packages=[package])
    body = _right(kind, package=package, lesson=elsewhere, user=learner)

    message = _assert_refused(client, package, lesson, body)
    assert message == "Cette déclaration porte sur une autre activité."


@pytest.mark.parametrize("kind", SCORED)
def test_a_statement_for_another_learner_is_refused(client, learner, played, kind):
    _kind, package, lesson = played
    body = _right(kind, package=package, lesson=lesson, user=learner)
    statement = body["statement"] if kind in REPORTED else body
    statement["actor"] = actor(UserFactory())

    message = _assert_refused(client, package, lesson, body)
    assert message == "Cette déclaration porte sur une autre personne."


def test_a_statement_without_actor_counts_for_the_signed_in_learner(client, learner, superuser):
    package, lesson = activity("truefalse", learner=learner, installer=superuser)
    client.force_login(learner)
    (statement,) = _answers("truefalse", "right", package=package, lesson=lesson, user=learner)
    del statement["actor"]

    assert post(client, package, lesson, statement).status_code == 200
    assert ActivityResult.objects.get(user=learner, package=package).success is True
