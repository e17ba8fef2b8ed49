"""Reads: the public listing and calendar, a person's registrations, the organiser's
sessions and registrants, eligibility, and the sessions held (for the indicators)."""

import calendar
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.constants import Role
from accounts.roles import has_role
from certificates import selectors as certificate_selectors
from quizzes import selectors as quiz_selectors

from .constants import Attendance, Status
from .models import Event, Registration, Session


def _format(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y à %H:%M")


# --- Permissions --------------------------------------------------------------------


def is_organiser(user) -> bool:
    return has_role(user, Role.TRAINER, Role.ADMIN)


def may_manage(user, event: Event) -> bool:
    """Administrators manage every event; trainers the events they organise."""
    if has_role(user, Role.ADMIN):
        return True
    if not has_role(user, Role.TRAINER):
        return False
    return Event.organisers.through.objects.filter(event_id=event.pk, user_id=user.pk).exists()


def managed_events(user) -> QuerySet[Event]:
    if has_role(user, Role.ADMIN):
        return Event.objects.all()
    if has_role(user, Role.TRAINER):
        return Event.objects.filter(organisers=user)
    return Event.objects.none()


# --- Eligibility --------------------------------------------------------------------


def registration_refusal(*, session: Session, user, now: datetime | None = None) -> str | None:
    """Why this person may not register by themselves now, in French; None if they may."""
    now = now or timezone.now()
    refusal = session_refusal(session=session, now=now)
    if refusal is None and not session.event.admits(user.profession):
        return _("Cette session est réservée aux professions suivantes : %(professions)s.") % {
            "professions": ", ".join(session.event.audience_labels)
        }
    return refusal


def session_refusal(*, session: Session, now: datetime | None = None) -> str | None:
    """Why nobody may register by themselves now (cancelled, over, started, closed)."""
    now = now or timezone.now()
    if session.is_cancelled:
        return _("Cette session est annulée.")
    if session.ends_at < now:
        return _("Cette session est terminée.")
    if session.starts_at <= now:
        return _("Cette session a déjà commencé.")
    if not session.registrations_open:
        return _("Les inscriptions à cette session sont fermées.")
    if session.deadline < now:
        return _("La date limite d'inscription est dépassée (%(date)s).") % {
            "date": _format(session.deadline)
        }
    return None


# --- Public listing -----------------------------------------------------------------


def _with_counts(queryset: QuerySet[Session]) -> QuerySet[Session]:
    return queryset.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__status=Status.REGISTERED)),
        waiting=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
    )


def seats_left(session: Session) -> int:
    return max(session.capacity - session.seats_taken, 0)


