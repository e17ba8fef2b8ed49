"""Deep linking and grade passback against a real LTI 1.3 platform (lti1p3platform)."""

import re

import pytest
from lti_tool.models import LtiUser

from accounts.tests.factories import UserFactory
from courses import services as course_services
from courses.tests import factories as course_factories
from lti.models import GradeTarget

from .helpers import launch, text
from .platform import INSTRUCTOR, LEARNER

pytestmark = pytest.mark.django_db


def _field(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', page).group(1)


def test_deep_link_returns_a_signed_jwt_with_the_chosen_module(client, platform, module):
    other = course_factories.module(title="Rédiger un certificat d'ITT", lessons=1)

    picker = launch(client, platform, email="prof@exemple.fr", roles=(INSTRUCTOR,), deep_link=True)

    assert picker.status_code == 200
    page = text(picker)
    assert module.title in page and other.title in page
    # Shown in the platform's selection frame: framing allowed for that origin only.
    assert f"frame-ancestors {platform.url('')}" in picker["Content-Security-Policy"]
    answer = client.post(
        "/lti/lien-profond/",
        {"token": _field(picker.content.decode(), "token"), "module": other.pk},
    )
    assert answer.status_code == 200
    assert f'action="{platform.url("/deep-link-return")}"' in answer.content.decode()
    assert platform.url("") in answer["Content-Security-Policy"].split("form-action")[1]

    items = platform.deep_link_items(_field(answer.content.decode(), "JWT"))

    assert len(items) == 1
    item = items[0]
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == other.title
    assert item["url"] == "http://testserver/lti/lancement/"
    assert item["custom"] == {"module": str(other.pk)}
    assert item["lineItem"]["scoreMaximum"] == 1
    assert not LtiUser.objects.exists()  # nothing kept about the teacher


def test_deep_link_is_for_teachers_only(client, platform, module):
    response = launch(client, platform, email="a@exemple.fr", roles=(LEARNER,), deep_link=True)

    assert response.status_code == 403
    assert "Seul·es les enseignant·es" in text(response)


def test_deep_link_choice_needs_the_signed_token(client, platform, module):
    response = client.post("/lti/lien-profond/", {"token": "forgé", "module": module.pk})

    assert response.status_code == 403
    assert "Ce choix a expiré" in text(response)


def test_deep_link_choice_of_an_unknown_module_asks_again(client, platform, module):
    picker = launch(client, platform, email="prof@exemple.fr", roles=(INSTRUCTOR,), deep_link=True)
    token = _field(picker.content.decode(), "token")

    response = client.post("/lti/lien-profond/", {"token": token, "module": "999999"})

    assert response.status_code == 400
    assert "Choisissez un des modules publiés" in text(response)


def _complete(user, module):
    lesson = module.get_children().specific().first()
    return course_services.lesson_complete(user=user, lesson=lesson)


def test_module_completion_posts_the_score_to_the_platform(
    client, platform, module, django_capture_on_commit_callbacks
):
    person = UserFactory(email="camille@exemple.fr")
    launched = launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})
    assert launched["Location"] == module.url

    with django_capture_on_commit_callbacks(execute=True):
        outcome = _complete(person, module)

    assert outcome.created
    assert len(platform.scores) == 1
    line_item_id, score = platform.scores[0]
    assert platform.lineitems[line_item_id]["label"] == module.title
    assert platform.lineitems[line_item_id]["resourceId"] == f"module:{module.pk}"
    assert score["userId"] == "moodle-42"
    assert score["scoreGiven"] == 1 and score["scoreMaximum"] == 1
    assert score["activityProgress"] == "Completed"
    assert score["gradingProgress"] == "FullyGraded"
    target = GradeTarget.objects.get(user=person)
    assert target.score_sent_at is not None and target.score_error == ""


def test_score_goes_to_the_line_item_of_a_deep_linked_activity(
    client, platform, module, django_capture_on_commit_callbacks
):
    person = UserFactory(email="camille@exemple.fr")
    platform.lineitems["5"] = {"id": platform.url("/lineitems/5"), "label": module.title}
    launch(
        client,
        platform,
        email="camille@exemple.fr",
        custom={"module": module.pk},
        ags=False,
        extra_claims={
            "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
                "scope": ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
                "lineitem": platform.url("/lineitems/5"),
            }
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        _complete(person, module)

    assert [line for line, _score in platform.scores] == ["5"]


def test_a_platform_that_fails_never_blocks_the_completion(
    client, platform, module, django_capture_on_commit_callbacks
):
    person = UserFactory(email="camille@exemple.fr")
    launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})
    platform.fail_scores = True

    with django_capture_on_commit_callbacks(execute=True):
        outcome = _complete(person, module)

    assert outcome.created  # the completion stands
    assert platform.scores == []
    target = GradeTarget.objects.get(user=person)
    assert target.score_sent_at is None
    assert "503" in target.score_error


def test_completion_without_launch_sends_nothing(
    platform, module, django_capture_on_commit_callbacks
):
    person = UserFactory(email="camille@exemple.fr")
    course_services.enrolment_create(user=person, module=module)

    with django_capture_on_commit_callbacks(execute=True):
        _complete(person, module)

    assert platform.scores == [] and platform.token_requests == 0


def test_a_module_completed_before_the_first_launch_is_reported_at_it(
    client, platform, module, django_capture_on_commit_callbacks
):
    person = UserFactory(email="camille@exemple.fr")
    course_services.enrolment_create(user=person, module=module)
    with django_capture_on_commit_callbacks(execute=True):
        _complete(person, module)
    assert platform.scores == []

    with django_capture_on_commit_callbacks(execute=True):
        launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})

    assert len(platform.scores) == 1
    with django_capture_on_commit_callbacks(execute=True):
        launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})
    assert len(platform.scores) == 1  # sent once
