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


def _fresh(statement: dict) -> dict:
    return {**statement, "id": str(uuid.uuid4())}


def _statements(kind, run, **where) -> list[dict]:
    from .test_xapi import captured

    return [s for s in captured(kind, run, **where) if (s.get("result") or {}).get("score")]


@pytest.mark.parametrize(
    "case", ["truefalse", "questionset-child", "questionset-total", "dragquestion"]
)
def test_an_xapi_statement_costs_at_most_8_queries(client, learner, superuser, case):
    """Each statement is re-scored from the package's answer key (cached per package
    version) and costs at most 8 queries, however many came before."""
    from .h5p_uploads import fresh_h5p_root
    from .test_xapi import activity, post

    files = fresh_h5p_root()
    next(files)
    kind = case.split("-")[0]
    package, lesson = activity(kind, learner=learner, installer=superuser)
    client.force_login(learner)
    where = {"package": package, "lesson": lesson, "user": learner}
    wrong, right = _statements(kind, "wrong", **where), _statements(kind, "right", **where)
    if case == "questionset-child":
        bodies = [wrong[0], right[0], wrong[1], right[1], right[2], _fresh(wrong[0])]
    elif case == "questionset-total":
        bodies = [*right[:-1], *[_fresh(right[-1]) for _ in range(4)]]
    else:
        bodies = [wrong[0], right[0], *[_fresh(s) for s in (wrong[0], right[0]) * 2]]

    # Warm the per-process caches (roles, site, pages): an "attempted" counts nothing.
    attempted = {**_fresh(wrong[0]), "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"}}
    del attempted["result"]
    assert post(client, package, lesson, attempted).status_code == 200
    counts = []
    for body in bodies:
        with CaptureQueriesContext(connection) as ctx:
            assert post(client, package, lesson, body).status_code == 200
        counts.append(len(_data_queries(ctx)))
    next(files, None)

    # user, enrolment (with the module id), the activity result locked, the
    # statement inserted, the result updated; a better result also applies the
    # module's completion rule. The package's key comes from the process cache.
    assert max(counts) <= 8, counts
    assert counts[-1] <= 5, counts


def test_module_completion_costs_at_most_8_queries_with_the_statement(client, learner):
    import json

    package = factories.true_false_package()
    module = factories.module(lessons=0)
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])

    def post(response):
        statement = factories.answered(response, statement_id=str(uuid.uuid4()))
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(url, json.dumps(statement), content_type="application/json")
        assert response.status_code == 200
        return len(_data_queries(ctx))

    client.post(url, "{}", content_type="application/json")  # warms per-process caches
    assert post("true") <= 8  # wrong, creates the activity result
    assert {post("true") for _ in range(3)} == {5}
    services.lesson_complete(user=learner, lesson=lesson)
    # The success completes the module: lessons done, the completion recorded.
    assert post("false") <= 8
    assert learner.module_completions.filter(module=module).exists()
    assert {post("false") for _ in range(3)} == {5}
