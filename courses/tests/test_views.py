"""Pages and endpoints of the training capability, with their permissions."""

import json
import re
import uuid

import pytest
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses import services
from courses.models import ActivityResult, Enrolment, LessonPage
from courses.selectors import progress as progress_selectors

from . import factories

pytestmark = pytest.mark.django_db


def _setup_activity(learner):
    module = factories.module(lessons=0)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon interactive", packages=[package])
    return module, package, lesson


def test_enrol_is_post_only_and_leads_to_the_first_lesson(client, learner):
    module = factories.module(lessons=2)
    client.force_login(learner)
    url = reverse("courses:enrol", args=[module.pk])

    assert client.get(url).status_code == 405
    response = client.post(url)

    first = LessonPage.objects.child_of(module).order_by("path").first()
    assert response.status_code == 302 and response["Location"] == first.url
    assert Enrolment.objects.filter(user=learner, module=module).exists()


def test_lesson_page_requires_enrolment(client, learner):
    module = factories.module(lessons=1)
    lesson = LessonPage.objects.child_of(module).get()
    client.force_login(learner)

    response = client.get(lesson.url)
    assert response.status_code == 302 and response["Location"] == module.url

    services.enrolment_create(user=learner, module=module)
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "Leçon 1 sur 1" in response.content.decode()


def test_anonymous_visitor_is_sent_to_login_from_a_lesson(client):
    module = factories.module(lessons=1)
    lesson = LessonPage.objects.child_of(module).get()
    response = client.get(lesson.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_xapi_endpoint_records_and_checks(client, learner):
    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])
    statement = factories.answered("false", statement_id=str(uuid.uuid4()), raw_score=0)

    response = client.post(url, json.dumps(statement), content_type="application/json")

    assert response.status_code == 200
    result = ActivityResult.objects.get(user=learner, package=package)
    assert result.success is True


def test_xapi_endpoint_refuses_bad_input_with_a_french_message(client, learner):
    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])

    response = client.post(url, "{pas du json", content_type="application/json")
    assert response.status_code == 400 and response.json()["message"] == "JSON invalide."
    assert not ActivityResult.objects.exists()


def test_xapi_endpoint_is_csrf_protected(learner):
    from django.test import Client

    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])
    statement = factories.answered("false", statement_id=str(uuid.uuid4()))

    response = client.post(url, json.dumps(statement), content_type="application/json")

    assert response.status_code == 403
    assert not ActivityResult.objects.exists()


def test_xapi_for_an_activity_outside_the_lesson_is_refused(client, learner):
    module, _package, lesson = _setup_activity(learner)
    stranger = factories.true_false_package(title="Autre activité")
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[stranger.pk, lesson.pk])
    statement = factories.answered("false", statement_id=str(uuid.uuid4()))

    response = client.post(url, json.dumps(statement), content_type="application/json")
    assert response.status_code == 404


def test_xapi_from_a_learner_not_enrolled_is_refused(client, learner):
    _module, package, lesson = _setup_activity(learner)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])
    statement = factories.answered("false", statement_id=str(uuid.uuid4()))

    response = client.post(url, json.dumps(statement), content_type="application/json")
    assert response.status_code == 403


def test_state_endpoint_round_trip(client, learner):
    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_state", args=[package.pk, lesson.pk])

    assert client.get(url).json() == {"success": True, "data": False}
    client.post(url, {"data": '{"answer":"false"}', "preload": "1"})
    assert client.get(url).json() == {"success": True, "data": '{"answer":"false"}'}


def test_state_saved_with_h5p_invalidate_flag_is_kept_until_h5p_deletes_it(client, learner):
    # H5P sends invalidate=1 (delete when the content changes) with every periodic
    # save; it deletes a state by sending data=0.
    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_state", args=[package.pk, lesson.pk])

    client.post(url, {"data": '{"answer":"true"}', "preload": "1", "invalidate": "1"})
    assert client.get(url).json() == {"success": True, "data": '{"answer":"true"}'}
    client.post(url, {"data": "0", "preload": "0", "invalidate": "0"})
    assert client.get(url).json() == {"success": True, "data": False}


def test_state_endpoint_refuses_a_nul_character_that_postgresql_cannot_store(client, learner):
    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_state", args=[package.pk, lesson.pk])

    response = client.post(url, {"data": '{"answer":"\x00"}'})

    assert response.status_code == 400 and response.json()["message"] == "État illisible."
    assert client.get(url).json()["data"] is False


