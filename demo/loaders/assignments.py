"""Demo mandatory training shown by `make run`: the police station of Lens, its unit
manager and a few officers (demonstration data), assigned the continuum module.

Idempotent: found by name, title and email. Generated people use the reserved
`.invalid` domain and are named as demonstration data.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.constants import InstitutionKind, Profession
from accounts.models import Institution, User
from assignments import services
from assignments.models import Assignment
from courses.models import Enrolment

from . import progress as progress_demo

MANAGER = "responsable@egide.test"
LEARNER = "apprenante@egide.test"
TITLE = "Accueil des victimes — police et gendarmerie (obligatoire)"
# (first name, days since completion or None, opened the module)
OFFICERS = [
    ("Alex", 20, True),
    ("Sam", None, True),
    ("Charlie", None, False),
    ("Dominique", 700, True),  # completed two years ago: expiring soon
    ("Eden", None, False),
]


def _station() -> Institution:
    """The police station of Lens, managed by the demo unit manager."""
    station, _created = Institution.objects.get_or_create(
        name="Commissariat de police de Lens",
        city="Lens",
        defaults={
            "kind": InstitutionKind.COMMISSARIAT,
            "address": "Rue Émile Zola",
            "postal_code": "62300",
            "departement_id": "62",
            "arrondissement_id": "627",
        },
    )
    station.managers.add(User.objects.get(email=MANAGER))
    return station


def _people(station: Institution) -> list[User]:
    """The demo learner, then the officers in OFFICERS order, all working at `station`."""
    people = [User.objects.get(email=LEARNER)]
    for first_name, _days, _opened in OFFICERS:
        person, _created = User.objects.get_or_create(
            email=f"{first_name.lower()}.demo@police-lens.invalid",
            defaults={
                "first_name": first_name,
                "last_name": "(démonstration)",
                "profession": Profession.POLICE,
                "employer": "Commissariat de police de Lens",
                "departement_id": "62",
                "arrondissement_id": "627",
                # Demonstration data: nobody signs in with these accounts.
                "password": make_password(None),
            },
        )
        people.append(person)
    User.objects.filter(pk__in=[p.pk for p in people]).update(institution=station)
    return people


def _officers_progress(officers: list[User], *, module) -> None:
    """Open the module for some officers and complete it for others, days ago."""
    now = timezone.now()
    for person, (_name, days, opened) in zip(officers, OFFICERS, strict=True):
        if opened:
            Enrolment.objects.get_or_create(user=person, module=module)
        if days is not None:
            completed_at = timezone.make_aware(
                datetime.combine(timezone.localdate(now) - timedelta(days=days), time(10))
            )
            # Enrolled, lessons done, then the completion: a consistent learner-list row.
            progress_demo.past_completion(user=person, module=module, completed_at=completed_at)
    # Sam opened the first lesson: "en cours".
    first_lesson = module.get_children().live().first()
    Enrolment.objects.filter(
        user__email="sam.demo@police-lens.invalid", module=module, last_lesson__isnull=True
    ).update(last_lesson_id=first_lesson.pk if first_lesson else None)


def load(*, module) -> Assignment:
    """Create the station, its people and their assignment of `module` if missing."""
    station = _station()
    people = _people(station)
    assignment = Assignment.objects.filter(title=TITLE).first()
    if assignment is None:
        assignment = services.assignment_create(
            by=User.objects.get(email="ddfe@egide.test"),
            title=TITLE,
            modules=[module],
            professions=[Profession.POLICE, Profession.GENDARMERIE],
            due_days=45,
            institutions=[station],
        )
    # A due date already past for Charlie and Eden: the manager sees who is late.
    late = [p.pk for p in people if p.first_name in {"Charlie", "Eden"}]
    assignment.obligations.filter(user_id__in=late).update(
        due_on=timezone.localdate() - timedelta(days=10)
    )
    _officers_progress(people[1:], module=module)
    return assignment
