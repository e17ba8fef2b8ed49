"""About 300 generated learners for the demonstration, and their progress over two years.

Used only by `manage.py load_demo`, so that the DDFE's dashboard and the plans' reports
show meaningful figures and month-by-month charts: `demo.loaders.progress` records their
modules, the events and placements loaders pick attendees and trainees among them.
Everything here is clearly demonstration data: the addresses are on the reserved
`.invalid` domain (RFC 2606), the passwords are unusable (`make_password(None)`: nobody
can log in as these people) and every last name ends with "(démonstration)".

The figures are the same on every machine: each person is drawn from a random
generator seeded with their number, and the dates are counted back from a fixed
reference day (`REFERENCE_DAY`), not from today. Most work in the Nord or the
Pas-de-Calais, a few elsewhere; about fifteen moved from one to the other (`MOVERS`)
and their trainings are recorded in date order around the move, so that each
participation carries the département of its day. Idempotent: a person is found by
their address, a module's progress by the person's enrolment, so a second run adds
nothing.
"""

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password

from accounts.constants import Profession
from accounts.models import User

COUNT = 300
DOMAIN = "demo.egide.invalid"
MARK = "(démonstration)"
SEED = "egide-demo-2026"
PARIS = ZoneInfo("Europe/Paris")
# Dates are drawn back from this day so that every machine gets the same figures; the
# demo is meant to be loaded around it (a later load simply shows older activity).
REFERENCE_DAY = date(2026, 11, 20)
SPAN_DAYS = 730

FIRST_NAMES = [
    "Camille", "Julie", "Sarah", "Léa", "Manon", "Emma", "Chloé", "Laura", "Pauline",
    "Marine", "Claire", "Anaïs", "Nadia", "Fatima", "Sophie", "Céline", "Élodie", "Aurélie",
    "Thomas", "Nicolas", "Julien", "Maxime", "Kevin", "Mehdi", "Antoine", "Romain",
    "Alexandre", "Guillaume", "Mathieu", "Florian", "Sébastien", "Karim", "Jérôme", "David",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Lefebvre", "Leroy", "Dubois", "Lemaire", "Dupont", "Duhamel", "Delattre",
    "Vasseur", "Caron", "Lecomte", "Deschamps", "Wattel", "Deleplanque", "Vandamme",
    "Bouchez", "Carpentier", "Lefort", "Dumont", "Hennebelle", "Mahieu", "Bernard",
    "Benali", "Haddad", "Kowalski", "Nowak", "Lemoine", "Dufour", "Leclercq", "Maes",
]  # fmt: skip

