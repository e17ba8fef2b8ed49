"""Writes: assign modules to a population, keep it current as people sign up, and send
the reminders of the schedule — each once, whatever the number of beat runs."""

import logging
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import User

from . import emails, selectors
from .constants import DueStatus, ReminderKind
from .models import Assignment, Obligation, ReminderSent, RosterEntry

logger = logging.getLogger(__name__)

BATCH = 2000


def population(assignment: Assignment) -> QuerySet[User]:
    """Active accounts matching every criterion of the assignment, plus its roster's."""
    people = User.objects.filter(is_active=True, anonymised_at__isnull=True)
    institution_ids = list(assignment.institutions.values_list("pk", flat=True))
    criteria = Q()
    if institution_ids:
        criteria &= Q(institution_id__in=institution_ids)
    if assignment.professions:
        criteria &= Q(profession__in=assignment.professions)
    if assignment.arrondissements:
        criteria &= Q(arrondissement_id__in=assignment.arrondissements)
    roster = Q(pk__in=assignment.roster.filter(user__isnull=False).values("user_id"))
    if not (assignment.professions or assignment.arrondissements or institution_ids):
        return people.filter(roster)
    return people.filter(criteria | roster)


def _matches(assignment: Assignment, user: User, institution_ids: set[int]) -> bool:
    if not (assignment.professions or assignment.arrondissements or institution_ids):
        return False
    return (
        (not assignment.professions or user.profession in assignment.professions)
        and (not assignment.arrondissements or user.arrondissement_id in assignment.arrondissements)
        and (not institution_ids or user.institution_id in institution_ids)
    )


def obligations_create(*, assignment: Assignment, user_ids, now: datetime) -> int:
    return _create_obligations(assignment, user_ids, now=now)


def _create_obligations(assignment: Assignment, user_ids, *, now: datetime) -> int:
    """Create the missing obligations of these people (existing ones are kept as they
    are, with their first due date); return how many were created."""
    from core.bulk import insert_rows

    module_ids = list(assignment.modules.values_list("pk", flat=True))
    due_on = assignment.due_on(now)
    user_ids = list(user_ids)
    created = 0
    for start in range(0, len(user_ids), BATCH):
        chunk = user_ids[start : start + BATCH]
        existing = set(
            Obligation.objects.filter(assignment=assignment, user_id__in=chunk).values_list(
                "user_id", "module_id"
            )
        )
        missing = [
            (assignment.pk, user_id, module_id, now, due_on)
            for user_id in chunk
            for module_id in module_ids
            if (user_id, module_id) not in existing
        ]
        if len(missing) > 100:
            # Imports: streamed in (the rows were checked just above, in this transaction).
            created += insert_rows(
                Obligation,
                ["assignment_id", "user_id", "module_id", "assigned_at", "due_on"],
                missing,
            )
        else:
            # A sign-up may race with an import: conflicts are skipped, not fatal.
            Obligation.objects.bulk_create(
                [
                    Obligation(assignment_id=a, user_id=u, module_id=m, assigned_at=at, due_on=due)
                    for a, u, m, at, due in missing
                ],
                ignore_conflicts=True,
            )
            created += len(missing)
    return created


@transaction.atomic
def assignment_apply(*, assignment: Assignment, now: datetime | None = None) -> int:
    """Give the assignment's modules to everyone of its population who has not got them
    yet; the first notices leave with the next reminder run, queued on commit."""
    from . import tasks

    now = now or timezone.now()
    if not assignment.active:
        return 0
    created = _create_obligations(
        assignment, population(assignment).values_list("pk", flat=True).iterator(), now=now
    )
    if created:
        transaction.on_commit(tasks.reminders_send.delay)
    logger.info("assignment %s applied: %s obligations created", assignment.pk, created)
    return created


def assignment_create(
    *,
    by: User,
    title: str,
    modules,
    professions: list[str] | None = None,
    arrondissements: list[str] | None = None,
    due_date: date | None = None,
    due_days: int | None = None,
    institutions=(),
    recertify: bool = True,
    **schedule,
) -> Assignment:
    """Create an assignment and give its modules to its population at once."""
    with transaction.atomic():
        assignment = Assignment(
            title=title,
            professions=professions or [],
            arrondissements=arrondissements or [],
            due_date=due_date,
            due_days=due_days,
            recertify=recertify,
            created_by=by,
            **schedule,
        )
        assignment.full_clean()
        assignment.save()
        modules = list(modules)
        if not modules:
            raise ValidationError({"modules": "Choisissez au moins un module."})
        assignment.modules.set(modules)
        assignment.institutions.set(institutions)
        assignment_apply(assignment=assignment)
    return assignment


def _claim_roster(user: User) -> None:
    """An account created with an address of a roster is that person: link it, and
    fill the profile fields still empty from the roster (profession, employer)."""
    entries = RosterEntry.objects.filter(email=user.email.lower(), user__isnull=True)
    entry = entries.order_by("-created_at").first()
    if entry is None:
        return
    entries.update(user=user)
    fields = {}
    if not user.profession and entry.profession:
        fields["profession"] = entry.profession
    if not user.employer and entry.institution:
        fields["employer"] = entry.institution
    if fields:
        User.objects.filter(pk=user.pk).update(**fields)
        for name, value in fields.items():
            setattr(user, name, value)


def assignment_update(*, assignment: Assignment, form) -> Assignment:
    """Save an edited assignment and give its modules to whoever joined its population
    (people who left it keep their obligations and history)."""
    with transaction.atomic():
        assignment.full_clean()
        assignment.save()
        form.save_m2m()
        assignment_apply(assignment=assignment)
    return assignment


