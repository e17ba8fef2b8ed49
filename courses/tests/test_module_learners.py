"""A module's learner list, as trainers use it: a page at a time, searched, filtered,
and each row telling one consistent story (issue 20, point 7)."""

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses import services
from courses.models import LessonPage, ModuleCompletion
from courses.selectors import learners
from demo.loaders import progress as progress_demo
from demo.people import Step

from . import factories

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def _rows(module, **filters):
    return learners.learner_rows(learners.module_learners(module=module, **filters))


def _enrol(module, count: int, *, last_name: str = "Martin") -> list:
    people = [UserFactory(last_name=last_name) for _ in range(count)]
    for person in people:
        services.enrolment_create(user=person, module=module)
    return people


def _get(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_list_is_paged_searched_and_filtered_in_a_fixed_number_of_queries(client):
    module = factories.module(lessons=2)
    first, second = LessonPage.objects.child_of(module).order_by("path")
    done, ongoing = UserFactory(last_name="Zola"), UserFactory(last_name="Yourcenar")
    for person in (done, ongoing):
        services.enrolment_create(user=person, module=module)
    services.lesson_complete(user=ongoing, lesson=first)
    for lesson in (first, second):
        services.lesson_complete(user=done, lesson=lesson)
    _enrol(module, 3)
    client.force_login(UserFactory(role=Role.TRAINER))
    url = reverse("courses:module_learners", args=[module.pk])
    client.get(url)  # per-process caches (site, content types)
    _html, few = _get(client, url)

    _enrol(module, 60)
    html, many = _get(client, url)
    assert many == few
    assert "65 personnes" in html and html.count("<tr>") == 1 + 50  # header + a page
    assert 'href="?page=2"' in html
    html, paged = _get(client, url, page=2)
    assert paged == few and html.count("<tr>") == 1 + 15 and "Zola" in html

    html, _ = _get(client, url, q=done.email)
    assert "1 personne" in html and "Zola" in html and "Yourcenar" not in html
    html, _ = _get(client, url, statut="en_cours")
    assert "Yourcenar" in html and "Zola" not in html and "Martin" not in html
    assert "Terminé (1)" in html and "Inscrit·e (63)" in html
    # The export follows the selection.
    csv_text = client.get(url, {"statut": "termine", "format": "csv"}).content.decode("utf-8-sig")
    assert len(csv_text.strip().splitlines()) == 2 and done.email in csv_text


def test_a_renewal_is_in_progress_with_the_lessons_of_its_own_cycle(learner):
    module = factories.module(lessons=2, validity_months=12)
    services.enrolment_create(user=learner, module=module)
    for lesson in LessonPage.objects.child_of(module):
        services.lesson_complete(user=learner, lesson=lesson)
    ModuleCompletion.objects.filter(user=learner).update(
        completed_at=timezone.now() - timedelta(days=400)
    )
    services.module_restart(user=learner, module=module)

    (row,) = _rows(module)
    # Not "Terminé" with 0 of 2 lessons: the new cycle is followed, the earlier
    # completion is said as such.
    assert row.status == learners.LearnerStatus.ENROLLED
    assert row.completed_lessons == 0 and row.completed_at is None
    assert row.previous_completed_at is not None
    assert _rows(module, status=learners.LearnerStatus.COMPLETED) == []


def test_a_demo_past_completion_is_enrolled_first_and_has_every_lesson(learner):
    module = factories.module(lessons=3)
    completed_at = datetime(2026, 7, 3, 15, 20, tzinfo=PARIS)

    progress_demo.past_completion(user=learner, module=module, completed_at=completed_at)
    progress_demo.past_completion(user=learner, module=module, completed_at=completed_at)

    (row,) = _rows(module)
    assert row.status == learners.LearnerStatus.COMPLETED
    assert row.completed_lessons == 3 and row.completed_at == completed_at
    assert row.enrolled_at < completed_at
    assert ModuleCompletion.objects.filter(user=learner).count() == 1


def test_a_demo_learner_enrolled_and_done_the_same_day_completes_after_enrolling(learner):
    module = factories.module(lessons=3)
    day = date(2026, 3, 2)
    run = progress_demo._Run(
        modules={"m": module},
        lessons={"m": list(LessonPage.objects.child_of(module).live().order_by("path"))},
        items={},
        enrolled=set(),
        today=date(2026, 11, 20),
    )
    for seed in range(8):  # several draws of the random hours of one day
        person = UserFactory()
        rng = random.Random(seed)
        step = Step(slug="m", started=day, finished=day, complete=True, state=rng.getstate())
        progress_demo._step(run, person, step, module)

    rows = _rows(module)
    assert len(rows) == 8
    for row in rows:
        assert row.status == learners.LearnerStatus.COMPLETED and row.completed_lessons == 3
        assert row.enrolled_at <= row.completed_at
