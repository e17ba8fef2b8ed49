"""Reads of who follows which module: "Mes formations" and a module's learners."""

from dataclasses import dataclass

from django.db.models import Count, Q

from accounts.constants import Role
from accounts.roles import has_role

from ..models import Enrolment, LessonProgress, ModuleCompletion, ModulePage
from .catalogue import live_lesson_counts


@dataclass
class LearnerModuleRow:
    enrolment: Enrolment
    completed_lessons: int
    total_lessons: int
    completion: ModuleCompletion | None
    attestation: object | None = None  # certificates.Attestation

    @property
    def percent(self) -> int:
        if not self.total_lessons:
            return 0
        return round(100 * self.completed_lessons / self.total_lessons)


def my_trainings(*, user) -> dict:
    """Return "Mes formations": in progress, completed, and suggestions for the audience."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("module", "last_lesson")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    modules = [e.module for e in enrolments]
    totals = live_lesson_counts(modules)
    done = dict(
        LessonProgress.objects.filter(user=user, completed_at__isnull=False)
        .order_by()
        .values_list("module_id")
        .annotate(n=Count("id"))
    )
    completions = {
        c.module_id: c for c in ModuleCompletion.objects.filter(user=user).order_by("cycle")
    }
    in_progress, completed = [], []
    for enrolment in enrolments:
        row = LearnerModuleRow(
            enrolment=enrolment,
            completed_lessons=done.get(enrolment.module_id, 0),
            total_lessons=totals.get(enrolment.module_id, 0),
            completion=completions.get(enrolment.module_id),
        )
        (completed if row.completion else in_progress).append(row)
    suggestions = []
    if user.profession:
        suggestions = list(
            ModulePage.objects.live()
            .public()
            .filter(audiences__code=user.profession)
            .exclude(pk__in=[m.pk for m in modules])
            .distinct()
            .order_by("title")[:6]
        )
    from certificates import selectors as certificate_selectors
    from quizzes import selectors as quiz_selectors

    attestations = certificate_selectors.attestations_by_source(
        user=user, sources=[f"module-completion:{row.completion.pk}" for row in completed]
    )
    for row in completed:
        row.attestation = attestations.get(f"module-completion:{row.completion.pk}")
    return {
        "in_progress": in_progress,
        "completed": completed,
        "suggestions": suggestions,
        "open_quizzes": quiz_selectors.open_quizzes(),
    }


@dataclass
class ModuleLearnerRow:
    user_id: int
    full_name: str
    email: str
    profession: str
    enrolled_at: object
    completed_lessons: int
    completed_at: object | None
    score: object | None

    @property
    def status(self) -> str:
        if self.completed_at:
            return "termine"
        return "en_cours" if self.completed_lessons else "inscrit"


def may_follow_learners(user) -> bool:
    """Trainers, editors and administrators follow the learners of every module."""
    return has_role(user, Role.TRAINER, Role.EDITOR, Role.ADMIN)


def module_learners(*, module: ModulePage) -> list[ModuleLearnerRow]:
    """Return one row per enrolled learner of a module (for its trainers and editors)."""
    enrolments = (
        Enrolment.objects.filter(module=module)
        .select_related("user")
        .annotate(
            completed_lessons=Count(
                "user__lesson_progress",
                filter=Q(
                    user__lesson_progress__module=module,
                    user__lesson_progress__completed_at__isnull=False,
                ),
            )
        )
        .order_by("user__last_name", "user__first_name")
    )
    completions = {
        c.user_id: c for c in ModuleCompletion.objects.filter(module=module).order_by("cycle")
    }
    rows = []
    for enrolment in enrolments:
        user = enrolment.user
        completion = completions.get(user.pk)
        rows.append(
            ModuleLearnerRow(
                user_id=user.pk,
                full_name=user.get_full_name(),
                email=user.email,
                profession=user.get_profession_display() if user.profession else "",
                enrolled_at=enrolment.enrolled_at,
                completed_lessons=enrolment.completed_lessons,
                completed_at=completion.completed_at if completion else None,
                score=completion.score if completion else None,
            )
        )
    return rows
