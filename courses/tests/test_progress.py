"""Enrolment, lesson completion, H5P results and module completion, through services and views."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from courses import services
from courses.models import ActivityResult, LessonPage, ModuleCompletion, XAPIStatement
from courses.selectors import progress as progress_selectors
from courses.xapi import StatementReplayed

from . import factories

pytestmark = pytest.mark.django_db


def _lessons(module):
    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def test_module_completes_once_every_lesson_is_completed(learner):
    module = factories.module(lessons=2)
    first, second = _lessons(module)
    services.enrolment_create(user=learner, module=module)

    services.lesson_complete(user=learner, lesson=first)
    assert not ModuleCompletion.objects.filter(user=learner).exists()

    services.lesson_complete(user=learner, lesson=second)
    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert completion.revision == module.live_revision
    assert completion.module_title == module.title
    # Completing again records nothing new.
    services.lesson_complete(user=learner, lesson=second)
    assert ModuleCompletion.objects.filter(user=learner).count() == 1


def test_lesson_needs_enrolment(learner):
    module = factories.module(lessons=1)
    with pytest.raises(ValidationError):
        services.lesson_complete(user=learner, lesson=_lessons(module)[0])


def test_required_activity_must_be_done_before_the_lesson(learner):
    module = factories.module(lessons=0)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)

    with pytest.raises(ValidationError, match="Vrai ou faux"):
        services.lesson_complete(user=learner, lesson=lesson)

    services.xapi_statement_record(
        user=learner,
        package=package,
        lesson=lesson,
        statement=factories.answered("true", statement_id=str(uuid.uuid4())),
    )
    services.lesson_complete(user=learner, lesson=lesson)
    assert ModuleCompletion.objects.filter(user=learner, module=module).exists()


def test_server_rescores_and_refuses_a_claimed_score_above_its_own(learner):
    module = factories.module(lessons=0)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)

    # Wrong answer ("true") while the browser claims full marks: refused, nothing counted.
    with pytest.raises(services.StatementRejected, match="annoncée juste"):
        services.xapi_statement_record(
            user=learner,
            package=package,
            lesson=lesson,
            statement=factories.answered("true", statement_id=str(uuid.uuid4()), raw_score=1),
        )
    assert not XAPIStatement.objects.exists() and not ActivityResult.objects.exists()

    outcome = services.xapi_statement_record(
        user=learner,
        package=package,
        lesson=lesson,
        statement=factories.answered("true", statement_id=str(uuid.uuid4())),
    )
    result = ActivityResult.objects.get(user=learner, package=package)
    assert outcome.activity == result and outcome.verdict.success is False
    assert result.completed and result.server_checked
    assert result.success is False and result.score_scaled == 0

    # A right answer claiming less than it is worth gets the server's verdict.
    services.xapi_statement_record(
        user=learner,
        package=package,
        lesson=lesson,
        statement=factories.answered("false", statement_id=str(uuid.uuid4()), raw_score=0),
    )
    result.refresh_from_db()
    assert result.success is True and result.score_scaled == 1
    assert result.attempts == 2
    assert result.answers == {"": {"raw": 1.0, "max": 1.0, "success": True, "response": "false"}}


def test_forged_success_does_not_complete_a_module_requiring_success(learner):
    module = factories.module(lessons=0, require_activities_success=True, activities_min_score=80)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)

    with pytest.raises(services.StatementRejected):
        services.xapi_statement_record(
            user=learner,
            package=package,
            lesson=lesson,
            statement=factories.answered("true", statement_id=str(uuid.uuid4()), raw_score=1),
        )
    with pytest.raises(ValidationError):
        services.lesson_complete(user=learner, lesson=lesson)

    assert not ModuleCompletion.objects.filter(user=learner).exists()


def test_unverifiable_activity_is_done_when_viewed_but_never_a_success(learner):
    module = factories.module(lessons=0, require_activities_success=True)
    package = factories.other_package()
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)

    answered = factories.answered("anything", statement_id=str(uuid.uuid4()))
    services.xapi_statement_record(user=learner, package=package, lesson=lesson, statement=answered)
    with pytest.raises(ValidationError, match="Frise"):
        services.lesson_complete(user=learner, lesson=lesson)

    viewed = {
        "id": str(uuid.uuid4()),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
    }
    outcome = services.xapi_statement_record(
        user=learner, package=package, lesson=lesson, statement=viewed
    )
    assert outcome.message == "Activité consultée." and outcome.verdict is None
    services.lesson_complete(user=learner, lesson=lesson)

    result = ActivityResult.objects.get(user=learner, package=package)
    assert result.completed and result.success is None and not result.server_checked
    assert not ModuleCompletion.objects.filter(user=learner).exists()


def test_same_statement_twice_is_refused_and_stored_once(learner):
    module = factories.module(lessons=0)
    package = factories.true_false_package()
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    statement = factories.answered("false", statement_id=str(uuid.uuid4()))
    services.xapi_statement_record(
        user=learner, package=package, lesson=lesson, statement=statement
    )

    with pytest.raises(StatementReplayed):
        services.xapi_statement_record(
            user=learner, package=package, lesson=lesson, statement=statement
        )

    assert XAPIStatement.objects.count() == 1
    assert ActivityResult.objects.get(user=learner).attempts == 1


def test_statement_without_id_is_rejected(learner):
    module = factories.module(lessons=0)
    package = factories.true_false_package()
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    statement = factories.answered("false", statement_id="pas-un-uuid")

    with pytest.raises(services.StatementRejected):
        services.xapi_statement_record(
            user=learner, package=package, lesson=lesson, statement=statement
        )


def test_prerequisites_block_self_enrolment(learner):
    basics = factories.module(title="Les bases", lessons=1)
    advanced = factories.module(title="Approfondissement", lessons=1)
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()

    with pytest.raises(ValidationError, match="Les bases"):
        services.enrolment_create(user=learner, module=advanced)

    services.enrolment_create(user=learner, module=basics)
    services.lesson_complete(user=learner, lesson=_lessons(basics)[0])
    services.enrolment_create(user=learner, module=advanced)


def test_completion_survives_module_edits(learner):
    module = factories.module(lessons=1)
    services.enrolment_create(user=learner, module=module)
    services.lesson_complete(user=learner, lesson=_lessons(module)[0])
    factories.lesson(module_page=module, title="Nouvelle leçon ajoutée après coup")

    progress = progress_selectors.module_progress(module=module, user=learner)
    assert progress.completion is not None
    assert progress.percent == 50


def test_a_successful_retry_completes_a_module_whose_lessons_are_done(learner):
    module = factories.module(lessons=0, require_activities_success=True)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    wrong = factories.answered("true", statement_id=str(uuid.uuid4()))
    services.xapi_statement_record(user=learner, package=package, lesson=lesson, statement=wrong)
    services.lesson_complete(user=learner, lesson=lesson)
    assert not ModuleCompletion.objects.filter(user=learner).exists()

    right = factories.answered("false", statement_id=str(uuid.uuid4()))
    services.xapi_statement_record(user=learner, package=package, lesson=lesson, statement=right)

    assert ModuleCompletion.objects.filter(user=learner, module=module).exists()


def test_an_activity_result_keeps_its_best_score_and_any_success(learner):
    module = factories.module(lessons=0)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)

    def answer(response):
        services.xapi_statement_record(
            user=learner,
            package=package,
            lesson=lesson,
            statement=factories.answered(response, statement_id=str(uuid.uuid4())),
        )
        return ActivityResult.objects.get(user=learner, package=package, lesson=lesson)

    result = answer("true")
    assert (result.success, result.score_scaled) == (False, 0)
    result = answer("false")
    assert (result.success, result.score_scaled) == (True, 1)
    before = result.updated_at
    result = answer("true")
    # A later failure takes nothing; the answers hold the latest verdict.
    assert (result.success, result.score_scaled) == (True, 1)
    assert result.answers[""]["success"] is False
    assert result.attempts == 3 and result.updated_at >= before


def test_a_new_cycle_forgets_the_answers(learner):
    from datetime import timedelta

    from django.utils import timezone

    module = factories.module(lessons=0, validity_months=12)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    services.xapi_statement_record(
        user=learner,
        package=package,
        lesson=lesson,
        statement=factories.answered("false", statement_id=str(uuid.uuid4())),
    )
    services.lesson_complete(user=learner, lesson=lesson)
    ModuleCompletion.objects.filter(user=learner).update(
        completed_at=timezone.now() - timedelta(days=800)
    )

    services.module_restart(user=learner, module=module)

    result = ActivityResult.objects.get(user=learner, package=package)
    assert result.answers == {} and not result.completed and result.success is None
