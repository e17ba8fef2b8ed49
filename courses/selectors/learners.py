"""Reads of who follows which module: "Mes formations" and a module's learners."""

from dataclasses import dataclass

from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from accounts.constants import Profession, Role
from accounts.roles import has_role

from ..models import Enrolment, LessonProgress, ModuleCompletion, ModulePage
from .catalogue import live_lesson_counts, module_lessons


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


class LearnerStatus:
    """Where a learner stands in the cycle they follow (recertification starts a new one)."""

    ENROLLED = "inscrit"
    IN_PROGRESS = "en_cours"
    COMPLETED = "termine"
    ALL = (ENROLLED, IN_PROGRESS, COMPLETED)


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
    status: str
    # Earlier cycle's completion, when the learner renews an expired validation.
    previous_completed_at: object | None = None


def may_follow_learners(user) -> bool:
    """Trainers, editors and administrators follow the learners of every module."""
    return has_role(user, Role.TRAINER, Role.EDITOR, Role.ADMIN)


def _completions(module: ModulePage, *, current: bool):
    """The learner's completion of the cycle followed (`current`) or of an earlier one."""
    lookup = "cycle__gte" if current else "cycle__lt"
    return ModuleCompletion.objects.filter(
        module=module, user=OuterRef("user_id"), **{lookup: OuterRef("cycle")}
    ).order_by("-cycle")


def module_learners(*, module: ModulePage, q: str = "", status: str = "") -> QuerySet:
    """The enrolments of a module, one per learner, with their progress in the cycle
    they follow: lessons done among the live ones, the completion of that cycle, the
    status drawn from both (so a row never says "Terminé" with lessons missing from
    the cycle, nor "En cours" once completed). Filtered by name or address (`q`) and
    status; one query whatever the number of learners (paginate the result)."""
    live_lessons = [lesson.pk for lesson in module_lessons(module)]
    lessons_done = (
        LessonProgress.objects.filter(
            user=OuterRef("user_id"),
            module=module,
            lesson_id__in=live_lessons,
            completed_at__isnull=False,
        )
        .order_by()
        .values("user")
        .annotate(n=Count("id"))
        .values("n")
    )
    current = _completions(module, current=True)
    enrolments = (
        Enrolment.objects.filter(module=module)
        .select_related("user")
        .annotate(
            completed_lessons=Coalesce(Subquery(lessons_done), 0),
            completed_at=Subquery(current.values("completed_at")[:1]),
            score=Subquery(current.values("score")[:1]),
            previous_completed_at=Subquery(
                _completions(module, current=False).values("completed_at")[:1]
            ),
        )
        .annotate(
            status=Case(
                When(completed_at__isnull=False, then=Value(LearnerStatus.COMPLETED)),
                When(completed_lessons__gt=0, then=Value(LearnerStatus.IN_PROGRESS)),
                default=Value(LearnerStatus.ENROLLED),
            )
        )
        .order_by("user__last_name", "user__first_name", "pk")
    )
    for word in q.split()[:5]:
        enrolments = enrolments.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
        )
    if status in LearnerStatus.ALL:
        enrolments = enrolments.filter(status=status)
    return enrolments


def learner_rows(enrolments) -> list[ModuleLearnerRow]:
    """The rows shown (a page of `module_learners`, or all of it for the CSV)."""
    # One label lookup table, not `get_profession_display` per row (it rebuilds the
    # field's flat choices, lazy translations hashed, on every call).
    professions = {str(value): str(label) for value, label in Profession.choices}
    rows = []
    for enrolment in enrolments:
        user = enrolment.user
        rows.append(
            ModuleLearnerRow(
                user_id=user.pk,
                full_name=user.get_full_name(),
                email=user.email,
                profession=professions.get(user.profession, ""),
                # A renewed cycle started later than the enrolment: date that start.
                enrolled_at=enrolment.cycle_started_at or enrolment.enrolled_at,
                completed_lessons=enrolment.completed_lessons,
                completed_at=enrolment.completed_at,
                score=enrolment.score,
                status=enrolment.status,
                previous_completed_at=enrolment.previous_completed_at,
            )
        )
    return rows


def status_counts(*, module: ModulePage, q: str = "") -> dict[str, int]:
    """{status: learners} for the filter's labels, in one grouped query."""
    rows = module_learners(module=module, q=q).order_by().values("status").annotate(n=Count("id"))
    counts = dict.fromkeys(LearnerStatus.ALL, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
