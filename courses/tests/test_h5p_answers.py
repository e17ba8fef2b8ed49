"""The right answers of courses.tests.h5p_answers, posted through the xAPI endpoint as
the player posts them, get a server-checked full score: for every kind the content
builders make (the cases of test_h5p_contents) and every scored vendored sample."""

import io

import pytest

from courses import services
from courses.h5p import contents as c
from courses.h5p.authoring import build_package, sample_h5p_json
from courses.h5p.scoring import claim_problem, package_key
from courses.models import ActivityResult, XAPIStatement

from . import factories
from .h5p_answers import NoRightAnswer, answer_right, right_answer_posts, right_answers
from .h5p_uploads import fresh_h5p_root, upload_package
from .test_h5p_contents import CASES
from .test_xapi import SCORED

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _h5p_files():
    yield from fresh_h5p_root()


def _activity(kind: str, content: dict | None, *, learner, installer):
    package = upload_package(
        user=installer,
        archive=io.BytesIO(build_package(kind, title=f"Activité {kind}", content=content)),
        filename=f"{kind}.h5p",
        title=f"Activité {kind}",
    )
    module = factories.module(lessons=0)
    lesson = factories.lesson(module_page=module, title=f"Leçon {kind}", packages=[package])
    services.enrolment_create(user=learner, module=module)
    return package, lesson


def _assert_full_score(client, package, lesson, learner):
    client.force_login(learner)
    responses = answer_right(client, package, lesson=lesson, user=learner)

    last = responses[-1].json()["activity"]
    assert last["success"] is True and last["raw"] == last["max"] > 0, last
    result = ActivityResult.objects.get(user=learner, package=package, lesson=lesson)
    assert result.server_checked and result.completed and result.success
    assert result.score_scaled == 1
    # Every statement the player sent is stored; the server granted each claim.
    assert XAPIStatement.objects.filter(user=learner, package=package).count() >= len(responses)


@pytest.mark.parametrize("kind", CASES)
def test_the_right_answers_to_each_built_kind_get_a_server_checked_full_score(
    client, learner, superuser, kind
):
    content, questions, top = CASES[kind]
    package, lesson = _activity(kind, content, learner=learner, installer=superuser)

    _assert_full_score(client, package, lesson, learner)
    result = ActivityResult.objects.get(user=learner, package=package)
    assert len(result.answers) >= questions


@pytest.mark.parametrize("kind", SCORED)
def test_the_right_answers_to_each_scored_sample_get_a_server_checked_full_score(
    client, learner, superuser, kind
):
    package, lesson = _activity(kind, None, learner=learner, installer=superuser)

    _assert_full_score(client, package, lesson, learner)


def test_a_scenario_is_played_along_the_path_to_its_best_end_screen(client, learner, superuser):
    """The best end screen is behind a second decision; a first choice ends it early."""
    content = c.branching_scenario(
        title="Au guichet",
        subtitle_html="<p>Choisissez</p>",
        screens=[
            c.scenario_choice("Accueil", "<p>Elle arrive.</p>", [("Renvoyer", 1), ("Écouter", 2)]),
            c.scenario_text("Renvoyée", "<p>Non.</p>", end_title="Nuisible", score=0),
            c.scenario_choice("Suite", "<p>Et ensuite ?</p>", [("Plainte", 3), ("Attendre", 4)]),
            c.scenario_text("Plainte", "<p>Oui.</p>", end_title="Bien", score=10),
            c.scenario_text("Attente", "<p>Bof.</p>", end_title="En partie", score=5),
        ],
    )
    package, lesson = _activity("branchingscenario", content, learner=learner, installer=superuser)

    report = right_answer_posts(package, lesson=lesson, user=learner)[-1][1]

    assert [child["statement"]["result"]["response"] for child in report["children"]] == [1, 0]
    assert report["statement"]["result"]["score"] == {"min": 0, "max": 10, "raw": 10, "scaled": 1}
    _assert_full_score(client, package, lesson, learner)


def test_each_nested_question_is_answered_under_its_own_sub_content_id():
    content = CASES["questionset"][0]
    bodies = right_answers(
        {"mainLibrary": "H5P.QuestionSet"}, content, iri="http://testserver/xapi/"
    )

    *answers, completed = bodies
    ids = [q["subContentId"] for q in content["questions"]]
    assert [a["object"]["id"] for a in answers] == [
        f"http://testserver/xapi/?subContentId={i}" for i in ids
    ]
    assert [a["result"]["response"] for a in answers] == ["true", "0", "17"]
    assert completed["verb"]["id"].endswith("/completed")
    assert completed["result"]["score"]["raw"] == completed["result"]["score"]["max"] == 3


def test_an_activity_without_an_answer_key_is_not_answered():
    with pytest.raises(NoRightAnswer):
        right_answers({"mainLibrary": "H5P.Accordion"}, {}, iri="http://testserver/xapi/")


@pytest.mark.parametrize(
    "option, path, score",
    [("static-end-score", [0, 0], 10), ("dynamic-score", [0, 0], 6), ("no-score", None, 0)],
)
def test_the_best_path_follows_the_scenarios_scoring_option(option, path, score):
    """Static: the best end screen; dynamic: the most points collected on the way (the
    server's own total of the report is the claimed one)."""
    content = c.branching_scenario(
        title="Deux décisions",
        subtitle_html="",
        screens=[
            c.scenario_choice("A", "<p>Première ?</p>", [("Écouter", 1), ("Renvoyer", 2)]),
            c.scenario_choice("B", "<p>Seconde ?</p>", [("Plainte", 3), ("Attendre", 4)]),
            c.scenario_text("C", "<p>Non.</p>", score=3),
            c.scenario_text("D", "<p>Oui.</p>", score=10),
            c.scenario_text("E", "<p>Bof.</p>", score=5),
        ],
    )
    scenario = content["branchingScenario"]
    scenario["scoringOptionGroup"]["scoringOption"] = option
    for screen, points in ((0, (4, 1)), (1, (2, 1))):
        alternatives = scenario["content"][screen]["type"]["params"]["branchingQuestion"]
        for alternative, point in zip(alternatives["alternatives"], points, strict=True):
            alternative["feedback"]["endScreenScore"] = point
    h5p_json = sample_h5p_json("branchingscenario")
    key = package_key(h5p_json, content)

    report = right_answers(h5p_json, content, iri="http://testserver/xapi/")[-1]

    responses = [child["statement"]["result"]["response"] for child in report["children"]]
    assert path is None or responses == path
    total = key.total(key.check_report(report))
    assert (total.raw, total.max, total.success) == (score, score, True)
    assert claim_problem(report["statement"]["result"], total) is None
