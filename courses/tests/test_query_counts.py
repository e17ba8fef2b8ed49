"""Pages must not issue more SQL queries as modules, lessons or learners grow."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests.factories import UserFactory
from courses import services
from courses.models import LessonPage

from . import factories

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
    client.get(url)  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_catalogue_queries_do_not_grow_with_modules(client, learner):
    client.force_login(learner)
    factories.module(title="Module 1", lessons=1, audiences=["police_nationale"])
    url = factories.catalogue().url
    small = _count(client, url)

    for number in range(2, 8):
        factories.module(title=f"Module {number}", lessons=3, audiences=["medecin", "elu"])
    assert _count(client, url) == small


def test_lesson_page_queries_do_not_grow_with_lessons_or_learners(client, learner):
    package = factories.true_false_package()
    module = factories.module(lessons=0)
    lesson = factories.lesson(module_page=module, title="Leçon 1", packages=[package])
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    small = _count(client, lesson.url)

    for number in range(2, 8):
        extra = factories.lesson(module_page=module, title=f"Leçon {number}")
        services.lesson_complete(user=learner, lesson=extra)
    for _ in range(5):
        other = UserFactory()
        services.enrolment_create(user=other, module=module)
        services.xapi_statement_record(
            user=other,
            package=package,
            lesson=lesson,
            statement=factories.answered("false", statement_id=str(uuid.uuid4())),
        )
    assert _count(client, lesson.url) == small
    # Session, user, enrolment, lessons done, activity results; site, route, the
    # lesson itself, restrictions, module, outline and the rendered body (with its
    # H5P package) come from the page cache, roles from the role cache; production
    # reads sessions from Redis.
    assert small <= 5, f"{small} queries for a lesson page"


def test_my_trainings_queries_do_not_grow_with_enrolments(client, learner):
    client.force_login(learner)
    first = factories.module(title="Module 1", lessons=2)
    services.enrolment_create(user=learner, module=first)
    url = reverse("courses:my_trainings")
    small = _count(client, url)

    for number in range(2, 7):
        module = factories.module(title=f"Module {number}", lessons=2)
        services.enrolment_create(user=learner, module=module)
        services.lesson_complete(
            user=learner, lesson=LessonPage.objects.child_of(module).order_by("path").first()
        )
    assert _count(client, url) == small


def _data_queries(ctx) -> list[str]:
    """Queries a production request runs: savepoints come from the test's own
    transaction, and sessions are read from Redis there (cached_db)."""
    return [
        q["sql"]
        for q in ctx.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        and "django_session" not in q["sql"]
    ]


def test_xapi_statement_costs_a_constant_small_number_of_queries(client, learner):
    import json

    package = factories.true_false_package()
    module = factories.module(lessons=0)
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])

    def post(response="false"):
        statement = factories.answered(response, statement_id=str(uuid.uuid4()))
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(url, json.dumps(statement), content_type="application/json")
        assert response.status_code == 200
        return _data_queries(ctx)

    post()  # the first statement creates the activity result
    # user, enrolment (with the module id), insert, update; the lesson and the
    # package come from the page cache.
    assert {len(post("true")) for _ in range(3)} == {4}
    # A right answer also checks whether the module is now complete: lessons done.
    assert {len(post("false")) for _ in range(3)} == {5}
    # Once the module is complete, a right answer also reads that completion, and
    # stops there: the enrolment's cycle came with the first query.
    services.lesson_complete(user=learner, lesson=lesson)
    assert learner.module_completions.filter(module=module).exists()
    assert {len(post("false")) for _ in range(3)} == {6}
