"""Demo sessions shown by `make run`, organised by the demo trainer; the follow-up
module is the demo module.

- The four past awareness evenings for health professionals of the Nord (Lille,
  Dunkerque, Cambrai, Douai; see the seed documents), with their attendance: generated
  demonstration people registered by the organiser, most present, a few absent.
- Their satisfaction questionnaire, answered by most of the people present (not by
  the demo learner: she answers it herself in the README's tour).
- Sessions to come: an evening in Dunkerque, a training day in Lille, a webinar.

Idempotent: events are found by title, registrations and attendance are kept.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.constants import HEALTH_PROFESSIONS
from accounts.models import User
from courses.constants import Kind
from demo import people as demo_people
from events import quiz_contexts, services
from events.constants import Attendance, EventKind, Source
from events.models import Event, Registration, Session
from quizzes import services as quiz_services
from quizzes.models import Questionnaire, QuestionnaireReceipt, QuestionnaireResponse

ORGANISER = "formatrice@egide.test"
LEARNER = "apprenante@egide.test"
PAST_EVENING = "Soirée de sensibilisation des professionnel·les de santé — Lille"
DUNKERQUE_EVENING = "Soirée de sensibilisation — Dunkerque"
WEBINAR = "Webinaire : rédiger le certificat médical initial (ITT)"
TRAINING_DAY = "Journée de formation : accueillir et orienter les victimes de violences conjugales"
# The three other past evenings of the seed documents, as (title, days ago, place).
PAST_EVENINGS = [
    (
        "Soirée de sensibilisation des professionnel·les de santé — Dunkerque",
        -130,
        {
            "place": "Centre hospitalier de Dunkerque",
            "address": "130 avenue Louis Herbeaux",
            "city": "Dunkerque",
            "departement_id": "59",
            "arrondissement_id": "594",
        },
    ),
    (
        "Soirée de sensibilisation des professionnel·les de santé — Cambrai",
        -320,
        {
            "place": "Centre hospitalier de Cambrai",
            "address": "516 avenue de Paris",
            "city": "Cambrai",
            "departement_id": "59",
            "arrondissement_id": "592",
        },
    ),
    (
        "Soirée de sensibilisation des professionnel·les de santé — Douai",
        -540,
        {
            "place": "Centre hospitalier de Douai",
            "address": "Route de Cambrai",
            "city": "Douai",
            "departement_id": "59",
            "arrondissement_id": "593",
        },
    ),
]
TITLES = [PAST_EVENING, DUNKERQUE_EVENING, WEBINAR, TRAINING_DAY] + [
    title for title, _days, _place in PAST_EVENINGS
]
# The real evenings sensitised more than 230 health professionals in all. The demo
# marks fewer people present (each presence renders an attestation PDF at once in
# `make run`): 34 registered per evening, 30 present and 4 absent.
REGISTERED_PER_EVENING = 34
TUESDAY, THURSDAY, FRIDAY = 1, 3, 4
EVENING_START, EVENING_END = time(18, 30), time(21)
ABSENT_PER_EVENING = 4
# What people write at the end of an evening's questionnaire; most leave it blank.
COMMENTS = [
    "",
    "",
    "",
    "",
    "Le cas pratique sur le certificat m'a été très utile.",
    "J'aimerais une séance de suivi dans six mois.",
    "Trop court sur le repérage aux urgences.",
    "Merci pour la liste des associations du secteur.",
    "Je me sens plus à l'aise pour poser la question du dépistage.",
]


def session_day(days: int, weekday: int) -> date:
    """The day a session is held, `days` from today moved to `weekday` (0: Monday): the
    next such day for a session to come, the previous one for a past session. Sessions
    are held on working days, whatever day of the week `make run` loads the demo."""
    day = timezone.localdate() + timedelta(days=days)
    ahead = (weekday - day.weekday()) % 7
    return day + timedelta(days=ahead if days >= 0 else ahead - 7 if ahead else 0)


def _held(days: int, weekday: int, start: time, end: time) -> dict:
    day = session_day(days, weekday)
    return {
        "starts_at": timezone.make_aware(datetime.combine(day, start)),
        "ends_at": timezone.make_aware(datetime.combine(day, end)),
    }


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


def _attendees(number: int) -> list[User]:
    """The generated people who came to the past evening `number` (0 to 3): health
    professionals first (the evenings were for them), each at one evening only."""
    # Movers are left out: their trainings are recorded in date order by demo_people.
    movers = demo_people.mover_emails()
    everyone = [u for u in demo_people.people() if u.email not in movers]
    ordered = [u for u in everyone if u.profession in HEALTH_PROFESSIONS] + [
        u for u in everyone if u.profession not in HEALTH_PROFESSIONS
    ]
    first = number * REGISTERED_PER_EVENING
    return ordered[first : first + REGISTERED_PER_EVENING]


def _attendance(session: Session, *, people: list[User], organiser: User) -> None:
    """Register `people` (added by the organiser a week before) and record the sheet
    through the real service: the present ones get their attestation, the follow-up
    module and their count in the indicators."""
    registered = set(
        Registration.objects.filter(session=session, user__in=people).values_list(
            "user_id", flat=True
        )
    )
    for user in people:
        if user.pk not in registered:
            services.registration_create(
                session=session,
                user=user,
                source=Source.ORGANISER,
                now=session.starts_at - timedelta(days=7),
            )
    absent = {user.pk for user in people[-ABSENT_PER_EVENING:]}
    marks = {
        registration.pk: Attendance.ABSENT if registration.user_id in absent else Attendance.PRESENT
        for registration in Registration.objects.filter(
            session=session, user__in=people, attendance=Attendance.UNKNOWN
        )
    }
    if marks:
        services.attendance_record(session=session, by=organiser, marks=marks, now=session.ends_at)


def _questionnaire_answers(session: Session, *, people: list[User]) -> None:
    """The session's questionnaire, answered the evening itself by most of the people
    present, through the real service (once each: a second run adds nothing)."""
    questionnaire = session.event.questionnaire
    if questionnaire is None:
        return
    subject = quiz_contexts.key(session)
    present = set(
        Registration.objects.filter(
            session=session, user__in=people, attendance=Attendance.PRESENT
        ).values_list("user_id", flat=True)
    )
    answered = set(
        QuestionnaireReceipt.objects.filter(
            questionnaire=questionnaire, subject=subject
        ).values_list("user_id", flat=True)
    )
    items = list(questionnaire.items.order_by("pk"))
    for user in people:
        # Each person's own draw: the same answers whatever was recorded before.
        rng = random.Random(f"questionnaire:{session.event.title}:{user.email}")
        chosen = rng.random() < demo_people.ANSWER_CHANCE
        if user.pk not in present or user.pk in answered or not chosen:
            continue
        # Most leave the evening better equipped: agreeing answers weigh more.
        response = quiz_services.questionnaire_answer(
            questionnaire=questionnaire,
            user=user,
            subject=subject,
            overall=rng.choices([2, 3, 4, 5], weights=[1, 3, 8, 6])[0],
            values={item.pk: rng.choices([1, 2, 3, 4], weights=[1, 2, 8, 9])[0] for item in items},
            comment=rng.choice(COMMENTS),
        )
        QuestionnaireResponse.objects.filter(pk=response.pk).update(
            answered_on=timezone.localdate(session.ends_at)
        )


def _health_evening(health: list[str], description: str, session: dict) -> dict:
    """An awareness evening for health professionals, two and a half hours."""
    return {
        "kind": EventKind.EVENING,
        "nature": Kind.SENSIBILISATION,
        "duration_minutes": 150,
        "audiences": health,
        "description": description,
        "session": session,
    }


def _lille_evening(health: list[str]) -> dict:
    return _health_evening(
        health,
        "Repérer les violences conjugales en consultation, accueillir la parole, "
        "rédiger le certificat médical initial et orienter la victime.",
        {
            **_held(-14, TUESDAY, EVENING_START, EVENING_END),
            "place": "Faculté de médecine Henri-Warembourg",
            "address": "1 place de Verdun",
            "city": "Lille",
            "departement_id": "59",
            "arrondissement_id": "595",
            "capacity": 120,
        },
    )


def _dunkerque_evening(health: list[str]) -> dict:
    return _health_evening(
        health,
        "Le continuum des violences et le psychotraumatisme.",
        {
            **_held(21, THURSDAY, EVENING_START, EVENING_END),
            "place": "Centre hospitalier de Dunkerque",
            "address": "130 avenue Louis Herbeaux",
            "city": "Dunkerque",
            "departement_id": "59",
            "arrondissement_id": "594",
            "capacity": 60,
        },
    )


def _past_evening(health: list[str], days: int, place: dict) -> dict:
    """One of the three other evenings of the seed documents, `days` from today."""
    return _health_evening(
        health,
        "À partir d'une pièce de théâtre : les formes de violences conjugales, "
        "les ressources locales et la levée du secret professionnel.",
        {**_held(days, THURSDAY, EVENING_START, EVENING_END), "capacity": 80, **place},
    )


def _webinar() -> dict:
    return {
        "kind": EventKind.WEBINAR,
        "nature": Kind.FORMATION,
        "duration_minutes": 90,
        "audiences": [],
        "description": "Une heure et demie pour rédiger un certificat utile à la victime.",
        "session": {
            **_held(35, TUESDAY, time(12, 30), time(14)),
            "online_url": "https://webinaire.example.gouv.fr/itt",
            "capacity": 300,
        },
    }


def _training_day() -> dict:
    return {
        "kind": EventKind.TRAINING_DAY,
        "nature": Kind.FORMATION,
        "duration_minutes": 360,
        "audiences": [],
        "description": (
            "Une journée interinstitutionnelle pour enquêteur·rices, soignant·es et "
            "travailleur·ses sociaux : évaluer le danger, recueillir la parole, orienter "
            "vers les partenaires du territoire."
        ),
        "session": {
            **_held(56, FRIDAY, time(9), time(16, 30)),
            "place": "Préfecture du Nord",
            "address": "12-14 rue Jean Sans Peur",
            "city": "Lille",
            "departement_id": "59",
            "arrondissement_id": "595",
            "capacity": 30,
        },
    }


def _learner_present(past: Session, *, organiser: User) -> None:
    """The demo learner attended the Lille evening, added by the organiser (the evening
    is for health professionals)."""
    learner = User.objects.filter(email=LEARNER).first()
    if learner is None:
        return
    registration = Registration.objects.filter(session=past, user=learner).first()
    if registration is None:
        registration = services.registration_create(
            session=past,
            user=learner,
            source=Source.ORGANISER,
            now=past.starts_at - timedelta(days=6),
        )
    if registration.attendance != Attendance.PRESENT:
        services.attendance_record(
            session=past,
            by=organiser,
            marks={registration.pk: Attendance.PRESENT},
            now=past.ends_at,
        )


def load(*, module=None) -> list[Session]:
    """Create the demo events if missing and record the past evenings' attendance."""
    organiser = User.objects.get(email=ORGANISER)
    questionnaire = Questionnaire.objects.order_by("pk").first()
    health = sorted(HEALTH_PROFESSIONS)

    def event(title: str, fields: dict) -> Session:
        return _event(
            title, organiser=organiser, module=module, questionnaire=questionnaire, **fields
        )

    past = event(PAST_EVENING, _lille_evening(health))
    dunkerque = event(DUNKERQUE_EVENING, _dunkerque_evening(health))
    webinar = event(WEBINAR, _webinar())
    training_day = event(TRAINING_DAY, _training_day())
    evenings = [past] + [
        event(title, _past_evening(health, days, place)) for title, days, place in PAST_EVENINGS
    ]
    for number, session in enumerate(evenings):
        _attendance(session, people=_attendees(number), organiser=organiser)
        _questionnaire_answers(session, people=_attendees(number))
    _learner_present(past, organiser=organiser)
    return [*evenings, dunkerque, training_day, webinar]