# How many people of each profession in a hundred: many police officers and gendarmes
# (the mandatory module), then health and social professionals.
PROFESSION_WEIGHTS = {
    Profession.POLICE: 24,
    Profession.GENDARMERIE: 20,
    Profession.MEDECIN: 9,
    Profession.INFIRMIER: 10,
    Profession.SAGE_FEMME: 4,
    Profession.TRAVAILLEUR_SOCIAL: 14,
    Profession.ASSOCIATION: 7,
    Profession.AGENT_COLLECTIVITE: 6,
    Profession.MAGISTRAT: 2,
    Profession.ELU: 2,
    Profession.AUTRE: 2,
}
EMPLOYERS = {
    Profession.POLICE: "Commissariat de {city}",
    Profession.GENDARMERIE: "Brigade de gendarmerie de {city}",
    Profession.MEDECIN: "Centre hospitalier de {city}",
    Profession.INFIRMIER: "Centre hospitalier de {city}",
    Profession.SAGE_FEMME: "Maternité de {city}",
    Profession.TRAVAILLEUR_SOCIAL: "Maison départementale des solidarités de {city}",
    Profession.ASSOCIATION: "Association d'aide aux victimes de {city}",
    Profession.AGENT_COLLECTIVITE: "Mairie de {city}",
    Profession.MAGISTRAT: "Tribunal judiciaire de {city}",
    Profession.ELU: "Conseil municipal de {city}",
    Profession.AUTRE: "Centre communal d'action sociale de {city}",
}
# More people in the populous arrondissements (Lille, Lens, Valenciennes…), and a few
# from elsewhere: the Somme and the Aisne (same région, Hauts-de-France), Paris and
# the Rhône, so that the regional and national figures differ from the two plans'.
# Arrondissements by INSEE code (COG 2026): 595 Lille, 627 Lens…
ARRONDISSEMENT_WEIGHTS = {
    "595": 26,
    "596": 8,
    "594": 8,
    "593": 6,
    "592": 4,
    "591": 5,
    "627": 10,
    "621": 6,
    "622": 8,
    "623": 5,
    "626": 5,
    "625": 4,
    "624": 3,
    "802": 2,
    "801": 1,
    "023": 1,
    "022": 1,
    "751": 1,
    "691": 1,
}
ARRONDISSEMENT_NAMES = {
    "591": "Avesnes-sur-Helpe",
    "592": "Cambrai",
    "593": "Douai",
    "594": "Dunkerque",
    "595": "Lille",
    "596": "Valenciennes",
    "621": "Arras",
    "622": "Béthune",
    "623": "Boulogne-sur-Mer",
    "624": "Montreuil",
    "625": "Saint-Omer",
    "626": "Calais",
    "627": "Lens",
    "801": "Abbeville",
    "802": "Amiens",
    "022": "Laon",
    "023": "Saint-Quentin",
    "751": "Paris",
    "691": "Lyon",
}
# About fifteen people moved between the Nord and the Pas-de-Calais during the two
# years, with modules completed before and after the move: each participation keeps
# the département of its day, so the two plans share exactly these people.
MOVERS = 15
# Generated people 1 to 8 do the demo placements and the first ones come to the
# Nord evenings (demo/loaders/events.py): movers are chosen further on and kept out of
# both, so that each of their trainings is recorded in the order it happened.
FIRST_MOVER = 150
MOVED_FROM = {
    "59": ["595", "596", "593"],
    "62": ["627", "621", "622"],
}

HEALTH = {Profession.MEDECIN, Profession.INFIRMIER, Profession.SAGE_FEMME}
FORCES = {Profession.POLICE, Profession.GENDARMERIE}
SOCIAL = {Profession.TRAVAILLEUR_SOCIAL, Profession.ASSOCIATION, Profession.AGENT_COLLECTIVITE}

# Chance that a person of these professions takes each module (by slug).
MODULE_CHANCES = {
    "continuum-des-violences": lambda p: 0.85 if p in FORCES else 0.5,
    "psychotraumatisme-accueil": lambda p: 0.45 if p in FORCES | HEALTH | SOCIAL else 0.15,
    "prostitution-des-mineurs": lambda p: 0.45 if p in SOCIAL else 0.2,
    "certificat-medical-itt": lambda p: (
        0.7 if p in {Profession.MEDECIN, Profession.SAGE_FEMME} else 0.0
    ),
}
MODULE_SLUGS = sorted(MODULE_CHANCES)
COMPLETION_CHANCE = 0.7
ANSWER_CHANCE = 0.6


@dataclass(frozen=True)
class Person:
    number: int
    email: str
    first_name: str
    last_name: str
    profession: str
    departement: str
    arrondissement: str
    employer: str
    joined_on: date
    # A mover's first territory and the day they took their new post (None: never moved).
    previous_arrondissement: str | None = None
    moved_on: date | None = None

    @property
    def previous_departement(self) -> str | None:
        return self.previous_arrondissement[:2] if self.previous_arrondissement else None

    def arrondissement_on(self, day: date) -> str:
        """Where the person worked on `day`."""
        if self.moved_on and day < self.moved_on:
            return self.previous_arrondissement
        return self.arrondissement


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _draw(number: int) -> Person:
    rng = random.Random(f"{SEED}-person-{number}")
    first_name = rng.choice(FIRST_NAMES)
    last_name = rng.choice(LAST_NAMES)
    profession = _weighted(rng, PROFESSION_WEIGHTS)
    arrondissement = _weighted(rng, ARRONDISSEMENT_WEIGHTS)
    city = ARRONDISSEMENT_NAMES[arrondissement]
    slug = f"{first_name}.{last_name}".lower()
    for accented, plain in (("é", "e"), ("è", "e"), ("ë", "e"), ("ï", "i"), (" ", "-")):
        slug = slug.replace(accented, plain)
    return Person(
        number=number,
        email=f"{slug}.{number}@{DOMAIN}",
        first_name=first_name,
        last_name=f"{last_name} {MARK}",
        profession=profession,
        departement=arrondissement[:2],
        arrondissement=arrondissement,
        employer=EMPLOYERS[profession].format(city=city),
        joined_on=REFERENCE_DAY - timedelta(days=rng.randrange(SPAN_DAYS)),
    )


