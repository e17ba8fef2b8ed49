"""The one door to a module's completion: what it records, what it says is missing,
and the callers (lesson, activity, final quiz, the "lesson done" view) acting on it."""

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db.models import JSONField, Value
from django.urls import reverse

from certificates.models import Attestation
from courses import quiz_contexts, services
from courses.models import ActivityResult, LessonPage, LessonProgress, ModuleCompletion
from courses.selectors import requirements
from courses.selectors.requirements import ActivityRule
from courses.signals import module_completed
from quizzes import services as quiz_services
from quizzes.tests import factories as quiz_factories

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent():
    """The `module_completed` signals sent during the test."""
    received = []

    def receiver(sender, completion, module, **kwargs):
        received.append(completion.pk)

    module_completed.connect(receiver, dispatch_uid="test-completion-sent")
    yield received
    module_completed.disconnect(dispatch_uid="test-completion-sent")


def _lessons(module) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(module).order_by("path"))


def test_a_new_completion_is_created_once_with_its_attestation_and_signal(learner, sent):
    module = factories.module(lessons=1)
    services.enrolment_create(user=learner, module=module)
    (lesson,) = _lessons(module)
    when = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    LessonProgress.objects.create(user=learner, lesson=lesson, module=module, completed_at=when)

    outcome = services.module_completion_update(user=learner, module=module, now=when)

    assert outcome.created and outcome.complete
    assert outcome.completion == ModuleCompletion.objects.get(user=learner, module=module)
    assert outcome.completion.completed_at == when
    assert not (outcome.missing_lessons or outcome.missing_activities or outcome.quiz_missing)
    assert sent == [outcome.completion.pk]
    assert Attestation.objects.filter(
        user=learner, source=f"module-completion:{outcome.completion.pk}"
    ).exists()


def test_an_already_complete_module_is_reported_not_created_again(learner, sent):
    module = factories.module(lessons=1)
    services.enrolment_create(user=learner, module=module)
    (lesson,) = _lessons(module)
    first = services.lesson_complete(user=learner, lesson=lesson)
    assert first.created and sent == [first.completion.pk]

    again = services.lesson_complete(user=learner, lesson=lesson)
    direct = services.module_completion_update(user=learner, module=module)

    assert again.completion == direct.completion == first.completion
    assert not again.created and not direct.created
    assert sent == [first.completion.pk]  # signal and attestation once
    assert Attestation.objects.filter(user=learner).count() == 1


def test_missing_lessons_are_named_and_nothing_is_recorded(learner, sent):
    module = factories.module(lessons=3)
    services.enrolment_create(user=learner, module=module)
    first, second, third = _lessons(module)

    outcome = services.lesson_complete(user=learner, lesson=second)

    assert outcome.missing_lessons == (first, third)
    assert not outcome.complete and not outcome.created
    # Cheapest first: activities and quiz are not looked at while lessons are missing.
    assert outcome.missing_activities == () and not outcome.quiz_missing
    assert not ModuleCompletion.objects.exists() and sent == []


def test_missing_activities_are_named(learner):
    module = factories.module(lessons=0, require_activities_success=True, activities_min_score=80)
    package = factories.true_false_package(title="Vrai ou faux : emprise")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    services.xapi_statement_record(
        user=learner,
        package=package,
        lesson=lesson,
        statement=factories.answered("true", statement_id=str(uuid.uuid4())),  # wrong
    )

    outcome = services.lesson_complete(user=learner, lesson=lesson)

    ((blocking_lesson, blocking_package, rule),) = outcome.missing_activities
    assert (blocking_lesson, blocking_package) == (lesson, package)
    assert rule == ActivityRule(success=True, min_score=80)  # the module's rule
    assert outcome.missing_lessons == () and not outcome.complete


def test_an_activity_succeeded_last_completes_the_module(learner, sent):
    module = factories.module(lessons=0, require_activities_success=True)
    package = factories.true_false_package(correct="false")
    lesson = factories.lesson(module_page=module, title="Leçon", packages=[package])
    services.enrolment_create(user=learner, module=module)
    ActivityResult.objects.create(
        user=learner, package=package, lesson=lesson, module=module, completed=True
    )
    assert services.lesson_complete(user=learner, lesson=lesson).missing_activities

    services.xapi_statement_record(
        user=learner,
        package=package,
        lesson=lesson,
        statement=factories.answered("false", statement_id=str(uuid.uuid4())),
    )

    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert sent == [completion.pk]


