"""The generated people's progress in the demo modules over two years (`demo.people`).

Each person's modules are taken in the order they were finished, and a mover's
profile changes on the day of the move: the participations recorded on the way
(indicators copy the profile at recording time) carry the département of their day.
Idempotent: a module's progress is found by the person's enrolment, so a second run
adds nothing. The figures are the same on every machine: each step goes on drawing
from the generator `demo.people.steps` left it in, in the same order.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from celery import current_app
from django.utils import timezone

from accounts.services import user_profile_update
from courses.models import Enrolment, LessonPage, LessonProgress, ModuleCompletion
from courses.services import completion_finalise
from demo import people as demo_people
from demo.people import PARIS, Person, Step
from quizzes import services as quiz_services


@contextmanager
def renders_left_pending():
    """Leave the PDFs of the attestations issued inside for Celery instead of rendering
    them at once.

    Without Redis (`make run`) Celery runs eagerly: each attestation's PDF would be
    rendered by WeasyPrint on commit (~0.1 s each), a minute or more for the
    generated learners' hundreds of completions. These people cannot log in, so no
    one downloads their PDFs: their attestations are issued for real (code,
    verification page, history, indicators) and their render tasks are sent to the
    broker instead, the in-memory one without Redis, where no worker picks them up.
    They stay "pending" until an administrator regenerates them (Attestations in the
    admin), which renders on demand. With Redis the tasks are queued as usual and a
    worker renders them in the background. The transaction must commit inside this
    block, since the render tasks are queued on commit. Emails queued inside (to
    `.invalid` addresses) are likewise never sent without Redis.
    """
    eager = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = False
    try:
        yield
    finally:
        current_app.conf.task_always_eager = eager


@dataclass
class _Run:
    """What one load reads once and what it has added so far."""

    modules: dict
    lessons: dict[str, list]
    items: dict[str, list]
    enrolled: set[tuple[int, int]]
    today: date
    added: dict[str, int] = field(
        default_factory=lambda: {"enrolments": 0, "completions": 0, "answers": 0, "moves": 0}
    )


def load(*, modules: dict) -> dict[str, int]:
    """Give the generated people their progress in the demo modules (by slug); return
    counts of what was added (all zero on a second run)."""
    users = demo_people.people()
    run = _Run(
        modules=modules,
        lessons={
            slug: list(LessonPage.objects.child_of(module).live().order_by("path"))
            for slug, module in modules.items()
        },
        items={
            slug: list(module.satisfaction_questionnaire.items.order_by("pk"))
            for slug, module in modules.items()
            if module.satisfaction_questionnaire_id
        },
        enrolled=set(
            Enrolment.objects.filter(user__in=users, module__in=modules.values()).values_list(
                "user_id", "module_id"
            )
        ),
        today=timezone.localdate(),
    )
    for number, user in enumerate(users, start=1):
        _person(run, user, demo_people.person(number))
    return run.added


def _person(run: _Run, user, spec: Person) -> None:
    """Record `spec`'s modules not recorded yet, moving them on the way if they moved."""
    steps = sorted(
        (step for step in demo_people.steps(spec) if step.slug in run.modules),
        key=lambda step: (step.finished, step.slug),
    )
    for step in steps:
        module = run.modules[step.slug]
        if (user.pk, module.pk) in run.enrolled:
            continue
        if (
            spec.moved_on
            and step.finished >= spec.moved_on
            and user.arrondissement_id != spec.arrondissement
        ):
            _move(run, user, spec)
        _step(run, user, step, module)
    # Moved by now, even if nothing was left to record after the move.
    if spec.moved_on and user.arrondissement_id != spec.arrondissement:
        _move(run, user, spec)


def _move(run: _Run, user, spec: Person) -> None:
    """The mover takes their new post: through the profile service, as they would."""
    user_profile_update(
        user=user,
        departement=spec.departement,
        arrondissement=spec.arrondissement,
        employer=spec.employer,
    )
    run.added["moves"] += 1


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randrange(8, 20), rng.randrange(60)), tzinfo=PARIS)


