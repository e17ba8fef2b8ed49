"""The xAPI endpoint with real packages and the statements H5P really sends.

The helpers here (packages built from the vendored samples, captured statements
rewritten for the activity they are posted to) serve the other test_xapi* modules
and test_query_counts.
"""

import copy
import io
import json
import logging
import uuid

import pytest
from django.urls import reverse

from courses import services
from courses.h5p.authoring import SAMPLE_KINDS, VENDOR_DIR, build_package
from courses.models import ActivityResult, XAPIStatement
from courses.services.activities import xapi_pseudonym

from . import factories
from .h5p_uploads import fresh_h5p_root, upload_package

pytestmark = pytest.mark.django_db

CAPTURES = VENDOR_DIR / "xapi"
UNSCORED = ("dialogcards", "accordion")
SCORED = tuple(kind for kind in SAMPLE_KINDS if kind not in UNSCORED)
REPORTED = ("singlechoiceset", "branchingscenario")
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced"


@pytest.fixture(autouse=True)
def _h5p_files():
    yield from fresh_h5p_root()


def activity(kind: str, *, learner, installer, module=None):
    """A lesson holding a real `kind` package, the learner enrolled in its module."""
    package = upload_package(
        user=installer,
        archive=io.BytesIO(build_package(kind)),
        filename=f"{kind}.h5p",
        title=f"Activité {kind}",
    )
    module = module or factories.module(lessons=0)
    lesson = factories.lesson(module_page=module, title=f"Leçon {kind}", packages=[package])
    services.enrolment_create(user=learner, module=module)
    return package, lesson


def xapi_url(package, lesson) -> str:
    return reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])


def actor(user) -> dict:
    return {
        "name": "apprenant",
        "mbox": f"mailto:{xapi_pseudonym(user)}@apprenants.egide.invalid",
        "objectType": "Agent",
    }


def _iri(old: str, base: str) -> str:
    _sep, query = old.partition("?")[1:]
    return base + ("?" + query if query else "")


def rewritten(statement: dict, *, package, lesson, user) -> dict:
    """A captured statement as the platform's player sends it: the activity's IRI,
    the learner's pseudonymous actor and a fresh id."""
    statement = copy.deepcopy(statement)
    base = "http://testserver" + xapi_url(package, lesson)
    statement["id"] = str(uuid.uuid4())
    statement["actor"] = actor(user)
    statement["object"]["id"] = _iri(statement["object"]["id"], base)
    for parent in statement.get("context", {}).get("contextActivities", {}).get("parent", []):
        parent["id"] = _iri(parent["id"], base)
    return statement


def _rewritten_node(node: dict, **where) -> dict:
    statement = rewritten(node["statement"], **where)
    statement.pop("id")
    children = [_rewritten_node(child, **where) for child in node.get("children") or []]
    return {"statement": statement, "children": children}


def captured(kind: str, run: str, *, package, lesson, user, every: bool = True) -> list[dict]:
    """The statements of a captured run (every verb, or only the answers), rewritten."""
    path = CAPTURES / "all" / f"{kind}-{run}.json" if every else CAPTURES / f"{kind}-{run}.json"
    statements = json.loads(path.read_text())
    return [rewritten(s, package=package, lesson=lesson, user=user) for s in statements]


def captured_report(kind: str, run: str, *, package, lesson, user) -> dict:
    """The getXAPIData() report of a captured run, its statement given an id."""
    node = json.loads((CAPTURES / "all" / f"{kind}-{run}.getXAPIData.json").read_text())
    report = _rewritten_node(node, package=package, lesson=lesson, user=user)
    report["statement"]["id"] = str(uuid.uuid4())
    return report


def post(client, package, lesson, body: dict):
    return client.post(xapi_url(package, lesson), json.dumps(body), content_type="application/json")


def replay(client, kind: str, run: str, *, package, lesson, user) -> list:
    """Post a captured run as the player does: every statement, then the report for
    the types that need one. Returns the responses."""
    where = {"package": package, "lesson": lesson, "user": user}
    bodies = captured(kind, run, **where)
    if kind in REPORTED:
        bodies.append(captured_report(kind, run, **where))
    return [post(client, package, lesson, body) for body in bodies]


def experienced(package, lesson, user) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": actor(user),
        "verb": {"id": EXPERIENCED, "display": {"fr": "a consulté"}},
        "object": {"id": "http://testserver" + xapi_url(package, lesson)},
    }


# --- The endpoint ---------------------------------------------------------------


