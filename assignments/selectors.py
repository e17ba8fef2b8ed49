"""Reads: where each person stands on their mandatory modules.

Statuses are computed from the completions when read, in a fixed number of queries
whatever the number of people (a unit of 5,000 people is one page).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from courses.models import Enrolment, ModuleCompletion
from courses.services import add_months

from .constants import PENDING, DueStatus, ReminderKind
from .models import Assignment, Obligation, ReminderSent

STATUS_ORDER = {status: rank for rank, status in enumerate(DueStatus)}


@dataclass
class ObligationStatus:
    obligation: Obligation
    status: DueStatus
    # The date the module is due: the assignment's, or the end of the validity of
    # the last completion (recertification). None once up to date with no expiry.
    due_on: date | None
    completed_at: datetime | None = None
    valid_until: date | None = None

    @property
    def pending(self) -> bool:
        return self.status in PENDING

    @property
    def status_label(self) -> str:
        return str(self.status.label)


def _validity_months(obligation: Obligation) -> int | None:
    if not obligation.assignment.recertify:
        return None
    return obligation.module.validity_months or None


def status_of(
    obligation: Obligation,
    *,
    completion: tuple[int, datetime] | None,
    enrolment: tuple[int, bool] | None,
    today: date,
) -> ObligationStatus:
    """The status of one obligation, from the latest completion (cycle, date) and the
    enrolment (current cycle, started) of the person in the module."""
    if completion is not None:
        cycle, completed_at = completion
        months = _validity_months(obligation)
        valid_until = add_months(timezone.localdate(completed_at), months) if months else None
        restarted = enrolment is not None and enrolment[0] > cycle
        if not restarted and (valid_until is None or valid_until >= today):
            notice = obligation.assignment.expiry_notice_days
            if valid_until is not None and (valid_until - today).days < notice:
                status = DueStatus.EXPIRING
            else:
                status = DueStatus.UP_TO_DATE
            return ObligationStatus(obligation, status, valid_until, completed_at, valid_until)
        if valid_until is not None and valid_until < today:
            # Expired: due again since the end of its validity.
            return ObligationStatus(
                obligation, DueStatus.OVERDUE, valid_until, completed_at, valid_until
            )
        status = DueStatus.IN_PROGRESS if restarted else DueStatus.TO_DO
        return ObligationStatus(obligation, status, valid_until, completed_at, valid_until)
    due = obligation.due_on
    if due < today:
        status = DueStatus.OVERDUE
    elif enrolment is not None and enrolment[1]:
        status = DueStatus.IN_PROGRESS
    else:
        status = DueStatus.TO_DO
    return ObligationStatus(obligation, status, due)


def statuses(
    obligations: QuerySet[Obligation], *, today: date | None = None
) -> list[ObligationStatus]:
    """Every obligation of the queryset with its status: three queries in all."""
    today = today or timezone.localdate()
    rows = list(
        obligations.select_related("assignment", "module", "user__institution").order_by(
            "due_on", "pk"
        )
    )
    if not rows:
        return []
    users = {row.user_id for row in rows}
    modules = {row.module_id for row in rows}
    latest: dict[tuple[int, int], tuple[int, datetime]] = {}
    for user_id, module_id, cycle, completed_at in (
        ModuleCompletion.objects.filter(user_id__in=users, module_id__in=modules)
        .order_by("cycle")
        .values_list("user_id", "module_id", "cycle", "completed_at")
    ):
        latest[(user_id, module_id)] = (cycle, completed_at)
    enrolments = {
        (user_id, module_id): (cycle, last_lesson_id is not None)
        for user_id, module_id, cycle, last_lesson_id in Enrolment.objects.filter(
            user_id__in=users, module_id__in=modules
        ).values_list("user_id", "module_id", "cycle", "last_lesson_id")
    }
    return [
        status_of(
            row,
            completion=latest.get((row.user_id, row.module_id)),
            enrolment=enrolments.get((row.user_id, row.module_id)),
            today=today,
        )
        for row in rows
    ]


def my_obligations(*, user, today: date | None = None) -> list[ObligationStatus]:
    """The person's mandatory modules, most urgent first (one line per module: when two
    assignments give the same module, the earliest due date counts)."""
    by_module: dict[int, ObligationStatus] = {}
    for item in statuses(
        Obligation.objects.filter(user=user, assignment__active=True), today=today
    ):
        known = by_module.get(item.obligation.module_id)
        if known is None or (item.due_on or date.max) < (known.due_on or date.max):
            by_module[item.obligation.module_id] = item
    return sorted(
        by_module.values(),
        key=lambda item: (STATUS_ORDER[item.status], item.due_on or date.max),
    )


def my_trainings_panel(user) -> dict:
    return {"obligations": my_obligations(user=user)} if user.is_authenticated else {}


@dataclass
class ComplianceRow:
    key: str
    label: str
    total: int = 0
    counts: dict = None  # status → people

    @property
    def up_to_date(self) -> int:
        return self.counts.get(DueStatus.UP_TO_DATE, 0) + self.counts.get(DueStatus.EXPIRING, 0)

    @property
    def rate(self) -> int:
        """Share of obligations fulfilled (up to date or expiring later), in %."""
        return round(100 * self.up_to_date / self.total) if self.total else 0

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def labelled_cells(self) -> list[tuple[str, int]]:
        """(status label, number) in the display order: a cell names its column on a phone."""
        return [(status.label, self.counts.get(status, 0)) for status in DueStatus]


def compliance(items: list[ObligationStatus], *, by: str) -> list[ComplianceRow]:
    """Obligations grouped by module, arrondissement or institution, with the number of
    each status and the compliance rate; largest groups first. Aggregates only."""
    from territories.selectors import arrondissement_name

    rows: dict[str, ComplianceRow] = {}
    for item in items:
        obligation = item.obligation
        if by == "all":
            key, label = "all", ""
        elif by == "module":
            key, label = str(obligation.module_id), obligation.module.title
        elif by == "arrondissement":
            key = obligation.user.arrondissement_id or ""
            label = arrondissement_name(key) or key or "non renseigné"
        else:
            key = label = institution_of(obligation.user) or "non renseignée"
        row = rows.setdefault(key, ComplianceRow(key=key, label=label, counts={}))
        row.total += 1
        row.counts[item.status] = row.counts.get(item.status, 0) + 1
    return sorted(rows.values(), key=lambda row: (-row.total, row.label))


def institution_of(user) -> str:
    """The person's unit when known to the platform, else the employer they typed."""
    return user.institution.name if user.institution_id else user.employer


