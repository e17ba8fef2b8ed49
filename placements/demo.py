"""Demo institutions of the Nord and Pas-de-Calais, one offer each, and one completed
placement for the demo learner (used by `manage.py load_demo`). Idempotent."""

from datetime import timedelta

from django.utils import timezone

from accounts.constants import InstitutionKind
from accounts.models import Institution, User

from . import services
from .constants import Status
from .models import Offer, PlacementRequest, Slot

HOST_EMAIL = "accueil@egide.test"
LEARNER_EMAIL = "apprenante@egide.test"

INSTITUTIONS = [
    {
        "name": "Centre hospitalier de Lens",
        "kind": InstitutionKind.HOPITAL,
        "address": "99 route de La Bassée",
        "postal_code": "62300",
        "city": "Lens",
        "departement": "62",
        "arrondissement": "62-lens",
        "managed": True,
        "offer": {
            "title": "Une journée à l'unité médico-judiciaire",
            "description": (
                "Vous suivez l'équipe de l'unité médico-judiciaire : accueil d'une victime "
                "adressée par les enquêteurs, examen, rédaction du certificat et de l'ITT, "
                "lien avec l'assistante sociale de l'hôpital."
            ),
            "objectives": (
                "Comprendre le parcours de soins d'une victime de violences, ce que contient "
                "un certificat médical initial et comment il est utilisé par l'enquête."
            ),
            "practical_info": "Rendez-vous à 8 h 30 à l'accueil des urgences. Pièce d'identité.",
        },
    },
    {
        "name": "Brigade de gendarmerie d'Arras",
        "kind": InstitutionKind.GENDARMERIE,
        "address": "12 rue du Temple",
        "postal_code": "62000",
        "city": "Arras",
        "departement": "62",
        "arrondissement": "62-arras",
        "managed": True,
        "offer": {
            "title": "Accueil et audition des victimes en brigade",
            "description": (
                "Vous assistez à l'accueil au guichet, à une audition de victime (avec son "
                "accord), et vous échangez avec la maison de protection des familles."
            ),
            "objectives": (
                "Connaître les étapes d'une plainte, la grille d'évaluation du danger et "
                "l'orientation vers les partenaires."
            ),
            "practical_info": "Tenue civile. Présentez-vous au planton à 9 h.",
        },
    },
    {
        "name": "Commissariat central de Lille",
        "kind": InstitutionKind.COMMISSARIAT,
        "address": "14 boulevard de la Liberté",
        "postal_code": "59000",
        "city": "Lille",
        "departement": "59",
        "arrondissement": "59-lille",
        "managed": False,
        "offer": {
            "title": "Une journée avec l'intervenante sociale en commissariat",
            "description": (
                "Vous accompagnez l'intervenante sociale (ISCG) : premiers entretiens, "
                "orientation vers l'hébergement et les associations, lien avec les enquêteurs."
            ),
            "objectives": "Comprendre le rôle de l'ISCG et les relais possibles après une plainte.",
            "practical_info": "",
        },
    },
    {
        "name": "CIDFF du Nord",
        "kind": InstitutionKind.CIDFF,
        "address": "10 rue de Valmy",
        "postal_code": "59000",
        "city": "Lille",
        "departement": "59",
        "arrondissement": "59-lille",
        "managed": False,
        "offer": {
            "title": "Permanence d'information juridique",
            "description": (
                "Vous assistez aux permanences d'information sur les droits (ordonnance de "
                "protection, séparation, logement) et à un atelier collectif."
            ),
            "objectives": "Savoir vers quoi orienter une victime pour ses démarches juridiques.",
            "practical_info": "Les entretiens se font avec l'accord des personnes reçues.",
        },
    },
]


def _monday(day):
    """The Monday of the week of `day`: demo placements run on weekdays."""
    return day - timedelta(days=day.weekday())


def _upcoming_slots(offer: Offer, today) -> None:
    if offer.slots.filter(start_date__gt=today).exists():
        return
    first = _monday(today + timedelta(days=21)) + timedelta(days=1)  # a Tuesday
    Slot.objects.create(offer=offer, start_date=first, end_date=first)
    second = _monday(today + timedelta(days=49))
    Slot.objects.create(
        offer=offer, start_date=second, end_date=second + timedelta(days=1), seats=2
    )


def _completed_placement(*, offer: Offer, learner: User, host: User, today) -> None:
    """A placement of last month, run through the real workflow (convention, attestation)."""
    if PlacementRequest.objects.filter(
        user=learner, slot__offer=offer, status=Status.COMPLETED
    ).exists():
        return
    start = _monday(today - timedelta(days=30)) + timedelta(days=3)  # a Thursday
    slot = Slot.objects.create(offer=offer, start_date=start, end_date=start, seats=1)
    # Created directly: the request service refuses slots already past.
    placement = PlacementRequest.objects.create(
        slot=slot,
        user=learner,
        motivation="Mieux comprendre ce que devient une victime que nous adressons aux urgences.",
        employer_name=learner.employer or "Commissariat de Lens",
        employer_contact_name="Commandant Marc Delattre",
        employer_email="commandement@lens.exemple.fr",
        employer_phone="03 21 00 00 00",
        created_at=timezone.now() - timedelta(days=45),
    )
    services.request_accept(request_id=placement.pk, by=host, message="Bienvenue dans l'équipe.")
    services.request_confirm(request_id=placement.pk, by=learner)
    services.request_confirm(request_id=placement.pk, by=host)
    services.request_complete(request_id=placement.pk, by=host, today=today)


def load(**kwargs) -> list[Institution]:
    """Create or refresh the demo institutions and offers; return the institutions."""
    today = timezone.localdate()
    host = User.objects.get(email=HOST_EMAIL)
    learner = User.objects.get(email=LEARNER_EMAIL)
    institutions = []
    for entry in INSTITUTIONS:
        data = {k: v for k, v in entry.items() if k not in {"managed", "offer", "name", "city"}}
        institution, _created = Institution.objects.update_or_create(
            name=entry["name"], city=entry["city"], defaults=data
        )
        institution.full_clean()
        if entry["managed"]:
            institution.managers.add(host)
        offer, _created = Offer.objects.update_or_create(
            institution=institution,
            title=entry["offer"]["title"],
            defaults={**entry["offer"], "is_published": True, "created_by": host},
        )
        _upcoming_slots(offer, today)
        institutions.append(institution)
    hospital_offer = Offer.objects.get(institution=institutions[0])
    _completed_placement(offer=hospital_offer, learner=learner, host=host, today=today)
    return institutions