def test_a_right_answer_is_answered_with_the_servers_verdict(client, learner, superuser):
    package, lesson = activity("truefalse", learner=learner, installer=superuser)
    client.force_login(learner)
    (statement,) = captured(
        "truefalse", "right", package=package, lesson=lesson, user=learner, every=False
    )

    response = post(client, package, lesson, statement)

    assert response.status_code == 200
    assert response.json() == {
        "success": True,
        "id": statement["id"],
        "message": "Réponse vérifiée : 1 sur 1 point. Activité : 1 sur 1 point, réussie.",
        "verdict": {"raw": 1, "max": 1, "success": True, "scaled": 1},
        "activity": {"completed": True, "success": True, "raw": 1, "max": 1},
    }


def test_a_partly_right_answer_says_how_many_points(client, learner, superuser):
    package, lesson = activity("blanks", learner=learner, installer=superuser)
    client.force_login(learner)
    (statement,) = captured(
        "blanks", "wrong", package=package, lesson=lesson, user=learner, every=False
    )

    body = post(client, package, lesson, statement).json()

    assert body["message"] == (
        "Réponse vérifiée : 1 sur 3 points. Activité : 1 sur 3 points, pas encore réussie."
    )
    assert body["activity"] == {"completed": True, "success": False, "raw": 1, "max": 3}


def test_the_same_statement_twice_is_answered_409_and_counted_once(client, learner, superuser):
    package, lesson = activity("truefalse", learner=learner, installer=superuser)
    client.force_login(learner)
    (statement,) = captured(
        "truefalse", "right", package=package, lesson=lesson, user=learner, every=False
    )
    assert post(client, package, lesson, statement).status_code == 200

    again = post(client, package, lesson, statement)

    assert again.status_code == 409 and again.json()["success"] is False
    assert again.json()["message"] == "Cette déclaration a déjà été reçue."
    assert XAPIStatement.objects.count() == 1
    assert ActivityResult.objects.get(user=learner).attempts == 1


def test_a_report_is_recorded_with_a_row_per_question(client, learner, superuser):
    package, lesson = activity("singlechoiceset", learner=learner, installer=superuser)
    client.force_login(learner)
    report = captured_report(
        "singlechoiceset", "right", package=package, lesson=lesson, user=learner
    )

    response = post(client, package, lesson, report)

    assert response.status_code == 200, response.json()
    assert response.json()["activity"] == {"completed": True, "success": True, "raw": 3, "max": 3}
    assert response.json()["message"] == "Activité : 3 sur 3 points, réussie."
    rows = XAPIStatement.objects.filter(package=package).exclude(question_id="")
    assert sorted(rows.values_list("server_success", flat=True)) == [True, True, True]
    assert post(client, package, lesson, report).status_code == 409


def test_a_report_without_a_statement_id_is_refused(client, learner, superuser):
    package, lesson = activity("singlechoiceset", learner=learner, installer=superuser)
    client.force_login(learner)
    report = captured_report(
        "singlechoiceset", "right", package=package, lesson=lesson, user=learner
    )
    del report["statement"]["id"]

    response = post(client, package, lesson, report)

    assert response.status_code == 400
    assert not ActivityResult.objects.exists() and not XAPIStatement.objects.exists()


def test_refusals_are_logged_with_who_what_and_why(client, learner, superuser, caplog):
    package, lesson = activity("truefalse", learner=learner, installer=superuser)
    client.force_login(learner)
    (statement,) = captured(
        "truefalse", "wrong", package=package, lesson=lesson, user=learner, every=False
    )
    statement["result"]["success"] = True

    with caplog.at_level(logging.WARNING, logger="egide.courses"):
        response = post(client, package, lesson, statement)

    assert response.status_code == 400
    (record,) = [r for r in caplog.records if r.name == "egide.courses"]
    message = record.getMessage()
    assert record.levelno == logging.WARNING
    for part in (
        f"user={learner.pk}",
        f"package={package.pk}",
        f"lesson={lesson.pk}",
        statement["id"],
        response.json()["message"],
    ):
        assert part in message


def test_the_pseudonym_is_stable_distinct_and_not_the_user_id(learner, superuser):
    assert xapi_pseudonym(learner) == xapi_pseudonym(learner)
    assert xapi_pseudonym(learner) != xapi_pseudonym(superuser)
    assert len(xapi_pseudonym(learner)) == 20 and str(learner.pk) != xapi_pseudonym(learner)
    int(xapi_pseudonym(learner), 16)