def test_my_trainings_lists_in_progress_and_completed(client, learner):
    done = factories.module(title="Module terminé", lessons=1)
    ongoing = factories.module(title="Module en cours", lessons=2)
    for module in (done, ongoing):
        services.enrolment_create(user=learner, module=module)
    services.lesson_complete(user=learner, lesson=LessonPage.objects.child_of(done).get())
    client.force_login(learner)

    html = client.get(reverse("courses:my_trainings")).content.decode()

    assert "Module terminé" in html and "Module en cours" in html
    # French counts 0 in the singular once the catalogue holds the plural forms.
    assert re.search(r"0 leçons? terminées? sur 2", html)


def test_trainer_sees_learners_and_exports_csv(client, learner):
    module = factories.module(lessons=1)
    services.enrolment_create(user=learner, module=module)
    services.lesson_complete(user=learner, lesson=LessonPage.objects.child_of(module).get())
    trainer = UserFactory(role=Role.TRAINER)
    client.force_login(trainer)
    url = reverse("courses:module_learners", args=[module.pk])

    assert learner.last_name in client.get(url).content.decode()
    csv_text = client.get(url, {"format": "csv"}).content.decode("utf-8-sig")
    header, row = csv_text.strip().splitlines()
    assert header.startswith("Nom;Adresse électronique")
    assert learner.email in row and "Terminé" in row


def test_learner_cannot_see_the_trainer_view(client, learner):
    module = factories.module(lessons=1)
    client.force_login(learner)
    response = client.get(reverse("courses:module_learners", args=[module.pk]))
    assert response.status_code == 403


def test_catalogue_filters_by_audience_and_searches_lessons(client):
    police = factories.module(title="Accueil des plaintes", audiences=["police_nationale"])
    factories.module(title="Certificat médical", audiences=["medecin"])
    index = factories.catalogue()

    html = client.get(index.url, {"audience": "police_nationale"}).content.decode()
    assert "Accueil des plaintes" in html and "Certificat médical" not in html

    # A word that only appears in a lesson of the medical module.
    html = client.get(index.url, {"q": "Certificat"}).content.decode()
    assert "Certificat médical" in html and police.title not in html


def test_editor_reaches_the_learners_from_the_wagtail_explorer(client, editor):
    module = factories.module(lessons=1)
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_explore", args=[factories.catalogue().pk])).content
    assert reverse("courses:module_learners", args=[module.pk]) in html.decode()


def test_last_lesson_explains_which_activity_blocks_the_module(client, learner):
    module = factories.module(lessons=0, require_activities_success=True, activities_min_score=80)
    package = factories.true_false_package(correct="false", title="Vrai ou faux : emprise")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    wrong = factories.answered("true", statement_id=str(uuid.uuid4()))
    client.post(
        reverse("courses:h5p_xapi", args=[package.pk, lesson.pk]),
        json.dumps(wrong),
        content_type="application/json",
    )

    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]), follow=True)

    html = response.content.decode()
    assert "pas encore validé" in html and "Vrai ou faux : emprise" in html


def test_my_trainings_lists_the_quizzes_open_to_everyone(client, learner):
    from quizzes.tests import factories as quiz_factories

    quiz_factories.quiz(
        quiz_factories.true_false("Q", True), title="Quiz libre : le 3919", available_alone=True
    )
    quiz_factories.quiz(quiz_factories.true_false("Q", True), title="Quiz de module")
    client.force_login(learner)

    html = client.get(reverse("courses:my_trainings")).content.decode()

    assert "Quiz libre : le 3919" in html and "Quiz de module" not in html