def _mover(spec: Person) -> Person | None:
    """`spec` as a mover if they fit (Nord or Pas-de-Calais, two completions on
    different days): moved from the other département halfway between them."""
    if spec.departement not in MOVED_FROM:
        return None
    days = sorted({step.finished for step in steps(spec) if step.complete})
    if len(days) < 2:
        return None
    other = "62" if spec.departement == "59" else "59"
    choices = MOVED_FROM[other]
    moved_on = days[0] + (days[-1] - days[0]) // 2 + timedelta(days=1)
    return replace(
        spec,
        previous_arrondissement=choices[spec.number % len(choices)],
        moved_on=moved_on,
    )


@cache
def _movers() -> dict[int, Person]:
    """The movers, by number: the first MOVERS people who fit, from FIRST_MOVER on."""
    found: dict[int, Person] = {}
    for number in range(FIRST_MOVER, COUNT + 1):
        moved = _mover(_draw(number))
        if moved is not None:
            found[number] = moved
            if len(found) == MOVERS:
                break
    return found


def person(number: int) -> Person:
    """The generated person number `number` (1 to COUNT), always the same."""
    return _movers().get(number) or _draw(number)


def mover_emails() -> set[str]:
    return {spec.email for spec in _movers().values()}


@dataclass(frozen=True)
class Step:
    """A person's planned progress in one module (drawn from its own generator)."""

    slug: str
    started: date
    finished: date
    complete: bool
    # The generator's state after these draws: the progress loader goes on drawing
    # from it.
    state: tuple


def steps(spec: Person) -> list[Step]:
    """The modules `spec` opens, by slug order; the same whatever the day of the load.

    Dates are capped at REFERENCE_DAY rather than today so that who moved, and when,
    does not depend on the day the demo is loaded.
    """
    steps = []
    for slug in MODULE_SLUGS:
        seed = f"{SEED}-progress-{spec.number}-{slug}"
        rng = random.Random(seed)
        chance = MODULE_CHANCES.get(slug, lambda p: 0.2)(spec.profession)
        if rng.random() >= chance:
            continue
        started = min(spec.joined_on + timedelta(days=rng.randrange(0, 60)), REFERENCE_DAY)
        finished = min(started + timedelta(days=rng.randrange(0, 45)), REFERENCE_DAY)
        complete = rng.random() < COMPLETION_CHANCE and finished < REFERENCE_DAY
        steps.append(Step(slug, started, finished, complete, rng.getstate()))
    return steps


def _employer(spec: Person, arrondissement: str) -> str:
    return EMPLOYERS[spec.profession].format(city=ARRONDISSEMENT_NAMES[arrondissement])


def people(count: int = COUNT) -> list:
    """Create the generated people still missing; return the `count` first, in order.

    A mover is created where they worked first; `demo.loaders.progress` moves them on
    their day.
    """
    wanted = [person(number) for number in range(1, count + 1)]
    existing = {u.email: u for u in User.objects.filter(email__in=[p.email for p in wanted])}
    missing = [
        User(
            email=p.email,
            first_name=p.first_name,
            last_name=p.last_name,
            profession=p.profession,
            departement_id=p.previous_departement or p.departement,
            arrondissement_id=p.previous_arrondissement or p.arrondissement,
            employer=_employer(p, p.previous_arrondissement or p.arrondissement),
            password=make_password(None),
            date_joined=datetime.combine(p.joined_on, time(9), tzinfo=PARIS),
        )
        for p in wanted
        if p.email not in existing
    ]
    if missing:
        # One insert: nothing to claim for people who did not exist (the indicators'
        # post_save receiver links participations recorded under an address).
        User.objects.bulk_create(missing)
        existing = {u.email: u for u in User.objects.filter(email__in=[p.email for p in wanted])}
    return [existing[p.email] for p in wanted]
