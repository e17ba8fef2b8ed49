"""bench/seed.py on PostgreSQL: learners written with COPY, and a seeded database grown.

`make bench-scale` measures at 50,000 learners, grows the same database to 250,000 and
measures again: the growth must add learners on the modules already there, leave the
first ones as they were, and write rows the application reads like its own.
"""

import pytest

# serialized_rollback: the pages the migrations made (the module index the seeding
# grows under) are put back first, even after another file's committing test flushed
# this process's database.
pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _learners():
    from accounts.models import User
    from bench.seeding.common import EMAIL_DOMAIN

    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def _progress_of(users) -> dict:
    from courses.models import Enrolment, LessonProgress

    enrolled = sorted(Enrolment.objects.filter(user__in=users).values_list("user_id", "module_id"))
    lessons = sorted(
        LessonProgress.objects.filter(user__in=users).values_list(
            "user_id", "lesson_id", "completed_at"
        )
    )
    return {"enrolled": enrolled, "lessons": lessons}


def test_growing_adds_learners_on_the_seeded_modules_and_keeps_the_first(monkeypatch):
    from bench import seed
    from bench.seeding.learners import seed_learners
    from bench.seeding.pages import seed_pages
    from courses.models import ActivityResult, Enrolment, ModulePage

    # Statistics do not matter here, and VACUUM would only slow the test down.
    monkeypatch.setattr(seed, "vacuum_analyze", lambda timings: None)
    modules, lessons = seed_pages(modules=3, lessons_per_module=4, timings=[])
    seed_learners(module_pages=modules, lesson_pages=lessons, learners=30, timings=[])
    first = list(_learners().order_by("pk"))
    before = _progress_of(first)

    seed.grow(80)

    learners = _learners()
    assert learners.count() == 80
    assert learners.values("email").distinct().count() == 80
    assert list(learners.order_by("pk")[:30]) == first
    assert _progress_of(first) == before
    grown = learners.order_by("pk")[30:]
    seeded_modules = {m.pk for m in modules}
    grown_modules = set(
        Enrolment.objects.filter(user__in=grown).values_list("module_id", flat=True)
    )
    assert grown_modules and grown_modules <= seeded_modules
    assert ModulePage.objects.filter(slug__startswith="bench-module-").count() == 3
    # Rows written with COPY are the application's own: learner group, verified
    # address, dates filled in as bulk_create would, JSON readable.
    learner = grown[0]
    assert learner.groups.filter(name__isnull=False).exists()
    assert learner.emailaddress_set.get().verified
    assert Enrolment.objects.filter(user=learner).exclude(enrolled_at=None).exists()
    result = ActivityResult.objects.filter(user__in=grown).first()
    assert result is not None and result.answers == {} and result.updated_at is not None
    # Nothing to do once the size is reached.
    seed.grow(80)
    assert learners.count() == 80