def test_a_missing_final_quiz_is_said_then_passing_it_completes_once(learner, sent):
    quiz = quiz_factories.three_question_quiz()
    module = factories.module(lessons=1)
    module.final_quiz = quiz
    module.save_revision().publish()
    services.enrolment_create(user=learner, module=module)

    outcome = services.lesson_complete(user=learner, lesson=_lessons(module)[0])
    assert outcome.quiz_missing and not outcome.complete

    started = quiz_services.attempt_start(quiz=quiz, user=learner)
    submission = quiz_services.attempt_submit(
        attempt_id=started.pk, user=learner, answers=quiz_factories.right_answers(quiz)
    )

    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert sent == [completion.pk]
    assert any("vous avez terminé le module" in notice for notice in submission.notices)
    # The same graded attempt again: already complete, nothing new to announce.
    assert quiz_contexts.on_attempt_graded(sender=None, attempt=submission.attempt) is None
    assert sent == [completion.pk]


def _post_done(client, learner, lesson, monkeypatch, outcome):
    """Post "lesson done" with the service answering `outcome`: the view words it."""
    monkeypatch.setattr(services, "lesson_complete", lambda **kwargs: outcome)
    client.force_login(learner)
    return client.post(reverse("courses:lesson_complete", args=[lesson.pk]))


def _messages(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            {"requirement": "module"},
            "réussissez l'activité « Quiz du cycle » (score minimal 70 %).",
        ),
        ({"requirement": "success"}, "réussissez l'activité « Quiz du cycle »."),
        (
            {"requirement": "min_score", "min_score": 55},
            "obtenez au moins 55 % à l'activité « Quiz du cycle ».",
        ),
        ({"requirement": "completion"}, "faites l'activité « Quiz du cycle »."),
    ],
)
def test_the_view_words_a_missing_activity_from_the_outcome(
    client, learner, monkeypatch, block, expected
):
    # Nothing in the database blocks the module: the message can only come from the outcome.
    module = factories.module(lessons=2, require_activities_success=True, activities_min_score=70)
    first, second = _lessons(module)
    package = factories.true_false_package(title="Quiz du cycle")
    services.enrolment_create(user=learner, module=module)
    rule = requirements.activity_rule({**block, "package": package}, module)
    outcome = services.CompletionOutcome(
        missing_activities=(requirements.UnmetActivity(second, package, rule),)
    )

    response = _post_done(client, learner, first, monkeypatch, outcome)

    assert response.url == second.url
    (message,) = _messages(response)
    assert message == (
        "Toutes les leçons sont terminées, mais le module n'est pas encore validé : " + expected
    )


def test_the_view_words_a_missing_quiz_and_a_completion_from_the_outcome(
    client, learner, monkeypatch
):
    quiz = quiz_factories.three_question_quiz()
    module = factories.module(lessons=1, title="Module évalué")
    module.final_quiz = quiz
    module.save_revision().publish()
    (lesson,) = _lessons(module)
    services.enrolment_create(user=learner, module=module)

    response = _post_done(
        client, learner, lesson, monkeypatch, services.CompletionOutcome(quiz_missing=True)
    )
    assert response.url == reverse("quizzes:quiz_detail", args=[quiz.pk]) + (
        f"?contexte=module%3A{module.pk}"
    )
    assert "évaluation finale" in _messages(response)[0]

    done = services.CompletionOutcome(completion=ModuleCompletion(module=module), created=False)
    response = _post_done(client, learner, lesson, monkeypatch, done)
    assert response.url == module.url
    assert _messages(response)[-1] == "Bravo, vous avez terminé le module « Module évalué »."


def test_the_view_leads_to_the_next_lesson_while_lessons_are_missing(client, learner):
    module = factories.module(lessons=3)
    first, second, _third = _lessons(module)
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)

    response = client.post(reverse("courses:lesson_complete", args=[first.pk]))

    assert response.url == second.url
    assert _messages(response) == ["Leçon terminée."]


# Per-block rules: what each required activity asks, whatever the module's own rule


def _unscored_package(title: str = "Cartes de dialogue"):
    return factories.other_package(title=title)


def _rule_lesson(module, title: str, *blocks) -> LessonPage:
    """A lesson whose H5P blocks are (package, extra block fields) pairs."""
    body = [
        ("h5p", {"package": package, "instructions": "", "required": True, **fields})
        for package, fields in blocks
    ]
    page = LessonPage(title=title, body=body)
    module.add_child(instance=page)
    page.save_revision().publish()
    return LessonPage.objects.get(pk=page.pk)


def _all_lessons_done(learner, module):
    for lesson in _lessons(module):
        LessonProgress.objects.create(
            user=learner, lesson=lesson, module=module, completed_at=datetime.now(UTC)
        )


def _result(learner, lesson, package, **fields):
    ActivityResult.objects.update_or_create(
        user=learner,
        package=package,
        lesson=lesson,
        defaults={"module": lesson.get_parent().specific, "completed": True, **fields},
    )


CHECKED = {"server_checked": True}