def assignment_in_scope(assignment: Assignment, scope) -> bool:
    """Return True when the assignment's population lies within `scope` (a territory Scope):
    she may change it.

    An assignment's territory is its arrondissements: a delegate edits those whose
    arrondissements all lie in her départements. One without arrondissement concerns
    the whole country: the national service's and the administrators' only.
    """
    if scope.national:
        return True
    if not assignment.arrondissements:
        return False
    from territories.selectors import arrondissement_departement

    return all(
        arrondissement_departement(code) in scope.departements
        for code in assignment.arrondissements
    )


def assignment_readable(assignment: Assignment, scope) -> bool:
    """Return True when the assignment concerns people of `scope`: she follows it.

    A national assignment (no arrondissement: every gendarme, every unit named) concerns
    every territory, so each delegate follows it for her own people; one limited to
    arrondissements concerns the départements of those. What she reads is always her
    territory's part (obligations_in_scope), never another département's people.
    """
    if scope.national:
        return True
    if scope.empty:
        return False
    if not assignment.arrondissements:
        return True
    from territories.selectors import arrondissement_departement

    return any(
        arrondissement_departement(code) in scope.departements
        for code in assignment.arrondissements
    )


def assignments_in_scope(scope) -> list[Assignment]:
    """The assignments a person of `scope` follows, newest first.

    Filtered here rather than in SQL: the arrondissements are a JSON list, and a
    platform holds tens of assignments, not thousands (one query whatever the scope).
    """
    assignments = Assignment.objects.prefetch_related("modules").order_by("-created_at")
    return [assignment for assignment in assignments if assignment_readable(assignment, scope)]


