"""Demo sessions shown by `make run`: one past awareness evening in Lille with its
attendance, an evening to come in Dunkerque and a webinar, organised by the demo
trainer; the follow-up module is the demo module.

Idempotent: events are found by title, registrations and attendance are kept.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.constants import HEALTH_PROFESSIONS
from accounts.models import User
from courses.constants import Kind
from quizzes.models import Questionnaire

from . import services
from .constants import Attendance, EventKind, Source
from .models import Event, Registration, Session

ORGANISER = "formatrice@egide.test"
LEARNER = "apprenante@egide.test"
PAST_EVENING = "Soirée de sensibilisation des professionnel·les de santé — Lille"
DUNKERQUE_EVENING = "Soirée de sensibilisation — Dunkerque"
WEBINAR = "Webinaire : rédiger le certificat médical initial (ITT)"
TITLES = [PAST_EVENING, DUNKERQUE_EVENING, WEBINAR]


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _event(title: str, *, organiser: User, module, questionnaire, session: dict, **fields):
    event = Event.objects.filter(title=title).first()
    if event is None:
        event = Event.objects.create(title=title, created_by=organiser, **fields)
        event.questionnaire = questionnaire
        event.save()
        Event.organisers.through.objects.create(event=event, user=organiser)
        if module is not None:
            Event.follow_up_modules.through.objects.create(event=event, modulepage=module)
        Session.objects.create(event=event, **session)
    return event.sessions.order_by("starts_at").first()


def load(*, module=None) -> list[Session]:
    organiser = User.objects.get(email=ORGANISER)
    learner = User.objects.filter(email=LEARNER).first()
    questionnaire = Questionnaire.objects.order_by("pk").first()
    health = sorted(HEALTH_PROFESSIONS)

    past = _event(
        PAST_EVENING,
        organiser=organiser,
        module=module,
        questionnaire=questionnaire,
        kind=EventKind.EVENING,
        nature=Kind.SENSIBILISATION,
        duration_minutes=150,
        audiences=health,
        description=(
            "Repérer les violences conjugales en consultation, accueillir la parole, "
            "rédiger le certificat médical initial et orienter la victime."
        ),
        session={
            "starts_at": _at(-14, 18, 30),
            "ends_at": _at(-14, 21),
            "place": "Faculté de médecine Henri-Warembourg",
            "address": "1 place de Verdun",
            "city": "Lille",
            "departement": "59",
            "arrondissement": "59-lille",
            "capacity": 120,
        },
    )
    dunkerque = _event(
        DUNKERQUE_EVENING,
        organiser=organiser,
        module=module,
        questionnaire=questionnaire,
        kind=EventKind.EVENING,
        nature=Kind.SENSIBILISATION,
        duration_minutes=150,
        audiences=health,
        description="Le continuum des violences et le psychotraumatisme.",
        session={
            "starts_at": _at(21, 18, 30),
            "ends_at": _at(21, 21),
            "place": "Centre hospitalier de Dunkerque",
            "address": "130 avenue Louis Herbeaux",
            "city": "Dunkerque",
            "departement": "59",
            "arrondissement": "59-dunkerque",
            "capacity": 60,
        },
    )
    webinar = _event(
        WEBINAR,
        organiser=organiser,
        module=module,
        questionnaire=questionnaire,
        kind=EventKind.WEBINAR,
        nature=Kind.FORMATION,
        duration_minutes=90,
        audiences=[],
        description="Une heure et demie pour rédiger un certificat utile à la victime.",
        session={
            "starts_at": _at(35, 12, 30),
            "ends_at": _at(35, 14),
            "online_url": "https://webinaire.example.gouv.fr/itt",
            "capacity": 300,
        },
    )
    if learner is not None:
        registration = Registration.objects.filter(session=past, user=learner).first()
        if registration is None:
            # Added by the organiser (the evening is for health professionals).
            registration = services.registration_create(
                session=past, user=learner, source=Source.ORGANISER, now=_at(-20, 9)
            )
        if registration.attendance != Attendance.PRESENT:
            services.attendance_record(
                session=past,
                by=organiser,
                marks={registration.pk: Attendance.PRESENT},
                now=past.ends_at,
            )
    return [past, dunkerque, webinar]