def upcoming_sessions(
    *,
    now: datetime | None = None,
    departement: str = "",
    profession: str = "",
    kind: str = "",
    nature: str = "",
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[Session]:
    """Sessions not cancelled and not over, soonest first, with `seats_taken` (one query).

    `profession` keeps the sessions open to it (events with no audience are open to all).
    """
    now = now or timezone.now()
    queryset = Session.objects.select_related("event", "departement").filter(
        cancelled_at__isnull=True, ends_at__gte=now
    )
    if departement:
        queryset = queryset.filter(departement=departement)
    if kind:
        queryset = queryset.filter(event__kind=kind)
    if nature:
        queryset = queryset.filter(event__nature=nature)
    if start:
        queryset = queryset.filter(starts_at__gte=start)
    if end:
        queryset = queryset.filter(starts_at__lt=end)
    sessions = list(_with_counts(queryset).order_by("starts_at", "pk"))
    if profession:
        # Audiences are a JSON list (not filterable on every database): few rows, in Python.
        sessions = [s for s in sessions if s.event.admits(profession)]
    for session in sessions:
        session.seats_left = seats_left(session)
    return sessions


@dataclass
class Day:
    day: date
    sessions: list[Session]


@dataclass
class Month:
    first: date
    days: list[Day]  # only the days with sessions (an accessible list, not a grid)
    previous: date
    next: date


def month_calendar(*, year: int, month: int, now: datetime | None = None, **filters) -> Month:
    """The upcoming sessions of a month, grouped by day."""
    first = date(year, month, 1)
    last_day = calendar.monthrange(year, month)[1]
    tz = timezone.get_current_timezone()
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(first + timedelta(days=last_day), time.min, tzinfo=tz)
    sessions = upcoming_sessions(now=now, start=start, end=end, **filters)
    by_day: dict[date, list[Session]] = {}
    for session in sessions:
        by_day.setdefault(timezone.localtime(session.starts_at).date(), []).append(session)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = first + timedelta(days=last_day)
    return Month(
        first=first,
        days=[Day(day, items) for day, items in sorted(by_day.items())],
        previous=previous,
        next=following,
    )


def session_public(*, session_id: int) -> Session | None:
    session = (
        _with_counts(Session.objects.select_related("event", "departement"))
        .filter(pk=session_id)
        .first()
    )
    if session is not None:
        session.seats_left = seats_left(session)
    return session


def registration_of(*, session: Session, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(session=session, user=user).first()


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != Status.WAITLISTED:
        return None
    return (
        Registration.objects.filter(session_id=registration.session_id, status=Status.WAITLISTED)
        .filter(
            Q(queued_at__lt=registration.queued_at)
            | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def follow_up_modules(*, event: Event) -> list:
    """The event's follow-up modules that are published, in title order."""
    return list(event.follow_up_modules.live().order_by("title"))


def questionnaire_url(*, session: Session) -> str:
    questionnaire_id = session.event.questionnaire_id
    if not questionnaire_id:
        return ""
    return reverse("quizzes:questionnaire_answer", args=[questionnaire_id, "session", session.pk])


# --- A person's registrations ---------------------------------------------------------


@dataclass
class MyRegistration:
    registration: Registration
    session: Session
    position: int | None
    attestation: object | None
    questionnaire_url: str
    questionnaire_answered: bool
    started: bool

    @property
    def may_cancel(self) -> bool:
        return self.registration.is_active and not self.session.is_cancelled and not self.started


def _ahead_in_queue() -> Subquery:
    ahead = (
        Registration.objects.filter(session=OuterRef("session"), status=Status.WAITLISTED)
        .filter(
            Q(queued_at__lt=OuterRef("queued_at"))
            | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead), Value(0))


def my_registrations(*, user, now: datetime | None = None) -> dict[str, list[MyRegistration]]:
    """The person's registrations (cancelled ones left out), upcoming and past."""
    now = now or timezone.now()
    registrations = list(
        Registration.objects.select_related("session__event", "session__departement")
        .filter(user=user)
        .exclude(status=Status.CANCELLED)
        .annotate(ahead=_ahead_in_queue())
        .order_by("session__starts_at", "pk")
    )
    attestations = certificate_selectors.attestations_by_source(
        user=user, sources=[f"session-attendance:{r.pk}" for r in registrations]
    )
    upcoming, past = [], []
    for registration in registrations:
        session = registration.session
        present = registration.attendance == Attendance.PRESENT
        url = questionnaire_url(session=session) if present else ""
        answered = bool(url) and quiz_selectors.questionnaire_answered(
            questionnaire=session.event.questionnaire,
            user=user,
            subject=f"session:{session.pk}",
        )
        row = MyRegistration(
            registration=registration,
            session=session,
            position=registration.ahead + 1 if registration.status == Status.WAITLISTED else None,
            attestation=attestations.get(f"session-attendance:{registration.pk}"),
            questionnaire_url=url,
            questionnaire_answered=answered,
            started=session.starts_at <= now,
        )
        (upcoming if session.ends_at >= now else past).append(row)
    past.reverse()
    return {"upcoming": upcoming, "past": past}


def feed_registrations(*, user) -> list[Registration]:
    """What the personal calendar feed lists: active registrations, sessions not cancelled."""
    return list(
        Registration.objects.select_related("session__event", "session__departement")
        .filter(
            user=user,
            status__in=[Status.REGISTERED, Status.WAITLISTED],
            session__cancelled_at__isnull=True,
        )
        .order_by("session__starts_at")
    )


# --- Organisers -----------------------------------------------------------------------


def organiser_sessions(*, user, now: datetime | None = None) -> dict[str, list[Session]]:
    """Sessions of the events the person organises (all for administrators), with counts."""
    now = now or timezone.now()
    events = managed_events(user)
    sessions = list(
        Session.objects.select_related("event", "departement")
        .filter(event__in=events)
        .annotate(
            seats_taken=Count("registrations", filter=Q(registrations__status=Status.REGISTERED)),
            waiting=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
            present=Count(
                "registrations",
                filter=Q(
                    registrations__status=Status.REGISTERED,
                    registrations__attendance=Attendance.PRESENT,
                ),
            ),
        )
        .order_by("starts_at", "pk")
    )
    upcoming = [s for s in sessions if s.ends_at >= now]
    past = [s for s in sessions if s.ends_at < now]
    past.reverse()
    return {"upcoming": upcoming, "past": past}


def session_for_manager(*, session_id: int) -> Session | None:
    session = (
        _with_counts(Session.objects.select_related("event", "departement"))
        .filter(pk=session_id)
        .first()
    )
    if session is not None:
        session.seats_left = seats_left(session)
    return session


def session_registrants(*, session: Session) -> dict[str, list[Registration]]:
    """Registered people (by name), the waiting list (in order), cancellations (one query)."""
    registrations = list(
        Registration.objects.select_related("user")
        .filter(session=session)
        .order_by("queued_at", "pk")
    )
    registered = sorted(
        (r for r in registrations if r.status == Status.REGISTERED),
        key=lambda r: (r.user.last_name.lower(), r.user.first_name.lower(), r.pk),
    )
    waiting = [r for r in registrations if r.status == Status.WAITLISTED]
    for position, registration in enumerate(waiting, start=1):
        registration.position = position
    cancelled = [r for r in registrations if r.status == Status.CANCELLED]
    return {"registered": registered, "waiting": waiting, "cancelled": cancelled}


def _plain(text: str) -> str:
    """Lower case without accents, so "ines" finds "Inès"."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def matching_people(registrations: list[Registration], query: str) -> list[Registration]:
    """The registrations whose name holds every word of `query`; each gets `search_text`,
    the text the attendance sheet's script filters on (names only: the sheet shows no
    address)."""
    for registration in registrations:
        user = registration.user
        registration.search_text = _plain(f"{user.last_name} {user.first_name}")
    words = _plain(query).split()
    return [r for r in registrations if all(word in r.search_text for word in words)]


# --- For the indicators ----------------------------------------------------------------


def sessions_held(start: datetime, end: datetime) -> QuerySet[Session]:
    """Sessions not cancelled, starting in [start, end), with at least one person present."""
    present = Registration.objects.filter(
        session=OuterRef("pk"), status=Status.REGISTERED, attendance=Attendance.PRESENT
    )
    return (
        Session.objects.select_related("event", "departement")
        .filter(cancelled_at__isnull=True, starts_at__gte=start, starts_at__lt=end)
        .filter(Exists(present))
        .order_by("starts_at")
    )


def personal_data(user) -> list[dict]:
    """The person's registrations, for the RGPD export."""
    return [
        {
            "evenement": r.session.event.title,
            "debut": r.session.starts_at.isoformat(),
            "statut": r.get_status_display(),
            "presence": r.get_attendance_display() if r.attendance else None,
            "inscrit_le": r.created_at.isoformat(),
        }
        for r in Registration.objects.select_related("session__event", "session__departement")
        .filter(user=user)
        .order_by("session__starts_at")
    ]
