"""Learners with complete profiles, their enrolments and their progress, in batches.

One password hash is shared by everyone. Everything is drawn from one seeded random
generator, in a fixed order: the same arguments give the same learners.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from .common import (
    BATCH,
    PASSWORD,
    SEED,
    copy_insert,
    learner_email,
    n,
    phase,
    reserve_ids,
)
from .content import EMPLOYERS, FIRST_NAMES, LAST_NAMES


@dataclass
class _Batch:
    """Rows of one batch of learners, inserted together."""

    enrolments: list = field(default_factory=list)
    progress: list = field(default_factory=list)
    results: list = field(default_factory=list)
    completions: list = field(default_factory=list)


def seed_learners(
    *, module_pages, lesson_pages, learners: int, timings: list, first: int = 1
) -> dict:
    """Create learners `first` to `learners` with complete profiles, enrolments and progress.

    `first` > 1 grows an already seeded database (bench/scale.sh): the modules keep
    their popularity (the same shuffled weights), the new learners get draws of their own.
    """
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from accounts.constants import ROLE_GROUP_NAMES, Role

    world = _World(module_pages, lesson_pages)
    if first > 1:
        # Learners 1… keep the draws they were seeded with; the grown ones must not repeat them.
        world.rng.seed(SEED + first)
    counts = dict.fromkeys(
        ["users", "enrolments", "progress", "completed", "results", "completions"], 0
    )
    with phase("empreinte du mot de passe (une seule fois)", timings):
        password = make_password(PASSWORD)
        learner_group, _created = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[Role.LEARNER])
    added = learners - first + 1
    label = f"{n(added)} apprenant·es, inscriptions et progression (lots de {n(BATCH)})"
    with phase(label, timings):
        for start in range(first, learners + 1, BATCH):
            numbers = range(start, min(start + BATCH, learners + 1))
            users = [world.user(number, password) for number in numbers]
            _insert_users(users, learner_group)
            batch = _Batch()
            for user in users:
                world.progress(user, batch)
            _insert_batch(batch)
            counts["users"] += len(users)
            counts["enrolments"] += len(batch.enrolments)
            counts["progress"] += len(batch.progress)
            counts["completed"] += sum(1 for p in batch.progress if p.completed_at)
            counts["results"] += len(batch.results)
            counts["completions"] += len(batch.completions)
    return counts


class _World:
    """The modules, their lessons and activities, and the random draws of the learners."""

    def __init__(self, module_pages, lesson_pages):
        from django.utils import timezone

        from accounts.constants import Profession
        from territories import selectors as territory_selectors

        self.rng = random.Random(SEED + 1)
        self.now = timezone.now()
        self.module_pages = module_pages
        lessons_by_module: dict[str, list] = {}
        for lesson in lesson_pages:
            lessons_by_module.setdefault(lesson.path[: -lesson.steplen], []).append(lesson)
        self.module_lessons = {m.pk: lessons_by_module[m.path] for m in module_pages}
        self.packages_by_lesson = {
            lesson.pk: [block["package"].pk for block in lesson.h5p_blocks()]
            for lesson in lesson_pages
        }
        # Some modules (mandatory ones, popular topics) gather far more learners than others.
        weights = [1 / (rank + 1) ** 0.7 for rank in range(len(module_pages))]
        self.rng.shuffle(weights)
        self.cum_weights = [sum(weights[: i + 1]) for i in range(len(weights))]
        self.professions = [value for value, _label in Profession.choices]
        self.departements = list(territory_selectors.departements().values_list("code", flat=True))
        self.arrondissements: dict[str, list[str]] = {}
        for code, departement in territory_selectors.arrondissements().values_list(
            "code", "departement_id"
        ):
            self.arrondissements.setdefault(departement, []).append(code)

    def user(self, number: int, password: str):
        from accounts.models import User

        rng, now = self.rng, self.now
        departement = (
            rng.choice(["59", "62"]) if rng.random() < 0.4 else rng.choice(self.departements)
        )
        arrondissements = self.arrondissements.get(departement)
        return User(
            email=learner_email(number),
            password=password,
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            profession=rng.choice(self.professions),
            employer=rng.choice(EMPLOYERS),
            departement_id=departement,
            arrondissement_id=rng.choice(arrondissements) if arrondissements else None,
            date_joined=now - timedelta(days=rng.randint(1, 700)),
            last_login=now - timedelta(days=rng.randint(0, 60)),
        )

    def progress(self, user, batch: _Batch) -> None:
        """Enrol the learner in one to three modules, weighted, and draw their progress."""
        rng = self.rng
        chosen = set()
        # Capped by the number of modules: the comparison with the peer seeds only one
        # (bench/peer). The draw is made first, so the default sizes give the same learners.
        wanted = min(rng.choices([1, 2, 3], weights=[50, 30, 20])[0], len(self.module_pages))
        while len(chosen) < wanted:
            chosen.add(rng.choices(range(len(self.module_pages)), cum_weights=self.cum_weights)[0])
        for position in chosen:
            self.module_progress(user, self.module_pages[position], batch)

    def module_progress(self, user, module, batch: _Batch) -> None:
        from courses.constants import EnrolmentSource
        from courses.models import Enrolment, LessonProgress, ModuleCompletion

        rng = self.rng
        lessons = self.module_lessons[module.pk]
        draw = rng.random()
        # 30 % enrolled only, 55 % a few lessons done, 15 % module completed.
        done = 0 if draw < 0.30 else len(lessons) if draw > 0.85 else rng.randint(1, 6)
        opened = min(len(lessons), done + (1 if draw >= 0.15 else 0))
        activity = self.now - timedelta(days=rng.randint(0, 300), minutes=rng.randint(0, 1440))
        batch.enrolments.append(
            Enrolment(
                user_id=user.pk,
                module_id=module.pk,
                source=EnrolmentSource.ASSIGNMENT if rng.random() < 0.2 else EnrolmentSource.SELF,
                last_lesson_id=lessons[opened - 1].pk if opened else None,
                last_activity_at=activity if opened else None,
            )
        )
        scores = []
        for rank, lesson in enumerate(lessons[:opened]):
            completed_at = activity - timedelta(hours=opened - rank) if rank < done else None
            batch.progress.append(
                LessonProgress(
                    user_id=user.pk,
                    lesson_id=lesson.pk,
                    module_id=module.pk,
                    completed_at=completed_at,
                )
            )
            if completed_at is not None:
                scores += self.activity_results(user, module, lesson, batch)
        if done == len(lessons):
            batch.completions.append(
                ModuleCompletion(
                    user_id=user.pk,
                    module_id=module.pk,
                    cycle=1,
                    completed_at=activity,
                    score=round(100 * sum(scores) / len(scores), 2) if scores else None,
                    revision_id=module.live_revision_id,
                    module_title=module.title,
                )
            )

    def activity_results(self, user, module, lesson, batch: _Batch) -> list[int]:
        """The results of a completed lesson's activities (80 % successes); their scores."""
        from courses.models import ActivityResult

        scores = []
        for package_id in self.packages_by_lesson[lesson.pk]:
            success = self.rng.random() < 0.8
            scores.append(1 if success else 0)
            batch.results.append(
                ActivityResult(
                    user_id=user.pk,
                    package_id=package_id,
                    lesson_id=lesson.pk,
                    module_id=module.pk,
                    attempts=self.rng.randint(1, 3),
                    completed=True,
                    success=success,
                    score_scaled=1 if success else 0,
                    server_checked=True,
                )
            )
        return scores


def _insert_users(users, learner_group) -> None:
    from allauth.account.models import EmailAddress

    from accounts.models import User

    # Ids taken from the sequence first, so that users go through COPY too.
    for user, pk in zip(users, reserve_ids(User._meta.db_table, len(users)), strict=True):
        user.pk = pk
    copy_insert(User, users, with_pk=True)
    copy_insert(
        User.groups.through,
        [User.groups.through(user_id=u.pk, group_id=learner_group.pk) for u in users],
    )
    copy_insert(
        EmailAddress,
        [EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True) for u in users],
    )


def _insert_batch(batch: _Batch) -> None:
    from courses.models import ActivityResult, Enrolment, LessonProgress, ModuleCompletion

    # Nothing needs these rows' ids: COPY, faster than bulk_create for millions of rows.
    copy_insert(Enrolment, batch.enrolments)
    copy_insert(LessonProgress, batch.progress)
    copy_insert(ActivityResult, batch.results)
    copy_insert(ModuleCompletion, batch.completions)