@pytest.mark.parametrize(
    ("block", "module_success", "result", "met"),
    [
        ({"requirement": "completion"}, True, {"success": None}, True),
        ({"requirement": "completion"}, False, {"completed": False}, False),
        (
            {"requirement": "success"},
            False,
            {**CHECKED, "success": True, "score_scaled": 0.5},
            True,
        ),
        (
            {"requirement": "success"},
            False,
            {**CHECKED, "success": False, "score_scaled": 0.9},
            False,
        ),
        ({"requirement": "success"}, False, {"success": True, "score_scaled": 1}, False),  # forged
        (
            {"requirement": "min_score", "min_score": 60},
            False,
            {**CHECKED, "score_scaled": 0.6},
            True,
        ),
        (
            {"requirement": "min_score", "min_score": 60},
            True,
            {**CHECKED, "success": True, "score_scaled": 0.59},
            False,
        ),
        ({"requirement": "min_score", "min_score": 60}, False, {"score_scaled": 0.9}, False),
        ({"requirement": "module"}, False, {**CHECKED, "success": False, "score_scaled": 0}, True),
        ({"requirement": "module"}, True, {**CHECKED, "success": True, "score_scaled": 0.8}, True),
        ({"requirement": "module"}, True, {**CHECKED, "success": True, "score_scaled": 0.7}, False),
        (
            {"requirement": "module"},
            True,
            {**CHECKED, "success": False, "score_scaled": 0.9},
            False,
        ),
    ],
)
def test_each_block_rule_asks_what_it_says(learner, block, module_success, result, met):
    module = factories.module(
        lessons=0, require_activities_success=module_success, activities_min_score=80
    )
    package = factories.true_false_package()
    lesson = _rule_lesson(module, "Leçon", (package, block))
    services.enrolment_create(user=learner, module=module)
    _all_lessons_done(learner, module)
    _result(learner, lesson, package, **result)

    outcome = services.module_completion_update(user=learner, module=module)

    assert outcome.complete is met
    assert [(u.lesson, u.package) for u in outcome.missing_activities] == (
        [] if met else [(lesson, package)]
    )


def test_mixed_rules_in_one_module_each_apply_and_the_score_averages_the_checked(learner):
    module = factories.module(lessons=0, require_activities_success=True, activities_min_score=80)
    cards = _unscored_package()
    first_quiz = factories.true_false_package(title="Premier quiz")
    second_quiz = factories.true_false_package(title="Deuxième quiz")
    third_quiz = factories.true_false_package(title="Troisième quiz")
    first = _rule_lesson(
        module,
        "Repérer",
        (cards, {"requirement": "completion"}),
        (first_quiz, {"requirement": "success"}),
    )
    second = _rule_lesson(
        module,
        "Orienter",
        (second_quiz, {"requirement": "min_score", "min_score": 50}),
        (third_quiz, {"requirement": "module"}),
    )
    services.enrolment_create(user=learner, module=module)
    _all_lessons_done(learner, module)
    _result(learner, first, cards, success=None)
    _result(learner, first, first_quiz, **CHECKED, success=False, score_scaled=0.5)
    _result(learner, second, second_quiz, **CHECKED, success=False, score_scaled=0.5)
    _result(learner, second, third_quiz, **CHECKED, success=True, score_scaled=1)

    outcome = services.module_completion_update(user=learner, module=module)
    assert outcome.missing_activities == (
        requirements.UnmetActivity(first, first_quiz, ActivityRule(success=True)),
    )

    _result(learner, first, first_quiz, **CHECKED, success=True, score_scaled=1)
    outcome = services.module_completion_update(user=learner, module=module)

    assert outcome.created
    assert outcome.completion.score == Decimal("83.33")  # (1 + 0.5 + 1) / 3


@pytest.mark.parametrize(("success", "complete"), [(False, False), (True, True)])
def test_a_block_saved_before_the_rule_existed_follows_the_module(learner, success, complete):
    module = factories.module(lessons=0, require_activities_success=True, activities_min_score=80)
    package = factories.true_false_package()
    lesson = _rule_lesson(module, "Ancienne leçon", (package, {}))
    # The StreamField data as saved before `requirement` and `min_score` existed.
    raw = [
        {
            "type": "h5p",
            "id": str(uuid.uuid4()),
            "value": {"package": package.pk, "instructions": "Répondez", "required": True},
        }
    ]
    LessonPage.objects.filter(pk=lesson.pk).update(body=Value(raw, output_field=JSONField()))
    lesson = LessonPage.objects.get(pk=lesson.pk)
    (block,) = lesson.h5p_blocks()
    assert (block["requirement"], block["min_score"]) == ("module", 80)
    services.enrolment_create(user=learner, module=module)
    _all_lessons_done(learner, module)
    _result(learner, lesson, package, **CHECKED, success=success, score_scaled=int(success))

    outcome = services.module_completion_update(user=learner, module=module)

    assert outcome.complete is complete
    if not complete:
        assert outcome.missing_activities[0].rule == ActivityRule(success=True, min_score=80)
