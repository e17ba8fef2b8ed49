"""Demo institutions of the Nord and Pas-de-Calais (ten, of several kinds and
arrondissements), one offer each with slots to come, one completed placement for the
demo learner and a few past placements of generated demonstration people, all run
through the real workflow so that the placements indicators show figures (used by
`manage.py load_demo`). Idempotent."""

from datetime import timedelta

from django.utils import timezone

from accounts.constants import InstitutionKind
from accounts.models import Institution, User
from demo import people as demo_people
from placements import services
from placements.constants import Status
from placements.models import Offer, PlacementRequest, Slot

HOST_EMAIL = "accueil@egide.test"
LEARNER_EMAIL = "apprenante@egide.test"

INSTITUTIONS = [
    {
        "name": "Centre hospitalier de Lens",
        "kind": InstitutionKind.HOPITAL,
        "address": "99 route de La Bassée",
        "postal_code": "62300",
        "city": "Lens",
        "departement_id": "62",
        "arrondissement_id": "627",
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
        "departement_id": "62",
        "arrondissement_id": "621",
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
        "departement_id": "59",
        "arrondissement_id": "595",
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
        "departement_id": "59",
        "arrondissement_id": "595",
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
    {
        "name": "Centre hospitalier de Valenciennes",
        "kind": InstitutionKind.HOPITAL,
        "address": "114 avenue Desandrouin",
        "postal_code": "59300",
        "city": "Valenciennes",
        "departement_id": "59",
        "arrondissement_id": "596",
        "managed": True,
        "offer": {
            "title": "Le repérage des violences conjugales aux urgences et en maternité",
            "description": (
                "Vous passez une journée avec les soignant·es des urgences et de la maternité "
                "qui posent systématiquement la question des violences, et avec la "
                "psychologue qui reçoit les patientes."
            ),
            "objectives": (
                "Savoir poser la question, repérer les signes d'alerte et connaître le "
                "circuit d'orientation de l'hôpital."
            ),
            "practical_info": "Rendez-vous à 9 h au secrétariat des urgences.",
        },
    },
    {
        "name": "Parquet du tribunal judiciaire de Boulogne-sur-Mer",
        "kind": InstitutionKind.JUSTICE,
        "address": "Place de la Résistance",
        "postal_code": "62200",
        "city": "Boulogne-sur-Mer",
        "departement_id": "62",
        "arrondissement_id": "623",
        "managed": True,
        "offer": {
            "title": "Une journée au parquet : le traitement des violences conjugales",
            "description": (
                "Vous suivez le ou la substitut·e référent·e violences conjugales : "
                "permanence téléphonique avec les enquêteurs, audiences de comparution "
                "immédiate, attribution d'un téléphone grave danger."
            ),
            "objectives": (
                "Comprendre ce que devient une plainte, les mesures de protection et ce que "
                "le parquet attend d'une procédure."
            ),
            "practical_info": "Pièce d'identité demandée à l'entrée du palais de justice.",
        },
    },
    {
        "name": "Commissariat de Dunkerque",
        "kind": InstitutionKind.COMMISSARIAT,
        "address": "Rue Louis Herbeaux",
        "postal_code": "59140",
        "city": "Dunkerque",
        "departement_id": "59",
        "arrondissement_id": "594",
        "managed": True,
        "offer": {
            "title": "Avec la brigade de protection de la famille",
            "description": (
                "Vous découvrez le travail de la brigade de protection de la famille : "
                "accueil des victimes, auditions, évaluation du danger, lien avec "
                "l'intervenant·e social·e et les associations."
            ),
            "objectives": (
                "Connaître le déroulement d'une enquête pour violences conjugales et les "
                "relais à activer pour la victime et ses enfants."
            ),
            "practical_info": "Présentez-vous à l'accueil à 9 h, avec une pièce d'identité.",
        },
    },
    {
        "name": "Maison départementale des solidarités de Douai",
        "kind": InstitutionKind.DEPARTEMENT,
        "address": "Place du Barlet",
        "postal_code": "59500",
        "city": "Douai",
        "departement_id": "59",
        "arrondissement_id": "593",
        "managed": False,
        "offer": {
            "title": "L'accompagnement social des victimes et de leurs enfants",
            "description": (
                "Vous accompagnez les travailleur·ses sociaux du Département : entretiens, "
                "protection de l'enfance, recherche d'un hébergement, aides financières."
            ),
            "objectives": (
                "Savoir ce que le service social peut proposer à une victime et comment "
                "l'y adresser."
            ),
            "practical_info": "",
        },
    },
    {
        "name": "CAF du Pas-de-Calais — accueil de Calais",
        "kind": InstitutionKind.CAF,
        "address": "Rue Jean-Jacques Rousseau",
        "postal_code": "62100",
        "city": "Calais",
        "departement_id": "62",
        "arrondissement_id": "626",
        "managed": False,
        "offer": {
            "title": "Les droits des victimes qui se séparent",
            "description": (
                "Vous assistez aux rendez-vous des conseiller·es : aide universelle d'urgence, "
                "changement de situation, intermédiation financière des pensions "
                "alimentaires."
            ),
            "objectives": (
                "Connaître les aides et démarches qui permettent à une victime de quitter "
                "le domicile."
            ),
            "practical_info": "Accueil sur rendez-vous, de 9 h à 16 h.",
        },
    },
    {
        "name": "Accueil de jour pour femmes victimes de violences — Béthune",
        "kind": InstitutionKind.ASSOCIATION,
        "address": "Rue d'Aire",
        "postal_code": "62400",
        "city": "Béthune",
        "departement_id": "62",
        "arrondissement_id": "622",
        "managed": False,
        "offer": {
            "title": "Une journée à l'accueil de jour",
            "description": (
                "Vous participez à l'accueil inconditionnel, sans rendez-vous, des femmes "
                "victimes, aux groupes de parole et à l'accompagnement vers la plainte."
            ),
            "objectives": (
                "Comprendre le parcours d'une victime avant et après la plainte et le rôle "
                "des associations spécialisées."
            ),
            "practical_info": "Les activités se font avec l'accord des personnes accueillies.",
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


# Past placements of generated people, run through the real workflow: (generated
# person's number, institution's name, days before the demo was loaded).
PAST_PLACEMENTS = [
    (1, "Centre hospitalier de Lens", 600),
    (2, "Brigade de gendarmerie d'Arras", 480),
    (3, "Centre hospitalier de Valenciennes", 400),
    (4, "Parquet du tribunal judiciaire de Boulogne-sur-Mer", 310),
    (5, "Commissariat de Dunkerque", 220),
    (6, "Centre hospitalier de Valenciennes", 150),
    (7, "Brigade de gendarmerie d'Arras", 90),
    (8, "Parquet du tribunal judiciaire de Boulogne-sur-Mer", 40),
]


def _past_placement(*, offer: Offer, learner: User, host: User, days: int, today) -> None:
    """A placement `days` ago: requested two weeks before through `request_create`,
    accepted, confirmed by both parties, then declared completed on its last day."""
    if PlacementRequest.objects.filter(user=learner, slot__offer=offer).exists():
        return
    start = _monday(today - timedelta(days=days)) + timedelta(days=1)  # a Tuesday
    slot = Slot.objects.create(offer=offer, start_date=start, end_date=start, seats=1)
    placement = services.request_create(
        user=learner,
        slot=slot,
        motivation="Voir comment nos partenaires reçoivent les victimes que nous orientons.",
        employer_name=learner.employer,
        employer_contact_name="Cheffe de service",
        employer_email="encadrement@employeur.demo.egide.invalid",
        employer_phone="03 20 00 00 00",
        today=start - timedelta(days=14),
    )
    PlacementRequest.objects.filter(pk=placement.pk).update(
        created_at=timezone.now() - timedelta(days=days + 14)
    )
    services.request_accept(request_id=placement.pk, by=host, message="Nous vous attendons.")
    services.request_confirm(request_id=placement.pk, by=learner)
    services.request_confirm(request_id=placement.pk, by=host)
    services.request_complete(request_id=placement.pk, by=host, today=slot.end_date)


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
    people = demo_people.people()
    offers = {o.institution.name: o for o in Offer.objects.filter(institution__in=institutions)}
    for number, name, days in PAST_PLACEMENTS:
        _past_placement(
            offer=offers[name], learner=people[number - 1], host=host, days=days, today=today
        )
    return institutions