def obligations_in_scope(obligations: QuerySet[Obligation], scope) -> QuerySet[Obligation]:
    """The obligations of the people working in `scope`'s départements (all: national).

    A person imported from a roster may work elsewhere: a delegate's figures still
    count only the people of her territories.
    """
    codes = scope.departement_codes()
    return obligations if codes is None else obligations.filter(user__departement_id__in=codes)


def assignment_statuses(assignment, scope=None) -> list[ObligationStatus]:
    obligations = Obligation.objects.filter(assignment=assignment)
    if scope is not None:
        obligations = obligations_in_scope(obligations, scope)
    return statuses(obligations)


def managed_institutions(user) -> list:
    """The institutions whose mandatory training `user` follows: those they manage with
    the unit manager's role (administrators: all)."""
    from accounts.constants import Role
    from accounts.models import Institution
    from accounts.roles import has_role

    if has_role(user, Role.ADMIN):
        return list(Institution.objects.order_by("name"))
    if not has_role(user, Role.UNIT_MANAGER):
        return []
    return list(user.managed_institutions.order_by("name"))


def unit_statuses(*, institution, today: date | None = None) -> list[ObligationStatus]:
    """Every active obligation of the institution's people, most urgent first."""
    items = statuses(
        Obligation.objects.filter(user__institution=institution, assignment__active=True),
        today=today,
    )
    return sorted(
        items,
        key=lambda item: (
            STATUS_ORDER[item.status],
            item.due_on or date.max,
            item.obligation.user.last_name,
        ),
    )


def manager_reminders_due(
    items: list[ObligationStatus], *, today: date | None = None
) -> list[ObligationStatus]:
    """The overdue obligations a unit manager's reminder would go to today: those not
    reminded by a manager yet today (one more query). The button counts exactly these,
    and the service sends exactly these."""
    today = today or timezone.localdate()
    overdue = [item for item in items if item.status == DueStatus.OVERDUE]
    if not overdue:
        return []
    reminded = set(
        ReminderSent.objects.filter(
            obligation__in=[item.obligation.pk for item in overdue],
            kind=ReminderKind.MANAGER,
            key=today.isoformat(),
        ).values_list("obligation_id", flat=True)
    )
    return [item for item in overdue if item.obligation.pk not in reminded]


@dataclass
class LastReminders:
    sent_at: datetime
    sent_by: str
    count: int  # reminders sent by a manager that day


def last_manager_reminders(*, institution) -> LastReminders | None:
    """When a manager last reminded the people of the institution, by whom, and how
    many reminders went out that day (two queries)."""
    reminders = ReminderSent.objects.filter(
        obligation__user__institution=institution, kind=ReminderKind.MANAGER
    )
    last = reminders.select_related("sent_by").order_by("-sent_at").first()
    if last is None:
        return None
    by = last.sent_by.get_full_name() or last.sent_by.email if last.sent_by else ""
    return LastReminders(
        sent_at=last.sent_at, sent_by=by, count=reminders.filter(key=last.key).count()
    )


def personal_data(user) -> list[dict]:
    """The person's mandatory modules with their status and dates (RGPD export)."""
    return [
        {
            "affectation": item.obligation.assignment.title,
            "module": item.obligation.module.title,
            "statut": item.status_label,
            "echeance": item.due_on.isoformat() if item.due_on else None,
            "affecte_le": item.obligation.assigned_at.isoformat(),
        }
        for item in statuses(Obligation.objects.filter(user=user))
    ]