def test_each_learner_sees_their_own_progress_on_a_shared_lesson_page(learner):
    # The lesson's main column is rendered once for everyone (courses.rendering):
    # progress, the "done" badge, the activity status and the CSRF token are each
    # learner's own, and the token is one their session accepts.
    from django.test import Client

    module, package, lesson = _setup_activity(learner)
    second = factories.lesson(module_page=module, title="Deuxième leçon")
    other = UserFactory()
    for person in (learner, other):
        services.enrolment_create(user=person, module=module)
    ActivityResult.objects.create(
        user=learner, package=package, lesson=lesson, module=module, completed=True, success=True
    )
    services.lesson_complete(user=learner, lesson=lesson)

    pages = {}
    for person in (learner, other):
        client = Client(enforce_csrf_checks=True)
        client.force_login(person)
        pages[person] = (client, client.get(lesson.url).content.decode())

    client, mine = pages[learner]
    _other_client, theirs = pages[other]
    assert "50 % du module terminé" in mine and "Leçon terminée" in mine
    assert "Activité réussie." in mine
    assert "0 % du module terminé" in theirs and "Leçon terminée" not in theirs
    assert "Activité réussie." not in theirs
    assert "<!--egide-" not in mine + theirs

    token = mine.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        reverse("courses:lesson_complete", args=[second.pk]), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert progress_selectors.module_progress(module=module, user=learner).percent == 100


def test_the_learners_csv_keeps_names_as_text(client, learner):
    from core.tests.spreadsheet_checks import PAYLOAD, assert_csv_neutralised

    learner.first_name, learner.last_name = PAYLOAD, "-1+1"
    learner.save()
    module = factories.module(lessons=1)
    services.enrolment_create(user=learner, module=module)
    client.force_login(UserFactory(role=Role.TRAINER))
    url = reverse("courses:module_learners", args=[module.pk])
    assert_csv_neutralised(client.get(url, {"format": "csv"}).content, f"{PAYLOAD} -1+1")


def _valid_statement() -> dict:
    return factories.answered("false", statement_id=str(uuid.uuid4()), raw_score=0)


def _with(path: tuple[str, ...], value) -> dict:
    statement = _valid_statement()
    target = statement
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return statement


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(json.dumps(_with(("verb", "id"), 42)), id="verb-id-integer"),
        pytest.param(json.dumps(_with(("verb", "id"), ["a", "b"])), id="verb-id-list"),
        pytest.param(json.dumps(_with(("verb",), "answered")), id="verb-string"),
        pytest.param(json.dumps(_with(("id",), 12)), id="id-integer"),
        pytest.param(json.dumps(_with(("object",), ["x"])), id="object-list"),
        pytest.param(json.dumps(_with(("object", "id"), {"a": 1})), id="object-id-dict"),
        pytest.param(json.dumps(_with(("result",), "réussi")), id="result-string"),
        pytest.param(json.dumps(_with(("result", "score"), 3)), id="score-integer"),
        pytest.param(json.dumps(_with(("result", "score", "scaled"), "1")), id="scaled-string"),
        pytest.param(json.dumps(_with(("result", "score", "raw"), True)), id="raw-bool"),
        pytest.param(json.dumps(_with(("result", "response"), ["true"])), id="response-list"),
        pytest.param(json.dumps(_with(("result", "success"), "yes")), id="success-string"),
        pytest.param(json.dumps(_with(("context",), 7)), id="context-integer"),
        pytest.param(json.dumps(_with(("verb", "id"), "v\u0000")), id="nul-character"),
        pytest.param(json.dumps(_with(("result", "response"), "\ud800")), id="lone-surrogate"),
        pytest.param(
            json.dumps(_with(("result", "score", "raw"), float("nan"))), id="nan-constant"
        ),
        pytest.param(
            json.dumps(_with(("context",), {"extensions": "INF"})).replace('"INF"', "1e999"),
            id="infinite-number",
        ),
        pytest.param("[" * 100_000 + "]" * 100_000, id="nested-beyond-recursion-limit"),
        pytest.param(json.dumps(_with(("context",), json.loads("[" * 50 + "]" * 50))), id="deep"),
        pytest.param(b"\xff\xfe{\x00}", id="not-utf-8"),
        pytest.param("[1, 2]", id="array"),
        pytest.param("", id="empty"),
    ],
)
def test_xapi_endpoint_answers_400_to_crafted_statements(client, learner, body):
    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])

    response = client.post(url, body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["success"] is False and response.json()["message"]
    assert not ActivityResult.objects.exists()


def test_xapi_endpoint_refuses_a_huge_body_before_reading_it(client, learner):
    module, package, lesson = _setup_activity(learner)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])
    statement = _with(("context",), {"padding": "x" * 200_000})

    response = client.post(url, json.dumps(statement), content_type="application/json")

    assert response.status_code == 400
    assert response.json()["message"] == "Déclaration trop volumineuse."