def on_user_anonymised(sender, user, **kwargs) -> None:
    """An account deleted: the roster lines naming the person go (their obligations stay,
    anonymous, in the compliance figures)."""
    RosterEntry.objects.filter(user=user).delete()


# The fields that decide whether a person belongs to a population.
POPULATION_FIELDS = frozenset({"profession", "arrondissement", "institution", "is_active"})


def on_user_saved(sender, instance: User, created: bool, update_fields=None, **kwargs) -> None:
    """A new account, or a profile just completed, may belong to active assignments;
    an account created for an email of a roster is that person."""
    if not instance.is_active or instance.anonymised_at is not None:
        return
    if not created and update_fields is not None and not POPULATION_FIELDS & set(update_fields):
        return  # every sign-in saves last_login: nothing here can have changed
    now = timezone.now()
    with transaction.atomic():
        if created and instance.email:
            _claim_roster(instance)
        from . import tasks

        roster_assignments = set(
            RosterEntry.objects.filter(user=instance).values_list("assignment_id", flat=True)
        )
        made = 0
        for assignment in Assignment.objects.filter(active=True).prefetch_related("institutions"):
            institution_ids = {institution.pk for institution in assignment.institutions.all()}
            if assignment.pk in roster_assignments or _matches(
                assignment, instance, institution_ids
            ):
                made += _create_obligations(assignment, [instance.pk], now=now)
        if made:
            transaction.on_commit(tasks.reminders_send.delay)


def _reminders_due(item: selectors.ObligationStatus, today: date) -> list[tuple[str, str]]:
    """The reminders the schedule calls for today, as (kind, key), most important first;
    the first one not sent yet is sent."""
    obligation, assignment = item.obligation, item.obligation.assignment
    if item.status == DueStatus.UP_TO_DATE:
        return []  # never to someone whose training is valid
    if item.status == DueStatus.EXPIRING:
        return [(ReminderKind.EXPIRY, item.valid_until.isoformat())]
    due = item.due_on
    candidates = []
    recently = (today - timezone.localdate(obligation.assigned_at)).days <= ASSIGNED_NOTICE_DAYS
    if item.completed_at is None and recently:
        candidates.append((ReminderKind.ASSIGNED, "assigned"))
    days_left = (due - today).days
    if days_left > 0:
        # The closest step of the schedule not passed yet: 10 days before a due date
        # with reminders at 14 and 3 days sends the 14-day one (once).
        steps = sorted(day for day in assignment.remind_days_before if day >= days_left)
        if steps:
            candidates.append((ReminderKind.BEFORE, f"{due.isoformat()}:{steps[0]}"))
    elif days_left == 0:
        if assignment.remind_on_due_date:
            candidates.append((ReminderKind.DUE, due.isoformat()))
    else:
        rank = -days_left // max(1, assignment.overdue_every_days)
        if 1 <= rank <= assignment.overdue_max:
            candidates.append((ReminderKind.OVERDUE, f"{due.isoformat()}:{rank}"))
    return candidates


# A notice of assignment is still worth sending a few days late (beat stopped), not after.
ASSIGNED_NOTICE_DAYS = 7


def reminders_send(*, now: datetime | None = None) -> int:
    """Send the reminders the schedules call for today, at most one per obligation;
    return how many were sent.

    Each reminder is recorded before its email is queued (on commit), under a unique
    key: a second run the same day, or two beats at once, send nothing more.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    active = Obligation.objects.filter(assignment__active=True, user__is_active=True)
    already = set(
        ReminderSent.objects.filter(obligation__in=active).values_list(
            "obligation_id", "kind", "key"
        )
    )
    sent = 0
    for item in selectors.statuses(active, today=today):
        for kind, key in _reminders_due(item, today):
            if (item.obligation.pk, kind, key) in already:
                continue
            if _record(item, kind=kind, key=key, now=now):
                sent += 1
            break
    return sent


def _record(item: selectors.ObligationStatus, *, kind: str, key: str, now, by=None) -> bool:
    try:
        with transaction.atomic():
            _reminder, created = ReminderSent.objects.get_or_create(
                obligation=item.obligation,
                kind=kind,
                key=key,
                defaults={"sent_at": now, "sent_by": by},
            )
            if created:
                emails.reminder(item, kind=kind)
    except IntegrityError:  # another run recorded it at the same moment
        return False
    return created


def reminders_send_overdue(*, obligations: QuerySet[Obligation], by: User) -> int:
    """A unit manager reminds the overdue people of their unit (once a day each): the
    obligations selectors.manager_reminders_due counts for the button, no other."""
    now = timezone.now()
    today = timezone.localdate(now)
    sent = 0
    items = selectors.statuses(obligations, today=today)
    for item in selectors.manager_reminders_due(items, today=today):
        if _record(item, kind=ReminderKind.MANAGER, key=today.isoformat(), now=now, by=by):
            sent += 1
    return sent


def invitations_send(*, assignment: Assignment) -> int:
    """Invite, once, the people of the roster who have no account yet: a sign-up link
    with their address; their profile is filled from the roster when they sign up."""
    now = timezone.now()
    pending = list(
        assignment.roster.filter(user__isnull=True, invited_at__isnull=True).values_list(
            "pk", "email"
        )
    )
    for start in range(0, len(pending), BATCH):
        chunk = pending[start : start + BATCH]
        RosterEntry.objects.filter(pk__in=[pk for pk, _email in chunk]).update(invited_at=now)
        for _pk, email in chunk:
            emails.invitation(email=email, assignment=assignment)
    return len(pending)