def _step(run: _Run, user, step: Step, module) -> None:
    """Enrol, complete the lessons done and, for a complete step, the module."""
    rng = random.Random()
    rng.setstate(step.state)
    started, finished = step.started, min(step.finished, run.today)
    complete = step.complete and finished < run.today
    module_lessons = run.lessons[step.slug]
    done = len(module_lessons) if complete else rng.randrange(0, len(module_lessons))
    # Drawn in the same order as ever (the figures stay those of every machine),
    # then put in the order a learner makes them: enrolled, lessons, last activity,
    # completion. Enrolled and finished on the same day, the random hours could
    # otherwise date the enrolment after the completion.
    enrolled_at = _moment(started, rng)
    last_activity_at = _moment(finished, rng)
    lessons_at = sorted(_moment(finished, rng) for _lesson in module_lessons[:done])
    enrolment = Enrolment.objects.create(user=user, module=module)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=min([enrolled_at, last_activity_at, *lessons_at]),
        last_activity_at=max([enrolled_at, last_activity_at, *lessons_at]),
        last_lesson=module_lessons[done - 1] if done else None,
    )
    LessonProgress.objects.bulk_create(
        LessonProgress(user=user, lesson=lesson, module=module, completed_at=at)
        for lesson, at in zip(module_lessons[:done], lessons_at, strict=True)
    )
    run.added["enrolments"] += 1
    if not complete:
        return
    completed_at = _moment(finished, rng)
    completion = ModuleCompletion.objects.create(
        user=user,
        module=module,
        cycle=1,
        # Never before the last lesson nor the enrolment (same day, random hours).
        completed_at=max([completed_at, enrolled_at, *lessons_at]),
        score=Decimal(rng.choice([70, 75, 80, 85, 90, 90, 95, 100])),
        revision=module.live_revision,
        module_title=module.title,
    )
    # The real code path: the attestation, then the signal the indicators record.
    completion_finalise(completion=completion, module=module)
    run.added["completions"] += 1
    if step.slug in run.items and rng.random() < demo_people.ANSWER_CHANCE:
        _answer(run, user, module, run.items[step.slug], rng=rng, day=finished)


def _answer(run: _Run, user, module, items: list, *, rng: random.Random, day: date) -> None:
    """The satisfaction questionnaire, answered the day the module was completed."""
    # Most find the module useful: agreeing answers weigh more.
    values = {item.pk: rng.choices([1, 2, 3, 4], weights=[1, 2, 8, 9])[0] for item in items}
    response = quiz_services.questionnaire_answer(
        questionnaire=module.satisfaction_questionnaire,
        user=user,
        subject=f"module:{module.pk}",
        overall=rng.choices([2, 3, 4, 5], weights=[1, 3, 8, 6])[0],
        values=values,
    )
    # Answered the day the module was completed, not the day of the load.
    type(response).objects.filter(pk=response.pk).update(answered_on=day)
    run.added["answers"] += 1


def past_completion(*, user, module, completed_at: datetime, score=90) -> ModuleCompletion:
    """A demo person's completion of `module` at `completed_at`, recorded as the
    platform records one: enrolled first, every live lesson completed, then the module
    (its attestation and indicators through `completion_finalise`).

    Demo loaders that give someone a past completion call this rather than creating
    a `ModuleCompletion` alone: a completion without its enrolment and lessons shows in
    the learner list as "0/5 leçons — Terminé", enrolled today after a completion in
    the summer. Idempotent: a second call changes nothing.
    """
    lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
    started = completed_at - timedelta(days=7)
    enrolment, _created = Enrolment.objects.get_or_create(user=user, module=module)
    if enrolment.enrolled_at > started:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            enrolled_at=started,
            last_activity_at=completed_at,
            last_lesson=lessons[-1] if lessons else None,
        )
    for number, lesson in enumerate(lessons, start=1):
        # The lessons spread over the week before the completion, in their order.
        at = started + (completed_at - started) * number / (len(lessons) + 1)
        progress, created = LessonProgress.objects.get_or_create(
            user=user, lesson=lesson, defaults={"module": module, "completed_at": at}
        )
        if created:
            LessonProgress.objects.filter(pk=progress.pk).update(started_at=at)
    completion, _created = ModuleCompletion.objects.get_or_create(
        user=user,
        module=module,
        cycle=1,
        defaults={
            "completed_at": completed_at,
            "score": score,
            "revision": module.live_revision,
            "module_title": module.title,
        },
    )
    completion_finalise(completion=completion, module=module)
    return completion
